"""The wheel carries its migrations and data, installs in a fresh venv, and serves (the Dockerfile's steps)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROD_ENV = {
    "QF_ENV": "prod",
    "QF_WECHAT_TOKEN": "tok-3f9a1c",
    "QF_WECHAT_APPID": "wx1234567890abcdef",
    "QF_WECHAT_APPSECRET": "0123456789abcdef0123456789abcdef",
    "QF_WECHAT_AES_KEY": "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut",
    "QF_SECRET_KEY": "s3cr3t-for-packaging-test-only-0001",
    "QF_IDENTITY_KEY": "id3nt1ty-for-packaging-test-only-0002",
    "QF_PUBLIC_BASE_URL": "https://qingfeng.haidong.example.cn",
    "QF_COOKIE_SECURE": "true",
}

pytestmark = pytest.mark.slow


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=600, **kwargs)  # type: ignore[call-overload, no-any-return]


def clean_env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QF_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(QF_DATABASE_URL=f"sqlite:///{tmp / 'prod.db'}", QF_MEDIA_DIR=str(tmp / "media"))
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)], cwd=ROOT)
    return next(dist.glob("qingfeng-*.whl"))


def test_wheel_leaves_out_bench_and_tests(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert [n for n in names if n.split("/")[0] in ("bench", "tests")] == []
    assert "cases/lifecycle.py" in names and "storage/models/base.py" in names


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("pkg")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "storage/migrations/env.py",
        "storage/migrations/script.py.mako",
        "storage/migrations/versions/0001_foundation_tables.py",
        "villages/data/haidong_villages.csv",
        "villages/data/PROVENANCE.txt",
        "knowledge/kb-topics.yaml",
        "handlers/admin/templates/base.html",
        "handlers/admin/templates/case.html",
        "handlers/admin/static/admin.css",
        "handlers/admin/templates/scans.html",
        "handlers/admin/templates/villages.html",
        "handlers/h5/templates/base.html",
        "handlers/h5/templates/report.html",
        "handlers/h5/static/h5.css",
        "handlers/h5/static/h5.js",
        "handlers/devphone/templates/phone.html",
        "handlers/devphone/static/phone.js",
        "handlers/devphone/static/phone.css",
        "handlers/landing/templates/dev.html",
        "handlers/landing/templates/prod.html",
        "handlers/landing/static/favicon.svg",
        "handlers/landing/static/landing.css",
        "cases/data/holidays/2026.yaml",
        "cases/data/routing_rules.yaml",
    ):
        assert required in names, f"{required} missing from the wheel"
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    pip = str(venv / "bin" / "pip")
    # The Dockerfile's dependency layer: the runtime lock, every file checked against its hash.
    run([pip, "install", "-q", "--require-hashes", "-r", str(ROOT / "requirements.lock")])
    run([pip, "install", "-q", "--no-deps", str(wheel)])  # then the project
    return venv


def test_prod_refuses_placeholder_secrets_and_names_them(installed: Path, tmp_path: Path) -> None:
    env = clean_env(tmp_path, QF_ENV="prod")
    proc = subprocess.run(
        [str(installed / "bin" / "qingfeng"), "serve", "--port", str(free_port())],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "QF_SECRET_KEY" in proc.stdout and "QF_WECHAT_APPSECRET" in proc.stdout


def test_installed_wheel_migrates_loads_registry_and_serves(installed: Path, tmp_path: Path) -> None:
    env = clean_env(tmp_path, **PROD_ENV)
    qingfeng = str(installed / "bin" / "qingfeng")
    setup = run([qingfeng, "setup"], env=env, cwd=tmp_path)
    assert "1665" in setup.stdout
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [qingfeng, "serve", "--port", str(port)], env=env, cwd=tmp_path, stdout=out, stderr=out
        )
    try:
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline and status != 200:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    status = r.status
            except OSError:
                assert server.poll() is None, log.read_text()
                time.sleep(0.2)
        assert status == 200
    finally:
        server.terminate()
        server.wait(timeout=20)
