"""A message's arrival on PostgreSQL (storage.repos.arrival): one statement claims the nonce and the ledger
row and reads the villager; a concurrent copy of the message waits for the first, and then claims it only
if the first rolled back."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import Engine

from storage.db import make_sessionmaker, transaction
from storage.fastsql import fastsql
from storage.repos import arrival, ledger, users
from storage.repos.arrival import Arrival
from storage.types import utcnow

pytestmark = pytest.mark.parametrize("engine", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)


def _arrive(session: object, key: str, nonce: str | None = None, openid: str = "o-arrive") -> Arrival:
    return arrival.arrive(
        session,  # type: ignore[arg-type]
        message_key=key, openid=openid, nonce_key=nonce, nonce_expires=utcnow() + timedelta(minutes=5),
        now=utcnow(), is_message=True,
    )  # fmt: skip


def test_a_new_message_of_a_known_villager_is_claimed_with_the_villager_read(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as s:
        users.touch_user_and_conversation(s, openid="o-arrive", now=utcnow(), is_message=True)
    with transaction(sessions) as s:
        came = _arrive(s, "m-new", nonce="n-new")
        assert not came.nonce_refused and came.earlier is None
        assert came.loaded is not None and came.loaded[0].openid == "o-arrive"
        ledger.keep_reply(s, key="m-new", reply="答复", now=utcnow())
    with transaction(sessions) as s:  # a retry, with its first nonce or a new one
        assert _arrive(s, "m-new", nonce="n-new").earlier == "答复"
        assert _arrive(s, "m-new", nonce="n-other").earlier == "答复"
    with transaction(sessions) as s:  # another message on a nonce already used
        assert _arrive(s, "m-forged", nonce="n-new").nonce_refused


def test_an_unknown_villager_is_claimed_but_not_read(engine: Engine) -> None:
    with transaction(make_sessionmaker(engine)) as s:
        came = _arrive(s, "m-stranger", openid="o-stranger")
        assert came.earlier is None and came.loaded is None and not came.nonce_refused


@pytest.mark.parametrize("first_commits", [True, False])
def test_a_concurrent_copy_waits_for_the_first_then_claims_only_if_it_rolled_back(
    engine: Engine, first_commits: bool
) -> None:
    sessions = make_sessionmaker(engine)
    claimed, release = threading.Event(), threading.Event()

    def first() -> None:
        try:
            with transaction(sessions) as s:
                assert _arrive(s, "m-race").earlier is None
                ledger.keep_reply(s, key="m-race", reply="第一次", now=utcnow())
                fastsql(s).flush()  # the claim is sent, and held until this transaction ends
                claimed.set()
                release.wait(10)
                if not first_commits:
                    raise RuntimeError("roll back")
        except RuntimeError:
            pass

    thread = threading.Thread(target=first)
    thread.start()
    assert claimed.wait(10)
    seen: list[Arrival] = []
    second = threading.Thread(target=lambda: seen.append(_copy(sessions)))
    second.start()
    time.sleep(0.3)
    assert not seen, "the copy must wait for the first to end"
    release.set()
    thread.join(10)
    second.join(10)
    (came,) = seen
    assert came.earlier == ("第一次" if first_commits else None)


def _copy(sessions: object) -> Arrival:
    with transaction(sessions) as s:  # type: ignore[arg-type]
        came = _arrive(s, "m-race")
        if came.earlier is None:
            ledger.keep_reply(s, key="m-race", reply="第二次", now=utcnow())
        return came
