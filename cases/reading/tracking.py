"""Tracking: a villager's own cases, and any case by number plus query code.

Wrong codes lock the one guessing (a device and an address on the H5 page, a villager in the chat),
never the case: a reporter with the right code is not kept out by someone else's guesses. An unknown
number and a wrong code answer alike, after the same work, so case numbers cannot be enumerated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cases import lifecycle
from cases.categories import by_code
from cases.handling import rectification
from cases.identity import IdentityKeys, reporter_tags
from cases.intake import ratelimit
from cases.numbers import code_matches
from storage.models.cases import Case, CaseEvidence

# Wrong codes a guesser may try per clock hour (a device, a villager; an address shared by many gets more).
MAX_CODE_FAILURES = 5


@dataclass(frozen=True)
class CaseView:
    """What the villager may see of a case."""

    id: int
    number: str
    category: str
    status: str
    status_label: str
    public_update: str | None
    public_update_at: datetime | None
    first_response_due: datetime
    resolve_due: datetime
    created_at: datetime
    failed_downloads: int
    awaiting_rating: bool
    is_open: bool
    due_label: str = ""  # the one deadline that applies now (next_due), "" when none does
    due_at: datetime | None = None


# Before the unit takes the case on, it owes the villager word of acceptance (the filing's first-response due).
NOT_YET_ACCEPTED = (lifecycle.RECEIVED, lifecycle.ROUTED, lifecycle.TRANSFERRED)


def next_due(session: Session, case: Case) -> tuple[str, datetime] | None:
    """The deadline the villager waits on now: word of acceptance until the unit takes the case on; then the
    resolution; after a 不满意 the rectification (its due replaces the resolve due, cases/due_dates.py);
    none once the case is closed, merged or rejected."""
    if case.status not in lifecycle.OPEN_STATES:
        return None
    if rectification.open_loop(session, case) is not None:
        return "整改期限", case.resolve_due
    if case.status in NOT_YET_ACCEPTED:
        return "受理告知期限", case.first_response_due
    return "办结期限", case.resolve_due


def view(session: Session, case: Case) -> CaseView:
    failed = session.scalar(
        select(func.count())
        .select_from(CaseEvidence)
        .where(CaseEvidence.case_id == case.id, CaseEvidence.download_status == "failed")
    )
    category = by_code(case.category)
    due = next_due(session, case)
    return CaseView(
        id=case.id,
        number=case.number,
        category=category.label if category else case.category,
        status=case.status,
        status_label=lifecycle.LABELS.get(case.status, case.status),
        public_update=case.public_update,
        public_update_at=case.public_update_at,
        first_response_due=case.first_response_due,
        resolve_due=case.resolve_due,
        created_at=case.created_at,
        failed_downloads=int(failed or 0),
        awaiting_rating=case.status == lifecycle.CLOSED and case.rating is None,
        is_open=case.status in lifecycle.OPEN_STATES,
        due_label=due[0] if due else "",
        due_at=due[1] if due else None,
    )


def own_cases(session: Session, *, openid: str, keys: IdentityKeys, limit: int = 5) -> list[Case]:
    """The villager's latest cases, newest first (found by their keyed tag, current or previous key)."""
    tags = reporter_tags(openid, keys=keys)
    stmt = select(Case).where(Case.reporter_tag.in_(tags)).order_by(Case.created_at.desc(), Case.id.desc())
    return list(session.scalars(stmt.limit(limit)))


def awaiting_rating(session: Session, *, openid: str, keys: IdentityKeys) -> Case | None:
    tags = reporter_tags(openid, keys=keys)
    stmt = (
        select(Case)
        .where(Case.reporter_tag.in_(tags), Case.status == lifecycle.CLOSED, Case.rating.is_(None))
        .order_by(Case.closed_at.desc())
    )
    return session.scalars(stmt.limit(1)).first()


@dataclass(frozen=True)
class Lookup:
    outcome: str  # ok, wrong (an unknown number too), locked (the guesser, until retry_at)
    case: Case | None = None
    retry_at: datetime | None = None
    tries_left: int = 0


@dataclass(frozen=True)
class Guesser:
    """Who is trying codes: counter names (keyed tags, never an openid or IP), each with its misses per hour."""

    limits: tuple[tuple[str, int], ...]


def lookup(session: Session, *, number: str, code: str, now: datetime, guesser: Guesser) -> Lookup:
    """Check `code` for case `number`, counting a miss against `guesser`. The caller commits."""
    period_end = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    buckets = [(f"track-miss:{name}:{now:%Y%m%d%H}", limit) for name, limit in guesser.limits]
    if any(ratelimit.used(session, bucket=bucket) >= limit for bucket, limit in buckets):
        return Lookup("locked", retry_at=period_end)
    case = session.scalar(select(Case).where(Case.number == number))
    if code_matches(case.query_code_hash if case is not None else None, code) and case is not None:
        return Lookup("ok", case=case)
    try:
        with session.begin_nested():
            left = min(
                limit - ratelimit.take(session, bucket=b, limit=limit, expires_at=period_end) for b, limit in buckets
            )
    except ratelimit.RateLimited:
        return Lookup("locked", retry_at=period_end)
    if left <= 0:
        return Lookup("locked", retry_at=period_end)
    return Lookup("wrong", tries_left=left)
