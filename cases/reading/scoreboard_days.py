"""workday_index (migration 0022) in step with the holiday calendar: the scoreboard's triggers count working
days as the difference of two days' ordinals in that table, which the migration filled from the holiday
notices it found. When the calendar changes (an administrator adds a year), `refresh` rewrites the days
that changed and recounts every rollup cell's working-day sums from the cases, in the caller's transaction,
so the triggers' later subtractions stay exact."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Table, and_, bindparam, case, column, func, select, table, update
from sqlalchemy.orm import Session

from cases import lifecycle
from cases.reading import scoreboard_sql as sql
from cases.workdays import Calendar
from storage.models.cases import Case, UnitScoreCell

FIRST_DAY, LAST_DAY = date(2015, 1, 1), date(2040, 12, 31)  # as migration 0022 fills it
_DAYS = table("workday_index", column("day"), column("n"))


def ordinals(calendar: Calendar) -> dict[str, int]:
    """Per day, the working days from FIRST_DAY up to and including it."""
    out: dict[str, int] = {}
    n, day = 0, FIRST_DAY
    while day <= LAST_DAY:
        n += calendar.is_working_day(day)
        out[day.isoformat()] = n
        day += timedelta(days=1)
    return out


def refresh(session: Session, calendar: Calendar) -> int:
    """Bring workday_index to `calendar` and recount the cells' working days; the number of days changed."""
    wanted = ordinals(calendar)
    stored: dict[str, int] = {str(d): int(n) for d, n in session.execute(select(_DAYS.c.day, _DAYS.c.n))}
    changed = [{"d": d, "v": n} for d, n in wanted.items() if stored.get(d) != n]
    if not changed:
        return 0
    missing = [{"day": r["d"], "n": r["v"]} for r in changed if r["d"] not in stored]
    present = [r for r in changed if r["d"] in stored]
    if present:
        session.connection().execute(
            update(_DAYS).where(_DAYS.c.day == bindparam("d")).values(n=bindparam("v")), present
        )
    if missing:
        session.connection().execute(_DAYS.insert(), missing)
    _recount(session)
    return len(changed)


def _recount(session: Session) -> None:
    dialect = session.get_bind().dialect.name
    closed = Case.status == lifecycle.CLOSED
    signed = Case.first_response_at.is_not(None)
    created = sql.ordinal(dialect, Case.created_at)
    keys = (sql.month_of(dialect, Case.created_at), Case.county_code, Case.route_unit, Case.category)
    response = func.coalesce(sql.ordinal(dialect, Case.first_response_at) - created, 0)
    close = func.coalesce(sql.ordinal(dialect, Case.closed_at) - created, 0)
    stmt = select(
        *keys,
        func.sum(case((signed, response), else_=0)),
        func.sum(case((closed, close), else_=0)),
    ).group_by(*keys)
    rows: list[dict[str, Any]] = [
        {"m": m, "c": county, "u": unit, "k": category, "r": int(r or 0), "w": int(w or 0)}
        for m, county, unit, category, r, w in session.execute(stmt)
    ]
    cell = UnitScoreCell.__table__
    assert isinstance(cell, Table)
    key = and_(
        cell.c.month == bindparam("m"),
        cell.c.county_code == bindparam("c"),
        cell.c.unit == bindparam("u"),
        cell.c.category == bindparam("k"),
    )
    if rows:
        session.connection().execute(
            update(cell).where(key).values(response_workdays=bindparam("r"), close_workdays=bindparam("w")), rows
        )
