"""The scoreboard's SQL (cases/reading/scoreboard.py): sums per (month, county, unit) from the rollup
unit_score_cells (migration 0022, kept by triggers), or from the cases themselves (`direct`: the bench's
baseline and the check of the rollup); the figures that follow the clock from the open cases; the villages
and the town/category counts, which the rollup does not hold, from the cases of at most four months.
Every query aggregates in the database."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, column, func, or_, select, table, true
from sqlalchemy.orm import Session

from cases import access, lifecycle, ratings
from storage.models.cases import Case, CaseEvent, UnitScoreCell
from storage.models.places import Village

LEVELS = tuple(int(r) for r in ratings.Rating)
CELL_SUMS = (
    "received",
    "signed",
    "signed_on_time",
    "closed",
    "closed_on_time",
    "resolved",
    *(f"rating_{level}" for level in LEVELS),
    "response_workdays",
    "close_workdays",
    "returned",
    "redone",
    "moved_out",
)
_WORKDAYS = table("workday_index", column("day"), column("n"))


@dataclass
class Sums:
    """What the scoreboard adds up for one unit, county or month (the figures: scoreboard.Figures)."""

    received: int = 0
    signed: int = 0
    signed_on_time: int = 0
    closed: int = 0
    closed_on_time: int = 0
    resolved: int = 0
    rating_1: int = 0
    rating_2: int = 0
    rating_3: int = 0
    rating_4: int = 0
    rating_5: int = 0
    response_workdays: int = 0
    close_workdays: int = 0
    returned: int = 0
    redone: int = 0
    moved_out: int = 0
    unsigned_late: int = 0  # open, no first response, past first_response_due (the clock's)
    open_late: int = 0  # open, past resolve_due (the clock's)
    extra: dict[str, int] = field(default_factory=dict)

    def add(self, other: Sums) -> None:
        for f in fields(self):
            if f.name != "extra":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


Key = tuple[str, str, str]  # (month YYYY-MM, county_code, unit)
Cells = dict[Key, Sums]


@dataclass(frozen=True)
class Scope:
    """The viewer's part of the scoreboard: `cells` on unit_score_cells, `cases` the same cases on Case."""

    cells: ColumnElement[bool]
    cases: ColumnElement[bool]


def scope_for(viewer: access.Viewer) -> Scope:
    """A unit is judged on the cases it leads. The city sees every unit, a county's 纪委监委 the units of its
    county, a department or a town itself only (within access.case_scope: never a town's conflict cases)."""
    if viewer.role == access.Role.CITY:
        return Scope(true(), true())
    if viewer.role == access.Role.COUNTY_DISCIPLINE and viewer.county_code:
        return Scope(UnitScoreCell.county_code == viewer.county_code, Case.county_code == viewer.county_code)
    if viewer.role in (access.Role.DEPARTMENT, access.Role.TOWN):
        led = and_(Case.route_unit == viewer.unit_code, access.case_scope(viewer))
        return Scope(UnitScoreCell.unit == viewer.unit_code, led)
    return Scope(UnitScoreCell.unit.is_(None), Case.id.is_(None))


def narrowed(scope: Scope, choice: str) -> Scope:
    """The scope cut to one county (a 6-digit code) or one unit; '' keeps it whole."""
    if not choice:
        return scope
    if choice.isdigit() and len(choice) == 6:
        return Scope(
            and_(scope.cells, UnitScoreCell.county_code == choice), and_(scope.cases, Case.county_code == choice)
        )
    return Scope(and_(scope.cells, UnitScoreCell.unit == choice), and_(scope.cases, Case.route_unit == choice))


def month_start(month: str) -> datetime:
    """The first moment of a Beijing month, in UTC."""
    year, mon = int(month[:4]), int(month[5:7])
    return datetime(year, mon, 1, tzinfo=UTC) - timedelta(hours=8)


