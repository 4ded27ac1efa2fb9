"""Organisation, routing rules with conflict of interest, the holiday calendar, staff actions, 督办 and
role scoping in the query layer, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cases import access, lifecycle, org, workdays
from cases.handling import triage
from cases.intake.submit import Submitted
from config.privacy import user_key
from storage.db import transaction
from storage.models import OutboxMessage
from storage.models.cases import Case, CaseEvent
from storage.models.staff import CaseCoUnit, CaseRouting, RoutingRule, StaffNotice, StaffUser, Unit
from storage.repos import outbox
from storage.types import utcnow
from tests.cases_support import KEYS, VILLAGE, report, submit_once
from tests.staff_support import load_org

ACTOR = "staff:jw_huzhu"


def _case(sessions: sessionmaker[Session], sub: Submitted) -> tuple[Case, CaseRouting]:
    with sessions() as s:
        case = s.get(Case, sub.case_id)
        routing = s.get(CaseRouting, sub.case_id)
        assert case is not None and routing is not None
        s.expunge_all()
        return case, routing


def test_units_are_seeded_from_the_registry_with_nine_departments_per_county(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    with sessions() as s:
        units = {u.code: u for u in s.scalars(select(Unit))}
        assert units["6302"].name == "海东市" and units["6302:jw"].level == "city"
        huzhu = [u for u in units.values() if u.county_code == "630223" and u.kind == "department"]
        assert sorted(u.dept or "" for u in huzhu) == sorted(d for d, _ in org.DEPTS)
        assert units["630223:nync"].name == "互助土族自治县农业农村局（乡村振兴局）"
        assert units["630223106000"].name == "互助土族自治县五十镇人民政府" and units["630223106000"].level == "town"
        defaults = s.scalars(select(RoutingRule.county_code).where(RoutingRule.is_default.is_(True))).all()
        assert len(defaults) == len({u.county_code for u in units.values() if u.kind == "county"})
    with transaction(sessions) as s:  # a repeat changes nothing
        again = org.seed_from_registry(s)
        assert (again.inserted, again.updated) == (0, 0) and org.seed_rules(s, now=utcnow()) == 0


def test_org_import_upserts_and_lists_bad_rows_by_line(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    text = (
        "code,name,kind,level,dept,county_code,town_code,parent_code\n"
        "630223:jw,互助县纪委监委（改名）,department,county,jw,630223,,630223\n"
        "# a comment\n"
        "630223:xx,不明部门,department,county,xx,630223,,630223\n"
        "630223:yb2,互助县医保局二部,department,county,yb,630223,,630223\n"
    )
    with transaction(sessions) as s:
        result = org.import_units(s, text)
    assert (result.inserted, result.updated) == (1, 1)
    assert result.bad_rows == [(4, "部门应为 jw/nync/cz/sj/mz/yb/jy/zj/rs")]


def test_fund_report_about_village_cadres_is_led_by_discipline_with_finance_and_audit(
    sessions: sessionmaker[Session],
) -> None:
    load_org(sessions, users=False)
    case, routing = _case(sessions, submit_once(sessions, report(), "k-funds"))
    assert case.route_unit == "630223:jw" and case.status == lifecycle.ROUTED
    assert routing.rule_name == "扶贫资金问题：纪委监委牵头，财政局、审计局协办" and routing.rule_id is not None
    assert routing.conflict and "村干部" in (routing.conflict_reason or "")
    assert "按分办规则“扶贫资金问题" in case.route_reason and "财政局、" in case.route_reason
    assert "回避" in case.route_reason
    with sessions() as s:
        co = set(s.scalars(select(CaseCoUnit.unit_code).where(CaseCoUnit.case_id == case.id)))
    assert co == {"630223:cz", "630223:sj"}


def test_other_reports_go_to_the_town_unless_they_name_town_or_village_cadres(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    plain, plain_r = _case(
        sessions,
        submit_once(
            sessions, report(category="other", cadre_level=None, description="村口的路灯坏了两个月没人修"), "k-plain"
        ),
    )
    assert plain.route_unit == "630223106000" and not plain_r.conflict
    accused, accused_r = _case(
        sessions,
        submit_once(
            sessions,
            report(category="other", cadre_level=None, description="镇长收了我们的土地流转费不给收据"),
            "k-town",
        ),
    )
    assert accused.route_unit == "630223:jw" and accused_r.conflict
    assert "镇长" in accused.route_reason and "提级由互助土族自治县纪委监委办理" in accused.route_reason
    assert "规则原定互助土族自治县五十镇人民政府" in accused.route_reason


def test_county_cadres_go_up_to_the_city_and_keywords_pick_the_department(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    county, _ = _case(sessions, submit_once(sessions, report(cadre_level="county"), "k-county"))
    assert county.route_unit == "6302:jw" and "海东市纪委监委" in county.route_reason
    medical, medical_r = _case(
        sessions,
        submit_once(
            sessions,
            report(category="policy", cadre_level=None, description="住院报销一直没有到账，医保说要等"),
            "k-yb",
        ),
    )
    assert medical.route_unit == "630223:yb" and medical_r.rule_name == "医保待遇没落实：医保局"
    assert medical_r.supervising_unit == "630223:jw"


def test_default_rule_when_no_other_rule_matches(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    with transaction(sessions) as s:
        for rule in s.scalars(select(RoutingRule).where(RoutingRule.is_default.is_(False))):
            rule.active = False
    case, routing = _case(sessions, submit_once(sessions, report(category="project", cadre_level=None), "k-d"))
    assert case.route_unit == "630223:jw" and routing.rule_name == "默认规则：县纪委监委"


def test_calendar_2026_holidays_and_make_up_days() -> None:
    cal = workdays.SHIPPED.years()[2026]
    assert cal.notice == "国务院办公厅关于2026年部分节假日安排的通知" and cal.issued == date(2025, 11, 4)
    assert not workdays.SHIPPED.is_working_day(date(2026, 2, 16))  # 春节
    assert workdays.SHIPPED.is_working_day(date(2026, 2, 14))  # Saturday, 调休上班
    assert workdays.SHIPPED.is_working_day(date(2026, 10, 10))
    assert not workdays.SHIPPED.is_working_day(date(2026, 10, 7))
    assert workdays.SHIPPED.add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert workdays.SHIPPED.add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 24)  # Sat 14th works, then 24th
    assert workdays.SHIPPED.years()[2025].number == "国办发明电〔2024〕12号"
    assert workdays.SHIPPED.add_working_days(date(2031, 1, 3), 1) == date(2031, 1, 6)  # uncovered year: Mon–Fri


def test_poverty_risk_deadline_counts_working_days_and_cites_the_notice(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    case, routing = _case(
        sessions,
        submit_once(
            sessions,
            report(category="poverty_risk", cadre_level=None, description="我家老人生病住院，花了很多钱"),
            "k-r",
        ),
    )
    assert routing.day_kind == "working" and "工作日" in case.deadline_basis
    assert case.route_unit == "630223:nync"


def test_staff_actions_transfer_reply_close_rate_and_merge(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    first = submit_once(sessions, report(openid="o-a"), "k-a")
    second = submit_once(sessions, report(openid="o-b", description="村里把危房改造补助截留了 3000 元！"), "k-b")
    now = utcnow()
    with transaction(sessions) as s:
        a, b = s.get(Case, first.case_id), s.get(Case, second.case_id)
        assert a is not None and b is not None
        assert [d.case.id for d in triage.duplicates(s, b)] == [a.id]
        with pytest.raises(triage.ActionRefused, match="转办理由"):
            triage.transfer(s, case=a, to_unit="630223:cz", reason=" ", actor=ACTOR, now=now)
        with pytest.raises(triage.ActionRefused, match="不能转给乡镇"):
            triage.transfer(s, case=a, to_unit="630223106000", reason="属地处理", actor=ACTOR, now=now)
        triage.transfer(s, case=a, to_unit="630223:cz", reason="涉及资金拨付，财政局牵头", actor=ACTOR, now=now)
        assert a.route_unit == "630223:cz" and "财政局牵头" in a.route_reason
        triage.merge(s, case=b, into=a, actor=ACTOR, keys=KEYS, now=now)
        triage.accept(s, case=a, actor=ACTOR, keys=KEYS, now=now)
        with pytest.raises(triage.ActionRefused, match="先向群众答复"):
            triage.close(s, case=a, finding="查实", resolution="已追回", actor=ACTOR, keys=KEYS, now=now)
        triage.reply(s, case=a, text="经核查，补助已追回并发放。", actor=ACTOR, keys=KEYS, now=now)
        triage.close(s, case=a, finding="查实", resolution="已追回 3000 元，给予处分", actor=ACTOR, keys=KEYS, now=now)
        triage.phone_rating(s, case=a, rating=1, note_text="", actor=ACTOR, now=now, calendar=workdays.SHIPPED)
        with pytest.raises(lifecycle.IllegalTransition):
            lifecycle.transition(s, case=b, to=lifecycle.ACCEPTED, actor=ACTOR, reason=None, now=now)
    with sessions() as s:
        a = s.get(Case, first.case_id)
        assert a is not None and a.status == lifecycle.CLOSED and a.rating == 1 and a.finding == "查实"
        actions = [
            e.action for e in s.scalars(select(CaseEvent).where(CaseEvent.case_id == a.id).order_by(CaseEvent.id))
        ]
        assert actions[-6:] == ["merged_in", "status", "status", "status", "phone_followup", "rating"]
        texts = [
            outbox.text_of(m) or ""
            for m in s.scalars(select(OutboxMessage).where(OutboxMessage.user_key == user_key("o-b")))
        ]
        assert any("合并办理" in t for t in texts) and any("已办结" in t for t in texts)


def test_extension_is_approved_by_the_supervising_unit_and_overdue_cases_get_du_ban(
    sessions: sessionmaker[Session],
) -> None:
    load_org(sessions)
    sub = submit_once(sessions, report(category="policy", cadre_level=None, description="低保今年一直没发"), "k-o")
    with transaction(sessions) as s:
        case = s.get(Case, sub.case_id)
        assert case is not None and case.route_unit == "630223:mz"
        s.add(
            StaffUser(
                username="mz1",
                display_name="民政",
                password_hash="x",
                role="department",
                unit_code="630223:mz",
                created_at=utcnow(),
                failed_logins=0,
                session_epoch=0,
                active=True,
            )
        )
        triage.request_extension(s, case=case, days=10, reason="需要入户核实", actor="staff:mz1", now=utcnow())
        before = case.resolve_due
        triage.decide_extension(
            s, case=case, approve=True, actor=ACTOR, note="", now=utcnow(), calendar=workdays.SHIPPED
        )
        assert case.resolve_due == before + timedelta(days=10)
    later = utcnow() + timedelta(days=20)
    with transaction(sessions) as s:
        marked = triage.mark_overdue(s, now=later)
        assert [c.id for c in marked] == [sub.case_id]
        assert triage.mark_overdue(s, now=later) == []  # once
    with sessions() as s:
        event = s.scalars(select(CaseEvent).where(CaseEvent.action == "supervise")).one()
        assert "督办" in (event.reason or "")
        notices = s.scalars(select(StaffNotice)).all()
        assert len(notices) == 1 and "催办" in notices[0].text


def test_scoping_in_the_query_layer(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    funds = submit_once(sessions, report(), "k-s1")
    other = submit_once(sessions, report(category="other", cadre_level=None, description="路灯坏了没人修理"), "k-s2")
    town = "630223106000"
    with transaction(sessions) as s:
        s.add(
            StaffUser(
                username="town1",
                display_name="镇",
                password_hash="x",
                role="town",
                unit_code=town,
                created_at=utcnow(),
                failed_logins=0,
                session_epoch=0,
                active=True,
            )
        )
    with sessions() as s:

        def sees(username: str) -> set[int]:
            user = s.scalars(select(StaffUser).where(StaffUser.username == username)).one()
            viewer = access.viewer_for(s, user)
            return set(s.scalars(select(Case.id).where(access.case_scope(viewer))))

        both = {funds.case_id, other.case_id}
        assert sees("jw_huzhu") == both and sees("city") == both
        assert sees("jw_ledu") == set() and sees("admin") == set()
        assert sees("cz_huzhu") == {funds.case_id}  # co-handling
        assert sees("town1") == {other.case_id}  # never the conflict-of-interest fund case
    _ = VILLAGE
