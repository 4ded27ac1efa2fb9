"""The processed-message ledger: one row per WeChat message or event, enforced by the primary key.

A row holds only what exactly-once needs: a keyed hash of sender and message (made by the caller)
and the passive reply, sealed, since a reply can name a case and its query code.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from config.privacy import seal_text, unseal_text
from storage.fastsql import fastsql
from storage.models import ProcessedMessage

RETENTION = timedelta(days=7)


def serialise(session: Session, *, key: str) -> None:
    """Make concurrent retries of one message wait for each other (until the first commits).

    PostgreSQL: a transaction-scoped advisory lock on the key's hash, sent with the look-up that
    follows (storage.fastsql: the server takes the lock before it runs the look-up). SQLite: nothing to
    do, as every write transaction already starts with BEGIN IMMEDIATE and so runs one at a time.
    """
    sql = fastsql(session)
    if not sql.sqlite:
        sql.later("SELECT pg_advisory_xact_lock(hashtextextended(%(k)s, 0))", {"k": key})


def recorded_reply(session: Session, *, key: str) -> str | None:
    """The reply stored for `key` ('' when there was no passive reply), or None if never processed."""
    row = fastsql(session).one("SELECT reply FROM processed_messages WHERE key = %(key)s", {"key": key}, ("reply",))
    if row is None:
        return None
    return unseal_text(row["reply"]) if row["reply"] else ""


def record(session: Session, *, key: str, reply: str, now: datetime) -> None:
    """Insert the ledger row in the transaction that did the work.

    The primary key makes a second commit of the same message fail (IntegrityError), so even two
    concurrent retries that both got past `recorded_reply` leave exactly one effect behind.
    Plain SQL (storage.fastsql): this runs on every message.
    """
    fastsql(session).later(
        "INSERT INTO processed_messages (key, received_at, reply) VALUES (%(key)s, %(now)s, %(reply)s)",
        {"key": key, "now": now, "reply": seal_text(reply) if reply else ""},
    )


def keep_reply(session: Session, *, key: str, reply: str, now: datetime) -> None:
    """Fill in the ledger row claimed for this message in this transaction (storage.repos.arrival)."""
    fastsql(session).later(
        "UPDATE processed_messages SET received_at = %(now)s, reply = %(reply)s WHERE key = %(key)s",
        {"key": key, "now": now, "reply": seal_text(reply) if reply else ""},
        fold=True,
    )


def get(session: Session, *, key: str) -> ProcessedMessage | None:
    return session.get(ProcessedMessage, key)


def prune(session: Session, *, now: datetime) -> int:
    result = session.execute(delete(ProcessedMessage).where(ProcessedMessage.received_at < now - RETENTION))
    return int(getattr(result, "rowcount", 0) or 0)
