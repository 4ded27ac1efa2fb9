"""location precision and kefu window count

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 02:32:10.740531
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("wechat_users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_precision_m", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("kefu_sent_in_window", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("wechat_users", schema=None) as batch_op:
        batch_op.drop_column("kefu_sent_in_window")
        batch_op.drop_column("last_precision_m")
