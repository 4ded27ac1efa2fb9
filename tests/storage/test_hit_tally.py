"""Answer counts are kept once their transaction commits and written about once a second
(storage/repos/hit_tally.py), so no message's transaction holds the day's row of a popular entry."""

from __future__ import annotations

import time
from datetime import date

import pytest
from sqlalchemy import Engine, select

from storage.db import make_sessionmaker, transaction
from storage.models.kb import KbHit
from storage.repos import hit_tally

DAY = date(2000, 1, 1)  # no answer of another test is counted on it


def counts(engine: Engine) -> dict[str, int]:
    with make_sessionmaker(engine)() as s:
        return {h.entry_id: h.count for h in s.scalars(select(KbHit).where(KbHit.day == DAY))}


def test_committed_answers_are_counted_and_added_to_what_is_there(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    for entry in ("dibao", "dibao", "yulu"):
        with transaction(sessions) as session:
            hit_tally.count(session, entry, DAY)
    assert counts(engine) == {}  # not in any message's transaction
    hit_tally.flush()
    assert counts(engine) == {"dibao": 2, "yulu": 1}
    with transaction(sessions) as session:
        hit_tally.count(session, "dibao", DAY)
    hit_tally.flush()
    assert counts(engine) == {"dibao": 3, "yulu": 1}


def test_a_rolled_back_answer_is_not_counted(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    with pytest.raises(RuntimeError), transaction(sessions) as session:
        hit_tally.count(session, "dibao", DAY)
        raise RuntimeError("the message failed; WeChat retries it")
    with transaction(sessions) as session:  # the retry
        hit_tally.count(session, "dibao", DAY)
    hit_tally.flush()
    assert counts(engine) == {"dibao": 1}


def test_the_thread_writes_them_without_being_asked(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hit_tally, "FLUSH_EVERY_S", 0.05)
    with transaction(make_sessionmaker(engine)) as session:
        hit_tally.count(session, "yulu", DAY)
    for _ in range(100):
        if counts(engine):
            break
        time.sleep(0.05)
    assert counts(engine) == {"yulu": 1}
