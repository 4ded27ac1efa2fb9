"""撤回会办: the case's handler withdraws the request to one co-unit whose opinion is still missing, with a
reason; the closing no longer waits for it, the page says so, the case event and the audit read in Chinese,
and the co-unit's staff are told. A co-unit cannot withdraw; bad input is refused with the reason."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

import storage
from cases import lifecycle
from cases.handling import actions, joint
from storage.db import make_sessionmaker, transaction
from storage.models import Base
from storage.models.cases import Case, CaseEvent
from storage.models.staff import AuditEntry, CaseCoUnit, StaffNotice, StaffUser, Unit
from storage.types import utcnow
from tests.cases.handling.test_staff_desk import _client, act, add_staff, done_line, step_ids
from tests.cases_support import report, submit_once
from tests.h5_support import seed
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
    replied = act(c, sub.case_id, token, "reply", text="正在会同财政、审计核查。")
    assert "ask_opinions" in step_ids(replied) and "收齐后才能办结" not in replied  # nothing awaited yet
    page = c.post(f"/admin/cases/{sub.case_id}/opinions/ask", data={"csrf": token}).text
    assert "withdraw_opinion" in step_ids(page) and 'value="630223:sj"' in page
    assert "正在等待协办单位的书面会办意见；收齐后才能办结。" in c.get(f"/admin/cases/{sub.case_id}").text
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
    assert "收齐后才能办结" not in page  # the one missing opinion was withdrawn: nothing awaited
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


def _rename(sessions: sessionmaker[Session], code: str, name: str) -> None:
    with transaction(sessions) as s:
        unit = s.get(Unit, code)
        assert unit is not None
        unit.name = name


def test_renaming_the_unit_before_or_after_the_withdrawal_keeps_it(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sessions = make_sessionmaker(engine)
    sub = submit_once(sessions, report(), "joint-withdraw-rename")
    token = login(c, "jw_huzhu")
    act(c, sub.case_id, token, "accept")
    act(c, sub.case_id, token, "reply", text="正在会同财政、审计核查。")
    c.post(f"/admin/cases/{sub.case_id}/opinions/ask", data={"csrf": token})
    token = login(c, "cz_huzhu")
    c.post(f"/admin/cases/{sub.case_id}/opinion", data={"csrf": token, "text": "资金已按规定拨付到村。"})

    _rename(sessions, "630223:sj", "互助县审计局")  # between the request and the withdrawal
    token = login(c, "jw_huzhu")
    url = f"/admin/cases/{sub.case_id}/opinions/withdraw"
    done = c.post(url, data={"csrf": token, "unit": "630223:sj", "reason": WHY})
    assert done.status_code == 200 and done_line(done.text) == (
        "已撤回对互助县审计局的会办请求；办结不再等待该单位的意见。"
    )
    with transaction(sessions) as s:
        event = s.scalars(
            select(CaseEvent).where(
                CaseEvent.case_id == sub.case_id, CaseEvent.action == lifecycle.EventAction.OPINION_WITHDRAWN
            )
        ).one()
        assert event.target_unit == "630223:sj" and event.reason == f"撤回对互助县审计局的会办请求：{WHY}"

    _rename(sessions, "630223:sj", "互助土族自治县审计局")  # and back again, after it
    with transaction(sessions) as s:
        case = s.get(Case, sub.case_id)
        assert case is not None
        assert joint.missing(s, case) == []
        dropped = {o.unit_code: o.withdrawn for o in joint.opinions(s, case)}
        assert dropped == {"630223:cz": None, "630223:sj": WHY}
    page = c.get(f"/admin/cases/{sub.case_id}").text
    assert "已撤回会办请求" in page and WHY in page and "还缺少" not in page
    again = c.post(url, data={"csrf": token, "unit": "630223:sj", "reason": WHY})
    assert again.status_code == 400 and "没有可以撤回的会办请求" in again.text
    closed = act(c, sub.case_id, token, "close", finding="查实", resolution="截留的 3000 元已退还。")
    assert done_line(closed).startswith(f"案件 {sub.number} 已办结")


def _migration_0024() -> ModuleType:
    path = Path(storage.__file__).parent / "migrations" / "versions" / "0024_case_event_target_unit.py"
    spec = importlib.util.spec_from_file_location("migration_0024", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_migration_0024_names_the_unit_of_the_withdrawals_already_made(engine: Engine) -> None:
    """Withdrawals written before 0024 (no target_unit) get the co-unit their text names, by today's names."""
    sessions = make_sessionmaker(engine)
    seed(sessions)
    case_id = submit_once(sessions, report(), "joint-withdraw-0024").case_id
    with transaction(sessions) as s:
        # a co-unit whose name begins with another's: each withdrawal goes to the unit it names in full
        s.add(Unit(code="630223:sjx", name="互助土族自治县审计局直属分局", kind="department", level="county"))
        s.add(CaseCoUnit(case_id=case_id, unit_code="630223:sjx"))
        for action, reason in (
            ("opinion_withdrawn", "撤回对互助土族自治县审计局直属分局的会办请求：无人手"),
            ("opinion_withdrawn", "撤回对互助土族自治县审计局的会办请求：已足够"),
            ("opinion_withdrawn", "撤回对改过名的单位的会办请求：找不到"),
            ("staff_note", "撤回对互助土族自治县财政局的会办请求：只是备注"),
        ):
            s.add(CaseEvent(case_id=case_id, at=utcnow(), actor="staff:jw_huzhu", action=action, reason=reason))
    with engine.begin() as conn:
        conn.execute(text(_migration_0024().NAME_THE_UNITS))
    with transaction(sessions) as s:
        rows = s.execute(
            select(CaseEvent.reason, CaseEvent.target_unit)
            .where(CaseEvent.case_id == case_id, CaseEvent.reason.like("撤回对%"))
            .order_by(CaseEvent.id)
        ).all()
        assert [unit for _reason, unit in rows] == ["630223:sjx", "630223:sj", None, None]
        case = s.get(Case, case_id)
        assert case is not None
        dropped = {o.unit_code: o.withdrawn for o in joint.opinions(s, case)}
        assert dropped == {"630223:cz": None, "630223:sj": "已足够", "630223:sjx": "无人手"}


def test_the_models_match_migration_0024(engine: Engine) -> None:
    def include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table == "case_events"

    with engine.connect() as conn:
        assert "target_unit" in {c["name"] for c in inspect(conn).get_columns("case_events")}
        assert compare_metadata(MigrationContext.configure(conn, opts={"include_object": include}), Base.metadata) == []
