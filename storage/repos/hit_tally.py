"""Answer counts (kb_hits), gathered per process after each commit and written about once a second.

Every policy answer adds one to its entry's row for the day. Written in the message's own transaction,
that one row was taken by every message asking the same question: on PostgreSQL each held its lock
through its COMMIT and the log flush, so concurrent messages, in one process or several, went through
one at a time (issue #23). Now a transaction notes its hits in `session.info`; when it commits they join
this process's tally (a rolled-back one's are dropped, so a retried message counts once); a thread
writes the tally in a transaction of its own, one statement per entry and day, at most every
`FLUSH_EVERY_S` seconds. A count that cannot be written stays in the tally for the next try (up to MAX_TRIES). What a
process held when it died is lost: at most a second of a statistic, never a reply or a case.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from datetime import date

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from storage.repos import kb_maintenance

log = logging.getLogger("qingfeng.kb_hits")
FLUSH_EVERY_S = 1.0
IDLE_EXIT_S = 10.0  # the thread ends after this long with nothing to write (tests build many apps)
MAX_TRIES = 30  # then a database that refuses the counts (gone, dropped) loses them, with one error line
_KEY = "kb_hits_pending"

_lock = threading.Lock()
_flushing = threading.Lock()  # one flush at a time
_tally: Counter[tuple[Engine, str, date]] = Counter()
_failures: Counter[Engine] = Counter()
_thread: threading.Thread | None = None


def count(session: Session, entry_id: str, day: date) -> None:
    """One more answer by `entry_id` on `day`, kept once `session`'s transaction commits."""
    pending: list[tuple[str, date]] = session.info.setdefault(_KEY, [])
    pending.append((entry_id, day))


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    pending = session.info.pop(_KEY, None)
    if not pending:
        return
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine  # a session on a Connection: its engine
    with _lock:
        _tally.update((engine, entry_id, day) for entry_id, day in pending)
        _ensure_thread()


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_KEY, None)


def flush() -> None:
    """Write what the tally holds now (the thread calls it; so may a test or a shutting-down process).

    Returns once everything counted before the call is written, a write the thread had under way included.
    """
    with _flushing:
        _flush()


def _flush() -> None:
    with _lock:
        taken = dict(_tally)
        _tally.clear()
    by_engine: dict[Engine, list[tuple[str, date, int]]] = {}
    for (engine, entry_id, day), n in taken.items():
        by_engine.setdefault(engine, []).append((entry_id, day, n))
    for engine, rows in by_engine.items():
        try:
            with Session(engine) as session, session.begin():
                for entry_id, day, n in sorted(rows):  # one order everywhere: two processes never deadlock
                    kb_maintenance.count_hit(session, entry_id, day, n=n)
        except Exception:
            with _lock:
                _failures[engine] += 1
                if _failures[engine] >= MAX_TRIES:  # a database gone for good: stop retrying, say so once
                    del _failures[engine]
                    log.error("answer counts not written after %d tries; dropped", MAX_TRIES, exc_info=True)
                    continue
                _tally.update({(engine, entry_id, day): n for entry_id, day, n in rows})
            log.warning("answer counts not written; kept for the next try", exc_info=True)
        else:
            _failures.pop(engine, None)


def _ensure_thread() -> None:
    global _thread
    if _thread is None:
        _thread = threading.Thread(target=_run, name="kb-hit-tally", daemon=True)
        _thread.start()


def _run() -> None:
    global _thread
    idle_since = time.monotonic()
    while True:
        time.sleep(FLUSH_EVERY_S)
        with _lock:
            if not _tally:
                if time.monotonic() - idle_since >= IDLE_EXIT_S:
                    _thread = None
                    return
                continue
        flush()
        idle_since = time.monotonic()
