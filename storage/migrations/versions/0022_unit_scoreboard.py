"""the unit scoreboard's monthly rollup (一县一单、一部门一单, #20 §4): unit_score_cells kept by triggers on
`cases` and `case_events`, and workday_index, the working-day ordinal of every Beijing day the triggers
count working days with

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06 17:20:00

A cell sums the cases received in one Beijing month, in one county, led now by one unit, of one category.
Its case figures move with the case (an update subtracts the old row's share and adds the new one), as
case_stat_cells does (0008). Three figures are marks of something a unit did, counted where the case was at
that moment and never moved: `returned` (a 退回 request, case_events.action 'return_requested'), `redone`
(the case reopened, 重办) and `moved_out` (the case left this unit: re-routed or transferred).

workday_index holds, per day, the number of working days from 2015-01-01 up to and including it, by the
State Council's holiday notices shipped in cases/data/holidays (and any year an administrator added in
holiday_years), Monday to Friday otherwise. Working days from receipt to an answer are the difference of
the two days' ordinals (an answer on the day of receipt: 0).

Existing rows are filled in here. Marks from before this migration are counted on the case's present unit
(the events do not say which unit returned or reopened a case then); moves from before it are not counted.
"""

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = ("month", "county_code", "unit", "category")
CASE_MEASURES = (
    "received",
    "signed",
    "signed_on_time",
    "closed",
    "closed_on_time",
    "resolved",
    "rating_1",
    "rating_2",
    "rating_3",
    "rating_4",
    "rating_5",
    "response_workdays",
    "close_workdays",
)
MARKS = ("returned", "redone", "moved_out")
FIRST_DAY, LAST_DAY = date(2015, 1, 1), date(2040, 12, 31)
HOLIDAYS = Path(__file__).resolve().parents[3] / "cases" / "data" / "holidays"
WATCHED = (
    "created_at",
    "county_code",
    "route_unit",
    "category",
    "status",
    "closed_at",
    "resolve_due",
    "first_response_due",
    "first_response_at",
    "rating",
)


def _day(dialect: str, moment: str) -> str:
    if dialect == "sqlite":
        return f"date({moment}, '+8 hours')"
    return f"to_char({moment} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"


def _workdays(dialect: str, later: str, earlier: str) -> str:
    ordinal = "(SELECT w.n FROM workday_index AS w WHERE w.day = {})"
    return f"COALESCE({ordinal.format(_day(dialect, later))} - {ordinal.format(_day(dialect, earlier))}, 0)"


def _key(dialect: str, r: str) -> dict[str, str]:
    if dialect == "sqlite":
        month = f"strftime('%Y-%m', {r}.created_at, '+8 hours')"
    else:
        month = f"to_char({r}.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')"
    return {"month": month, "county_code": f"{r}.county_code", "unit": f"{r}.route_unit", "category": f"{r}.category"}


def _flag(cond: str) -> str:
    return f"(CASE WHEN {cond} THEN 1 ELSE 0 END)"


def _measures(dialect: str, r: str, excluded: bool) -> dict[str, str]:
    """Each figure one case `r` adds to its cell, as SQL (the definitions: cases/reading/scoreboard.py)."""
    closed = f"{r}.status = 'closed'"
    signed = f"{r}.first_response_at IS NOT NULL"
    counted = f"{r}.rating_excluded = false" if excluded else "1 = 1"
    out = {
        "received": "1",
        "signed": _flag(signed),
        "signed_on_time": _flag(f"{signed} AND {r}.first_response_at <= {r}.first_response_due"),
        "closed": _flag(closed),
        "closed_on_time": _flag(f"{closed} AND {r}.closed_at <= {r}.resolve_due"),
        "resolved": _flag(f"{closed} AND ({r}.rating IS NULL OR {r}.rating <= 3 OR NOT ({counted}))"),
    }
    for level in range(1, 6):
        out[f"rating_{level}"] = _flag(f"{r}.rating = {level} AND {counted}")
    out["response_workdays"] = (
        f"(CASE WHEN {signed} THEN {_workdays(dialect, f'{r}.first_response_at', f'{r}.created_at')} ELSE 0 END)"
    )
    out["close_workdays"] = (
        f"(CASE WHEN {closed} THEN {_workdays(dialect, f'{r}.closed_at', f'{r}.created_at')} ELSE 0 END)"
    )
    return out


