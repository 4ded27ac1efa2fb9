"""The staff desk's words found wanting by a new user: a place by name and never its code, the deadline a
queue card shows next (首次答复 until it is met, then 办结), no parenthesis that repeats the words before it,
and Chinese spaced from Latin as every page writes it (通过 H5 页面提交). Pages in the browser:
test_desk_polish_browser.py."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from cases import lifecycle
from handlers.admin import desk_text
from handlers.admin.form_fields import places
from storage.models.cases import Case, CaseEvent
from storage.repos.villages import places_by_code
from tests.cases_support import load_registry

NOW = datetime(2026, 12, 7, 2, 0)
CODE = re.compile(r"\d{12}")


# --- a place by name ------------------------------------------------------------------------------


def test_a_case_place_reads_county_town_and_village_and_never_a_code(sessions: sessionmaker[Session]) -> None:
    load_registry(sessions)
    cases = [
        Case(id=1, village_code="630223106213"),  # 互助 · 五十镇 · 土观村委会
        Case(id=2, village_code="630202103203"),  # 乐都 · 高庙镇 · 李家村委会 (another 李家村委会 is in 岗沟街道)
        Case(id=3, village_code="630202002202"),
        Case(id=4, village_code=None),  # a case without a village
        Case(id=5, village_code="639999999999"),  # a code the registry does not know
    ]
    with sessions() as s:
        shown = places(s, cases)
    assert shown[1] == "互助土族自治县 五十镇 土观村委会"
    assert shown[2] == "乐都区 高庙镇 李家村委会" and shown[3] == "乐都区 岗沟街道 李家村委会"
    assert 4 not in shown and 5 not in shown  # nothing rather than a bare code
    assert not any(CODE.search(text) for text in shown.values())


def test_places_by_code_reads_only_what_it_is_asked(sessions: sessionmaker[Session]) -> None:
    load_registry(sessions)
    with sessions() as s:
        assert places_by_code(s, []) == {} and places_by_code(s, ["", ""]) == {}
        found = places_by_code(s, ["630223106213", "630223106213", "639999999999"])
    assert list(found) == ["630223106213"] and found["630223106213"].town_name == "五十镇"


# --- the next deadline ----------------------------------------------------------------------------


def _case(status: str, *, answered: bool, first_in: int = 10, resolve_in: int = 60) -> Case:
    return Case(
        status=status,
        first_response_at=NOW - timedelta(days=1) if answered else None,
        first_response_due=NOW + timedelta(days=first_in),
        resolve_due=NOW + timedelta(days=resolve_in),
    )


@pytest.mark.parametrize("status", [lifecycle.RECEIVED, lifecycle.ROUTED, lifecycle.TRANSFERRED])
def test_before_the_first_answer_the_card_shows_the_first_response_deadline(status: str) -> None:
    due = desk_text.next_due(_case(status, answered=False), NOW)
    assert due is not None and due.label == "首次答复" and due.at == NOW + timedelta(days=10) and not due.late


@pytest.mark.parametrize("status", [lifecycle.ACCEPTED, lifecycle.IN_PROGRESS, lifecycle.REOPENED, lifecycle.ROUTED])
def test_once_answered_the_card_shows_the_closing_deadline(status: str) -> None:
    # ROUTED too: a case transferred after it was accepted has had its first answer
    due = desk_text.next_due(_case(status, answered=True), NOW)
    assert due is not None and due.label == "办结" and due.at == NOW + timedelta(days=60) and not due.late


def test_a_missed_deadline_is_late_whichever_it_is() -> None:
    first = desk_text.next_due(_case(lifecycle.ROUTED, answered=False, first_in=-1), NOW)
    closing = desk_text.next_due(_case(lifecycle.ACCEPTED, answered=True, first_in=-30, resolve_in=-1), NOW)
    on_time = desk_text.next_due(_case(lifecycle.ACCEPTED, answered=True, first_in=-30), NOW)
    assert first is not None and first.late and first.label == "首次答复"
    assert closing is not None and closing.late and closing.label == "办结"
    assert on_time is not None and not on_time.late  # a first deadline long past no longer counts once met


@pytest.mark.parametrize("status", [lifecycle.CLOSED, lifecycle.MERGED, lifecycle.REJECTED])
def test_a_finished_case_has_no_deadline(status: str) -> None:
    assert desk_text.next_due(_case(status, answered=True, resolve_in=-5), NOW) is None
    assert desk_text.next_due(_case(status, answered=False, first_in=-5), NOW) is None


# --- words that repeat themselves -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("群众不满意（不满意），重新办理并督办", "群众不满意，重新办理并督办"),
        ("群众不满意（不满意），重新办理并督办：补助还是没发", "群众不满意，重新办理并督办：补助还是没发"),
        ("评价满意（满意）", "评价满意"),
        ("已受理（已受理）", "已受理"),
    ],
)
def test_a_parenthesis_that_repeats_the_words_before_it_is_dropped(written: str, shown: str) -> None:
    assert desk_text.without_echo(written) == shown


@pytest.mark.parametrize(
    "written",
    [
        "群众不满意（非常不满意），重新办理并督办",  # says more than the words before it
        "基本满意（满意）",  # two different rating levels that end alike
        "非常不满意（不满意）",
        "已退还（3000 元）",
        "（不满意）",
        "经核查属实（已责令退还），群众认可",
        "",
    ],
)
def test_a_parenthesis_that_says_something_stays(written: str) -> None:
    assert desk_text.without_echo(written) == written


# --- Chinese beside Latin -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (("通过", "H5 页面", "提交"), "通过 H5 页面提交"),
        (("通过", "微信对话", "提交"), "通过微信对话提交"),
        (("共", "3000", "元"), "共 3000 元"),
        (("扣了", "3000", "。"), "扣了 3000。"),  # no space before Chinese punctuation
        (("见", "（", "H5", "）"), "见（H5）"),
        (("通过 ", "H5"), "通过 H5"),  # a space already there is not doubled
    ],
)
def test_chinese_and_latin_are_spaced_as_the_pages_write_them(parts: tuple[str, ...], joined: str) -> None:
    assert desk_text.spaced(*parts) == joined


def test_the_history_says_how_a_case_came_in_and_drops_the_repeated_level(sessions: sessionmaker[Session]) -> None:
    def event(action: str, reason: str, to: str | None = None) -> CaseEvent:
        return CaseEvent(action=action, actor="villager", reason=reason, at=NOW, from_status=None, to_status=to)

    events = [
        event("submitted", "h5"),
        event("submitted", "chat"),
        event("submitted", "open311"),
        event("submitted", "something-new"),
        event("status", "群众不满意（不满意），重新办理并督办", lifecycle.REOPENED),
        event("status", "群众不满意（非常不满意），重新办理并督办", lifecycle.REOPENED),
    ]
    with sessions() as s:
        rows = desk_text.timeline(s, events, {"submitted": "群众提交", "status": "状态变更"})
    texts = [r.text for r in rows]
    assert texts[:4] == ["通过 H5 页面提交", "通过微信对话提交", "通过对接系统提交", "通过其他渠道提交"]
    assert texts[4] == "群众不满意，重新办理并督办"
    assert texts[5] == "群众不满意（非常不满意），重新办理并督办"
    assert not any(re.search(r"[a-z]{3,}", t) for t in texts)  # no channel code shows
