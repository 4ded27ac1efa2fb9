"""exactly-once ledger without an identity trail; webhook nonces

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 11:30:00

processed_messages is rebuilt: its key becomes a keyed hash of sender and message id, the raw openid
column goes and the reply is stored sealed. Existing rows are dropped rather than converted: they only
answer WeChat's retries, which come within seconds, and expire after 7 days anyway.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _ledger(*, key_length: int, with_openid: bool) -> None:
    op.drop_index("ix_processed_messages_received_at", table_name="processed_messages")
    op.drop_table("processed_messages")
    columns = [sa.Column("key", sa.String(length=key_length), nullable=False)]
    if with_openid:
        columns.append(sa.Column("openid", sa.String(length=64), nullable=False))
    op.create_table(
        "processed_messages",
        *columns,
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_processed_messages_received_at", "processed_messages", ["received_at"], unique=False)


def upgrade() -> None:
    _ledger(key_length=64, with_openid=False)


def downgrade() -> None:
    _ledger(key_length=200, with_openid=True)
