"""Models of the administration pages: knowledge-base drafts made from answered inquiries, and the
holiday years an administrator adds to the calendar shipped in cases/data/holidays.

Imported at the end of storage.models so that Alembic and every session see these tables.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base

_ID = BigInteger().with_variant(Integer, "sqlite")


class KbDraft(Base):
    """A knowledge-base entry drafted from an answered inquiry. Not live: a maintainer downloads the
    YAML, completes it, puts it in the entries directory and runs `qingfeng kb reload`."""

    __tablename__ = "kb_drafts"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiries.id"), index=True)
    entry_id: Mapped[str] = mapped_column(String(64))
    county_code: Mapped[str] = mapped_column(String(6), index=True)
    body: Mapped[str] = mapped_column(Text)  # the YAML a maintainer downloads
    status: Mapped[str] = mapped_column(String(16), default="drafted")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class HolidayYear(Base):
    """One year of the State Council holiday notice, added by an administrator (the shipped years are
    files in cases/data/holidays and win over a row of the same year)."""

    __tablename__ = "holiday_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    notice: Mapped[str] = mapped_column(String(200))
    number: Mapped[str | None] = mapped_column(String(100))
    issued: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text)
    holidays: Mapped[list[Any]] = mapped_column(JSON)  # [[first, last], ...] as ISO dates
    workdays: Mapped[list[Any]] = mapped_column(JSON)  # [day, ...] as ISO dates
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime]
