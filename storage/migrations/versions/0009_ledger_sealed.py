"""no identity trail in the database: the ledger, users, conversations, drafts, outbox and inquiries; webhook nonces

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 11:30:00

processed_messages is rebuilt: its key becomes a keyed hash of sender and message id, the raw openid
column goes and the reply is stored sealed. Existing ledger rows are dropped rather than converted:
they only answer WeChat's retries, which come within seconds, and expire after 7 days anyway.

wechat_users, conversations and report_drafts are keyed by user_key (config.privacy: an HMAC of the
openid under QF_IDENTITY_KEY) instead of the openid; existing rows are re-keyed in place, so they must
be migrated with the QF_IDENTITY_KEY the service runs with. The outbox keeps user_key and a sealed
openid, its texts sealed; inquiries keep the asker's openid sealed. Flood counters named by openid are
dropped (they last a minute). webhook_nonces is new: the nonces of signed webhook requests, for replay
refusal within the freshness window.

Downgrade unseals what was sealed, but a hash cannot be turned back into an openid: users,
conversations and drafts keep their hashed keys under the old column name, so the old code no longer
finds them (villagers start afresh; cases are not affected).
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from config.privacy import keyed_hash, seal_text, unseal_text, user_key

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEYED_BY_USER = ("wechat_users", "conversations", "report_drafts")
JSON_PAYLOAD = sa.bindparam("payload", type_=sa.JSON())


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


def _json(value: Any) -> dict[str, Any]:
    loaded = json.loads(value) if isinstance(value, str) else value
    return dict(loaded or {})


def _rekey_users(conn: sa.Connection) -> None:
    for table in KEYED_BY_USER:
        for (openid,) in conn.execute(sa.text(f"SELECT openid FROM {table}")).all():  # noqa: S608
            conn.execute(
                sa.text(f"UPDATE {table} SET openid = :key WHERE openid = :openid"),  # noqa: S608
                {"key": user_key(openid), "openid": openid},
            )
        with op.batch_alter_table(table) as batch:
            batch.alter_column("openid", new_column_name="user_key", existing_type=sa.String(64), nullable=False)


def _seal_outbox(conn: sa.Connection) -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("user_key", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("recipient_seal", sa.Text(), nullable=True))
    rows = conn.execute(sa.text("SELECT id, key, openid, payload FROM outbox")).all()
    for row_id, key, openid, payload in rows:
        values = _json(payload)
        if "text" in values:
            values["text_seal"] = seal_text(str(values.pop("text")))
        if openid and key.startswith("reply:"):
            # A late reply's key was the message's dedup key, which names the sender for events.
            key = "reply:" + keyed_hash("ledger", openid, key.removeprefix("reply:"))
        conn.execute(
            sa.text(
                "UPDATE outbox SET key = :key, user_key = :user_key, recipient_seal = :seal, payload = :payload "
                "WHERE id = :id"
            ).bindparams(JSON_PAYLOAD),
            {
                "id": row_id,
                "key": key,
                "user_key": user_key(openid) if openid else None,
                "seal": seal_text(openid) if openid else None,
                "payload": values,
            },
        )
    with op.batch_alter_table("outbox") as batch:
        batch.drop_index("ix_outbox_openid_status")
        batch.drop_column("openid")
        batch.create_index("ix_outbox_user_key_status", ["user_key", "status"], unique=False)


def _seal_inquiries(conn: sa.Connection) -> None:
    with op.batch_alter_table("inquiries") as batch:
        batch.add_column(sa.Column("contact_seal", sa.Text(), nullable=True))
    for row_id, openid in conn.execute(sa.text("SELECT id, openid FROM inquiries WHERE openid IS NOT NULL")).all():
        conn.execute(
            sa.text("UPDATE inquiries SET contact_seal = :seal WHERE id = :id"),
            {"seal": seal_text(openid), "id": row_id},
        )
    with op.batch_alter_table("inquiries") as batch:
        batch.drop_index("ix_inquiries_openid")
        batch.drop_column("openid")


def upgrade() -> None:
    conn = op.get_bind()
    _ledger(key_length=64, with_openid=False)
    _rekey_users(conn)
    _seal_outbox(conn)
    _seal_inquiries(conn)
    conn.execute(sa.text("DELETE FROM rate_counters WHERE bucket LIKE 'flood:%'"))
    op.create_table(
        "webhook_nonces",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("message_key", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_webhook_nonces_expires_at", "webhook_nonces", ["expires_at"], unique=False)


def downgrade() -> None:
    conn = op.get_bind()
    op.drop_index("ix_webhook_nonces_expires_at", table_name="webhook_nonces")
    op.drop_table("webhook_nonces")
    with op.batch_alter_table("inquiries") as batch:
        batch.add_column(sa.Column("openid", sa.String(length=64), nullable=True))
    for row_id, sealed in conn.execute(
        sa.text("SELECT id, contact_seal FROM inquiries WHERE contact_seal IS NOT NULL")
    ):
        conn.execute(
            sa.text("UPDATE inquiries SET openid = :o WHERE id = :id"), {"o": unseal_text(sealed), "id": row_id}
        )
    with op.batch_alter_table("inquiries") as batch:
        batch.drop_column("contact_seal")
        batch.create_index("ix_inquiries_openid", ["openid"], unique=False)
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("openid", sa.String(length=64), nullable=True))
    for row_id, sealed, payload in conn.execute(sa.text("SELECT id, recipient_seal, payload FROM outbox")).all():
        values = _json(payload)
        if "text_seal" in values:
            values["text"] = unseal_text(str(values.pop("text_seal")))
        conn.execute(
            sa.text("UPDATE outbox SET openid = :o, payload = :payload WHERE id = :id").bindparams(JSON_PAYLOAD),
            {
                "o": unseal_text(sealed) if sealed else None,
                "payload": values,
                "id": row_id,
            },
        )
    with op.batch_alter_table("outbox") as batch:
        batch.drop_index("ix_outbox_user_key_status")
        batch.drop_column("recipient_seal")
        batch.drop_column("user_key")
        batch.create_index("ix_outbox_openid_status", ["openid", "status"], unique=False)
    for table in KEYED_BY_USER:
        with op.batch_alter_table(table) as batch:
            batch.alter_column("user_key", new_column_name="openid", existing_type=sa.String(64), nullable=False)
    _ledger(key_length=200, with_openid=True)
