"""The processed-message ledger: one row per WeChat message or event, enforced by the primary key."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from storage.models import ProcessedMessage, table

RETENTION = timedelta(days=7)
_LEDGER = table(ProcessedMessage)  # Core statements: these run on every message


def serialise(session: Session, *, key: str) -> None:
    """Make concurrent retries of one message wait for each other (until the first commits).

    PostgreSQL: a transaction-scoped advisory lock on the key's hash. SQLite: nothing to do, as every
    write transaction already starts with BEGIN IMMEDIATE and so runs one at a time.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"), {"k": key})


def recorded_reply(session: Session, *, key: str) -> str | None:
    """The reply stored for `key` ('' when there was no passive reply), or None if never processed."""
    return session.execute(select(_LEDGER.c.reply).where(_LEDGER.c.key == key)).scalar_one_or_none()


def record(session: Session, *, key: str, openid: str, reply: str, now: datetime) -> None:
    """Insert the ledger row in the transaction that did the work.

    The primary key makes a second commit of the same message fail (IntegrityError), so even two
    concurrent retries that both got past `recorded_reply` leave exactly one effect behind.
    Core insert: this runs on every message, and the ORM unit of work costs more than the SQL.
    """
    session.execute(insert(_LEDGER).values(key=key, openid=openid, received_at=now, reply=reply))


def get(session: Session, *, key: str) -> ProcessedMessage | None:
    return session.get(ProcessedMessage, key)


def prune(session: Session, *, now: datetime) -> int:
    result = session.execute(delete(ProcessedMessage).where(ProcessedMessage.received_at < now - RETENTION))
    return int(getattr(result, "rowcount", 0) or 0)
