"""projects, kb state, posters, scan counts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 01:47:31.525535
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "kb_state",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "scan_daily",
        sa.Column("scene", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("scene", "day", "channel"),
    )
    op.create_table(
        "posters",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("poster_no", sa.Integer(), nullable=False),
        sa.Column("scene", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("ticket", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["village_code"],
            ["villages.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("scene"),
        sa.UniqueConstraint("village_code", "poster_no", name="uq_poster_village_no"),
    )
    with op.batch_alter_table("posters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_posters_village_code"), ["village_code"], unique=False)

    op.create_table(
        "projects",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("fund_source", sa.String(length=100), nullable=False),
        sa.Column("amount_yuan", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("implementing_unit", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("completion_date", sa.Date(), nullable=True),
        sa.Column("beneficiaries", sa.Integer(), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["village_code"],
            ["villages.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("village_code", "name", "year", name="uq_project_village_name_year"),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_projects_village_code"), ["village_code"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_projects_village_code"))

    op.drop_table("projects")
    with op.batch_alter_table("posters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posters_village_code"))

    op.drop_table("posters")
    op.drop_table("scan_daily")
    op.drop_table("kb_state")
