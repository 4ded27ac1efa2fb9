"""five-level ratings (好差评, 国办发〔2019〕51号) and the rectification loop

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 17:20:00

cases.rating moves from three levels (1 满意, 2 基本满意, 3 不满意) to the five of cases/ratings.py
(1 非常满意 … 5 非常不满意): 3 -> 4, then 2 -> 3, then 1 -> 2 (ratings.FROM_THREE_LEVELS). The statistics rollup
case_stat_cells gains rating_4 and rating_5 and its counts shift the same way; its triggers (migration 0008) are
made again to count five levels, leaving out ratings whose appeal was upheld (cases.rating_excluded). The
stored texts need no change: events say 满意 / 基本满意 / 不满意 in words, and those words keep their meaning.
New: cases.rating_excluded and case_rectifications (the loop of 回访, 整改 and 申诉).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As in migration 0008: cases.handling.case_steps.FINDINGS, the cell key, the watched columns.
FINDINGS = ("查实", "部分查实", "不实", "不属于受理范围")
KEY = ("month", "county_code", "route_unit", "category")
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
FIVE = (1, 2, 3, 4, 5)
THREE = (1, 2, 3)


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


def _measures(dialect: str, r: str, five: bool) -> dict[str, str]:
    """Each figure one case `r` adds to its cell, as SQL: five levels without the excluded ratings, or the
    three of before."""
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
    for rating in FIVE if five else THREE:
        counted = f" AND NOT {r}.rating_excluded" if five else ""
        out[f"rating_{rating}"] = flag(f"{r}.rating = {rating}{counted}")
    out["responded"] = flag(f"{r}.first_response_at IS NOT NULL")
    out["response_days"] = (
        f"(CASE WHEN {r}.first_response_at IS NOT NULL "
        f"THEN {_days(dialect, f'{r}.first_response_at', f'{r}.created_at')} ELSE 0 END)"
    )
    out["close_days"] = f"(CASE WHEN {closed} THEN {_days(dialect, f'{r}.closed_at', f'{r}.created_at')} ELSE 0 END)"
    return out


def _add(dialect: str, r: str, table_prefix: str, five: bool) -> str:
    key, measures = _key(dialect, r), _measures(dialect, r, five)
    columns = ", ".join((*key, *measures))
    values = ", ".join((*key.values(), *measures.values()))
    sets = ", ".join(f"{m} = {table_prefix}{m} + excluded.{m}" for m in measures)
    conflict = ", ".join(KEY)
    # Only our own column names and constants go into these statements.
    return f"INSERT INTO case_stat_cells ({columns}) VALUES ({values}) ON CONFLICT ({conflict}) DO UPDATE SET {sets}"  # noqa: S608


def _subtract(dialect: str, r: str, five: bool) -> str:
    key, measures = _key(dialect, r), _measures(dialect, r, five)
    sets = ", ".join(f"{m} = {m} - {expr}" for m, expr in measures.items())
    where = " AND ".join(f"{k} = {expr}" for k, expr in key.items())
    update = f"UPDATE case_stat_cells SET {sets} WHERE {where}"  # noqa: S608
    return f"{update}; DELETE FROM case_stat_cells WHERE {where} AND received = 0"  # noqa: S608


def _backfill(dialect: str, five: bool) -> str:
    key, measures = _key(dialect, "c"), _measures(dialect, "c", five)
    columns = ", ".join((*key, *measures))
    select = ", ".join(
        (*(f"{expr} AS {k}" for k, expr in key.items()), *(f"SUM({expr})" for expr in measures.values()))
    )
    group = ", ".join(key.values())
    return f"INSERT INTO case_stat_cells ({columns}) SELECT {select} FROM cases AS c GROUP BY {group}"  # noqa: S608


def _drop_triggers(dialect: str) -> None:
    if dialect == "sqlite":
        for trigger in ("case_stat_cells_ai", "case_stat_cells_ad", "case_stat_cells_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    else:
        op.execute("DROP TRIGGER IF EXISTS case_stat_cells_apply ON cases")
        op.execute("DROP FUNCTION IF EXISTS case_stat_cells_apply()")


def _create_triggers(dialect: str, five: bool) -> None:
    watched = ", ".join((*WATCHED, "rating_excluded") if five else WATCHED)
    if dialect == "sqlite":
        op.execute(
            f"CREATE TRIGGER case_stat_cells_ai AFTER INSERT ON cases BEGIN {_add(dialect, 'NEW', '', five)}; END"
        )
        op.execute(
            f"CREATE TRIGGER case_stat_cells_ad AFTER DELETE ON cases BEGIN {_subtract(dialect, 'OLD', five)}; END"
        )
        op.execute(
            f"CREATE TRIGGER case_stat_cells_au AFTER UPDATE OF {watched} ON cases "
            f"BEGIN {_subtract(dialect, 'OLD', five)}; {_add(dialect, 'NEW', '', five)}; END"
        )
    else:
        op.execute(
            "CREATE FUNCTION case_stat_cells_apply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {_subtract(dialect, 'OLD', five)}; END IF; "
            f"IF TG_OP IN ('UPDATE', 'INSERT') THEN {_add(dialect, 'NEW', 'case_stat_cells.', five)}; END IF; "
            "RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER case_stat_cells_apply AFTER INSERT OR DELETE OR UPDATE OF {watched} ON cases "
            "FOR EACH ROW EXECUTE FUNCTION case_stat_cells_apply()"
        )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    _drop_triggers(dialect)  # the remap below must not go through the three-level triggers
    # The order matters: each step moves a level into one that is already empty.
    for old, new in ((3, 4), (2, 3), (1, 2)):
        op.execute(f"UPDATE cases SET rating = {new} WHERE rating = {old}")  # noqa: S608
    op.add_column("cases", sa.Column("rating_excluded", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("case_stat_cells", sa.Column("rating_4", sa.Integer(), server_default="0", nullable=False))
    op.add_column("case_stat_cells", sa.Column("rating_5", sa.Integer(), server_default="0", nullable=False))
    # One statement: every right-hand side reads the row as it was.
    op.execute("UPDATE case_stat_cells SET rating_4 = rating_3, rating_3 = rating_2, rating_2 = rating_1, rating_1 = 0")
    if dialect == "postgresql":  # the model has no server default on the counts (the triggers fill them)
        for column in ("rating_4", "rating_5"):
            op.execute(f"ALTER TABLE case_stat_cells ALTER COLUMN {column} DROP DEFAULT")
    _create_triggers(dialect, five=True)
    op.create_table(
        "case_rectifications",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("case_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("visited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("visited_by", sa.String(length=64), nullable=True),
        sa.Column("visit_rating", sa.Integer(), nullable=True),
        sa.Column("visit_note", sa.Text(), nullable=True),
        sa.Column("fixed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fixed_by", sa.String(length=64), nullable=True),
        sa.Column("fix_note", sa.Text(), nullable=True),
        sa.Column("appeal_state", sa.String(length=16), nullable=True),
        sa.Column("appeal_kind", sa.String(length=16), nullable=True),
        sa.Column("appeal_reason", sa.Text(), nullable=True),
        sa.Column("appealed_by", sa.String(length=64), nullable=True),
        sa.Column("appealed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ruled_by", sa.String(length=64), nullable=True),
        sa.Column("ruled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ruling_note", sa.Text(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_case_rectifications_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_rectifications")),
    )
    op.create_index(op.f("ix_case_rectifications_case_id"), "case_rectifications", ["case_id"], unique=False)
    op.create_index(op.f("ix_case_rectifications_closed_at"), "case_rectifications", ["closed_at"], unique=False)


def downgrade() -> None:
    """Back to three levels: 1 and 2 -> 1, 3 -> 2, 4 and 5 -> 3. Lossy: 非常满意 becomes 满意 and 非常不满意
    becomes 不满意 for good (an upgrade again cannot tell them apart), and the loop's rows and the marks of
    upheld appeals are dropped, so those ratings count again."""
    dialect = op.get_bind().dialect.name
    op.drop_index(op.f("ix_case_rectifications_closed_at"), table_name="case_rectifications")
    op.drop_index(op.f("ix_case_rectifications_case_id"), table_name="case_rectifications")
    op.drop_table("case_rectifications")
    _drop_triggers(dialect)
    for old, new in ((2, 1), (3, 2), (4, 3), (5, 3)):
        op.execute(f"UPDATE cases SET rating = {new} WHERE rating = {old}")  # noqa: S608
    # Plain ALTER TABLE (SQLite 3.35+), not a batch copy of cases, which would lose its triggers and text search.
    op.execute("ALTER TABLE cases DROP COLUMN rating_excluded")
    op.execute("ALTER TABLE case_stat_cells DROP COLUMN rating_4")
    op.execute("ALTER TABLE case_stat_cells DROP COLUMN rating_5")
    # Counted again from the cases: the excluded ratings count again, which a shift could not say.
    op.execute("DELETE FROM case_stat_cells")
    op.execute(_backfill(dialect, five=False))
    _create_triggers(dialect, five=False)
