"""On PostgreSQL a villager's message costs two statements: its arrival (nonce and ledger claims with the
villager, storage.repos.arrival) and its writes (one statement, storage.fastsql folding); a batch adds
only BEGIN and COMMIT. psycopg's work, and the server's, is per statement (issue #23, sixth pass)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine

from bot.context import Reply
from handlers.webhook.budget import Budget
from handlers.webhook.processing import Nonce, Webhook
from storage.repos import nonces
from storage.types import utcnow
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
    # BEGIN, an arrival and the writes per message, COMMIT (each statement alone took 6 a message and COMMIT).
    assert len(statements) <= 2 * len(jobs) + 2, statements
    assert sum(q.startswith("WITH nonce AS") for q in statements) == len(jobs)


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
