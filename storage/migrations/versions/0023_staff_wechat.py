"""staff link their WeChat and choose their notices

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 17:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "staff_wechat_tokens",
        sa.Column("id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["staff_users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("staff_wechat_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_wechat_tokens_user_id"), ["user_id"], unique=False)
    op.create_table(
        "staff_wechat_links",
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("openid_hash", sa.String(length=64), nullable=False),
        sa.Column("openid_seal", sa.Text(), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["staff_users.id"]),
        sa.PrimaryKeyConstraint("user_id"),
        sa.UniqueConstraint("openid_hash"),
    )
    op.create_table(
        "staff_notice_prefs",
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("digest", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["staff_users.id"]),
        sa.PrimaryKeyConstraint("user_id"),
    )
    op.create_table(
        "staff_digest_items",
        sa.Column("id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("key", sa.String(length=96), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["staff_users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("staff_digest_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_digest_items_user_id"), ["user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_staff_digest_items_sent_at"), ["sent_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("staff_digest_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_digest_items_sent_at"))
        batch_op.drop_index(batch_op.f("ix_staff_digest_items_user_id"))
    op.drop_table("staff_digest_items")
    op.drop_table("staff_notice_prefs")
    op.drop_table("staff_wechat_links")
    with op.batch_alter_table("staff_wechat_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_wechat_tokens_user_id"))
    op.drop_table("staff_wechat_tokens")
