"""cases/due_dates.py, the one module that sets and moves a case's dues: at filing (calendar days), at routing
(working days for a category counted so), on an approved extension, and on a reopening after 不满意."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cases import due_dates
from cases.categories import by_code
from cases.timeutil import end_of_day_after
from cases.workdays import SHIPPED
from storage.models.cases import Case

FILED = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # a Monday, 10:00 in Beijing


def _filed(code: str) -> Case:
    category = by_code(code)
    assert category is not None
    case = Case(category=code, created_at=FILED)
    due_dates.on_filing(case, category, FILED)
    return case


def test_a_case_is_filed_with_its_categorys_limits_in_calendar_days() -> None:
    case = _filed("funds")
    category = by_code("funds")
    assert category is not None
    assert case.first_response_due == end_of_day_after(FILED, category.first_response_days)
    assert case.resolve_due == end_of_day_after(FILED, category.resolve_days)
    assert case.deadline_basis == category.basis


def test_routing_keeps_calendar_dues_and_recounts_a_working_day_category() -> None:
    calendar = _filed("funds")
    before = (calendar.first_response_due, calendar.resolve_due)
    assert due_dates.on_routing(calendar, FILED, SHIPPED) == "calendar"
    assert (calendar.first_response_due, calendar.resolve_due) == before
    working = _filed("poverty_risk")
    assert due_dates.on_routing(working, FILED, SHIPPED) == "working"
    assert working.first_response_due < working.resolve_due and "工作日" in working.deadline_basis
    assert SHIPPED.is_working_day(
        (working.resolve_due + timedelta(hours=8)).date()
    )  # it ends on a working day, Beijing


def test_an_extension_moves_the_resolve_due_the_way_the_case_counts_days() -> None:
    case = _filed("funds")
    before = case.resolve_due
    due_dates.extend(case, 10, "calendar", SHIPPED)
    assert case.resolve_due == before + timedelta(days=10)
    case = _filed("poverty_risk")
    due_dates.on_routing(case, FILED, SHIPPED)
    before = case.resolve_due
    due_dates.extend(case, 5, "working", SHIPPED)
    assert case.resolve_due - before >= timedelta(days=5)
    assert case.resolve_due.time() == before.time()


def test_a_dissatisfied_rating_gives_the_reopened_case_the_rectification_due_and_its_basis() -> None:
    case = _filed("funds")
    later = FILED + timedelta(days=70)
    due, _ = SHIPPED.working_deadline(later, 15)
    due_dates.on_rectification(case, due, "国办发〔2019〕51号")
    assert case.resolve_due == due > later + timedelta(days=15)
    assert case.deadline_basis == "国办发〔2019〕51号"
