"""Engines and sessions. SQLite gets WAL, a busy timeout and BEGIN IMMEDIATE; PostgreSQL uses psycopg 3."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import InvalidatePoolError
from sqlalchemy.orm import Session, sessionmaker


def normalise_url(url: str) -> str:
    """Accept plain postgresql:// URLs and route them to psycopg 3."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


WAL_AUTOCHECKPOINT_PAGES = 20_000  # ~80 MB of log before a commit checkpoints it itself (SQLite: 1,000)


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs)
        _tune_sqlite(engine)
        return engine
    kwargs.setdefault("pool_size", 10)
    engine = create_engine(url, **kwargs)
    if not kwargs.get("pool_pre_ping"):
        _ping_when_idle(engine)
    return engine


# A pooled PostgreSQL connection idle longer than this is checked before use (see _ping_when_idle).
PING_IDLE_S = 1.0


def _ping_when_idle(engine: Engine) -> None:
    """Check a connection before use only when it sat idle in the pool for a while.

    SQLAlchemy's pool_pre_ping checks every check-out: a round trip of its own, one in four of a
    webhook message's (issue #23). Connections go stale while idle (a server restart, a proxy's idle
    timeout); one in steady use is checked by its use. A connection idle past PING_IDLE_S is pinged,
    and one that fails the ping is replaced before anyone sees it (with every connection pooled
    before it), as pool_pre_ping does. A busy
    connection that breaks fails its statement (the webhook answers 503, and WeChat retries), and
    SQLAlchemy then drops every connection the pool held from before the break.
    """

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_conn: Any, record: Any) -> None:
        record.info["qf_idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("qf_idle_since")
        if since is None or time.monotonic() - since < PING_IDLE_S:
            return  # just connected, or back from use a moment ago
        try:
            alive = engine.dialect.do_ping(dbapi_conn)
        except engine.dialect.loaded_dbapi.Error as exc:
            alive = False
            failure: Exception | None = exc
        else:
            failure = None
        if not alive:
            # As pool_pre_ping does: every connection from before is suspect; the pool reconnects this one.
            raise InvalidatePoolError("idle connection failed its ping") from failure


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when a transaction begins (see _on_begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        # A safety net only: a serving process checkpoints on its own thread (storage.wal_checkpointer).
        cur.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Take the write lock up front: a deferred transaction that later writes can fail with
        # SQLITE_BUSY instead of waiting, which would turn concurrent WeChat retries into errors.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work for an edge: commit on success, roll back on any error."""
    with factory() as session, session.begin():
        yield session
