"""staff accounts made or reset by an administrator change their password at first login

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 23:40:00

`staff_users.must_change_password`: set for an account an administrator creates and for every password
reset (the administrator knew the password), cleared when its owner picks a new one at /admin/password.
Existing accounts are false, so nobody signed in today is locked out by the upgrade. The column is added
without a batch (table copy), as 0024 does.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "staff_users",
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("staff_users", "must_change_password")
