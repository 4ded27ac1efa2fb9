"""At most one effect per WeChat message: the ledger row is written in the same transaction as the work."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import lru_cache

from sqlalchemy.orm import Session

from bot.context import Reply
from config.privacy import keyed_hasher
from config.settings import get_settings
from storage.repos import ledger, outbox
from wechat.inbound import Inbound

# Stored as the reply when the answer went out through the outbox (or there was none): a retry
# then gets `success` rather than a second copy.
NO_PASSIVE_REPLY = ""


def earlier_reply(session: Session, *, message: Inbound) -> str | None:
    """The reply recorded for an already-processed message, or None if it was never processed.

    Called first in the transaction: it also makes a concurrent retry of the same message wait here
    until this one commits, so the handler runs once and the retry gets the same answer.
    """
    key = ledger_key(message)
    ledger.serialise(session, key=key)
    return ledger.recorded_reply(session, key=key)


def record(
    session: Session, *, message: Inbound, reply: Reply | None, inline: bool, now: datetime, claimed: bool = False
) -> None:
    """Write the ledger row (`claimed`: fill in the one claimed on arrival, storage.repos.arrival); when the
    passive reply's time ran out, send the answer via the outbox."""
    text = reply.text if reply else NO_PASSIVE_REPLY
    if not inline:
        if text:
            outbox.enqueue(
                session,
                key=f"reply:{ledger_key(message)}",
                kind="kefu_text",
                payload={"text": text},
                openid=message.openid,
                now=now,
            )
        text = NO_PASSIVE_REPLY
    (ledger.keep_reply if claimed else ledger.record)(session, key=ledger_key(message), reply=text, now=now)


def ledger_key(message: Inbound) -> str:
    """Sender and message id, hashed: another openid reusing a villager's MsgId is another message,
    and the ledger names nobody. keyed_hash("ledger", openid, dedup_key), from a precomputed HMAC state
    (asked three times a message)."""
    return _ledger_hasher(get_settings().identity_key)(f"{message.openid}\x1f{message.dedup_key}")


@lru_cache(maxsize=4)
def _ledger_hasher(identity_key: str) -> Callable[[str], str]:
    # keyed_hasher reads the identity key from the settings, the same one as `identity_key` here.
    return keyed_hasher("ledger")