def shift(month: str, by: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _collect(cells: Cells, rows: Any, names: tuple[str, ...]) -> None:
    for r in rows:
        sums = Sums()
        for n in names:
            setattr(sums, n, int(getattr(r, n) or 0))
        cells.setdefault((r.month, r.county_code, r.unit), Sums()).add(sums)


def rollup(session: Session, scope: Scope, first: str, last: str, cells: Cells) -> None:
    """The cells' sums for the months first..last (YYYY-MM), per month, county and unit."""
    keys = (UnitScoreCell.month.label("month"), UnitScoreCell.county_code, UnitScoreCell.unit)
    stmt = (
        select(*keys, *(func.sum(getattr(UnitScoreCell, n)).label(n) for n in CELL_SUMS))
        .where(scope.cells, UnitScoreCell.month >= first, UnitScoreCell.month <= last)
        .group_by(*keys)
    )
    _collect(cells, session.execute(stmt), CELL_SUMS)


def month_of(dialect: str, moment: Any) -> ColumnElement[Any]:
    if dialect == "sqlite":
        return func.strftime("%Y-%m", moment, "+8 hours")
    return func.to_char(func.timezone("Asia/Shanghai", moment), "YYYY-MM")


def ordinal(dialect: str, moment: Any) -> Any:
    if dialect == "sqlite":
        day = func.date(moment, "+8 hours")
    else:
        day = func.to_char(func.timezone("Asia/Shanghai", moment), "YYYY-MM-DD")
    return select(_WORKDAYS.c.n).where(_WORKDAYS.c.day == day).scalar_subquery()


def _count(cond: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.sum(case((cond, 1), else_=0))


def _range(first: str, last: str) -> list[ColumnElement[bool]]:
    return [Case.created_at >= month_start(first), Case.created_at < month_start(shift(last, 1))]


def marks(session: Session, scope: Scope, first: str, last: str, cells: Cells) -> None:
    """Only the marks (returned, redone, moved_out) of the rollup's cells."""
    keys = (UnitScoreCell.month.label("month"), UnitScoreCell.county_code, UnitScoreCell.unit)
    names = ("returned", "redone", "moved_out")
    stmt = (
        select(*keys, *(func.sum(getattr(UnitScoreCell, n)).label(n) for n in names))
        .where(scope.cells, UnitScoreCell.month >= first, UnitScoreCell.month <= last)
        .group_by(*keys)
    )
    _collect(cells, session.execute(stmt), names)


def direct(session: Session, scope: Scope, first: str, last: str, cells: Cells, *, events: bool = True) -> None:
    """The same sums as `rollup`, from the cases, and with `events` the marks from their events (on the
    case's present unit; moves away are only in the rollup)."""
    dialect = session.get_bind().dialect.name
    closed = Case.status == lifecycle.CLOSED
    signed = Case.first_response_at.is_not(None)
    excluded = getattr(Case, "rating_excluded", None)  # an upheld appeal (migration 0021)
    counted = excluded.is_(False) if excluded is not None else true()
    created = ordinal(dialect, Case.created_at)
    measures: list[Any] = [
        func.count().label("received"),
        _count(signed).label("signed"),
        _count(and_(signed, Case.first_response_at <= Case.first_response_due)).label("signed_on_time"),
        _count(closed).label("closed"),
        _count(and_(closed, Case.closed_at <= Case.resolve_due)).label("closed_on_time"),
        _count(and_(closed, (Case.rating.is_(None)) | (Case.rating <= 3) | ~counted)).label("resolved"),
        *(_count(and_(Case.rating == level, counted)).label(f"rating_{level}") for level in LEVELS),
        func.sum(case((signed, func.coalesce(ordinal(dialect, Case.first_response_at) - created, 0)), else_=0)).label(
            "response_workdays"
        ),
        func.sum(case((closed, func.coalesce(ordinal(dialect, Case.closed_at) - created, 0)), else_=0)).label(
            "close_workdays"
        ),
    ]
    keys = (month_of(dialect, Case.created_at).label("month"), Case.county_code, Case.route_unit.label("unit"))
    stmt = select(*keys, *measures).where(scope.cases, *_range(first, last)).group_by(*keys)
    _collect(cells, session.execute(stmt), CELL_SUMS[:-3])
    if not events:
        return
    counted_marks = (
        ("returned", CaseEvent.action == lifecycle.EventAction.RETURN_REQUESTED),
        ("redone", and_(CaseEvent.to_status == lifecycle.REOPENED, CaseEvent.from_status != lifecycle.REOPENED)),
    )
    for name, cond in counted_marks:
        by_event: Select[Any] = (
            select(*keys, func.count().label(name))
            .join(CaseEvent, CaseEvent.case_id == Case.id)
            .where(cond, scope.cases, *_range(first, last))
            .group_by(*keys)
        )
        _collect(cells, session.execute(by_event), (name,))


def clock(session: Session, scope: Scope, first: str, last: str, now: datetime, cells: Cells) -> None:
    """Open cases past their deadlines now: unsigned past first_response_due, unfinished past resolve_due."""
    dialect = session.get_bind().dialect.name
    is_open: ColumnElement[bool] = Case.status.in_(sorted(lifecycle.OPEN_STATES))
    if dialect == "sqlite":
        is_open = func.unlikely(is_open)  # open cases are a few percent of all (see stats_sql.open_cases)
    keys = (month_of(dialect, Case.created_at).label("month"), Case.county_code, Case.route_unit.label("unit"))
    unsigned_late = and_(Case.first_response_at.is_(None), Case.first_response_due < now)
    stmt = (
        select(*keys, _count(unsigned_late).label("unsigned_late"), _count(Case.resolve_due < now).label("open_late"))
        .where(is_open, scope.cases, *_range(first, last), or_(Case.resolve_due < now, unsigned_late))
        .group_by(*keys)
    )
    _collect(cells, session.execute(stmt), ("unsigned_late", "open_late"))


def categories(session: Session, scope: Scope, month: str, *, rollup: bool = True) -> list[tuple[str, int]]:
    if rollup:
        total = func.sum(UnitScoreCell.received)
        stmt: Select[Any] = (
            select(UnitScoreCell.category, total)  # type: ignore[assignment]
            .where(scope.cells, UnitScoreCell.month == month, UnitScoreCell.received > 0)
            .group_by(UnitScoreCell.category)
        )
    else:
        stmt = (
            select(Case.category, func.count())  # type: ignore[assignment]
            .where(scope.cases, *_range(month, month))
            .group_by(Case.category)
        )
    return sorted(((str(c), int(n)) for c, n in session.execute(stmt) if n), key=lambda x: (-x[1], x[0]))


def villages(session: Session, scope: Scope, month: str, limit: int = 5) -> list[tuple[str, str, int]]:
    """The villages with the most cases received in the month: (code, name, count)."""
    n = func.count().label("n")
    top = (
        select(Case.village_code, n)
        .where(scope.cases, Case.village_code.is_not(None), *_range(month, month))
        .group_by(Case.village_code)
        .order_by(n.desc(), Case.village_code)
        .limit(limit)
    )
    counts = [(str(code), int(count)) for code, count in session.execute(top)]
    found = select(Village.code, Village.name).where(Village.code.in_([c for c, _ in counts]))
    names = {str(code): str(name) for code, name in session.execute(found)}
    return [(code, str(names.get(code, "")), count) for code, count in counts]


def town_categories(session: Session, scope: Scope, first: str, last: str) -> dict[tuple[str, str, str], int]:
    """Cases received per (town, category, month) for the months first..last, whichever unit leads them.

    A village's NBS code starts with its town's nine digits (the town's own code ends in 000), so the town is
    read off the covering index on cases, without a join."""
    town = func.substr(Case.village_code, 1, 9)
    keys = (town, Case.category, month_of(session.get_bind().dialect.name, Case.created_at))
    stmt = (
        select(*keys, func.count())
        .where(scope.cases, Case.village_code.is_not(None), *_range(first, last))
        .group_by(*keys)
    )
    return {(f"{t}000", str(c), str(m)): int(n) for t, c, m, n in session.execute(stmt)}


def parse_month(raw: str, today: date) -> str:
    """A YYYY-MM the page may show (2015 up to this month), else this month."""
    this = f"{today.year:04d}-{today.month:02d}"
    if len(raw) == 7 and raw[4] == "-" and raw[:4].isdigit() and raw[5:].isdigit() and 1 <= int(raw[5:]) <= 12:
        return raw if "2015-01" <= raw <= this else this
    return this
