"""The staff desk says what to do next and what each action did: only the actions the transition table
allows now, the usual one first, the reason where 办结 is missing; a transfer out of the viewer's scope
lands on the queue with its message; the internal opinion of a closing never reaches the villager (chat,
H5 tracking, Open311, case events); the timeline and the audit log read in Chinese."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases import lifecycle
from cases.handling import desk, returns
from cases.interop import api_keys, case_hooks
from cases.workdays import SHIPPED
from config.privacy import user_key
from storage.db import make_sessionmaker, transaction
from storage.models import OutboxMessage
from storage.models.cases import Case, CaseEvent
from storage.models.staff import AuditEntry, StaffUser
from storage.repos import outbox
from storage.types import utcnow
from tests.cases_support import VILLAGE, report, submit_once
from tests.h5_support import csrf_of, h5_client
from tests.handlers.admin.test_admin_pages import csrf, login
from tests.report_support import NUMBER_RE, Villager, file_report
from tests.webhook_support import Sender

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
INTERNAL = "对村会计立案审查，责令退还截留资金"
PUBLIC = "经核查，截留的 3000 元已退还到您家账户。"


def _client(engine: Engine, tmp_path: Path) -> TestClient:
    return h5_client(engine, tmp_path / "media", users=True)


def act(c: TestClient, case_id: int, token: str, action: str, **fields: str) -> str:
    page = c.post(f"/admin/cases/{case_id}/action", data={"csrf": token, "action": action, **fields})
    assert page.status_code == 200, page.text
    return page.text


def step_ids(html: str) -> list[str]:
    return re.findall(r'id="step-([a-z_]+)"', html)


def done_line(html: str) -> str:
    found = re.search(r'id="done" role="status">([^<]*)<', html)
    return found.group(1) if found else ""


@pytest.mark.parametrize("status", lifecycle.STATES)
def test_the_offered_moves_are_exactly_the_transition_tables(status: str) -> None:
    steps = desk.next_steps(status, can_act=True, can_approve=False, rated=False, extension_pending=False)
    for action, target in desk.TARGETS.items():
        allowed = lifecycle.allowed(status, target)
        if action == "close":  # from routed or transferred a case closes as 不属于受理范围 (rejected)
            allowed = allowed or lifecycle.allowed(status, lifecycle.REJECTED)
        assert (action in steps.actions) == allowed, (status, action)
    if steps.usual is not None:
        assert steps.actions[0] == steps.usual
    viewer_elsewhere = desk.next_steps(status, can_act=False, can_approve=False, rated=False, extension_pending=False)
    assert viewer_elsewhere.actions == ("note",)


def test_the_case_page_offers_the_next_step_first_and_says_why_close_is_missing(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sub = submit_once(make_sessionmaker(engine), report(), "desk-steps")
    token = login(c, "jw_huzhu")
    page = c.get(f"/admin/cases/{sub.case_id}").text
    assert step_ids(page)[0] == "accept" and 'class="step usual" id="step-accept"' in page
    assert "reply" not in step_ids(page) and "请先受理，再答复群众" in page

    page = act(c, sub.case_id, token, "accept")
    assert done_line(page) == f"已受理案件 {sub.number}，群众将收到“已受理”通知。"
    assert step_ids(page)[0] == "reply"

    page = act(c, sub.case_id, token, "start")
    assert "close" not in step_ids(page)
    assert desk.CLOSE_NEEDS_REPLY in page  # where the 办结 form would be, the rule that hides it
    assert done_line(page).startswith(f"案件 {sub.number} 已开始核查")

    page = act(c, sub.case_id, token, "reply", text="已派人到村里核实，请耐心等待。")
    assert done_line(page) == "已答复，群众将收到：“已派人到村里核实，请耐心等待。”"
    assert step_ids(page)[0] == "close" and desk.CLOSE_NEEDS_REPLY not in page
    assert 'id="done"' not in c.get(f"/admin/cases/{sub.case_id}").text  # the message is shown once


def test_a_transfer_out_of_scope_lands_on_the_queue_with_what_happened(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sub = submit_once(
        make_sessionmaker(engine),
        report(cadre_level=None, description="村里的自来水管道坏了半年没人修"),
        "desk-transfer",
    )
    token = login(c, "jw_huzhu")
    act(c, sub.case_id, token, "transfer", to_unit="630223:nync", reason="属农业农村局职责")
    token = login(c, "nync_huzhu")
    assert c.get(f"/admin/cases/{sub.case_id}").status_code == 200
    moved = c.post(
        f"/admin/cases/{sub.case_id}/action",
        data={"csrf": token, "action": "transfer", "to_unit": "630223:cz", "reason": "涉及资金拨付"},
    )
    assert moved.status_code == 200 and moved.url.path == "/admin/cases"
    with make_sessionmaker(engine)() as s:
        case = s.get(Case, sub.case_id)
        assert case is not None
        unit_name = case.route_unit_name
    assert done_line(moved.text).startswith(f"案件 {sub.number} 已转办给{unit_name}")
    assert "没有找到这个案件" not in moved.text


def _everything_the_villager_and_other_systems_get(engine: Engine) -> str:
    with make_sessionmaker(engine)() as s:
        rows = s.scalars(select(OutboxMessage)).all()
        return "\n".join(f"{outbox.text_of(r) or ''}\n{json.dumps(r.payload, ensure_ascii=False)}" for r in rows)


def test_the_internal_opinion_never_reaches_the_villager(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as s:
        _, key = api_keys.create(s, name="12345", unit_code="630223:jw", rate_per_hour=100, now=utcnow())
        case_hooks.subscribe(s, unit_code="630223:jw", url="https://hooks.example/jw", now=utcnow())
    sub = submit_once(sessions, report(openid="o-desk-internal"), "desk-internal")
    token = login(c, "jw_huzhu")
    act(c, sub.case_id, token, "accept")
    act(c, sub.case_id, token, "reply", text="已派人核查。")
    page = act(c, sub.case_id, token, "close", finding="查实", resolution=PUBLIC, internal=INTERNAL)
    assert INTERNAL in page  # staff read it in the timeline
    assert done_line(page).startswith(f"案件 {sub.number} 已办结，群众将收到处理结果")

    sent = _everything_the_villager_and_other_systems_get(engine)
    assert PUBLIC in sent and INTERNAL not in sent
    with make_sessionmaker(engine)() as s:
        told = [
            outbox.text_of(r) or ""
            for r in s.scalars(select(OutboxMessage).where(OutboxMessage.user_key == user_key("o-desk-internal")))
        ]
    assert any(PUBLIC in t for t in told) and not any("立案审查" in t for t in told)

    track = c.get(f"/v/{VILLAGE}/track")
    tracked = c.post(
        f"/v/{VILLAGE}/track", data={"csrf": csrf_of(track.text), "number": sub.number, "code": sub.query_code}
    )
    assert tracked.status_code == 200 and PUBLIC in tracked.text and "立案审查" not in tracked.text
    api = c.get(f"/open311/v2/requests/{sub.number}.json", params={"api_key": key})
    assert api.status_code == 200 and PUBLIC in api.text and "立案审查" not in api.text


def test_the_timeline_and_the_audit_log_read_in_chinese(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as s:
        s.scalars(select(StaffUser).where(StaffUser.username == "jw_huzhu")).one().display_name = "李明"
    sub = submit_once(sessions, report(openid="o-desk-words"), "desk-words")
    token = login(c, "jw_huzhu")
    act(c, sub.case_id, token, "accept")
    act(c, sub.case_id, token, "note", text="先调取账本")
    page = c.get(f"/admin/cases/{sub.case_id}").text
    timeline = page[page.index("办理记录") :].split("<tbody>")[1]
    for word in ("staff:", "jw_huzhu", "villager", "system", "chat", "submitted", "status"):
        assert word not in timeline, word
    assert "李明（互助土族自治县纪委监委）" in timeline
    assert "群众" in timeline and "系统" in timeline and "通过微信对话提交" in timeline
    assert c.get("/admin/scans").status_code == 200  # audited with the county's code
    audit = c.get("/admin/audit").text
    body = audit[audit.index("<tbody>") :]
    for word in ("view_case", "case_accept", "case_note", "view_queue", "{", "staff:", "jw_huzhu", "县：630223"):
        assert word not in body, word
    assert "县：互助土族自治县" in body
    assert (
        "李明（互助土族自治县纪委监委）" in body
        and "查看案件" in body
        and "受理" in body
        and f">{sub.number}</a>" in body
    )


def _chat_case(c: TestClient, engine: Engine, openid: str) -> tuple[Villager, str, int]:
    v = Villager(Sender(c, safe=True), openid)
    v.scan(VILLAGE)
    number = re.search(NUMBER_RE, file_report(v)).group(1)  # type: ignore[union-attr]
    with make_sessionmaker(engine)() as s:
        return v, number, int(s.scalars(select(Case.id).where(Case.number == number)).one())


def test_staff_ask_an_anonymous_reporter_through_the_chat_and_the_answer_attaches(
    engine: Engine, tmp_path: Path
) -> None:
    c = _client(engine, tmp_path)
    v, number, cid = _chat_case(c, engine, "o-desk-ask")
    token = login(c, "jw_huzhu")
    page = c.get(f"/admin/cases/{cid}").text
    assert "匿名" in page and "o-desk-ask" not in page
    asked = c.post(f"/admin/cases/{cid}/ask", data={"csrf": token, "question": "请问是哪一户、哪个社？"})
    assert asked.status_code == 200 and "已通过微信把问题转给群众" in done_line(asked.text)
    with make_sessionmaker(engine)() as s:
        told = [outbox.text_of(r) or "" for r in s.scalars(select(OutboxMessage).order_by(OutboxMessage.id))]
    assert any(number in t and "请问是哪一户、哪个社？" in t for t in told)
    v.say("是三社的王家，补助还没发")
    v.say("好了")
    page = c.get(f"/admin/cases/{cid}").text
    assert "是三社的王家，补助还没发" in page and "询问群众" in page and "o-desk-ask" not in page
    empty = c.post(f"/admin/cases/{cid}/ask", data={"csrf": token, "question": " "})
    assert empty.status_code == 400 and "请填写要问群众的问题" in empty.text
    login(c, "jw_ledu")
    assert c.post(f"/admin/cases/{cid}/ask", data={"csrf": csrf(c), "question": "谁？"}).status_code == 404


def test_a_case_reopened_after_dissatisfaction_is_on_the_supervision_list_with_the_reason(
    engine: Engine, tmp_path: Path
) -> None:
    c = _client(engine, tmp_path)
    v, number, cid = _chat_case(c, engine, "o-desk-redo")
    token = login(c, "jw_huzhu")
    act(c, cid, token, "accept")
    act(c, cid, token, "reply", text="已核实。")
    act(c, cid, token, "close", finding="不实", resolution="经核查，补助已按时发放。")
    with make_sessionmaker(engine)() as s:
        before = s.get(Case, cid)
        assert before is not None
        old_due = before.resolve_due
    v.say("4")
    v.say("钱根本没到我手里")
    with make_sessionmaker(engine)() as s:
        case = s.get(Case, cid)
        assert case is not None and case.status == lifecycle.REOPENED and case.rating == 4
        # the new deadline is the rectification loop's (working days, 国办发〔2019〕51号), not the old one
        assert case.resolve_due != old_due and "国办发〔2019〕51号" in case.deadline_basis
    listed = c.get("/admin/supervision").text
    redo = listed[listed.index('id="redo"') : listed.index("</table>", listed.index('id="redo"'))]
    assert number in redo and "钱根本没到我手里" in redo


def test_a_reporters_identity_is_shown_only_after_a_second_person_approves(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as s:
        s.add(
            StaffUser(
                username="jw_huzhu_2",
                display_name="王芳",
                password_hash=s.scalars(select(StaffUser.password_hash).where(StaffUser.username == "jw_huzhu")).one(),
                role="county_discipline",
                unit_code="630223:jw",
                active=True,
                failed_logins=0,
                session_epoch=0,
                created_at=utcnow(),
            )
        )
    sub = submit_once(sessions, report(anonymous=False, name="王五", phone="13900002222"), "desk-reveal")
    token = login(c, "jw_huzhu")
    asked = c.post(f"/admin/cases/{sub.case_id}/reveal", data={"reason": "需要当面核实情况", "csrf": token})
    assert asked.status_code == 200 and "王五" not in asked.text and "13900002222" not in asked.text
    assert "须由另一位纪委监委工作人员审批" in done_line(asked.text)
    self_approval = c.post(f"/admin/cases/{sub.case_id}/reveal/decide", data={"decision": "approve", "csrf": token})
    assert self_approval.status_code == 403 and "不能审批自己的申请" in self_approval.text
    again = c.post(f"/admin/cases/{sub.case_id}/reveal", data={"reason": "再试一次看看", "csrf": token})
    assert again.status_code == 400 and "王五" not in again.text
    token = login(c, "cz_huzhu")  # a handling department neither sees nor decides
    refused = c.post(f"/admin/cases/{sub.case_id}/reveal/decide", data={"decision": "approve", "csrf": token})
    assert refused.status_code == 403 and "王五" not in refused.text
    token = login(c, "jw_huzhu_2")
    page = c.get(f"/admin/cases/{sub.case_id}").text
    assert "需要当面核实情况" in page and "王五" not in page
    decided = c.post(f"/admin/cases/{sub.case_id}/reveal/decide", data={"decision": "approve", "csrf": token})
    assert decided.status_code == 200 and "王五" not in decided.text
    assert "王五" not in c.post(f"/admin/cases/{sub.case_id}/reveal", data={"csrf": token}).text  # not theirs
    token = login(c, "jw_huzhu")
    shown = c.post(f"/admin/cases/{sub.case_id}/reveal", data={"csrf": token})
    assert "王五" in shown.text and "13900002222" in shown.text
    with sessions() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.case_id == sub.case_id).order_by(AuditEntry.id)).all()
        steps = [(r.username, r.action) for r in rows if r.action.startswith("reveal")]
    assert steps[0] == ("jw_huzhu", "reveal_requested") and ("jw_huzhu_2", "reveal_approved") in steps
    assert steps[-1] == ("jw_huzhu", "reveal_identity")
    log = c.get("/admin/audit").text
    assert "申请查看实名举报人身份" in log and "批准查看身份申请" in log and "王芳（" in log


def add_staff(sessions: sessionmaker[Session], username: str, name: str, role: str, unit: str) -> None:
    with transaction(sessions) as s:
        digest = s.scalars(select(StaffUser.password_hash).where(StaffUser.username == "jw_huzhu")).one()
        s.add(
            StaffUser(
                username=username,
                display_name=name,
                password_hash=digest,
                role=role,
                unit_code=unit,
                active=True,
                failed_logins=0,
                session_epoch=0,
                created_at=utcnow(),
            )
        )


def test_joint_handling_the_case_closes_only_with_every_co_units_opinion(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sessions = make_sessionmaker(engine)
    add_staff(sessions, "sj_huzhu", "赵审", "department", "630223:sj")
    sub = submit_once(sessions, report(), "desk-joint")
    token = login(c, "jw_huzhu")
    act(c, sub.case_id, token, "accept")
    act(c, sub.case_id, token, "reply", text="正在会同财政、审计核查。")
    asked = c.post(f"/admin/cases/{sub.case_id}/opinions/ask", data={"csrf": token})
    assert asked.status_code == 200 and "提出会办意见" in done_line(asked.text)
    page = asked.text
    assert "close" not in step_ids(page) and "还缺少" in page and "财政局" in page and "尚未提交" in page
    refused = c.post(
        f"/admin/cases/{sub.case_id}/action",
        data={"csrf": token, "action": "close", "finding": "查实", "resolution": "已退还。"},
    )
    assert refused.status_code == 400 and "还缺少" in refused.text
    token = login(c, "nync_huzhu")  # not a co-handling unit of this case: it cannot even see it
    assert c.post(f"/admin/cases/{sub.case_id}/opinion", data={"csrf": token, "text": "同意"}).status_code == 404
    token = login(c, "cz_huzhu")
    assert "give_opinion" in step_ids(c.get(f"/admin/cases/{sub.case_id}").text)
    given = c.post(f"/admin/cases/{sub.case_id}/opinion", data={"csrf": token, "text": "资金已按规定拨付到村。"})
    assert given.status_code == 200 and "已提交" in done_line(given.text)
    token = login(c, "jw_huzhu")
    page = c.get(f"/admin/cases/{sub.case_id}").text
    assert "资金已按规定拨付到村。" in page and "审计局的会办意见" in page and "close" not in step_ids(page)
    token = login(c, "sj_huzhu")
    c.post(f"/admin/cases/{sub.case_id}/opinion", data={"csrf": token, "text": "账目已审计，截留属实。"})
    token = login(c, "jw_huzhu")
    page = c.get(f"/admin/cases/{sub.case_id}").text
    assert step_ids(page)[0] == "close" and "尚未提交" not in page
    closed = act(c, sub.case_id, token, "close", finding="查实", resolution="截留的 3000 元已退还。")
    assert done_line(closed).startswith(f"案件 {sub.number} 已办结")


def test_a_unit_returns_a_case_within_a_working_day_and_the_commission_rules(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sessions = make_sessionmaker(engine)
    sub = submit_once(sessions, report(cadre_level=None, description="村里的自来水管道坏了半年没人修"), "desk-return")
    token = login(c, "jw_huzhu")
    act(c, sub.case_id, token, "transfer", to_unit="630223:nync", reason="属农业农村局职责")
    token = login(c, "nync_huzhu")
    assert "return_case" in step_ids(c.get(f"/admin/cases/{sub.case_id}").text)
    short = c.post(f"/admin/cases/{sub.case_id}/return", data={"csrf": token, "reason": "不"})
    assert short.status_code == 400 and "退回理由" in short.text
    back = c.post(f"/admin/cases/{sub.case_id}/return", data={"csrf": token, "reason": "供水工程归住建局管理"})
    assert back.status_code == 200 and "已退回" in done_line(back.text)
    assert "return_case" not in step_ids(back.text) and "等待纪委监委处理" in back.text
    token = login(c, "jw_huzhu")
    page = c.get(f"/admin/cases/{sub.case_id}").text
    assert step_ids(page)[0] == "rule_return" and "供水工程归住建局管理" in page
    ruled = c.post(
        f"/admin/cases/{sub.case_id}/return/rule",
        data={"csrf": token, "decision": "reroute", "to_unit": "630223:zj", "reason": "改由住建局办理"},
    )
    assert ruled.status_code == 200 and "改派" in done_line(ruled.text)
    with sessions() as s:
        case = s.get(Case, sub.case_id)
        assert case is not None and case.route_unit == "630223:zj"
        actions = [e.action for e in s.scalars(select(CaseEvent).where(CaseEvent.case_id == sub.case_id))]
    assert actions.count("return_requested") == 1 and actions.count("return_ruled") == 1
    with transaction(sessions) as s:
        case = s.get(Case, sub.case_id)
        assert case is not None
        late = utcnow() + timedelta(days=5)
        assert "一个工作日" in (returns.refusal(s, case, unit_code="630223:zj", now=late, calendar=SHIPPED) or "")
        assert returns.refusal(s, case, unit_code="630223:zj", now=utcnow(), calendar=SHIPPED) is None
        returns.request(
            s,
            case=case,
            unit_code="630223:zj",
            reason="不属于住建局职责",
            actor="staff:x",
            now=utcnow(),
            calendar=SHIPPED,
        )
        returns.rule(s, case=case, reroute_to="", reason="供水属住建局", actor="staff:jw_huzhu", now=utcnow())
        assert case.route_unit == "630223:zj"
        assert "不能再退回" in (returns.refusal(s, case, unit_code="630223:zj", now=utcnow(), calendar=SHIPPED) or "")


def test_a_countys_canned_replies_are_offered_on_its_cases_only(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sub = submit_once(make_sessionmaker(engine), report(), "desk-canned")
    token = login(c, "jw_huzhu")
    phrase = "您反映的补助问题已转财政部门核实，核实后会及时告诉您。"
    saved = c.post("/admin/canned", data={"csrf": token, "step": "reply", "category": "funds", "text": phrase})
    assert saved.status_code == 200 and phrase in saved.text
    empty = c.post("/admin/canned", data={"csrf": token, "step": "reply", "category": "funds", "text": " "})
    assert empty.status_code == 400 and "常用语请写" in empty.text
    act(c, sub.case_id, token, "accept")
    page = c.get(f"/admin/cases/{sub.case_id}").text
    assert 'data-insert="reply-text"' in page and f'value="{phrase}"' in page
    assert "修改常用语" in c.get("/admin/audit").text
    login(c, "jw_ledu")
    assert phrase not in c.get("/admin/canned").text
    login(c, "nync_huzhu")
    assert c.get("/admin/canned").status_code == 403


def test_a_refused_close_keeps_what_staff_typed(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sessions = make_sessionmaker(engine)
    sub = submit_once(sessions, report(openid="o-desk-kept"), "desk-kept")
    token = login(c, "jw_huzhu")
    act(c, sub.case_id, token, "accept")
    act(c, sub.case_id, token, "reply", text="已派人核查。")
    page = c.post(
        f"/admin/cases/{sub.case_id}/action",
        data={"csrf": token, "action": "close", "finding": "", "resolution": PUBLIC, "internal": INTERNAL},
    )
    assert page.status_code == 400 and "请选择核查结论" in page.text
    assert f">{PUBLIC}</textarea>" in page.text and f">{INTERNAL}</textarea>" in page.text
    assert 'id="note-text" name="text"></textarea>' in page.text  # other forms stay empty