def _add(dialect: str, r: str, prefix: str, excluded: bool) -> str:
    key, measures = _key(dialect, r), _measures(dialect, r, excluded)
    columns = ", ".join((*key, *measures))
    values = ", ".join((*key.values(), *measures.values()))
    sets = ", ".join(f"{m} = {prefix}{m} + excluded.{m}" for m in measures)
    # Only our own column names and constants go into these statements.
    upsert = f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET {sets}"
    return f"INSERT INTO unit_score_cells ({columns}) VALUES ({values}) {upsert}"  # noqa: S608


def _subtract(dialect: str, r: str, excluded: bool) -> str:
    key, measures = _key(dialect, r), _measures(dialect, r, excluded)
    sets = ", ".join(f"{m} = {m} - {expr}" for m, expr in measures.items())
    where = " AND ".join(f"{k} = {expr}" for k, expr in key.items())
    empty = " AND ".join(f"{m} = 0" for m in ("received", *MARKS))
    update = f"UPDATE unit_score_cells SET {sets} WHERE {where}"  # noqa: S608
    return f"{update}; DELETE FROM unit_score_cells WHERE {where} AND {empty}"  # noqa: S608


def _mark(dialect: str, r: str, mark: str, prefix: str) -> str:
    """Count one `mark` on the cell of case row `r`."""
    key = _key(dialect, r)
    values = ", ".join(key.values())
    return (
        f"INSERT INTO unit_score_cells ({', '.join(KEY)}, {mark}) VALUES ({values}, 1) "  # noqa: S608
        f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET {mark} = {prefix}{mark} + 1"
    )


def _return_mark(dialect: str, prefix: str) -> str:
    key = _key(dialect, "c")
    select = ", ".join(key.values())
    return (
        f"INSERT INTO unit_score_cells ({', '.join(KEY)}, returned) SELECT {select}, 1 FROM cases AS c "  # noqa: S608
        f"WHERE c.id = NEW.case_id ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET returned = {prefix}returned + 1"
    )


def _backfill(dialect: str, excluded: bool) -> list[str]:
    key, measures = _key(dialect, "c"), _measures(dialect, "c", excluded)
    group = ", ".join(key.values())
    keys = ", ".join(f"{expr} AS {k}" for k, expr in key.items())
    sums = ", ".join(f"SUM({expr})" for expr in measures.values())
    out = [
        f"INSERT INTO unit_score_cells ({', '.join((*key, *measures))}) "  # noqa: S608
        f"SELECT {keys}, {sums} FROM cases AS c GROUP BY {group}"
    ]
    for mark, cond in (
        ("returned", "e.action = 'return_requested'"),
        ("redone", "e.to_status = 'reopened' AND e.from_status <> 'reopened'"),
    ):
        out.append(
            f"INSERT INTO unit_score_cells ({', '.join(KEY)}, {mark}) SELECT {keys}, COUNT(*) FROM cases AS c "  # noqa: S608
            f"JOIN case_events AS e ON e.case_id = c.id WHERE {cond} GROUP BY {group} "
            f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET {mark} = excluded.{mark}"
        )
    return out


