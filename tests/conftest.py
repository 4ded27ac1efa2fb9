"""Shared fixtures. Database-backed tests run on SQLite and on PostgreSQL (one schema per run).

Use the `sessions` fixture (a sessionmaker on a migrated, emptied database) or `engine`. Both are
parametrised over the two backends. In CI (CI=true) an unreachable PostgreSQL fails the run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from storage.db import make_engine, make_sessionmaker
from storage.migrate import upgrade
from storage.models import Base
from storage.repos import hit_tally
from wechat.client import WechatClient
from wechat.standin import StandinWechat

FIXTURES = Path(__file__).parent / "fixtures"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def postgres_base_url() -> str:
    return os.environ.get("QF_TEST_POSTGRES_URL", Settings().test_postgres_url)


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"PostgreSQL suite cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def _pg_schema() -> Iterator[tuple[str, str] | None]:
    """Create one throw-away schema for this test run; yield (url, schema)."""
    url = postgres_base_url()
    schema = f"qf_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        admin = make_engine(url, pool_size=1)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:
        yield None
        _ = exc
        return
    yield url, schema
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def pg_engine_for(url: str, schema: str) -> Engine:
    return make_engine(url, connect_args={"options": f"-csearch_path={schema}"})


@pytest.fixture(scope="session")
def _engines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Engine]]:
    engines: dict[str, Engine] = {}
    yield engines
    for eng in engines.values():
        eng.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(
    request: pytest.FixtureRequest,
    _engines: dict[str, Engine],
    _pg_schema: tuple[str, str] | None,
    tmp_path_factory: pytest.TempPathFactory,
) -> Engine:
    backend: str = request.param
    if backend not in _engines:
        if backend == "sqlite":
            path = tmp_path_factory.mktemp("sqlite") / "qingfeng.db"
            eng = make_engine(f"sqlite:///{path}")
        else:
            if _pg_schema is None:
                _unavailable(f"PostgreSQL not reachable at {postgres_base_url()}")
            assert _pg_schema is not None
            eng = pg_engine_for(*_pg_schema)
        upgrade(eng)
        _engines[backend] = eng
    eng = _engines[backend]
    hit_tally.flush()  # answer counts earlier tests left for the background write (storage.repos.hit_tally)
    _empty(eng)
    return eng


def _empty(eng: Engine) -> None:
    with eng.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return make_sessionmaker(engine)


@pytest.fixture
def db_url(engine: Engine) -> str:
    """The URL of the test database (PostgreSQL URLs omit the schema: prefer `engine`)."""
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def wx() -> Iterator[StandinWechat]:
    """WeChat's API stand-in on loopback."""
    with StandinWechat() as server:
        yield server


@pytest.fixture
def api(sessions: sessionmaker[Session], wx: StandinWechat) -> Iterator[WechatClient]:
    """The real outbound client, talking to the stand-in, with its token in the test database."""
    with WechatClient(appid=wx.appid, secret=wx.secret, api_base=wx.url, sessions=sessions) as c:
        yield c


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium for a browser suite (tests/browser_support.py launches it).

    Per module, not per session: Playwright's sync API keeps an event loop running in the main thread
    while it is open, and tests that call asyncio.run would fail until it stops.
    """
    from tests.browser_support import chromium  # not at import time: browser_support imports this module

    with chromium() as b:
        yield b


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh desktop page (its own cookies) for the admin suites; the H5 suite makes a phone page."""
    from tests.browser_support import csp_refusals

    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    refused = csp_refusals(pg)
    yield pg
    context.close()
    assert not refused, f"the Content-Security-Policy refused: {refused}"


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every statement psycopg is asked to run, in order (none on SQLite, which runs each write at once)."""
    sent: list[str] = []
    execute = psycopg.Cursor.execute

    def counting(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        sent.append(str(query))
        return execute(self, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", counting)
    yield sent
