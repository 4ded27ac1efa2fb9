"""identity reveal requests: a 纪委监委 member asks with a reason, a second person of the supervising
纪委监委 approves before the real-name reporter is shown

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 12:35:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "identity_reveal_requests",
        sa.Column("id", _ID, nullable=False),
        sa.Column("case_id", _ID, nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("identity_reveal_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_identity_reveal_requests_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_identity_reveal_requests_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("identity_reveal_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_identity_reveal_requests_status"))
        batch_op.drop_index(batch_op.f("ix_identity_reveal_requests_case_id"))
    op.drop_table("identity_reveal_requests")
