"""audit scope and confirmed account powers

The audit log gets the county whose supervisors may read each row (the case's county, else the
actor's unit's); rows from before are filled the same way. Failed logins used to keep the text typed
as the username (once a password): rows whose text names no account lose it.
`staff_account_requests` holds account changes that wait for a supervisor's confirmation.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 11:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("county_code", sa.String(length=6), nullable=True))
        batch_op.create_index(batch_op.f("ix_audit_log_county_code"), ["county_code"], unique=False)
    op.execute(
        "UPDATE audit_log SET username = '' WHERE action = 'login_failed'"
        " AND username NOT IN (SELECT username FROM staff_users)"
    )
    op.execute(
        "UPDATE audit_log SET county_code = (SELECT cases.county_code FROM cases WHERE cases.id = audit_log.case_id)"
        " WHERE case_id IS NOT NULL"
    )
    op.execute(
        "UPDATE audit_log SET county_code = (SELECT units.county_code FROM staff_users"
        " JOIN units ON units.code = staff_users.unit_code WHERE staff_users.username = audit_log.username)"
        " WHERE case_id IS NULL"
    )

    op.create_table(
        "staff_account_requests",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=24), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("confirm_role", sa.String(length=24), nullable=False),
        sa.Column("county_code", sa.String(length=6), nullable=True),
        sa.Column("password_hash", sa.String(length=256), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("staff_account_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_account_requests_county_code"), ["county_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_staff_account_requests_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_staff_account_requests_username"), ["username"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("staff_account_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_account_requests_username"))
        batch_op.drop_index(batch_op.f("ix_staff_account_requests_status"))
        batch_op.drop_index(batch_op.f("ix_staff_account_requests_county_code"))
    op.drop_table("staff_account_requests")
    # The usernames cleared from failed logins are not restored: they were never to be kept.
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_county_code"))
        batch_op.drop_column("county_code")
