"""A batch asks its messages' claims and look-ups ahead, in one round trip on PostgreSQL (issue #23).

Every answer must still be the one the message would have got asking as it went: a retry in the
batch, a villager's second message, a nonce replayed within the batch. On SQLite nothing is asked
ahead; the same tests hold there.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError

from bot.context import Context, Reply
from bot.dispatcher import Router
from handlers.webhook.budget import Budget
from handlers.webhook.processing import Job, Nonce, ReplayedNonce
from storage.db import make_sessionmaker, transaction
from storage.fastsql import fastsql
from storage.models import ProcessedMessage, WebhookNonce
from storage.repos import ledger, nonces
from storage.types import utcnow
from tests.handlers.webhook.test_webhook_batches import dispatcher_with_commands, ledger_rows, webhook
from tests.webhook_support import make_client, text_xml
from wechat.inbound import parse


def texts(outcomes: list[Reply | Exception | None]) -> list[object]:
    return [o.text if isinstance(o, Reply) else type(o).__name__ for o in outcomes]


def nonce(name: str) -> Nonce:
    return Nonce(nonces.nonce_key("1700000000", name), utcnow() + timedelta(minutes=5))


def test_a_retry_of_an_earlier_message_then_a_new_one_of_the_same_villager(engine: Engine) -> None:
    hook = webhook(engine)
    first = parse(text_xml("o-ahead-1", "记", msg_id=6160001))
    assert texts(hook.process_batch([(first, Budget(), nonce("a1"))])) == ["第1条"]
    second = parse(text_xml("o-ahead-1", "记", msg_id=6160002))
    # The retry asks ahead and finds its answer; the new message must not take the look-ups asked for it.
    outcomes = hook.process_batch([(first, Budget(), nonce("a2")), (second, Budget(), nonce("a3"))])
    assert texts(outcomes) == ["第1条", "第2条"]
    assert ledger_rows(engine) == 2


def test_villagers_interleaved_with_a_retry_in_the_same_batch(engine: Engine) -> None:
    hook = webhook(engine)
    a = parse(text_xml("o-ahead-a", "记", msg_id=6160101))
    b = parse(text_xml("o-ahead-b", "记", msg_id=6160102))
    a_next = parse(text_xml("o-ahead-a", "记", msg_id=6160103))
    jobs: list[Job] = [
        (a, Budget(), nonce("b1")),
        (b, Budget(), nonce("b2")),
        (a, Budget(), nonce("b3")),
        (a_next, Budget()),
    ]
    assert texts(hook.process_batch(jobs)) == ["第1条", "第1条", "第1条", "第2条"]
    assert ledger_rows(engine) == 3


def test_a_nonce_replayed_within_a_batch_carries_only_the_first_message(engine: Engine) -> None:
    hook = webhook(engine)
    villager = parse(text_xml("o-ahead-v", "记", msg_id=6160201))
    forged = parse(text_xml("o-ahead-f", "记", msg_id=6160202))
    outcomes = hook.process_batch([(villager, Budget(), nonce("same")), (forged, Budget(), nonce("same"))])
    assert texts(outcomes) == ["第1条", ReplayedNonce.__name__]
    assert ledger_rows(engine) == 1
    with make_sessionmaker(engine)() as s:
        assert s.scalar(select(func.count()).select_from(WebhookNonce)) == 1


# PostgreSQL only: SQLite runs what is asked ahead at once, and keeps no answers.
@pytest.mark.parametrize("engine", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_an_answer_asked_ahead_is_given_once_and_a_forgotten_one_not_at_all(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as session:
        sql = fastsql(session)
        first, second = object(), object()
        sql.ahead(first, ledger.recorded_reply, session, key="k-ahead-1")
        sql.ahead(second, ledger.recorded_reply, session, key="k-ahead-2")
        sql.send_ahead()
        ledger.record(session, key="k-ahead-1", reply="", now=utcnow())
        ledger.record(session, key="k-ahead-2", reply="", now=utcnow())
        # Asked ahead, before the rows were written: the answer of that moment, once.
        assert ledger.recorded_reply(session, key="k-ahead-1") is None
        assert ledger.recorded_reply(session, key="k-ahead-1") == ""
        sql.forget_ahead(second)
        assert ledger.recorded_reply(session, key="k-ahead-2") == ""
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(ProcessedMessage)) == 2


class _Deadlock(Exception):
    sqlstate = "40P01"


def test_a_batch_chosen_to_break_a_deadlock_runs_its_messages_alone(engine: Engine) -> None:
    # PostgreSQL's message names the blocking process ("blocked by process ..."), which reads as a locked
    # database: the batch must still run its messages alone rather than answer 503 to all of them.
    calls = {"n": 0}
    router = Router()

    @router.command("锁")
    def victim(ctx: Context) -> Reply:
        calls["n"] += 1
        if calls["n"] == 1:
            error = _Deadlock("deadlock detected\nDETAIL: Process 1 waits for ShareLock; blocked by process 2.")
            raise OperationalError("UPDATE wechat_users", {}, error)
        return Reply("好了")

    dispatcher = dispatcher_with_commands()
    dispatcher.include(router)
    hook = make_client(engine, dispatcher=dispatcher).app.state.webhook  # type: ignore[attr-defined]
    jobs: list[Job] = [(parse(text_xml("o-dl-1", "记")), Budget()), (parse(text_xml("o-dl-2", "锁")), Budget())]
    assert texts(hook.process_batch(jobs)) == ["第1条", "好了"]
    assert calls["n"] == 2
    assert ledger_rows(engine) == 2
