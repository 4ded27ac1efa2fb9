"""What the operator sees of the outbox: per kind, what waits, what failed, and retrying by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, select, update
from sqlalchemy.orm import Session

from storage.models import Lease, OutboxMessage


@dataclass(frozen=True)
class KindSummary:
    kind: str
    pending: int
    failing: int  # pending rows that failed at least once and wait for their next try
    held: int  # kefu messages waiting for the villager's next message (WeChat's 48-hour rule)
    dead: int  # given up
    oldest_pending_s: float | None
    last_error: str | None


def summary(session: Session, *, now: datetime) -> list[KindSummary]:
    pending = OutboxMessage.status == "pending"
    failing = and_(pending, OutboxMessage.attempts > 0)
    rows = session.execute(
        select(
            OutboxMessage.kind,
            func.sum(case((pending, 1), else_=0)),
            func.sum(case((failing, 1), else_=0)),
            func.sum(case((OutboxMessage.status == "held", 1), else_=0)),
            func.sum(case((OutboxMessage.status == "dead", 1), else_=0)),
            func.min(case((pending, OutboxMessage.created_at), else_=None)),
        )
        .where(OutboxMessage.status != "sent")
        .group_by(OutboxMessage.kind)
        .order_by(OutboxMessage.kind)
    ).all()
    out = []
    for kind, n_pending, n_failing, n_held, n_dead, oldest in rows:
        last = session.scalar(
            select(OutboxMessage.last_error)
            .where(OutboxMessage.kind == kind, OutboxMessage.last_error.is_not(None), OutboxMessage.status != "sent")
            .order_by(OutboxMessage.id.desc())
            .limit(1)
        )
        age = max(0.0, (now - oldest).total_seconds()) if oldest is not None else None
        out.append(
            KindSummary(kind, int(n_pending or 0), int(n_failing or 0), int(n_held or 0), int(n_dead or 0), age, last)
        )
    return out


def failing_for_s(session: Session, *, now: datetime) -> float | None:
    """How long deliveries have been failing: the age of the oldest row still retrying after a failure."""
    oldest = session.scalar(
        select(func.min(OutboxMessage.created_at)).where(OutboxMessage.status == "pending", OutboxMessage.attempts > 0)
    )
    return None if oldest is None else max(0.0, (now - oldest).total_seconds())


def failed_rows(session: Session, *, kind: str | None = None, limit: int = 50) -> list[OutboxMessage]:
    """The latest rows given up or failing, newest first (their content stays sealed)."""
    stmt = select(OutboxMessage).where(
        (OutboxMessage.status == "dead") | ((OutboxMessage.status == "pending") & (OutboxMessage.attempts > 0))
    )
    if kind:
        stmt = stmt.where(OutboxMessage.kind == kind)
    return list(session.scalars(stmt.order_by(OutboxMessage.id.desc()).limit(limit)))


def _requeue(session: Session, *, now: datetime, where: object) -> int:
    result = session.execute(
        update(OutboxMessage)
        .where(where)  # type: ignore[arg-type]
        .values(status="pending", attempts=0, next_attempt_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def retry_row(session: Session, *, row_id: int, now: datetime) -> bool:
    """Try a given-up or failing row again now, from its first attempt. False if there is no such row."""
    retryable = OutboxMessage.status.in_(("dead", "pending"))
    return _requeue(session, now=now, where=and_(OutboxMessage.id == row_id, retryable)) == 1


def retry_kind(session: Session, *, kind: str, now: datetime) -> int:
    """Try every given-up row of a kind again now; returns how many."""
    return _requeue(session, now=now, where=and_(OutboxMessage.kind == kind, OutboxMessage.status == "dead"))


@dataclass(frozen=True)
class LeaseState:
    holder: str | None
    held: bool
    expires_in_s: float | None


def lease_state(session: Session, *, name: str, now: datetime) -> LeaseState:
    row = session.get(Lease, name)
    if row is None:
        return LeaseState(None, False, None)
    left = (row.expires_at - now).total_seconds()
    return LeaseState(row.holder, left > 0, left)
