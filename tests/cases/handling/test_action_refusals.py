"""The case page offers exactly what would not be refused (issue #20 §1): for real cases in several states and
several viewers, `actions.allows` on the facts read from the database holds exactly when performing the action
with good fields is not refused. Each try runs in its own session, rolled back."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cases import access, lifecycle
from cases.handling import actions, case_steps, rectification
from cases.workdays import SHIPPED
from storage.db import transaction
from storage.models.cases import Case
from storage.models.staff import StaffUser
from storage.types import utcnow
from tests.cases_support import KEYS, report, submit_once
from tests.staff_support import load_org

# Values every field accepts, so that a refusal can only come from the viewer or the state.
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
    "rating": "1",
    "question": "请问是哪一户？",
    "outcome": "已补发到户并公示",
    "kind": "malicious",
}
FORMS: dict[str, dict[str, str]] = {"rule_appeal": {**GOOD, "decision": "uphold"}}
VIEWERS = ("jw_huzhu", "cz_huzhu", "city")
SKIPPED = {"merge"}  # needs a second case; its refusals are about that case (tests/cases/handling/test_action_table.py)


def _form(name: str, status: str) -> dict[str, str]:
    if name == "close" and status in (lifecycle.ROUTED, lifecycle.TRANSFERRED):
        return {**GOOD, "finding": "不属于受理范围"}  # the only close before a case is taken on
    return FORMS.get(name, GOOD)


def _viewer(session: Session, username: str) -> access.Viewer:
    user = session.scalar(select(StaffUser).where(StaffUser.username == username))
    assert user is not None
    return access.viewer_for(session, user)


def _routed(sessions: sessionmaker[Session], key: str) -> int:
    return submit_once(sessions, report(f"o-{key}"), key).case_id


def _from_h5(sessions: sessionmaker[Session], key: str) -> int:
    """No WeChat contact: nobody can be asked through the chat."""
    sub = submit_once(sessions, report(None), key)
    with transaction(sessions) as s:
        case = s.get(Case, sub.case_id)
        assert case is not None
        case_steps.accept(s, case=case, actor="staff:x", keys=KEYS, now=utcnow())
    return sub.case_id


def _appealed(sessions: sessionmaker[Session], key: str) -> int:
    """Led by the county's 纪委监委 itself, rated 非常不满意 and appealed by it: the city rules, not the county."""
    sub = submit_once(sessions, report(f"o-{key}"), key)
    with transaction(sessions) as s:
        case = s.get(Case, sub.case_id)
        assert case is not None
        now = utcnow()
        case_steps.accept(s, case=case, actor="staff:x", keys=KEYS, now=now)
        case_steps.public_reply(s, case=case, text="已核实。", actor="staff:x", keys=KEYS, now=now)
        case_steps.close(s, case=case, finding="不实", resolution="已核实。", actor="staff:x", keys=KEYS, now=now)
        case_steps.rate(s, case=case, rating=5, reason="不认可", actor="villager", now=now, calendar=SHIPPED)
        rectification.appeal(s, case=case, kind="malicious", reason="与事实不符的辱骂", actor="staff:x", now=now)
    return sub.case_id


SITUATIONS: dict[str, Callable[[sessionmaker[Session], str], int]] = {
    "routed": _routed,
    "accepted_from_h5": _from_h5,
    "appealed_by_its_own_lead": _appealed,
}


@pytest.mark.slow
@pytest.mark.parametrize("situation", list(SITUATIONS))
def test_the_page_offers_an_action_exactly_when_performing_it_is_not_refused(
    sessions: sessionmaker[Session], situation: str
) -> None:
    load_org(sessions)
    case_id = SITUATIONS[situation](sessions, f"k-refusals-{situation}")
    wrong: list[str] = []
    for username in VIEWERS:
        for name in actions.TABLE:
            if name in SKIPPED:
                continue
            with sessions() as s:
                case = s.get(Case, case_id)
                assert case is not None
                viewer, now = _viewer(s, username), utcnow()
                facts = actions.read_facts(s, viewer, case, now, SHIPPED)
                offered = actions.allows(name, facts)
                step = actions.Step(s, case, viewer, KEYS, now, SHIPPED)
                try:
                    actions.perform(name, step, _form(name, case.status), facts)
                    refused = ""
                except actions.ActionRefused as exc:
                    refused = str(exc) or type(exc).__name__
                finally:
                    s.rollback()
            if offered == bool(refused):
                wrong.append(f"{username} {name}: offered={offered} refused={refused!r}")
    assert not wrong, "\n".join(wrong)


def test_the_own_units_appeal_is_not_offered_and_says_who_rules(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    case_id = _appealed(sessions, "k-own-appeal")
    with sessions() as s:
        case = s.get(Case, case_id)
        assert case is not None
        now = utcnow()
        own = actions.read_facts(s, _viewer(s, "jw_huzhu"), case, now, SHIPPED)
        assert not actions.allows("rule_appeal", own)
        with pytest.raises(actions.ActionRefused, match="须由其他纪委监委或市纪委监委裁定"):
            actions.check(actions.lookup("rule_appeal"), own, FORMS["rule_appeal"])
        assert actions.allows("rule_appeal", actions.read_facts(s, _viewer(s, "city"), case, now, SHIPPED))
        department = actions.read_facts(s, _viewer(s, "cz_huzhu"), case, now, SHIPPED)
        assert not actions.allows("rule_appeal", department)


def test_asking_the_reporter_is_not_offered_without_a_wechat_contact(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    case_id = _from_h5(sessions, "k-no-chat")
    with sessions() as s:
        case = s.get(Case, case_id)
        assert case is not None
        facts = actions.read_facts(s, _viewer(s, "jw_huzhu"), case, utcnow(), SHIPPED)
        assert facts.can_act and not facts.reachable and not actions.allows("ask_reporter", facts)
        with pytest.raises(actions.ActionRefused, match="没有微信联系方式"):
            actions.check(actions.lookup("ask_reporter"), facts, GOOD)
