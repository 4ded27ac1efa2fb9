"""Shared pieces of the browser suites: headless Chromium through Playwright, and the app served live."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from handlers.runtime import Runtime
from storage.db import make_engine
from storage.migrate import upgrade
from tests.conftest import IN_CI

SHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps dialling out, which this machine refuses.
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def unavailable(reason: str) -> None:
    """Skip locally; in CI a browser suite that cannot run is a failure, never a pass."""
    if IN_CI:
        pytest.fail(f"browser suite cannot run in CI: {reason}")
    pytest.skip(reason)


@contextmanager
def chromium() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed (pip install 'playwright>=1.45')")
    if not Path(CHROMIUM).exists():
        unavailable(f"{CHROMIUM} missing (apt-get install chromium)")
    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        except Exception as exc:
            unavailable(f"chromium does not start: {exc}")
        yield browser
        browser.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port for the duration; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def csp_refusals(page: Any) -> list[str]:
    """What the page's Content-Security-Policy refused (Chromium reports each on the console), as it happens."""
    refused: list[str] = []
    page.on("console", lambda msg: refused.append(msg.text) if "Content Security Policy" in msg.text else None)
    return refused


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@dataclass(frozen=True)
class Served:
    engine: Engine
    runtime: Runtime
    app: Any
    base: str


@contextmanager
def served_app(root: Path, seed: Callable[[sessionmaker[Session]], None], **settings: object) -> Iterator[Served]:
    """The whole app on a migrated SQLite database under `root`, seeded, served live on loopback."""
    from handlers.app import create_app
    from tests.cases_support import KEYS
    from tests.webhook_support import settings_for_tests

    engine = make_engine(f"sqlite:///{root / 'qf.db'}")
    upgrade(engine)
    runtime = Runtime.from_settings(settings_for_tests(identity_key=KEYS.current, **settings), engine=engine)
    seed(runtime.sessions)
    app = create_app(runtime)
    try:
        with live(app) as base:
            yield Served(engine, runtime, app, base)
    finally:
        engine.dispose()
