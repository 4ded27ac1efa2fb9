"""Every due date of a case is set or moved here, and only here: when the case is filed, when it is routed,
when an extension is approved, and when a villager's 不满意 or 非常不满意 reopens it (the rectification loop).

The limits per category (calendar days from categories.yaml, working days from data/deadlines.yaml) live in
cases/deadlines.py; this module applies them to a case. Working days are counted with the calendar the caller
passes (the app's, built at composition).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from cases import deadlines
from cases.categories import Category
from cases.deadlines import DayKind
from cases.timeutil import end_of_day_after
from cases.workdays import Calendar, with_calendar
from storage.models.cases import Case


def on_filing(case: Case, category: Category, now: datetime) -> None:
    """A new case's dues: the category's limits in calendar days, from the moment it is filed."""
    case.first_response_due = end_of_day_after(now, category.first_response_days)
    case.resolve_due = end_of_day_after(now, category.resolve_days)
    case.deadline_basis = category.basis


def on_routing(case: Case, now: datetime, calendar: Calendar) -> DayKind:
    """A category counted in working days is counted again in working days once routed (the filing's calendar
    dues stay for the others); returns the day kind the routing row keeps, which later extensions follow."""
    limits = deadlines.limits(case.category)
    if limits.day_kind == DayKind.WORKING:
        case.first_response_due, note = deadlines.due(now, limits.first_response, DayKind.WORKING, calendar)
        case.resolve_due, _ = deadlines.due(now, limits.resolve, DayKind.WORKING, calendar)
        case.deadline_basis = with_calendar(limits.basis, note)
    return limits.day_kind


def extend(case: Case, days: int, day_kind: str | None, calendar: Calendar) -> None:
    """An approved extension moves the resolve due by `days`, counted the way the case's dues are counted
    (`day_kind` as the routing row keeps it)."""
    if day_kind == DayKind.WORKING:
        local = calendar.add_working_days(case.resolve_due.date(), days)
        case.resolve_due = case.resolve_due + timedelta(days=(local - case.resolve_due.date()).days)
    else:
        case.resolve_due = case.resolve_due + timedelta(days=days)


def on_rectification(case: Case, due: datetime, basis: str) -> None:
    """A villager's 不满意 or 非常不满意 reopens the case with the rectification loop's due (working days,
    data/rectification.yaml, cases/handling/rectification.py): the old due has passed, and the 督办清单 shows
    the new one with its basis."""
    case.resolve_due = due
    case.deadline_basis = basis
