"""The outbox: messages to the outside world, written in the same transaction as the change."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from config.privacy import seal_text, unseal_text, user_key
from storage.fastsql import fastsql
from storage.models import OutboxMessage

MAX_ATTEMPTS = 8


def enqueue(
    session: Session,
    *,
    key: str,
    kind: str,
    payload: dict[str, Any],
    now: datetime,
    openid: str | None = None,
) -> OutboxMessage:
    """Add a message unless one with the same key exists (enqueue is idempotent).

    The openid is sealed and so is a payload's `text` (it may name a case and its query code):
    read them back with `recipient` and `text_of`.
    """
    existing = session.scalar(select(OutboxMessage).where(OutboxMessage.key == key))
    if existing is not None:
        return existing
    if "text" in payload:
        payload = {**{k: v for k, v in payload.items() if k != "text"}, "text_seal": seal_text(str(payload["text"]))}
    row = OutboxMessage(
        key=key,
        kind=kind,
        user_key=user_key(openid) if openid else None,
        recipient_seal=seal_text(openid) if openid else None,
        payload=payload,
        status="pending",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row


def recipient(row: OutboxMessage) -> str | None:
    """The openid the message goes to (None once purged, or for kinds that go to nobody)."""
    return unseal_text(row.recipient_seal) if row.recipient_seal else None


def text_of(row: OutboxMessage) -> str | None:
    """The text of a kefu message, unsealed."""
    sealed = (row.payload or {}).get("text_seal")
    return unseal_text(str(sealed)) if sealed else None


def due(session: Session, *, now: datetime, limit: int = 50) -> list[OutboxMessage]:
    stmt = (
        select(OutboxMessage)
        .where(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def mark_sent(session: Session, *, row: OutboxMessage, now: datetime) -> None:
    row.status = "sent"
    row.sent_at = now
    row.attempts += 1
    row.last_error = None
    session.flush()


def mark_failed(
    session: Session,
    *,
    row: OutboxMessage,
    now: datetime,
    error: str,
    permanent: bool,
    retry_until: datetime | None = None,
) -> None:
    """Back off exponentially; give up ('dead') on a permanent error, or after MAX_ATTEMPTS, or, when
    `retry_until` is given, once that moment has passed (the last try is made at it)."""
    row.attempts += 1
    row.last_error = error[:500]
    exhausted = now >= retry_until if retry_until is not None else row.attempts >= MAX_ATTEMPTS
    if permanent or exhausted:
        row.status = "dead"
    else:
        later = now + timedelta(seconds=min(3600, 5 * 2 ** min(row.attempts - 1, 20)))
        row.next_attempt_at = min(later, retry_until) if retry_until is not None else later
    session.flush()


def stats(session: Session, *, now: datetime) -> tuple[int, float]:
    """(pending count, age in seconds of the oldest pending message)."""
    count, oldest = session.execute(
        select(func.count(OutboxMessage.id), func.min(OutboxMessage.created_at)).where(
            OutboxMessage.status == "pending"
        )
    ).one()
    age = 0.0
    if oldest is not None:
        age = max(0.0, (now - oldest).total_seconds())
    return int(count), age


def mark_held(session: Session, *, row: OutboxMessage, error: str) -> None:
    """Keep the message until the villager writes again (outside the 48 h window, not following)."""
    row.status = "held"
    row.last_error = error[:500]
    session.flush()


def release_held_soon(session: Session, *, openid: str, now: datetime) -> None:
    """`release_held` without waiting for the count: on PostgreSQL it goes with the next statement that
    needs an answer, or with COMMIT (storage.fastsql)."""
    fastsql(session).later(
        "UPDATE outbox SET status = 'pending', next_attempt_at = %(now)s WHERE user_key = %(key)s AND status = 'held'",
        {"key": user_key(openid), "now": now},
    )


def release_held(session: Session, *, openid: str, now: datetime) -> int:
    """Make this villager's held messages due again; call it when the villager writes. Returns the count."""
    # Plain SQL (storage.fastsql): this runs on every villager message.
    return fastsql(session).execute(
        "UPDATE outbox SET status = 'pending', next_attempt_at = %(now)s WHERE user_key = %(key)s AND status = 'held'",
        {"key": user_key(openid), "now": now},
    )
