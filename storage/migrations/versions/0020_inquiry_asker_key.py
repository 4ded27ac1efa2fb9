"""inquiries keep the asker's pseudonym (the users table's user_key), so the villager can read the answer by asking

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Rows from before stay without it: their askers were told by push only, as then.
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("asker_key", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_inquiries_asker_key"), ["asker_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inquiries_asker_key"))
        batch_op.drop_column("asker_key")
