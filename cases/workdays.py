"""Working days from the holiday calendar: one data file per year (data/holidays/YYYY.yaml) citing the
State Council notice, with its public holidays and make-up working days (调休上班).

A year without a file counts Monday to Friday as working days, and says so (`covered` is False).
An administrator adds the next year in the admin pages; those years are rows (`holiday_years`), read
with `load_stored` and handed to the app's WorkCalendar (a shipped file wins over a row), which composition
builds, passes to everything that counts deadlines, and hands to the one thing that keeps it current
(handlers/jobs/holiday_live.HolidaySync). Nothing here is process-wide and mutable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.timeutil import BEIJING, local_date
from storage.models.calendar import HolidayYear as HolidayYearRow

HOLIDAY_DIR = Path(__file__).parent / "data" / "holidays"


@dataclass(frozen=True)
class HolidayYear:
    year: int
    notice: str
    number: str | None
    issued: date
    holidays: frozenset[date]
    workdays: frozenset[date]

    def citation(self) -> str:
        """《notice》（文号）, or 《notice》（2025年11月4日印发） when the number is not known."""
        name = f"《{self.notice.strip('《》')}》"
        day = self.issued
        return f"{name}（{self.number}）" if self.number else f"{name}（{day.year}年{day.month}月{day.day}日印发）"


GENERIC_HOLIDAYS = "（法定节假日和调休依国务院办公厅通知）"  # how data/*.yaml bases end before a calendar is known


def with_calendar(basis: str, note: str) -> str:
    """A working-day basis with the calendar that counted it, said once: the generic holiday clause a basis
    ends with gives way to the named notice (节假日依《…》（…）), never a second bracket beside it."""
    if not note:
        return basis
    return f"{basis.removesuffix(GENERIC_HOLIDAYS)}；{note}"


class BadHolidayFile(ValueError):
    pass


def _day(value: Any, year: int, where: str) -> date:
    if not isinstance(value, date) or value.year != year:
        raise BadHolidayFile(f"{where}: {value!r} is not a date in {year}")
    return value


def parse_year(path: Path) -> HolidayYear:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise BadHolidayFile(f"{path.name}: not a mapping")
    year = from_mapping(raw, path.name)
    if path.stem != str(year.year):
        raise BadHolidayFile(f"{path.name}: year {year.year} does not match the file name")
    return year


def from_mapping(raw: dict[str, Any], where: str) -> HolidayYear:
    """One year in the file format (year, notice, number, issued, holidays ranges, workdays)."""
    try:
        year = int(raw["year"])
    except (KeyError, TypeError, ValueError):
        raise BadHolidayFile(f"{where}: 'year' is missing") from None
    if not str(raw.get("notice") or "").startswith("国务院办公厅关于"):
        raise BadHolidayFile(f"{where}: cite the State Council notice in 'notice'")
    holidays: set[date] = set()
    for span in raw.get("holidays") or []:
        if not isinstance(span, list | tuple) or not span:
            raise BadHolidayFile(f"{where}: {span!r} is not a date range")
        first, last = _day(span[0], year, where), _day(span[-1], year, where)
        if last < first:
            raise BadHolidayFile(f"{where}: {first} after {last}")
        holidays.update(first + timedelta(days=i) for i in range((last - first).days + 1))
    workdays = {_day(d, year, where) for d in raw.get("workdays") or []}
    if holidays & workdays:
        raise BadHolidayFile(f"{where}: a day is both holiday and working day")
    issued = raw.get("issued")
    if not isinstance(issued, date):
        raise BadHolidayFile(f"{where}: 'issued' must be the notice's date")
    number = raw.get("number")
    return HolidayYear(
        year=year,
        notice=str(raw["notice"]),
        number=str(number) if number else None,
        issued=issued,
        holidays=frozenset(holidays),
        workdays=frozenset(workdays),
    )


@lru_cache(maxsize=1)
def shipped() -> dict[int, HolidayYear]:
    """The years shipped as files in data/holidays."""
    return {int(p.stem): parse_year(p) for p in sorted(HOLIDAY_DIR.glob("[0-9][0-9][0-9][0-9].yaml"))}


class Calendar:
    """Counts working days over a fixed set of holiday years; this base counts the shipped files only."""

    def years(self) -> Mapping[int, HolidayYear]:
        return MappingProxyType(shipped())

    def covered(self, day: date) -> bool:
        return day.year in self.years()

    def is_working_day(self, day: date) -> bool:
        cal = self.years().get(day.year)
        if cal is not None:
            if day in cal.workdays:
                return True
            if day in cal.holidays:
                return False
        return day.weekday() < 5

    def add_working_days(self, start: date, days: int) -> date:
        """The date `days` working days after `start` (start itself not counted)."""
        day = start
        left = days
        while left > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_deadline(self, moment: datetime, days: int) -> tuple[datetime, str]:
        """23:59:59 Beijing time on the `days`-th working day after `moment`, as UTC, and the calendar used."""
        end = self.add_working_days(local_date(moment), days)
        years = self.years()
        spanned = {y for y in range(local_date(moment).year, end.year + 1)}
        cals = [years[y].citation() for y in sorted(spanned) if y in years]
        missing = [str(y) for y in sorted(spanned) if y not in years]
        note = "节假日依" + "、".join(cals) if cals else ""
        if missing:
            note += ("；" if note else "") + f"{'、'.join(missing)}年节假日安排未录入，暂按周一至周五计"
        due = datetime(end.year, end.month, end.day, 23, 59, 59, tzinfo=BEIJING).astimezone(UTC)
        return due, note


class WorkCalendar(Calendar):
    """The holiday years a process counts: the shipped files, and the years an administrator added as
    this process last read them. Swapped whole, so a reader never sees half an update. Composition builds
    one per app (handlers/runtime.Runtime) and hands it to whatever counts deadlines and to the HolidaySync
    that keeps it current."""

    def __init__(self, stored: Mapping[int, HolidayYear] | None = None) -> None:
        self._stored: dict[int, HolidayYear] = dict(stored or {})
        self._merged: Mapping[int, HolidayYear] | None = None

    def use_stored(self, stored: Mapping[int, HolidayYear]) -> None:
        """Years added by an administrator (rows), as this process should count them from now on."""
        self._stored, self._merged = dict(stored), None

    def stored(self) -> dict[int, HolidayYear]:
        return dict(self._stored)

    def years(self) -> Mapping[int, HolidayYear]:
        merged = self._merged
        if merged is None:
            merged = self._merged = MappingProxyType({**self._stored, **shipped()})
        return merged


# The shipped files only, for tests and the CLI; it cannot be changed. A served app counts with its own
# WorkCalendar, which also knows the years an administrator added.
SHIPPED: Final[Calendar] = Calendar()


def load_stored(session: Session) -> dict[int, HolidayYear]:
    """The years an administrator added, from the `holiday_years` table; a bad row is skipped."""
    out: dict[int, HolidayYear] = {}
    for row in session.scalars(select(HolidayYearRow).order_by(HolidayYearRow.year)):
        raw = {
            "year": row.year,
            "notice": row.notice,
            "number": row.number,
            "issued": row.issued,
            "holidays": [[date.fromisoformat(str(d)) for d in span] for span in row.holidays],
            "workdays": [date.fromisoformat(str(d)) for d in row.workdays],
        }
        try:
            out[row.year] = from_mapping(raw, f"holiday_years {row.year}")
        except (BadHolidayFile, ValueError, TypeError):
            continue
    return out
