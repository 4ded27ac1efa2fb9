"""On PostgreSQL a batch of villagers' messages costs four statements: BEGIN, the arrivals (nonce and ledger
claims with each villager, storage.repos.arrival.arrive_ahead), the writes (storage.fastsql: the same updates
of many rows merged, then folded) and COMMIT; one message alone, its arrival and its writes. psycopg's work,
and the server's, is per statement (issue #23, sixth and seventh passes)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine

from bot.context import Reply
from handlers.webhook.budget import Budget
from handlers.webhook.processing import Job, Nonce, Webhook
from storage.repos import nonces
from storage.types import utcnow
from tests.handlers.webhook.test_webhook_batches import dispatcher_with_commands, ledger_rows
from tests.webhook_support import Sender, event_xml, make_client, text_xml
from wechat.inbound import parse

pytestmark = pytest.mark.parametrize("engine", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)


def test_a_batch_of_questions_costs_two_statements_a_message(engine: Engine, statements: list[str]) -> None:
    client = make_client(engine)
    hook = client.app.state.webhook  # type: ignore[attr-defined]
    assert isinstance(hook, Webhook)
    sender = Sender(client)
    openids = [f"o-statements-{i}" for i in range(6)]
    for openid in openids:  # each villager bound and asked once (their conversation row exists)
        assert "土观村" in sender.reply_text(event_xml(openid, "subscribe", "qrscene_630223106213"))
        assert "低保" in sender.reply_text(text_xml(openid, "低保怎么申请？"))
    expires = utcnow() + timedelta(minutes=5)
    jobs = [
        (parse(text_xml(openid, "低保怎么申请？")), Budget(), Nonce(nonces.nonce_key("1", f"s-{openid}"), expires))
        for openid in openids
    ]
    statements.clear()
    replies = hook.process_batch(jobs)
    assert all(isinstance(r, Reply) and "低保" in r.text for r in replies), replies
    # BEGIN, the batch's arrivals as one statement, its writes as one, COMMIT (each statement alone took 6 a
    # message and COMMIT; one arrival and one write a message, 2 a message).
    assert len(statements) <= 4, statements
    assert sum(q.startswith("WITH v AS (SELECT * FROM unnest") for q in statements) == 1, statements
    assert not any(q.startswith("WITH nonce AS") for q in statements), statements


def test_a_retry_costs_a_look_up_more_and_writes_nothing(engine: Engine, statements: list[str]) -> None:
    sender = Sender(make_client(engine))
    assert "土观村" in sender.reply_text(event_xml("o-statements-r", "subscribe", "qrscene_630223106213"))
    xml = text_xml("o-statements-r", "低保怎么申请？", msg_id=6230001)
    first = sender.reply_text(xml)
    statements.clear()
    assert sender.reply_text(xml) == first
    assert any(q.startswith("SELECT reply FROM processed_messages") for q in statements), statements
    # The answer counts (kb_hits) are written about once a second by a background tally, not by the retry.
    ours = [q for q in statements if "kb_hits" not in q]
    assert not any(q.startswith(("UPDATE", "INSERT")) or " AS (UPDATE" in q for q in ours), statements


def _texts(outcomes: list[Reply | Exception | None]) -> list[object]:
    return [o.text if isinstance(o, Reply) else type(o).__name__ for o in outcomes]


def test_batched_statements_keep_exactly_once_and_a_failing_message_costs_the_others_nothing(
    engine: Engine, statements: list[str]
) -> None:
    client = make_client(engine, dispatcher=dispatcher_with_commands())
    hook = client.app.state.webhook  # type: ignore[attr-defined]
    assert isinstance(hook, Webhook)
    sender = Sender(client)
    v = [f"o-merged-{i}" for i in range(5)]
    for openid in v:  # bound: their user rows exist, so their writes are updates (merged)
        assert "土观村" in sender.reply_text(event_xml(openid, "subscribe", "qrscene_630223106213"))
    expires = utcnow() + timedelta(minutes=5)
    signed = iter(range(10**6))
    rows = ledger_rows(engine)  # the scans

    def job(message: str, *, nonce: bool = True) -> Job:
        return (parse(message), Budget(), Nonce(nonces.nonce_key("1", f"m-{next(signed)}"), expires) if nonce else None)

    m0 = text_xml(v[0], "记", msg_id=7230001)
    # A failing message: the batch rolls back, each message runs alone; the repeated MsgId has one effect.
    first = hook.process_batch([job(m0), job(text_xml(v[1], "记", msg_id=7230002)), job(text_xml(v[2], "坏")),
                                job(text_xml(v[3], "记", msg_id=7230003)), job(m0)])  # fmt: skip
    assert _texts(first) == ["第1条", "第1条", "ZeroDivisionError", "第1条", "第1条"]
    assert ledger_rows(engine) == rows + 3
    # No failure: the batch's arrivals go as one statement, its updates merged; a retry of m0 (a new nonce)
    # gets its first answer, every villager their own count (v1 and v3 at 2, v4 and v2 at 1).
    statements.clear()
    second = hook.process_batch([job(m0), job(text_xml(v[1], "记")), job(text_xml(v[4], "记")),
                                 job(text_xml(v[3], "记"), nonce=False), job(text_xml(v[2], "记"))])  # fmt: skip
    assert _texts(second) == ["第1条", "第2条", "第1条", "第2条", "第1条"]
    assert sum(q.startswith("WITH v AS (SELECT * FROM unnest") for q in statements) == 1, statements
    # Updates merged (v4's and v2's first conversation rows are inserts, which keep their places between runs).
    assert any(q.startswith("WITH f0 AS (UPDATE") and "FROM unnest(" in q for q in statements), statements
    assert ledger_rows(engine) == rows + 7
    third = hook.process_batch([job(text_xml(v[4], "记")), job(text_xml(v[1], "记")), job(m0)])
    assert _texts(third) == ["第2条", "第3条", "第1条"]
    assert ledger_rows(engine) == rows + 9
