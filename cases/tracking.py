"""Tracking: a villager's own cases, and any case by number plus query code (5 misses lock 15 minutes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cases import lifecycle
from cases.categories import by_code
from cases.identity import IdentityKeys, reporter_tags
from cases.numbers import code_matches
from storage.models_cases import Case, CaseEvidence

MAX_CODE_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)


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


def view(session: Session, case: Case) -> CaseView:
    failed = session.scalar(
        select(func.count())
        .select_from(CaseEvidence)
        .where(CaseEvidence.case_id == case.id, CaseEvidence.download_status == "failed")
    )
    category = by_code(case.category)
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
    outcome: str  # ok, wrong, locked, unknown
    case: Case | None = None
    retry_at: datetime | None = None
    tries_left: int = 0


def lookup(session: Session, *, number: str, code: str, now: datetime) -> Lookup:
    """Check `code` for case `number`. The caller commits, so failures count across processes."""
    stmt = select(Case).where(Case.number == number)
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    case = session.scalar(stmt)
    if case is None:
        return Lookup("unknown")
    if case.code_locked_until is not None and case.code_locked_until > now:
        return Lookup("locked", retry_at=case.code_locked_until)
    if code_matches(case.query_code_hash, code):
        case.code_failures, case.code_locked_until = 0, None
        return Lookup("ok", case=case)
    case.code_failures += 1
    if case.code_failures >= MAX_CODE_FAILURES:
        case.code_failures, case.code_locked_until = 0, now + LOCK_FOR
        return Lookup("locked", retry_at=case.code_locked_until)
    return Lookup("wrong", tries_left=MAX_CODE_FAILURES - case.code_failures)
