"""A working-day deadline's basis says the holiday rule once: the generic clause a basis ends with gives way to the
notice that counted it (no doubled, nested brackets), on the case page's 期限依据 and on the rectification loop's;
the villager's hardship confirmation reads 依据：本地…的规定, not the staff citation. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.report_prompts import hardship_submitted_text
from cases import workdays
from cases.deadlines import limits
from cases.intake.submit import Submitted
from tests.cases.handling.test_staff_triage import _case
from tests.cases_support import report, submit_once
from tests.staff_support import load_org

GENERIC = workdays.GENERIC_HOLIDAYS


def test_the_holiday_rule_is_said_once_with_the_notice() -> None:
    basis = "本地规定，3个工作日内入户核实，按工作日计" + GENERIC
    said = workdays.with_calendar(basis, "节假日依《国务院办公厅关于2026年部分节假日安排的通知》（2025年11月4日印发）")
    assert said == (
        "本地规定，3个工作日内入户核实，按工作日计；节假日依《国务院办公厅关于2026年部分节假日安排的通知》（2025年11月4日印发）"
    )
    assert "）（" not in said and said.count("国务院办公厅") == 1
    # No calendar known: the basis stays whole, generic clause included.
    assert workdays.with_calendar(basis, "") == basis
    # A basis without the generic clause keeps all its words.
    assert workdays.with_calendar("本服务承诺", "节假日依《某通知》") == "本服务承诺；节假日依《某通知》"


def test_a_notice_is_cited_with_book_marks_and_a_plain_date() -> None:
    year = workdays.SHIPPED.years()[2026]
    assert year.citation() == "《国务院办公厅关于2026年部分节假日安排的通知》（2025年11月4日印发）"
    assert (
        workdays.SHIPPED.years()[2025].citation()
        == "《国务院办公厅关于2025年部分节假日安排的通知》（国办发明电〔2024〕12号）"
    )
    typed = workdays.HolidayYear(2027, "《某通知》", None, date(2026, 11, 5), frozenset(), frozenset())
    assert typed.citation() == "《某通知》（2026年11月5日印发）"  # marks typed by an administrator are not doubled


def test_a_routed_hardship_case_states_its_basis_once(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    sub = submit_once(
        sessions, report(category="poverty_risk", cadre_level=None, description="家里老人住院没了收入"), "k"
    )
    case, routing = _case(sessions, sub)
    assert routing.day_kind == "working"
    basis = case.deadline_basis
    assert basis.startswith(limits("poverty_risk").basis.removesuffix(GENERIC)) and GENERIC not in basis
    assert "；节假日依《国务院办公厅关于" in basis and "）（" not in basis and "（节假日" not in basis


def test_the_villager_reads_a_natural_basis_for_a_hardship_request() -> None:
    done = Submitted(
        1, "630223-2026-000001", "ABCD1234", datetime(2026, 3, 2, 8, tzinfo=UTC), "互助县农业农村局", False
    )
    text = hardship_submitted_text(done)
    line = next(x for x in text.splitlines() if x.startswith("依据："))
    assert line == "依据：本地防止返贫监测和帮扶的规定。时间按工作日算，周末和法定节假日不算。"
    assert "：本地规定" not in text and "国务院办公厅" not in text
    # Staff keep the full citation on the case page.
    assert limits("poverty_risk").basis.startswith("防止返贫动态监测和帮扶：本地规定")
