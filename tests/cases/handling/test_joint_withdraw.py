"""撤回会办: the case's handler withdraws the request to one co-unit whose opinion is still missing, with a
reason; the closing no longer waits for it, the page says so, the case event and the audit read in Chinese,
and the co-unit's staff are told. A co-unit cannot withdraw; bad input is refused with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from cases import lifecycle
from cases.handling import actions
from storage.db import make_sessionmaker, transaction
from storage.models.cases import CaseEvent
from storage.models.staff import AuditEntry, StaffNotice, StaffUser
from tests.cases.handling.test_staff_desk import _client, act, add_staff, done_line, step_ids
from tests.cases_support import report, submit_once
from tests.handlers.admin.test_admin_pages import login

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
WHY = "审计局本月无人手，财政局意见已足以认定。"


def test_the_handler_withdraws_one_missing_opinion_and_the_case_can_close(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as s:
        known = s.scalar(select(StaffUser.id).where(StaffUser.username == "sj_huzhu"))
    if known is None:
        add_staff(sessions, "sj_huzhu", "赵审", "department", "630223:sj")
    sub = submit_once(sessions, report(), "joint-withdraw")
    token = login(c, "jw_huzhu")
    act(c, sub.case_id, token, "accept")
    act(c, sub.case_id, token, "reply", text="正在会同财政、审计核查。")
    page = c.post(f"/admin/cases/{sub.case_id}/opinions/ask", data={"csrf": token}).text
    assert "withdraw_opinion" in step_ids(page) and 'value="630223:sj"' in page
    token = login(c, "cz_huzhu")
    c.post(f"/admin/cases/{sub.case_id}/opinion", data={"csrf": token, "text": "资金已按规定拨付到村。"})
    refused = c.post(
        f"/admin/cases/{sub.case_id}/opinions/withdraw", data={"csrf": token, "unit": "630223:sj", "reason": WHY}
    )
    assert refused.status_code == 403 and "只有办理单位可以撤回会办" in refused.text

    token = login(c, "jw_huzhu")
    url = f"/admin/cases/{sub.case_id}/opinions/withdraw"
    no_reason = c.post(url, data={"csrf": token, "unit": "630223:sj", "reason": " "})
    assert no_reason.status_code == 400 and "请填写撤回理由" in no_reason.text
    for unit in ("630223:cz", "630223:nope", ""):  # already in, not a co-unit, none chosen
        bad = c.post(url, data={"csrf": token, "unit": unit, "reason": WHY})
        assert bad.status_code == 400 and "协办单位" in bad.text, unit
    done = c.post(url, data={"csrf": token, "unit": "630223:sj", "reason": WHY})
    assert (
        done.status_code == 200
        and done_line(done.text) == "已撤回对互助土族自治县审计局的会办请求；办结不再等待该单位的意见。"
    )
    page = done.text
    assert "已撤回会办请求" in page and WHY in page and "尚未提交" not in page and "还缺少" not in page
    assert step_ids(page)[0] == "close" and "withdraw_opinion" not in step_ids(page)
    again = c.post(url, data={"csrf": token, "unit": "630223:sj", "reason": WHY})
    assert again.status_code == 400 and "没有可以撤回的会办请求" in again.text

    with transaction(sessions) as s:
        event = s.scalars(
            select(CaseEvent).where(
                CaseEvent.case_id == sub.case_id, CaseEvent.action == lifecycle.EventAction.OPINION_WITHDRAWN
            )
        ).one()
        assert event.reason == f"撤回对互助土族自治县审计局的会办请求：{WHY}" and not event.public
        audits = s.scalars(select(AuditEntry.action).where(AuditEntry.case_id == sub.case_id)).all()
        assert "case_withdraw_opinion" in audits
        told = s.scalars(
            select(StaffNotice.text)
            .join(StaffUser, StaffUser.id == StaffNotice.user_id)
            .where(StaffUser.username == "sj_huzhu", StaffNotice.case_id == sub.case_id)
        ).all()
        assert any("已撤回对您单位的会办请求" in t for t in told)
    assert "撤回会办" in c.get("/admin/audit").text
    timeline = c.get(f"/admin/cases/{sub.case_id}").text
    assert "撤回会办" in timeline and "opinion_withdrawn" not in timeline
    closed = act(c, sub.case_id, token, "close", finding="查实", resolution="截留的 3000 元已退还。")
    assert done_line(closed).startswith(f"案件 {sub.number} 已办结")


def test_the_table_offers_withdrawal_to_the_handler_only_while_an_opinion_is_missing() -> None:
    waiting = actions.Joint(has_co_units=True, asked=True, missing=("互助土族自治县审计局",))
    # the lead unit, or a 纪委监委 over it (access.can_act): a supervisor may so waive a missing opinion
    assert actions.allows("withdraw_opinion", actions.Facts(lifecycle.IN_PROGRESS, can_act=True, joint=waiting))
    co_unit = actions.Joint(has_co_units=True, asked=True, viewer_is_co_unit=True, missing=waiting.missing)
    assert not actions.allows("withdraw_opinion", actions.Facts(lifecycle.IN_PROGRESS, joint=co_unit))
    all_in = actions.Joint(has_co_units=True, asked=True)
    assert not actions.allows("withdraw_opinion", actions.Facts(lifecycle.IN_PROGRESS, can_act=True, joint=all_in))
    not_asked = actions.Joint(has_co_units=True)
    assert not actions.allows("withdraw_opinion", actions.Facts(lifecycle.ACCEPTED, can_act=True, joint=not_asked))
    closed = actions.Facts(lifecycle.CLOSED, can_act=True, joint=waiting)
    assert not actions.allows("withdraw_opinion", closed)
