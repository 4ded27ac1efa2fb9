"""Deadlines per category: calendar days from categories.yaml, or working days from data/deadlines.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import yaml

from cases.categories import by_code
from cases.timeutil import end_of_day_after
from cases.workdays import Calendar

DATA = Path(__file__).parent / "data" / "deadlines.yaml"


class DayKind(StrEnum):
    """How a deadline counts its days (the value kept in case_routing.day_kind)."""

    CALENDAR = "calendar"
    WORKING = "working"


@dataclass(frozen=True)
class Limits:
    first_response: int
    resolve: int
    day_kind: DayKind
    basis: str  # for staff: the rule's source and counting, as the case page shows it
    told: str = ""  # for the villager, where the basis reads like a citation ("" = the basis itself)


@lru_cache(maxsize=1)
def _working() -> dict[str, Limits]:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8")) or {}
    return {
        code: Limits(
            int(v["first_response"]), int(v["resolve"]), DayKind.WORKING, str(v["basis"]), str(v.get("told") or "")
        )
        for code, v in raw.items()
    }


def limits(category: str) -> Limits:
    if category in _working():
        return _working()[category]
    cat = by_code(category)
    if cat is None:
        return Limits(15, 60, DayKind.CALENDAR, "信访工作条例 第三十二条、第三十五条，自然日")
    return Limits(cat.first_response_days, cat.resolve_days, DayKind.CALENDAR, cat.basis)


def due(moment: datetime, days: int, day_kind: DayKind, calendar: Calendar) -> tuple[datetime, str]:
    """The due moment and, for working days, the note naming the holiday notices `calendar` counted with."""
    if day_kind == DayKind.WORKING:
        return calendar.working_deadline(moment, days)
    return end_of_day_after(moment, days), ""


__all__ = ["DayKind", "Limits", "due", "limits"]
