"""Case statistics per handling unit and per county, computed in SQL over the viewer's scope and the
queue's filters (cases/queue.py). Definitions (also on the page):

- received: cases created in the range;
- on time / overdue: a closed case is on time when it closed by its deadline (resolve_due, extensions
  included); overdue counts cases closed late plus open cases past their deadline; open cases not yet
  due are "in progress";
- findings: closed (or rejected) cases by their finding 查实 / 部分查实 / 不实 / 不属于受理范围;
- first response: the first time a unit answered the villager (accepted, rejected, or a public reply);
  days from receipt, calendar days, averaged over the cases that have one;
- close: days from receipt to closing, over closed cases;
- satisfaction: the rating a case carries now (满意 / 基本满意 / 不满意; a 不满意 case is reopened, and its
  rating is replaced when it is closed and rated again).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from cases import access, lifecycle, queue, service
from storage.models_cases import Case, CaseEvent
from storage.models_staff import Unit

RESPONSE_STATES = (lifecycle.ACCEPTED, lifecycle.ANSWERED, lifecycle.REJECTED)


@dataclass
class Row:
    key: str
    name: str
    received: int = 0
    closed: int = 0
    on_time: int = 0
    overdue: int = 0
    pending: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    ratings: dict[int, int] = field(default_factory=dict)
    avg_first_response_days: float | None = None
    avg_close_days: float | None = None

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())

    @property
    def satisfied_share(self) -> float | None:
        """满意 + 基本满意 among rated cases, 0–1."""
        return (self.ratings.get(1, 0) + self.ratings.get(2, 0)) / self.rated if self.rated else None


@dataclass
class Statistics:
    by_unit: list[Row]
    by_county: list[Row]
    total: Row


def _days(dialect: str, later: Any, earlier: Any) -> ColumnElement[Any]:
    if dialect == "sqlite":
        return func.julianday(later) - func.julianday(earlier)
    return func.extract("epoch", later - earlier) / 86400.0


def _count(cond: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.sum(case((cond, 1), else_=0))


def compute(session: Session, viewer: access.Viewer, filters: queue.QueueFilters, *, now: datetime) -> Statistics:
    dialect = session.get_bind().dialect.name
    first = (
        select(CaseEvent.case_id.label("case_id"), func.min(CaseEvent.at).label("at"))
        .where(
            CaseEvent.actor.like("staff:%"),
            or_(
                and_(CaseEvent.to_status.in_(RESPONSE_STATES), CaseEvent.from_status != CaseEvent.to_status),
                CaseEvent.public.is_(True),
            ),
        )
        .group_by(CaseEvent.case_id)
        .subquery()
    )
    open_states = sorted(lifecycle.OPEN_STATES)
    closed = Case.status == lifecycle.CLOSED
    finished = Case.status.in_((lifecycle.CLOSED, lifecycle.REJECTED))
    measures: list[ColumnElement[Any]] = [
        func.count().label("received"),
        _count(closed).label("closed"),
        _count(and_(closed, Case.closed_at <= Case.resolve_due)).label("on_time"),
        _count(
            or_(
                and_(closed, Case.closed_at > Case.resolve_due),
                and_(Case.status.in_(open_states), Case.resolve_due < now),
            )
        ).label("overdue"),
        _count(and_(Case.status.in_(open_states), Case.resolve_due >= now)).label("pending"),
        func.avg(case((first.c.at.is_not(None), _days(dialect, first.c.at, Case.created_at)))).label("first"),
        func.avg(case((closed, _days(dialect, Case.closed_at, Case.created_at)))).label("close"),
    ]
    for i, finding in enumerate(service.FINDINGS):
        measures.append(_count(and_(finished, Case.finding == finding)).label(f"f{i}"))
    for rating in service.RATINGS:
        measures.append(_count(Case.rating == rating).label(f"r{rating}"))
    where = queue.conditions(viewer, queue.without_cursor(filters), now=now)

    def run(*keys: Any, extra: tuple[Any, ...] = ()) -> list[Any]:
        stmt = (
            select(*keys, *extra, *measures)
            .select_from(Case)
            .outerjoin(first, first.c.case_id == Case.id)
            .where(*where)
        )
        if keys:
            stmt = stmt.group_by(*keys)
        return list(session.execute(stmt).all())

    def row_of(key: str, name: str, r: Any) -> Row:
        return Row(
            key=key,
            name=name,
            received=int(r.received or 0),
            closed=int(r.closed or 0),
            on_time=int(r.on_time or 0),
            overdue=int(r.overdue or 0),
            pending=int(r.pending or 0),
            findings={f: int(getattr(r, f"f{i}") or 0) for i, f in enumerate(service.FINDINGS)},
            ratings={k: int(getattr(r, f"r{k}") or 0) for k in service.RATINGS},
            avg_first_response_days=None if r.first is None else round(float(r.first), 1),
            avg_close_days=None if r.close is None else round(float(r.close), 1),
        )

    county_names = {u.code: u.name for u in session.scalars(select(Unit).where(Unit.kind == "county"))}
    by_unit = [
        row_of(r.route_unit, r.name, r)
        for r in run(Case.route_unit, extra=(func.max(Case.route_unit_name).label("name"),))
        if r.route_unit is not None
    ]
    by_unit.sort(key=lambda x: (-x.received, x.key))
    by_county = [
        row_of(r.county_code, county_names.get(r.county_code, r.county_code), r) for r in run(Case.county_code)
    ]
    by_county.sort(key=lambda x: x.key)
    totals = run()
    total = row_of("all", "合计", totals[0]) if totals else Row("all", "合计")
    return Statistics(by_unit=by_unit, by_county=by_county, total=total)
