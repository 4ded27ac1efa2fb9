"""unanswered questions, reviewed knowledge-base entry versions and entry hit counts (#19)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 11:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "kb_unanswered",
        sa.Column("id", _ID, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("county_code", sa.String(length=6), nullable=True),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("kb_unanswered", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kb_unanswered_created_at"), ["created_at"], unique=False)
    op.create_table(
        "kb_entry_versions",
        sa.Column("id", _ID, nullable=False),
        sa.Column("entry_id", sa.String(length=64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewer", sa.String(length=64), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("kb_entry_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kb_entry_versions_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_kb_entry_versions_status"), ["status"], unique=False)
    op.create_table(
        "kb_hits",
        sa.Column("entry_id", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entry_id", "day"),
    )


def downgrade() -> None:
    op.drop_table("kb_hits")
    with op.batch_alter_table("kb_entry_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kb_entry_versions_status"))
        batch_op.drop_index(batch_op.f("ix_kb_entry_versions_entry_id"))
    op.drop_table("kb_entry_versions")
    with op.batch_alter_table("kb_unanswered", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kb_unanswered_created_at"))
    op.drop_table("kb_unanswered")
