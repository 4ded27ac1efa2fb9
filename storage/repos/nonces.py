"""Nonces of signed webhook requests: each one carries one message, however often it is sent.

A nonce is claimed in the transaction that records the message in the ledger, so a claim and its
message's effect commit together. WeChat's retries of a message may come with the same nonce or
with a new one: either way they name the same message and are let through to the ledger.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from storage.fastsql import fastsql
from storage.models import WebhookNonce


def nonce_key(timestamp: str, nonce: str) -> str:
    return hashlib.sha256(f"{timestamp}\x1f{nonce}".encode()).hexdigest()


def claim(session: Session, *, key: str, message_key: str, expires_at: datetime) -> bool:
    """Whether the nonce `key` may carry the message `message_key` (it is then theirs until `expires_at`).

    PostgreSQL: a concurrent claim of the same nonce waits on the primary key for ours to commit, then
    sees it. Plain SQL (storage.fastsql): this runs on every message.
    """
    return claim_later(session, key=key, message_key=message_key, expires_at=expires_at)()


def claim_later(session: Session, *, key: str, message_key: str, expires_at: datetime) -> Callable[[], bool]:
    """`claim`, with the verdict asked for later: on PostgreSQL the claim then travels in one round trip
    with the statements that follow it (storage.fastsql)."""
    sql = fastsql(session)
    inserted = sql.later(
        "INSERT INTO webhook_nonces (key, message_key, expires_at) VALUES (%(key)s, %(message)s, %(expires)s) "
        "ON CONFLICT (key) DO NOTHING",
        {"key": key, "message": message_key, "expires": expires_at},
    )

    def verdict() -> bool:
        return bool(inserted.rowcount) or carries(session, key=key, message_key=message_key)

    return verdict


def carries(session: Session, *, key: str, message_key: str) -> bool:
    """Whether the nonce `key`, already claimed, was claimed for the message `message_key`."""
    row = fastsql(session).one(
        "SELECT message_key FROM webhook_nonces WHERE key = %(key)s", {"key": key}, ("message_key",)
    )
    return row is not None and row["message_key"] == message_key


def prune(session: Session, *, now: datetime) -> int:
    result = session.execute(delete(WebhookNonce).where(WebhookNonce.expires_at < now))
    return int(getattr(result, "rowcount", 0) or 0)
