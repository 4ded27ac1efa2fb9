"""The processed-message ledger: one row per WeChat message or event, enforced by the primary key."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from storage.models import ProcessedMessage

RETENTION = timedelta(days=7)


def claim(session: Session, *, key: str, openid: str, now: datetime) -> None:
    """Insert the ledger row. Raises IntegrityError when the message was already claimed.

    Inside the request's transaction, so a concurrent retry blocks on the key until the first
    attempt commits or rolls back: the database, not process memory, decides who does the work.
    """
    session.add(ProcessedMessage(key=key, openid=openid, received_at=now, reply=None))
    session.flush()


def record_reply(session: Session, *, key: str, reply: str) -> None:
    row = session.get(ProcessedMessage, key)
    if row is not None:
        row.reply = reply
        session.flush()


def get(session: Session, *, key: str) -> ProcessedMessage | None:
    return session.get(ProcessedMessage, key)


def prune(session: Session, *, now: datetime) -> int:
    result = session.execute(delete(ProcessedMessage).where(ProcessedMessage.received_at < now - RETENTION))
    return int(getattr(result, "rowcount", 0) or 0)
