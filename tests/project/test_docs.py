"""The README and docs/ say nothing that is no longer true: every `qingfeng …` command they show parses,
every file path they name exists, every QF_ setting they name is a setting, and every setting is
documented in docs/configuration.md (as Datasette checks its own documentation)."""

from __future__ import annotations

import argparse
import re
import shlex
import unicodedata
from pathlib import Path

import pytest

from config.settings import Settings
from handlers.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[2]
DOCS = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
    *sorted((ROOT / "docs" / "staff-guide").glob("*.md")),
]
# Settings read outside config/settings.py (tests and benchmarks), documented with the rest.
OTHER_SETTINGS = {"QF_TEST_POSTGRES_URL"}
CODE = re.compile(r"`([^`\n]+)`")
# Only the shapes a reader would copy: a repository path with a known top-level room.
ROOMS = (
    "bot/",
    "cases/",
    "config/",
    "handlers/",
    "knowledge/",
    "storage/",
    "villages/",
    "wechat/",
    "tests/",
    "bench/",
    "docs/",
    ".ci/",
    "tools/",
)


def _texts() -> list[tuple[Path, str]]:
    return [(p, p.read_text(encoding="utf-8")) for p in DOCS]


def test_there_are_docs() -> None:
    names = {p.name for p in DOCS}
    for page in ("architecture.md", "configuration.md", "operations.md", "security.md", "benchmarks.md"):
        assert page in names


def test_every_setting_is_documented_and_every_documented_setting_exists() -> None:
    config = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    settings = {f"QF_{name.upper()}" for name in Settings.model_fields}
    missing = sorted(s for s in settings if f"`{s}`" not in config)
    assert not missing, f"settings not in docs/configuration.md: {missing}"
    known = settings | OTHER_SETTINGS
    for path, text in _texts():
        named = set(re.findall(r"\bQF_[A-Z0-9_]+[A-Z0-9]\b", text))
        unknown = sorted(n for n in named if n not in known)
        assert not unknown, f"{path.name} names settings that do not exist: {unknown}"


def _shown(text: str) -> tuple[list[str], list[str]]:
    """(commands in shell blocks, to be run as written; commands mentioned inline, by name)."""
    blocks, inline = [], []
    for block in re.findall(r"```(?:sh|bash|console)?\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = line.split(" #", 1)[0].strip()
            for prefix in (".venv/bin/qingfeng ", "qingfeng "):
                if line.startswith(prefix) or f" {prefix}" in line or f"|{prefix}" in line:
                    blocks.append(line.split(prefix, 1)[1].strip())
                    break
    for span in CODE.findall(text):
        for part in re.split(r"\s*(?:&&|;|\|)\s*", span):
            for prefix in (".venv/bin/qingfeng ", "qingfeng "):
                if part.strip().startswith(prefix):
                    inline.append(part.strip()[len(prefix) :])
    return blocks, inline


def _subcommand_chain(parser: argparse.ArgumentParser, words: list[str]) -> str | None:
    """None when the leading words name an existing (sub)command, else the word that does not."""
    for word in words:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            return None
        if word not in subs[0].choices:
            return word
        parser = subs[0].choices[word]
    return None


def test_every_command_shown_exists_and_every_example_parses() -> None:
    ran = 0
    for path, text in _texts():
        blocks, inline = _shown(text)
        for command in blocks + inline:
            words = [w for w in command.split() if re.fullmatch(r"[a-z][a-z-]*", w)][:2]
            if not words:
                continue
            bad = _subcommand_chain(build_parser(words[0]), words)
            assert bad is None, f"{path.name}: `qingfeng {command}` names no command {bad!r}"
        for command in blocks:
            argv = _concrete(command)
            if argv is None:
                continue
            try:
                build_parser(argv[0]).parse_args(argv)
            except SystemExit:
                pytest.fail(f"{path.name}: `qingfeng {command}` does not parse")
            ran += 1
    assert ran >= 3


def _concrete(command: str) -> list[str] | None:
    """argv for a command as written, or None for a usage line (placeholders, alternatives, options in [])."""
    if any(ch in command for ch in "[]…<>") or re.search(r"\b[A-Z]{2,}\b", command):
        return None
    try:
        return shlex.split(command)
    except ValueError:
        return None


def test_every_path_named_exists() -> None:
    for path, text in _texts():
        for span in CODE.findall(text):
            candidate = span.split()[0].rstrip(".,:;)") if span.split() else ""
            if not candidate.startswith(ROOMS) or any(ch in candidate for ch in "*{}<>…"):
                continue
            if re.search(r"/[A-Z_]{2,}", candidate):  # a placeholder such as FILE or CODE
                continue
            target = candidate.split("::")[0]
            as_module = re.sub(r"\.[a-z_]+$", "", target) + ".py"  # handlers/admin/exports.neutralise
            exists = (ROOT / target).exists() or (ROOT / as_module).exists()
            assert exists, f"{path.name} names {candidate}, which does not exist"


def test_every_make_target_named_exists() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.M))
    for path, text in _texts():
        for target in re.findall(r"`make ([a-z][a-z-]*)", text):
            assert target in targets, f"{path.name} names `make {target}`, which the Makefile lacks"


def test_every_relative_link_leads_somewhere() -> None:
    for path, text in _texts():
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if "://" in target or target.startswith("mailto:"):
                continue
            assert (path.parent / target).exists(), f"{path.name} links {target}, which does not exist"
        for target in re.findall(r'<img src="([^"]+)"', text):
            assert (path.parent / target).exists(), f"{path.name} shows {target}, which does not exist"


STAFF_GUIDE = ROOT / "docs" / "staff-guide"
ROLE_PAGES = {
    "city.md": "市级监督",
    "county.md": "县纪委监委",
    "department.md": "县直部门",
    "town.md": "乡镇",
    "admin.md": "系统管理员",
}
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def test_the_staff_guide_has_a_page_per_role_with_screenshots_that_exist_and_stay_small() -> None:
    index = (STAFF_GUIDE / "index.md").read_text(encoding="utf-8")
    old_entry = (ROOT / "docs" / "staff-guide.md").read_text(encoding="utf-8")
    for page, role in ROLE_PAGES.items():
        text = (STAFF_GUIDE / page).read_text(encoding="utf-8")
        assert f"({page})" in index and f"(staff-guide/{page})" in old_entry, page
        assert f"角色是“{role}”" in text, f"{page} does not say which role it is for"
    shown = [m for p in sorted(STAFF_GUIDE.glob("*.md")) for m in IMAGE.findall(p.read_text(encoding="utf-8"))]
    assert len(set(shown)) >= 10
    for target in shown:
        image = (STAFF_GUIDE / target).resolve()
        assert image.suffix == ".png" and image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", target
        assert image.stat().st_size <= 250_000, f"{target} is {image.stat().st_size} bytes"


def _slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation and symbols dropped, spaces to hyphens."""
    kept = (ch for ch in heading.strip().lower() if ch in "-_ " or unicodedata.category(ch)[0] not in "PS")
    return "".join(kept).replace(" ", "-")


def test_the_staff_guide_links_to_headings_that_exist() -> None:
    checked = 0
    for path in sorted(STAFF_GUIDE.glob("*.md")):
        for target, anchor in re.findall(r"\]\(([^)#\s]*)#([^)\s]+)\)", path.read_text(encoding="utf-8")):
            page = (path.parent / target) if target else path
            headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), flags=re.M)
            assert anchor in {_slug(h) for h in headings}, f"{path.name} links {target}#{anchor}, no such heading"
            checked += 1
    assert checked >= 5
