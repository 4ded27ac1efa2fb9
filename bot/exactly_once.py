"""At most one effect per WeChat message: the ledger row is claimed in the same transaction as the work."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.context import Reply, Services
from bot.conversation import handle
from bot.dispatcher import Dispatcher
from storage.repos import ledger, outbox
from wechat.inbound import Inbound

# Stored as the reply when the answer went out through the outbox (or there was none): a retry
# then gets `success` rather than a second copy.
NO_PASSIVE_REPLY = ""


def claim_and_handle(
    session: Session, *, message: Inbound, now: datetime, services: Services, dispatcher: Dispatcher
) -> Reply | None:
    """Claim the message's ledger key, then handle it. IntegrityError means someone else has it."""
    ledger.claim(session, key=message.dedup_key, openid=message.openid, now=now)
    reply = handle(session, message=message, now=now, services=services, dispatcher=dispatcher)
    ledger.record_reply(session, key=message.dedup_key, reply=reply.text if reply else NO_PASSIVE_REPLY)
    return reply


def divert_to_outbox(session: Session, *, message: Inbound, reply: Reply | None, now: datetime) -> None:
    """The passive reply's time ran out: send the answer as a customer-service message instead."""
    if reply is not None and reply.text:
        outbox.enqueue(
            session,
            key=f"reply:{message.dedup_key}",
            kind="kefu_text",
            payload={"text": reply.text},
            openid=message.openid,
            now=now,
        )
    ledger.record_reply(session, key=message.dedup_key, reply=NO_PASSIVE_REPLY)


def earlier_reply(session: Session, *, message: Inbound) -> str | None:
    """The reply recorded for an already-processed message, or None if it was never processed."""
    row = ledger.get(session, key=message.dedup_key)
    return None if row is None else (row.reply or NO_PASSIVE_REPLY)
