"""Model of the holiday years an administrator adds to the calendar shipped in cases/data/holidays."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


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
