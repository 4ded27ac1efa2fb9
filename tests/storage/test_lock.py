"""The lock files pin, with hashes, every dependency pyproject.toml names, and carry nothing of this machine."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_LOCK = ROOT / "requirements.lock"
DEV_LOCK = ROOT / "requirements-dev.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+?)(?:\s*;[^\\]*)?\s*\\?$")


def project() -> dict[str, list[str]]:
    with open(ROOT / "pyproject.toml", "rb") as f:
        table = tomllib.load(f)["project"]
    return {"runtime": table["dependencies"], "dev": table["optional-dependencies"]["dev"]}


def named(requirements: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(r).name) for r in requirements}


def pins(lock: Path) -> dict[str, set[str]]:
    """Package name -> the versions pinned (one per environment marker, e.g. numpy by Python version)."""
    found: dict[str, set[str]] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            found.setdefault(canonicalize_name(match[1]), set()).add(match[2])
    return found


def requirement_blocks(lock: Path) -> list[str]:
    """Each requirement with its continuation lines (hashes), comments left out."""
    text = "\n".join(
        line for line in lock.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")
    )
    return [block for block in re.split(r"\n(?=\S)", text) if block.strip()]


def test_runtime_lock_pins_every_runtime_dependency() -> None:
    missing = named(project()["runtime"]) - pins(RUNTIME_LOCK).keys()
    assert missing == set(), f"run `make lock`: requirements.lock lacks {sorted(missing)}"


def test_dev_lock_pins_every_runtime_and_dev_dependency() -> None:
    deps = project()
    missing = (named(deps["runtime"]) | named(deps["dev"])) - pins(DEV_LOCK).keys()
    assert missing == set(), f"run `make lock`: requirements-dev.lock lacks {sorted(missing)}"


def test_dev_lock_holds_the_runtime_versions() -> None:
    runtime, dev = pins(RUNTIME_LOCK), pins(DEV_LOCK)
    differ = {name: (versions, dev.get(name)) for name, versions in runtime.items() if dev.get(name) != versions}
    assert differ == {}


@pytest.mark.parametrize("lock", [RUNTIME_LOCK, DEV_LOCK], ids=lambda p: p.name)
def test_every_requirement_is_exact_and_hashed(lock: Path) -> None:
    blocks = requirement_blocks(lock)
    assert blocks, f"{lock.name} is empty"
    loose = [b.splitlines()[0] for b in blocks if not PIN.match(b.splitlines()[0]) or "--hash=sha256:" not in b]
    assert loose == []


@pytest.mark.parametrize("lock", [RUNTIME_LOCK, DEV_LOCK], ids=lambda p: p.name)
def test_lock_names_no_index_or_local_path(lock: Path) -> None:
    # pip here is configured with local mirrors; a lock that carried them would fail on every other machine.
    text = lock.read_text(encoding="utf-8")
    for option in ("--index-url", "--extra-index-url", "--find-links", "-f ", "file:", "/opt/", "/work/"):
        assert option not in text, option


def test_installs_come_from_the_locks() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements-dev.lock" in makefile
    assert "--require-hashes -r /tmp/requirements.lock" in dockerfile
    assert "COPY requirements.lock" in dockerfile