def _holiday_years(bind: Any) -> dict[int, tuple[set[date], set[date]]]:
    """(holidays, working weekend days) per year: the shipped notices, and the years an administrator added."""
    out: dict[int, tuple[set[date], set[date]]] = {}

    def spans(raw: Any) -> set[date]:
        days: set[date] = set()
        for span in raw or []:
            first, last = date.fromisoformat(str(span[0])), date.fromisoformat(str(span[-1]))
            days.update(first + timedelta(days=i) for i in range((last - first).days + 1))
        return days

    if sa.inspect(bind).has_table("holiday_years"):
        for year, holidays, workdays in bind.execute(sa.text("SELECT year, holidays, workdays FROM holiday_years")):
            if isinstance(holidays, str):
                holidays, workdays = yaml.safe_load(holidays), yaml.safe_load(workdays)
            out[int(year)] = (spans(holidays), {date.fromisoformat(str(d)) for d in workdays or []})
    for path in sorted(HOLIDAYS.glob("[0-9][0-9][0-9][0-9].yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[int(raw["year"])] = (
            spans(raw.get("holidays")),
            {date.fromisoformat(str(d)) for d in raw.get("workdays") or []},
        )
    return out


def _workday_rows(bind: Any) -> list[dict[str, Any]]:
    years = _holiday_years(bind)
    rows, n, day = [], 0, FIRST_DAY
    while day <= LAST_DAY:
        holidays, workdays = years.get(day.year, (set(), set()))
        if day in workdays or (day not in holidays and day.weekday() < 5):
            n += 1
        rows.append({"day": day.isoformat(), "n": n})
        day += timedelta(days=1)
    return rows


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    excluded = "rating_excluded" in {c["name"] for c in sa.inspect(bind).get_columns("cases")}
    watched = ", ".join((*WATCHED, *(("rating_excluded",) if excluded else ())))
    days = op.create_table(
        "workday_index",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_workday_index")),
    )
    op.bulk_insert(days, _workday_rows(bind))
    op.create_table(
        "unit_score_cells",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("county_code", sa.String(length=6), nullable=False),
        sa.Column("unit", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        *(sa.Column(m, sa.Integer(), nullable=False, server_default="0") for m in (*CASE_MEASURES, *MARKS)),
        sa.PrimaryKeyConstraint(*KEY, name=op.f("pk_unit_score_cells")),
    )
    op.create_index("ix_unit_score_cells_unit_month", "unit_score_cells", ["unit", "month"])
    open_columns = ["status", "created_at", "first_response_due", "resolve_due", "first_response_at"]
    op.create_index("ix_cases_score_open", "cases", [*open_columns, "county_code", "route_unit"])
    op.create_index(
        "ix_cases_score_month", "cases", ["created_at", "county_code", "route_unit", "category", "village_code"]
    )
    for statement in _backfill(dialect, excluded):
        op.execute(statement)
    if dialect == "sqlite":
        add, sub = _add(dialect, "NEW", "", excluded), _subtract(dialect, "OLD", excluded)
        op.execute(f"CREATE TRIGGER unit_score_cells_ai AFTER INSERT ON cases BEGIN {add}; END")
        op.execute(f"CREATE TRIGGER unit_score_cells_ad AFTER DELETE ON cases BEGIN {sub}; END")
        op.execute(f"CREATE TRIGGER unit_score_cells_au AFTER UPDATE OF {watched} ON cases BEGIN {sub}; {add}; END")
        op.execute(
            "CREATE TRIGGER unit_score_cells_redone AFTER UPDATE OF status ON cases "
            "WHEN NEW.status = 'reopened' AND OLD.status <> 'reopened' "
            f"BEGIN {_mark(dialect, 'NEW', 'redone', '')}; END"
        )
        op.execute(
            "CREATE TRIGGER unit_score_cells_moved AFTER UPDATE OF route_unit ON cases "
            f"WHEN NEW.route_unit <> OLD.route_unit BEGIN {_mark(dialect, 'OLD', 'moved_out', '')}; END"
        )
        op.execute(
            "CREATE TRIGGER unit_score_cells_returned AFTER INSERT ON case_events "
            f"WHEN NEW.action = 'return_requested' BEGIN {_return_mark(dialect, '')}; END"
        )
        return
    prefix = "unit_score_cells."
    op.execute(
        "CREATE FUNCTION unit_score_cells_apply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {_subtract(dialect, 'OLD', excluded)}; END IF; "
        f"IF TG_OP IN ('UPDATE', 'INSERT') THEN {_add(dialect, 'NEW', prefix, excluded)}; END IF; "
        "IF TG_OP = 'UPDATE' AND NEW.status = 'reopened' AND OLD.status <> 'reopened' THEN "
        f"{_mark(dialect, 'NEW', 'redone', prefix)}; END IF; "
        "IF TG_OP = 'UPDATE' AND NEW.route_unit <> OLD.route_unit THEN "
        f"{_mark(dialect, 'OLD', 'moved_out', prefix)}; END IF; "
        "RETURN NULL; END $$"
    )
    op.execute(
        f"CREATE TRIGGER unit_score_cells_apply AFTER INSERT OR DELETE OR UPDATE OF {watched} ON cases "
        "FOR EACH ROW EXECUTE FUNCTION unit_score_cells_apply()"
    )
    op.execute(
        "CREATE FUNCTION unit_score_cells_returned() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"{_return_mark(dialect, prefix)}; RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER unit_score_cells_returned AFTER INSERT ON case_events FOR EACH ROW "
        "WHEN (NEW.action = 'return_requested') EXECUTE FUNCTION unit_score_cells_returned()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("ai", "ad", "au", "redone", "moved", "returned"):
            op.execute(f"DROP TRIGGER IF EXISTS unit_score_cells_{name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS unit_score_cells_apply ON cases")
        op.execute("DROP TRIGGER IF EXISTS unit_score_cells_returned ON case_events")
        op.execute("DROP FUNCTION IF EXISTS unit_score_cells_apply()")
        op.execute("DROP FUNCTION IF EXISTS unit_score_cells_returned()")
    op.drop_index("ix_cases_score_month", table_name="cases")
    op.drop_index("ix_cases_score_open", table_name="cases")
    op.drop_index("ix_unit_score_cells_unit_month", table_name="unit_score_cells")
    op.drop_table("unit_score_cells")
    op.drop_table("workday_index")
