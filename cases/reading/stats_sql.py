"""The statistics' SQL: sums per (county, handling unit), from the cases themselves or from the rollup
case_stat_cells (kept by triggers, migration 0008). Every query aggregates in the database and returns
one row per county and unit; cases/reading/stats.py adds those rows up.

The rollup answers whole Beijing months for the part of a viewer's scope it can hold
(access.rollup_scope: the city, a county, the cases a department leads) when no filter needs each
case (status, text, overdue, town, village); the days of a date range outside whole months, the rest
of the scope (cases a department only assists) and every other request are summed from `cases`.
Whether an open case is overdue depends on the clock, so those two figures always come from the open
cases.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from cases import access, lifecycle
from cases.handling import case_steps
from cases.reading import queue
from storage.models.cases import Case, CaseStatCell
from storage.models.staff import Unit


@dataclass
class Sums:
    received: int = 0
    closed: int = 0
    on_time: int = 0
    closed_late: int = 0
    open_overdue: int = 0
    pending: int = 0
    finding_0: int = 0
    finding_1: int = 0
    finding_2: int = 0
    finding_3: int = 0
    rating_1: int = 0
    rating_2: int = 0
    rating_3: int = 0
    rating_4: int = 0
    rating_5: int = 0
    responded: int = 0
    response_days: float = 0.0
    close_days: float = 0.0

    def add(self, other: Sums) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


Cells = dict[tuple[str, str], Sums]  # (county_code, route_unit) -> sums
NAMES = tuple(f.name for f in fields(Sums))
ROLLUP_MEASURES = tuple(n for n in NAMES if n not in ("open_overdue", "pending"))


def _days(dialect: str, later: Any, earlier: Any) -> ColumnElement[Any]:
    if dialect == "sqlite":
        return func.julianday(later) - func.julianday(earlier)
    return func.extract("epoch", later - earlier) / 86400.0


def _count(cond: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.sum(case((cond, 1), else_=0))


def _collect(cells: Cells, rows: Any) -> None:
    for r in rows:
        sums = Sums()
        for n in NAMES:
            value = getattr(r, n, 0) or 0
            setattr(sums, n, float(value) if n.endswith("_days") else int(value))
        cells.setdefault((r.county_code, r.route_unit), Sums()).add(sums)


def direct(
    session: Session,
    viewer: access.Viewer,
    f: queue.QueueFilters,
    *,
    now: datetime,
    cells: Cells,
    scope: ColumnElement[bool] | None = None,
) -> None:
    """Every figure, summed over the matching cases (in `scope`, a part of the viewer's) in one query."""
    dialect = session.get_bind().dialect.name
    open_states = sorted(lifecycle.OPEN_STATES)
    closed = Case.status == lifecycle.CLOSED
    finished = Case.status.in_((lifecycle.CLOSED, lifecycle.REJECTED))
    is_open = Case.status.in_(open_states)
    measures: list[ColumnElement[Any]] = [
        func.count().label("received"),
        _count(closed).label("closed"),
        _count(and_(closed, Case.closed_at <= Case.resolve_due)).label("on_time"),
        _count(and_(closed, Case.closed_at > Case.resolve_due)).label("closed_late"),
        _count(and_(is_open, Case.resolve_due < now)).label("open_overdue"),
        _count(and_(is_open, Case.resolve_due >= now)).label("pending"),
        _count(Case.first_response_at.is_not(None)).label("responded"),
        func.sum(
            case((Case.first_response_at.is_not(None), _days(dialect, Case.first_response_at, Case.created_at)))
        ).label("response_days"),
        func.sum(case((closed, _days(dialect, Case.closed_at, Case.created_at)))).label("close_days"),
    ]
    for i, finding in enumerate(case_steps.FINDINGS):
        measures.append(_count(and_(finished, Case.finding == finding)).label(f"finding_{i}"))
    counted = Case.rating_excluded.is_(False)  # an upheld appeal keeps the rating out (cases/handling/rectification.py)
    for rating in case_steps.RATINGS:
        measures.append(_count(and_(Case.rating == rating, counted)).label(f"rating_{rating}"))
    keys = (Case.county_code, Case.route_unit)
    stmt = select(*keys, *measures).where(*queue.conditions(viewer, f, now=now, scope=scope)).group_by(*keys)
    _collect(cells, session.execute(stmt))


def open_cases(
    session: Session,
    viewer: access.Viewer,
    f: queue.QueueFilters,
    *,
    now: datetime,
    cells: Cells,
    scope: ColumnElement[bool] | None = None,
) -> None:
    """Open cases past their deadline, and open cases not yet due (the figures that follow the clock)."""
    is_open: ColumnElement[bool] = Case.status.in_(sorted(lifecycle.OPEN_STATES))
    if session.get_bind().dialect.name == "sqlite":
        # SQLite's statistics give the ten statuses equal weight, so it would rather scan another index in
        # GROUP BY order; open cases are a few percent of all, and ix_cases_status_stats covers this query.
        is_open = func.unlikely(is_open)
    keys = (Case.county_code, Case.route_unit)
    stmt = (
        select(
            *keys,
            _count(Case.resolve_due < now).label("open_overdue"),
            _count(Case.resolve_due >= now).label("pending"),
        )
        .where(is_open, *queue.conditions(viewer, replace(f, status=""), now=now, scope=scope))
        .group_by(*keys)
    )
    _collect(cells, session.execute(stmt))


def rollup_filters(scope: access.RollupScope, f: queue.QueueFilters) -> list[ColumnElement[bool]] | None:
    """The scope's cells and the filters as conditions on rollup cells, or None if the rollup cannot
    express the filters."""
    if f.status or f.text or f.overdue or f.town or f.village:
        return None
    where = [scope.cells]
    if f.county:
        where.append(CaseStatCell.county_code == f.county)
    if f.category:
        where.append(CaseStatCell.category == f.category)
    if f.dept == "town":
        where.append(CaseStatCell.route_unit.in_(select(Unit.code).where(Unit.kind == "town")))
    elif f.dept:
        where.append(CaseStatCell.route_unit.in_(select(Unit.code).where(Unit.dept == f.dept)))
    return where


def rollup(
    session: Session, where: list[ColumnElement[bool]], first: date | None, end: date | None, cells: Cells
) -> None:
    """Sums of the cells for the Beijing months from `first` up to (not including) `end`."""
    conditions = list(where)
    if first:
        conditions.append(CaseStatCell.month >= first.strftime("%Y-%m"))
    if end:
        conditions.append(CaseStatCell.month < end.strftime("%Y-%m"))
    keys = (CaseStatCell.county_code, CaseStatCell.route_unit)
    sums = [func.sum(getattr(CaseStatCell, n)).label(n) for n in ROLLUP_MEASURES]
    _collect(cells, session.execute(select(*keys, *sums).where(*conditions).group_by(*keys)))


def _month_after(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def whole_months(start: date | None, last: date | None) -> tuple[date | None, date | None] | None:
    """The whole months inside the days start..last (None: unbounded) as [first, end) month starts, or
    None when there is no whole month in it."""
    first = None if start is None else start if start.day == 1 else _month_after(start)
    end = None
    if last is not None:
        after = last + timedelta(days=1)
        end = after if after.day == 1 else date(after.year, after.month, 1)
    if first is not None and end is not None and first >= end:
        return None
    return first, end


def day_range(f: queue.QueueFilters, start: date | None, last: date | None) -> queue.QueueFilters:
    return replace(f, date_from=start.isoformat() if start else "", date_to=last.isoformat() if last else "", cursor="")


def parse_day(raw: str) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None
