"""Working days from the holiday calendar: one data file per year (data/holidays/YYYY.yaml) citing the
State Council notice, with its public holidays and make-up working days (调休上班).

A year without a file counts Monday to Friday as working days, and says so (`covered` is False).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from cases.timeutil import BEIJING, local_date

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
        return f"{self.notice}（{self.number}）" if self.number else f"{self.notice}（{self.issued.isoformat()}）"


class BadHolidayFile(ValueError):
    pass


def _day(value: Any, year: int, path: Path) -> date:
    if not isinstance(value, date) or value.year != year:
        raise BadHolidayFile(f"{path.name}: {value!r} is not a date in {year}")
    return value


def parse_year(path: Path) -> HolidayYear:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise BadHolidayFile(f"{path.name}: not a mapping")
    year = int(raw["year"])
    if path.stem != str(year):
        raise BadHolidayFile(f"{path.name}: year {year} does not match the file name")
    if not str(raw.get("notice") or "").startswith("国务院办公厅关于"):
        raise BadHolidayFile(f"{path.name}: cite the State Council notice in 'notice'")
    holidays: set[date] = set()
    for span in raw.get("holidays") or []:
        first, last = _day(span[0], year, path), _day(span[-1], year, path)
        if last < first:
            raise BadHolidayFile(f"{path.name}: {first} after {last}")
        holidays.update(first + timedelta(days=i) for i in range((last - first).days + 1))
    workdays = {_day(d, year, path) for d in raw.get("workdays") or []}
    if holidays & workdays:
        raise BadHolidayFile(f"{path.name}: a day is both holiday and working day")
    issued = raw.get("issued")
    if not isinstance(issued, date):
        raise BadHolidayFile(f"{path.name}: 'issued' must be the notice's date")
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
def years() -> dict[int, HolidayYear]:
    return {int(p.stem): parse_year(p) for p in sorted(HOLIDAY_DIR.glob("[0-9][0-9][0-9][0-9].yaml"))}


def covered(day: date) -> bool:
    return day.year in years()


def is_working_day(day: date) -> bool:
    cal = years().get(day.year)
    if cal is not None:
        if day in cal.workdays:
            return True
        if day in cal.holidays:
            return False
    return day.weekday() < 5


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (start itself not counted)."""
    day = start
    left = days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def working_deadline(moment: datetime, days: int) -> tuple[datetime, str]:
    """23:59:59 Beijing time on the `days`-th working day after `moment`, as UTC, and the calendar used."""
    end = add_working_days(local_date(moment), days)
    spanned = {y for y in range(local_date(moment).year, end.year + 1)}
    cals = [years()[y].citation() for y in sorted(spanned) if y in years()]
    missing = [str(y) for y in sorted(spanned) if y not in years()]
    note = "节假日依" + "、".join(cals) if cals else ""
    if missing:
        note += ("；" if note else "") + f"{'、'.join(missing)}年节假日安排未录入，暂按周一至周五计"
    due = datetime(end.year, end.month, end.day, 23, 59, 59, tzinfo=BEIJING).astimezone(UTC)
    return due, note
