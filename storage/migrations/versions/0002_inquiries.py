"""inquiries, and an index for releasing held outbox news

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 01:36:10.755329
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inquiries",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("openid", sa.String(length=64), nullable=True),
        sa.Column("village_code", sa.String(length=12), nullable=True),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("candidates", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["village_code"],
            ["villages.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inquiries_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_inquiries_openid"), ["openid"], unique=False)
        batch_op.create_index(batch_op.f("ix_inquiries_village_code"), ["village_code"], unique=False)
    # release_held runs on every villager message: find that villager's held news without a scan.
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_openid_status", ["openid", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_openid_status")
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inquiries_village_code"))
        batch_op.drop_index(batch_op.f("ix_inquiries_openid"))
        batch_op.drop_index(batch_op.f("ix_inquiries_created_at"))

    op.drop_table("inquiries")
