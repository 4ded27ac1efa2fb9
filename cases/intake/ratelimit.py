"""Counters in the database (every process sees them): reports per villager per day, message floods."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models.cases import RateCounter


class RateLimited(Exception):
    def __init__(self, retry_at: datetime) -> None:
        super().__init__(f"rate limited until {retry_at.isoformat()}")
        self.retry_at = retry_at


def take(session: Session, *, bucket: str, limit: int, expires_at: datetime, amount: int = 1) -> int:
    """Count `amount` uses of `bucket` (one by default; kilobytes for upload quotas); raise RateLimited
    (counting nothing) when that would go past `limit`."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(RateCounter).values(bucket=bucket, count=amount, expires_at=expires_at)
    stmt = stmt.on_conflict_do_update(index_elements=["bucket"], set_={"count": RateCounter.count + amount})
    count = session.execute(stmt.returning(RateCounter.count)).scalar_one()
    if count > limit:
        update_stmt = update(RateCounter).where(RateCounter.bucket == bucket)
        session.execute(update_stmt.values(count=RateCounter.count - amount))
        raise RateLimited(expires_at)
    return int(count)


def give_back(session: Session, *, bucket: str, amount: int = 1) -> None:
    """Uncount `amount` uses of `bucket` that turned out not to count (never below zero)."""
    update_stmt = update(RateCounter).where(RateCounter.bucket == bucket, RateCounter.count >= amount)
    session.execute(update_stmt.values(count=RateCounter.count - amount))


def used(session: Session, *, bucket: str) -> int:
    """How much of `bucket` is used, without counting anything."""
    return int(session.scalar(select(RateCounter.count).where(RateCounter.bucket == bucket)) or 0)


def prune(session: Session, *, now: datetime) -> int:
    result = session.execute(delete(RateCounter).where(RateCounter.expires_at < now))
    return int(getattr(result, "rowcount", 0) or 0)
