"""case text search and statistics at scale: FTS5 trigram table (SQLite) or pg_trgm indexes (PostgreSQL),
cases.first_response_at, and the statistics rollup case_stat_cells kept by triggers

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22 04:25:00

Existing rows are filled in here: first_response_at from case_events, the rollup from cases, the FTS
table by its 'rebuild' command.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Must match cases.handling.case_steps.FINDINGS (finding_0 .. finding_3) and cases.lifecycle.RESPONSE_STATES.
FINDINGS = ("查实", "部分查实", "不实", "不属于受理范围")
KEY = ("month", "county_code", "route_unit", "category")
# The cases columns a cell's figures depend on: an UPDATE of any other column leaves the rollup alone.
WATCHED = (
    "created_at",
    "county_code",
    "route_unit",
    "category",
    "status",
    "closed_at",
    "resolve_due",
    "finding",
    "rating",
    "first_response_at",
)


def _days(dialect: str, later: str, earlier: str) -> str:
    if dialect == "sqlite":
        return f"(julianday({later}) - julianday({earlier}))"
    return f"(EXTRACT(EPOCH FROM ({later} - {earlier})) / 86400.0)"


def _key(dialect: str, r: str) -> dict[str, str]:
    if dialect == "sqlite":
        month = f"strftime('%Y-%m', {r}.created_at, '+8 hours')"
    else:
        month = f"to_char({r}.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')"
    return {
        "month": month,
        "county_code": f"{r}.county_code",
        "route_unit": f"{r}.route_unit",
        "category": f"{r}.category",
    }


def _measures(dialect: str, r: str) -> dict[str, str]:
    """Each figure one case `r` adds to its cell, as SQL."""
    closed = f"{r}.status = 'closed'"
    finished = f"{r}.status IN ('closed', 'rejected')"

    def flag(cond: str) -> str:
        return f"(CASE WHEN {cond} THEN 1 ELSE 0 END)"

    out = {
        "received": "1",
        "closed": flag(closed),
        "on_time": flag(f"{closed} AND {r}.closed_at <= {r}.resolve_due"),
        "closed_late": flag(f"{closed} AND {r}.closed_at > {r}.resolve_due"),
    }
    for i, finding in enumerate(FINDINGS):
        out[f"finding_{i}"] = flag(f"{finished} AND {r}.finding = '{finding}'")
    for rating in (1, 2, 3):
        out[f"rating_{rating}"] = flag(f"{r}.rating = {rating}")
    out["responded"] = flag(f"{r}.first_response_at IS NOT NULL")
    out["response_days"] = (
        f"(CASE WHEN {r}.first_response_at IS NOT NULL "
        f"THEN {_days(dialect, f'{r}.first_response_at', f'{r}.created_at')} ELSE 0 END)"
    )
    out["close_days"] = f"(CASE WHEN {closed} THEN {_days(dialect, f'{r}.closed_at', f'{r}.created_at')} ELSE 0 END)"
    return out


def _add(dialect: str, r: str, table_prefix: str) -> str:
    """Upsert one case's contribution into its cell."""
    key, measures = _key(dialect, r), _measures(dialect, r)
    columns = ", ".join((*key, *measures))
    values = ", ".join((*key.values(), *measures.values()))
    sets = ", ".join(f"{m} = {table_prefix}{m} + excluded.{m}" for m in measures)
    conflict = ", ".join(KEY)
    # Only our own column names and constants go into these statements.
    return f"INSERT INTO case_stat_cells ({columns}) VALUES ({values}) ON CONFLICT ({conflict}) DO UPDATE SET {sets}"  # noqa: S608


def _subtract(dialect: str, r: str) -> str:
    key, measures = _key(dialect, r), _measures(dialect, r)
    sets = ", ".join(f"{m} = {m} - {expr}" for m, expr in measures.items())
    where = " AND ".join(f"{k} = {expr}" for k, expr in key.items())
    # A cell left with no case goes, so the statistics never list a unit with nothing in it.
    update = f"UPDATE case_stat_cells SET {sets} WHERE {where}"  # noqa: S608
    return f"{update}; DELETE FROM case_stat_cells WHERE {where} AND received = 0"  # noqa: S608


def _backfill(dialect: str) -> str:
    key, measures = _key(dialect, "c"), _measures(dialect, "c")
    columns = ", ".join((*key, *measures))
    select = ", ".join(
        (*(f"{expr} AS {k}" for k, expr in key.items()), *(f"SUM({expr})" for expr in measures.values()))
    )
    group = ", ".join(key.values())
    return f"INSERT INTO case_stat_cells ({columns}) SELECT {select} FROM cases AS c GROUP BY {group}"  # noqa: S608


