"""The staff actions as one table (cases/handling/actions.py): every action's state follows the transition
table, who may run it follows cases/access.py, an unknown action and bad fields are refused in the words of
the form, and a run through the table changes the case as the action's own function does."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cases import access, lifecycle
from cases.handling import actions, desk
from cases.handling.actions import Facts, Joint, Returns
from cases.workdays import SHIPPED
from storage.db import transaction
from storage.models.cases import Case, CaseEvent
from storage.models.staff import StaffUser
from storage.types import utcnow
from tests.cases_support import KEYS, report, submit_once
from tests.staff_support import load_org

EVERYONE = Facts(status=lifecycle.ROUTED, can_act=True, can_approve=True, supervisor=True, lead_unit=True)
# Values every field accepts, so that a refusal can only come from the state.
GOOD = {
    "assignee": "张三",
    "reason": "需要核查资金去向",
    "to_unit": "630223:cz",
    "days": "5",
    "decision": "approve",
    "note": "同意",
    "text": "已派人到村里核实。",
    "finding": "查实",
    "resolution": "已退还到户。",
    "internal": "",
    "into": "X",
    "rating": "1",
    "question": "请问是哪一户？",
}


def _facts(status: str, **more: object) -> Facts:
    return Facts(**{**EVERYONE.__dict__, "status": status, **more})  # type: ignore[arg-type]


def test_the_table_holds_every_action_the_page_orders_each_once_with_a_label() -> None:
    assert set(actions.TABLE) == set(desk.ORDER) == {n.value for n in actions.Name}
    assert all(action.label and not action.label.isascii() for action in actions.TABLE.values())
    assert desk.LABELS == actions.LABELS and desk.TARGETS == actions.TARGETS


@pytest.mark.parametrize(("status", "name"), list(itertools.product(lifecycle.STATES, actions.TARGETS)))
def test_an_action_that_moves_the_case_is_allowed_exactly_where_the_transition_table_allows_the_move(
    status: str, name: str
) -> None:
    target = actions.TARGETS[name]
    expected = lifecycle.allowed(status, target)
    if name == "close":  # from routed or transferred a case closes as 不属于受理范围, a move into 'rejected'
        expected = expected or lifecycle.allowed(status, lifecycle.REJECTED)
    facts = _facts(status)
    assert actions.allows(name, facts) == expected
    action = actions.lookup(name)
    if expected:
        assert set(actions.check(action, facts, GOOD)) == {f.name for f in action.fields}
    else:
        with pytest.raises(actions.ActionRefused) as refused:
            actions.check(action, facts, GOOD)
        if name != "close":  # close says what to do first instead (desk.CLOSE_NEEDS_REPLY)
            assert str(refused.value) == str(lifecycle.IllegalTransition(status, target))


@pytest.mark.parametrize("status", lifecycle.STATES)
def test_the_other_actions_follow_the_open_states_and_the_case_facts(status: str) -> None:
    is_open = status in lifecycle.OPEN_STATES
    facts = _facts(status)
    assert actions.allows("assign", facts) == is_open
    assert actions.allows("ask_reporter", facts) == is_open
    assert actions.allows("request_extension", facts) == is_open
    assert not actions.allows("request_extension", _facts(status, extension_pending=True))
    answers = status == lifecycle.ANSWERED or lifecycle.allowed(status, lifecycle.ANSWERED)
    assert actions.allows("reply", facts) == (answers and status not in desk.NOT_YET_ACCEPTED)
    assert actions.allows("phone_rating", facts) == (status == lifecycle.CLOSED)
    assert not actions.allows("phone_rating", _facts(status, rated=True))
    assert actions.allows("note", facts)
    assert actions.allows("decide_extension", _facts(status, extension_pending=True))
    assert not actions.allows("decide_extension", facts)
    asked = Joint(has_co_units=True, asked=True, viewer_is_co_unit=True)
    assert actions.allows("give_opinion", _facts(status, joint=asked)) == is_open
    assert actions.allows("ask_opinions", _facts(status, joint=Joint(has_co_units=True))) == is_open
    assert not actions.allows("ask_opinions", _facts(status, joint=asked))


@pytest.mark.parametrize("status", lifecycle.STATES)
def test_who_may_run_an_action_follows_the_access_rules(status: str) -> None:
    nobody = Facts(status=status)  # sees the case, but is neither its unit nor a supervisor over it
    for name, action in actions.TABLE.items():
        if name == "note":
            assert actions.check(action, nobody, GOOD) == {"text": GOOD["text"]}
            continue
        with pytest.raises(actions.NotYours) as refused:
            actions.check(action, nobody, GOOD)
        assert str(refused.value) == action.not_yours
    pending = Facts(status=status, can_act=True, extension_pending=True)
    with pytest.raises(actions.NotYours):  # a handler may not approve its own extension
        actions.check(actions.lookup("decide_extension"), pending, GOOD)


def test_an_unknown_action_is_refused_plainly() -> None:
    with pytest.raises(actions.UnknownAction, match="未知的操作"):
        actions.lookup("delete")
    assert not actions.allows("delete", EVERYONE)


@pytest.mark.parametrize(
    ("name", "form", "message"),
    [
        ("request_extension", {"days": "x", "reason": "需要时间"}, "延期天数请填写数字。"),
        ("request_extension", {"days": "五", "reason": "需要时间"}, "延期天数请填写数字。"),
        ("request_extension", {"days": "5", "reason": " "}, "请填写延期理由。"),
        ("transfer", {"to_unit": "630223:cz"}, "请填写转办理由。"),
        ("assign", {"assignee": ""}, "请填写承办人。"),
        ("note", {"text": "长" * 2001}, "备注内容不能超过 2000 字。"),
        ("reply", {"text": "好"}, "请填写答复内容。"),
        (
            "close",
            {"finding": "大概", "resolution": "已处理"},
            "请选择核查结论（查实 / 部分查实 / 不实 / 不属于受理范围）。",
        ),
        ("close", {"finding": "查实", "resolution": ""}, "请填写处理结果（群众将看到）。"),
        ("reopen", {"reason": ""}, "请填写重新办理的理由。"),
        ("phone_rating", {"rating": "7"}, "请选择群众的评价：非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意。"),
        ("phone_rating", {"rating": "abc"}, "请选择群众的评价：非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意。"),
        ("ask_reporter", {"question": " "}, "请填写要问群众的问题。"),
        ("ask_reporter", {"question": "问" * 301}, "问题不能超过 300 字。"),
    ],
)
def test_a_bad_field_is_refused_in_the_words_of_the_form(name: str, form: dict[str, str], message: str) -> None:
    status = lifecycle.CLOSED if name == "phone_rating" else lifecycle.ANSWERED
    with pytest.raises(actions.ActionRefused) as refused:
        actions.check(actions.lookup(name), _facts(status), form)
    assert str(refused.value) == message


def test_a_field_is_checked_before_the_state_and_the_viewer_before_both() -> None:
    closed = _facts(lifecycle.CLOSED)
    with pytest.raises(actions.ActionRefused, match="请填写转办理由"):
        actions.check(actions.lookup("transfer"), closed, {"to_unit": "630223:cz"})
    with pytest.raises(actions.NotYours):
        actions.check(actions.lookup("transfer"), Facts(status=lifecycle.CLOSED), {})


def test_the_refusals_in_a_state_say_what_to_do() -> None:
    routed = _facts(lifecycle.ROUTED)
    accepted = _facts(lifecycle.ACCEPTED)
    with pytest.raises(actions.ActionRefused, match="请先受理案件"):
        actions.check(actions.lookup("reply"), routed, GOOD)
    with pytest.raises(actions.ActionRefused) as refused:
        actions.check(actions.lookup("close"), accepted, GOOD)
    assert str(refused.value) == desk.CLOSE_NEEDS_REPLY
    waiting = _facts(lifecycle.ANSWERED, joint=Joint(has_co_units=True, asked=True, missing=("县财政局",)))
    with pytest.raises(actions.ActionRefused, match="还缺少县财政局的会办意见"):
        actions.check(actions.lookup("close"), waiting, GOOD)
    late = _facts(lifecycle.ROUTED, returns=Returns(refusal="已超过收到后一个工作日，不能退回。"))
    with pytest.raises(actions.ActionRefused, match="已超过收到后一个工作日"):
        actions.check(actions.lookup("return_case"), late, GOOD)


def _viewer(session: Session, username: str) -> access.Viewer:
    user = session.scalar(select(StaffUser).where(StaffUser.username == username))
    assert user is not None
    return access.viewer_for(session, user)


def test_a_run_through_the_table_checks_the_real_case_and_changes_it(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    sub = submit_once(sessions, report(), "k-table")  # led by 630223:jw, with 630223:cz co-handling
    now = utcnow()
    with transaction(sessions) as s:
        case = s.get(Case, sub.case_id)
        assert case is not None
        co_unit = actions.Step(s, case, _viewer(s, "cz_huzhu"), KEYS, now, SHIPPED)
        with pytest.raises(actions.NotYours):
            actions.perform("accept", co_unit, {})
        actions.perform("note", co_unit, {"text": "协办单位的备注"})
        lead = actions.Step(s, case, _viewer(s, "jw_huzhu"), KEYS, now, SHIPPED)
        with pytest.raises(actions.ActionRefused, match="请先受理案件"):
            actions.perform("reply", lead, {"text": "已派人核实。"})
        done = actions.perform("accept", lead, {})
        assert done.action.name == actions.Name.ACCEPT and case.status == lifecycle.ACCEPTED
        with pytest.raises(actions.ActionRefused, match="没有找到要并入的案件编号"):
            actions.perform("merge", lead, {"into": "NOPE"})
        actions.perform("reply", lead, {"text": "已派人核实。"})
        assert case.status == lifecycle.ANSWERED
        with pytest.raises(actions.UnknownAction):
            actions.perform("close_quietly", lead, {})
    with sessions() as s:
        moves = s.scalars(select(CaseEvent.action).where(CaseEvent.case_id == sub.case_id).order_by(CaseEvent.id))
        assert list(moves)[-3:] == ["note", "status", "status"]


def test_what_the_page_does_not_offer_is_refused_on_the_real_case_too(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    sub = submit_once(sessions, report(), "k-table-2")
    now = utcnow()
    with transaction(sessions) as s:
        case = s.get(Case, sub.case_id)
        assert case is not None
        lead = actions.Step(s, case, _viewer(s, "jw_huzhu"), KEYS, now, SHIPPED)
        actions.perform("ask_opinions", lead, {})
        with pytest.raises(actions.ActionRefused, match="已征求过会办意见"):  # the page offers it once
            actions.perform("ask_opinions", lead, {})
        co_unit = actions.Step(s, case, _viewer(s, "cz_huzhu"), KEYS, now, SHIPPED)
        actions.perform("give_opinion", co_unit, {"text": "资金已按规定拨付到村。"})
        with pytest.raises(actions.NotYours):  # only a co-handling unit gives an opinion
            actions.perform("give_opinion", lead, {"text": "纪委监委的意见"})
        for name, form in (("accept", {}), ("reply", {"text": "已核实。"})):
            actions.perform(name, lead, form)
        with pytest.raises(actions.ActionRefused, match="还缺少"):
            actions.perform("close", lead, {"finding": "查实", "resolution": "已退还。"})
