"""inquiry answers, knowledge-base drafts and holiday years added by an administrator

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 04:25:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("answer", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("answered_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("notified", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table(
        "kb_drafts",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("inquiry_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("entry_id", sa.String(length=64), nullable=False),
        sa.Column("county_code", sa.String(length=6), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["inquiry_id"], ["inquiries.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("kb_drafts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kb_drafts_inquiry_id"), ["inquiry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_kb_drafts_county_code"), ["county_code"], unique=False)
    op.create_table(
        "holiday_years",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("notice", sa.String(length=200), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=True),
        sa.Column("issued", sa.Date(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("holidays", sa.JSON(), nullable=False),
        sa.Column("workdays", sa.JSON(), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("year"),
    )


def downgrade() -> None:
    op.drop_table("holiday_years")
    with op.batch_alter_table("kb_drafts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kb_drafts_county_code"))
        batch_op.drop_index(batch_op.f("ix_kb_drafts_inquiry_id"))
    op.drop_table("kb_drafts")
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.drop_column("notified")
        batch_op.drop_column("answered_at")
        batch_op.drop_column("answered_by")
        batch_op.drop_column("answer")
