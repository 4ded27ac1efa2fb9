"""inquiries go to one unit: the routed unit and why, the due time with its basis, and who claimed it

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 15:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Rows from before stay without a unit: they keep the old county-wide scope (cases/handling/inquiries.py).
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_code", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("route_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("due_basis", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_inquiries_unit_code"), ["unit_code"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inquiries_unit_code"))
        batch_op.drop_column("claimed_at")
        batch_op.drop_column("claimed_by")
        batch_op.drop_column("due_basis")
        batch_op.drop_column("due_at")
        batch_op.drop_column("route_reason")
        batch_op.drop_column("unit_code")
