"""benefit payments, registers and clues (follow the money, #21)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 11:40:00

The households register, payments, death records and village cadres with their declared relatives, as
imported by `qingfeng data import`, and the clues the cross-check rules raise. ID and account numbers
are kept as keyed hashes and masked forms only (storage/models/money.py).
"""

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _when(name: str, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "money_people",
        sa.Column("person_hash", sa.String(64), primary_key=True),
        sa.Column("household_id", sa.String(40), nullable=False),
        sa.Column("village_code", sa.String(12), sa.ForeignKey("villages.code"), nullable=False),
        sa.Column("person_mask", sa.String(20), nullable=False),
        sa.Column("name_mask", sa.String(32), nullable=False),
        sa.Column("link_hash", sa.String(64), nullable=False),
        sa.Column("relation", sa.String(8), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        _when("updated_at"),
    )
    op.create_index("ix_money_people_household_id", "money_people", ["household_id"])
    op.create_index("ix_money_people_village_code", "money_people", ["village_code"])
    op.create_index("ix_money_people_link_hash", "money_people", ["link_hash"])
    op.create_table(
        "money_payments",
        sa.Column("payment_id", sa.String(64), primary_key=True),
        sa.Column("item", sa.String(32), nullable=False),
        sa.Column("person_hash", sa.String(64), nullable=False),
        sa.Column("person_mask", sa.String(20), nullable=False),
        sa.Column("name_mask", sa.String(32), nullable=False),
        sa.Column("village_code", sa.String(12), sa.ForeignKey("villages.code"), nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("account_hash", sa.String(64), nullable=False),
        sa.Column("account_mask", sa.String(32), nullable=False),
        _when("updated_at"),
    )
    op.create_index("ix_money_payments_item", "money_payments", ["item"])
    op.create_index("ix_money_payments_village_code", "money_payments", ["village_code"])
    op.create_index("ix_money_payments_account_hash", "money_payments", ["account_hash"])
    op.create_index("ix_money_payments_person_item_period", "money_payments", ["person_hash", "item", "period"])
    op.create_table(
        "money_deaths",
        sa.Column("person_hash", sa.String(64), primary_key=True),
        sa.Column("person_mask", sa.String(20), nullable=False),
        sa.Column("name_mask", sa.String(32), nullable=False),
        sa.Column("died_on", sa.Date(), nullable=False),
        sa.Column("died_month", sa.Date(), nullable=False),
        _when("updated_at"),
    )
    op.create_table(
        "money_cadres",
        sa.Column("id", _ID, primary_key=True, autoincrement=True),
        sa.Column("cadre_hash", sa.String(64), nullable=False),
        sa.Column("cadre_mask", sa.String(20), nullable=False),
        sa.Column("name_mask", sa.String(32), nullable=False),
        sa.Column("village_code", sa.String(12), sa.ForeignKey("villages.code"), nullable=False),
        sa.Column("post", sa.String(32), nullable=False),
        sa.Column("relative_hash", sa.String(64), nullable=False),
        sa.Column("relative_mask", sa.String(20), nullable=False),
        sa.Column("relative_name_mask", sa.String(32), nullable=False),
        sa.Column("relation", sa.String(16), nullable=False),
        _when("updated_at"),
        sa.UniqueConstraint("cadre_hash", "relative_hash", name="uq_money_cadres_pair"),
    )
    op.create_index("ix_money_cadres_cadre_hash", "money_cadres", ["cadre_hash"])
    op.create_index("ix_money_cadres_relative_hash", "money_cadres", ["relative_hash"])
    op.create_index("ix_money_cadres_village_code", "money_cadres", ["village_code"])
    op.create_table(
        "money_clues",
        sa.Column("id", _ID, primary_key=True, autoincrement=True),
        sa.Column("finding_key", sa.String(64), nullable=False, unique=True),
        sa.Column("rule", sa.String(32), nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("village_code", sa.String(12), sa.ForeignKey("villages.code"), nullable=False),
        sa.Column("person_mask", sa.String(40), nullable=False),
        sa.Column("item", sa.String(32), nullable=False),
        sa.Column("period", sa.String(20), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("case_id", _ID, sa.ForeignKey("cases.id"), nullable=True),
        _when("first_seen_at"),
        _when("last_seen_at"),
        _when("gone_at", nullable=True),
    )
    op.create_index("ix_money_clues_rule", "money_clues", ["rule"])
    op.create_index("ix_money_clues_county_code", "money_clues", ["county_code"])
    op.create_index("ix_money_clues_case_id", "money_clues", ["case_id"])
    op.create_table(
        "money_household_codes",
        sa.Column("household_id", sa.String(40), primary_key=True),
        sa.Column("village_code", sa.String(12), sa.ForeignKey("villages.code"), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("code_seal", sa.String(400), nullable=False),
        _when("issued_at"),
    )
    op.create_index("ix_money_household_codes_village_code", "money_household_codes", ["village_code"])
    op.create_table(
        "money_links",
        sa.Column("id", _ID, primary_key=True, autoincrement=True),
        sa.Column("holder", sa.String(80), nullable=False, unique=True),
        sa.Column("household_id", sa.String(40), nullable=False),
        sa.Column("person_hash", sa.String(64), nullable=False),
        _when("linked_at"),
    )
    op.create_index("ix_money_links_household_id", "money_links", ["household_id"])
    op.create_table(
        "money_confirmations",
        sa.Column("id", _ID, primary_key=True, autoincrement=True),
        sa.Column("payment_id", sa.String(64), nullable=False),
        sa.Column("holder", sa.String(80), nullable=False),
        sa.Column("answer", sa.String(16), nullable=False),
        sa.Column("case_id", _ID, sa.ForeignKey("cases.id"), nullable=True),
        _when("at"),
        sa.UniqueConstraint("payment_id", "holder", name="uq_money_confirmations_once"),
    )
    op.create_index("ix_money_confirmations_payment_id", "money_confirmations", ["payment_id"])
    op.create_table(
        "money_runs",
        sa.Column("id", _ID, primary_key=True, autoincrement=True),
        _when("started_at"),
        sa.Column("county_code", sa.String(6), nullable=True),
        sa.Column("trigger", sa.String(16), nullable=False),
        sa.Column("findings", sa.Integer(), nullable=False),
        sa.Column("new_clues", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
    )
    op.create_index("ix_money_runs_started_at", "money_runs", ["started_at"])


def downgrade() -> None:
    for table in (
        "money_runs",
        "money_confirmations",
        "money_links",
        "money_household_codes",
        "money_clues",
        "money_cadres",
        "money_deaths",
        "money_payments",
        "money_people",
    ):
        op.drop_table(table)
