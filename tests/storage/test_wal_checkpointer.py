"""SQLite's write-ahead log is copied back by a thread of its own, not inside a request's commit."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from storage.db import WAL_AUTOCHECKPOINT_PAGES, make_engine
from storage.wal_checkpointer import WalCheckpointer


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Iterator[Engine]:
    eng = make_engine(f"sqlite:///{tmp_path / 'c.db'}")
    with eng.begin() as conn:
        conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)"))
    yield eng
    eng.dispose()


def write_rows(engine: Engine, count: int) -> None:
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO t (body) VALUES (:b)"), [{"b": "x" * 500}] * count)


def test_commits_leave_the_log_to_the_checkpointer(sqlite_file: Engine) -> None:
    with sqlite_file.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == WAL_AUTOCHECKPOINT_PAGES
    write_rows(sqlite_file, 2_000)  # ~1 MB of log, which stays in the log until someone checkpoints
    busy, frames, copied = WalCheckpointer(sqlite_file).checkpoint()
    assert busy == 0 and frames > 0 and copied == frames


def test_the_thread_checkpoints_until_stopped(sqlite_file: Engine) -> None:
    write_rows(sqlite_file, 500)
    checkpointer = WalCheckpointer(sqlite_file, interval_s=0.05)
    checkpointer.start()
    try:
        deadline = time.monotonic() + 5
        while checkpointer.last is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        checkpointer.stop()
    assert checkpointer.last is not None
    busy, frames, copied = checkpointer.last
    assert busy == 0 and frames > 0 and copied == frames
    assert checkpointer._thread is None


def test_only_sqlite_has_a_log(tmp_path: Path) -> None:
    class FakeDialect:
        name = "postgresql"

    class FakeEngine:
        dialect = FakeDialect()

    with pytest.raises(ValueError, match="only SQLite"):
        WalCheckpointer(FakeEngine())  # type: ignore[arg-type]
