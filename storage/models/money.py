"""Models of benefit payments and the registers they are checked against (issue #21, migration 0014).

No ID number or account number is stored: only a keyed hash (config.privacy.keyed_hash, so equal numbers
join and nothing else can be read back) and a masked form for display. Names are stored masked (张*明).
Amounts are whole fen, so sums and comparisons are exact on both databases.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base

_ID = BigInteger().with_variant(Integer, "sqlite")


class MoneyPerson(Base):
    """One person of the households register (户籍/帮扶台账): which household, village and status."""

    __tablename__ = "money_people"
    person_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    household_id: Mapped[str] = mapped_column(String(40), index=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("villages.code"), index=True)
    person_mask: Mapped[str] = mapped_column(String(20))
    name_mask: Mapped[str] = mapped_column(String(32))
    # keyed_hash of the name and the ID number's last six characters: a villager links with both.
    link_hash: Mapped[str] = mapped_column(String(64), index=True)
    relation: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(8))  # of the household: 脱贫户, 监测户, 低保户, 特困户, 一般户
    updated_at: Mapped[datetime]


class MoneyPayment(Base):
    """One payment of a benefit item (惠民惠农财政补贴"一卡通"发放明细)."""

    __tablename__ = "money_payments"
    payment_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    item: Mapped[str] = mapped_column(String(32), index=True)
    person_hash: Mapped[str] = mapped_column(String(64))
    person_mask: Mapped[str] = mapped_column(String(20))
    name_mask: Mapped[str] = mapped_column(String(32))
    village_code: Mapped[str] = mapped_column(ForeignKey("villages.code"), index=True)
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    period_start: Mapped[date] = mapped_column(Date)  # its first day, for comparisons in SQL
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    paid_on: Mapped[date] = mapped_column(Date)
    account_hash: Mapped[str] = mapped_column(String(64), index=True)
    account_mask: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[datetime]


class MoneyDeath(Base):
    """A death record (民政/公安/卫健)."""

    __tablename__ = "money_deaths"
    person_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_mask: Mapped[str] = mapped_column(String(20))
    name_mask: Mapped[str] = mapped_column(String(32))
    died_on: Mapped[date] = mapped_column(Date)
    died_month: Mapped[date] = mapped_column(Date)  # the first day of the month of death
    updated_at: Mapped[datetime]


class MoneyCadre(Base):
    """A village cadre and one declared close relative; relative_hash is '' for a cadre with none listed."""

    __tablename__ = "money_cadres"
    __table_args__ = (UniqueConstraint("cadre_hash", "relative_hash", name="uq_money_cadres_pair"),)
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    cadre_hash: Mapped[str] = mapped_column(String(64), index=True)
    cadre_mask: Mapped[str] = mapped_column(String(20))
    name_mask: Mapped[str] = mapped_column(String(32))
    village_code: Mapped[str] = mapped_column(ForeignKey("villages.code"), index=True)
    post: Mapped[str] = mapped_column(String(32))
    relative_hash: Mapped[str] = mapped_column(String(64), index=True)
    relative_mask: Mapped[str] = mapped_column(String(20))
    relative_name_mask: Mapped[str] = mapped_column(String(32))
    relation: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime]


class MoneyClue(Base):
    """One finding of a cross-check rule, once: a rerun finds it by `finding_key` and raises no second case."""

    __tablename__ = "money_clues"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    finding_key: Mapped[str] = mapped_column(String(64), unique=True)
    rule: Mapped[str] = mapped_column(String(32), index=True)
    county_code: Mapped[str] = mapped_column(String(6), index=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("villages.code"))
    person_mask: Mapped[str] = mapped_column(String(40))
    item: Mapped[str] = mapped_column(String(32))
    period: Mapped[str] = mapped_column(String(20))  # YYYY-MM or a range YYYY-MM~YYYY-MM
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    evidence: Mapped[list[Any]] = mapped_column(JSON)  # payment ids
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    first_seen_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    gone_at: Mapped[datetime | None]  # the last run no longer found it (the data were corrected)


Index("ix_money_payments_person_item_period", MoneyPayment.person_hash, MoneyPayment.item, MoneyPayment.period)


class MoneyHouseholdCode(Base):
    """The code the village committee hands a household (on its benefit card or 明白卡) to link in WeChat.

    Kept as a keyed hash to check it, and sealed so `qingfeng data codes` can print the card again."""

    __tablename__ = "money_household_codes"
    household_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("villages.code"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    code_seal: Mapped[str] = mapped_column(String(400))
    issued_at: Mapped[datetime]


class MoneyLink(Base):
    """A WeChat user (`holder` = user_key) or an H5 device ("dev:" + device tag) linked to one household,
    as the person whose name and ID digits they gave."""

    __tablename__ = "money_links"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    holder: Mapped[str] = mapped_column(String(80), unique=True)
    household_id: Mapped[str] = mapped_column(String(40), index=True)
    person_hash: Mapped[str] = mapped_column(String(64))
    linked_at: Mapped[datetime]


class MoneyConfirmation(Base):
    """A household's answer about one payment: received, not received, or a wrong amount."""

    __tablename__ = "money_confirmations"
    __table_args__ = (UniqueConstraint("payment_id", "holder", name="uq_money_confirmations_once"),)
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    payment_id: Mapped[str] = mapped_column(String(64), index=True)
    holder: Mapped[str] = mapped_column(String(80))
    answer: Mapped[str] = mapped_column(String(16))  # received, missing, wrong_amount
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    at: Mapped[datetime]


class MoneyRun(Base):
    """One run of the cross-check rules (command, admin page or the monthly schedule)."""

    __tablename__ = "money_runs"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(index=True)
    county_code: Mapped[str | None] = mapped_column(String(6))
    trigger: Mapped[str] = mapped_column(String(16))  # cli, admin, schedule
    findings: Mapped[int] = mapped_column(Integer)
    new_clues: Mapped[int] = mapped_column(Integer)
    seconds: Mapped[float] = mapped_column(Float)