def _first_response_backfill() -> str:
    return (
        "UPDATE cases SET first_response_at = (SELECT MIN(e.at) FROM case_events AS e WHERE e.case_id = cases.id "
        "AND e.actor LIKE 'staff:%' AND ((e.to_status IN ('accepted', 'answered', 'rejected') "
        "AND e.from_status <> e.to_status) OR e.public)) "
        "WHERE id IN (SELECT case_id FROM case_events WHERE actor LIKE 'staff:%')"
    )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("first_response_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_cases_county_created", ["county_code", "created_at"], unique=False)
        batch_op.create_index(
            "ix_cases_status_stats",
            ["status", "county_code", "created_at", "resolve_due", "route_unit", "category"],
            unique=False,
        )
    op.create_table(
        "case_stat_cells",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("county_code", sa.String(length=6), nullable=False),
        sa.Column("route_unit", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        *(
            sa.Column(name, sa.Integer(), nullable=False)
            for name in (
                "received",
                "closed",
                "on_time",
                "closed_late",
                "finding_0",
                "finding_1",
                "finding_2",
                "finding_3",
                "rating_1",
                "rating_2",
                "rating_3",
                "responded",
            )
        ),
        sa.Column("response_days", sa.Float(), nullable=False),
        sa.Column("close_days", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint(*KEY, name=op.f("pk_case_stat_cells")),
    )
    op.execute(_first_response_backfill())
    op.execute(_backfill(dialect))
    watched = ", ".join(WATCHED)
    if dialect == "sqlite":
        op.execute(f"CREATE TRIGGER case_stat_cells_ai AFTER INSERT ON cases BEGIN {_add(dialect, 'NEW', '')}; END")
        op.execute(f"CREATE TRIGGER case_stat_cells_ad AFTER DELETE ON cases BEGIN {_subtract(dialect, 'OLD')}; END")
        op.execute(
            f"CREATE TRIGGER case_stat_cells_au AFTER UPDATE OF {watched} ON cases "
            f"BEGIN {_subtract(dialect, 'OLD')}; {_add(dialect, 'NEW', '')}; END"
        )
        # Text search: an external-content FTS5 table over cases (no second copy of the text).
        op.execute(
            "CREATE VIRTUAL TABLE cases_fts USING fts5(description, number, content='cases', content_rowid='id', "
            "tokenize='trigram')"
        )
        op.execute("INSERT INTO cases_fts (cases_fts) VALUES ('rebuild')")
        old = (
            "INSERT INTO cases_fts (cases_fts, rowid, description, number) "
            "VALUES ('delete', old.id, old.description, old.number)"
        )
        new = "INSERT INTO cases_fts (rowid, description, number) VALUES (new.id, new.description, new.number)"
        op.execute(f"CREATE TRIGGER cases_fts_ai AFTER INSERT ON cases BEGIN {new}; END")
        op.execute(f"CREATE TRIGGER cases_fts_ad AFTER DELETE ON cases BEGIN {old}; END")
        op.execute(f"CREATE TRIGGER cases_fts_au AFTER UPDATE OF description, number ON cases BEGIN {old}; {new}; END")
    else:
        op.execute(
            "CREATE FUNCTION case_stat_cells_apply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {_subtract(dialect, 'OLD')}; END IF; "
            f"IF TG_OP IN ('UPDATE', 'INSERT') THEN {_add(dialect, 'NEW', 'case_stat_cells.')}; END IF; "
            "RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER case_stat_cells_apply AFTER INSERT OR DELETE OR UPDATE OF {watched} ON cases "
            "FOR EACH ROW EXECUTE FUNCTION case_stat_cells_apply()"
        )
        # In `public`, so every schema's indexes find one operator class and a dropped schema keeps it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
        for column in ("description", "number"):
            op.execute(f"CREATE INDEX ix_cases_{column}_trgm ON cases USING gin ({column} public.gin_trgm_ops)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("cases_fts_ai", "cases_fts_ad", "cases_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS cases_fts")
        for trigger in ("case_stat_cells_ai", "case_stat_cells_ad", "case_stat_cells_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    else:
        for column in ("description", "number"):
            op.execute(f"DROP INDEX IF EXISTS ix_cases_{column}_trgm")
        op.execute("DROP TRIGGER IF EXISTS case_stat_cells_apply ON cases")
        op.execute("DROP FUNCTION IF EXISTS case_stat_cells_apply()")
    op.drop_table("case_stat_cells")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_status_stats")
        batch_op.drop_index("ix_cases_county_created")
        batch_op.drop_column("first_response_at")
