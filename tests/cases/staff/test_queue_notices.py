"""Staff without WeChat see the same work notices at the top of their queue (#20 §5, second bullet), on SQLite
and PostgreSQL: each of the eight kinds reaches its unlinked recipient once (the older 催办, 退回 and 申诉待裁定
notices of the same event are not doubled), never the one who caused it, never anyone outside the case's scope (a town
never sees a conflict-of-interest case), not again on a replayed event even once read, and never naming the
reporter or what they wrote."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from cases import lifecycle
from cases.handling import case_steps, rectification, triage
from cases.interop import case_hooks
from cases.staff import alerts
from cases.staff.accounts import create_user
from cases.workdays import SHIPPED
from storage.db import transaction
from storage.models import CaseEvent, OutboxMessage, StaffNotice, StaffUser, StaffWechatLink
from storage.repos import outbox
from storage.types import utcnow
from tests.cases.staff.test_staff_wechat import SECRETS as WECHAT_SECRETS
from tests.cases.staff.test_staff_wechat import _file, _link, _user, every_kind
from tests.cases.staff.test_staff_wechat import _world as wechat_world
from tests.cases_support import VILLAGE, report, submit_once
from tests.staff_support import PASSWORD, town_of

SECRETS = (*WECHAT_SECRETS, "三社", "镇长")
TOWN_USER = "zf_wushi"


def _world(sessions: sessionmaker[Session]) -> None:
    wechat_world(sessions)
    with transaction(sessions) as s:
        town = town_of(s, VILLAGE)
        create_user(
            s, username=TOWN_USER, role="town", unit_code=town, display_name="镇干部", password=PASSWORD, now=utcnow()
        )


def _on_queues(session: Session, case_id: int) -> Counter[tuple[str, str]]:
    """(username, head) of every queue notice of the case, counted."""
    names = {u.id: u.username for u in session.scalars(select(StaffUser))}
    rows = session.scalars(select(StaffNotice).where(StaffNotice.case_id == case_id))
    return Counter((names[n.user_id], n.text.split("：")[0]) for n in rows)


def test_each_kind_reaches_the_unlinked_recipient_once_and_only_them(sessions: sessionmaker[Session]) -> None:
    _world(sessions)
    number = _file(sessions, "queue-notice-1")
    every_kind(sessions, number)  # with nobody linked to WeChat
    with sessions() as s:
        case_id = case_steps.get_case(s, number=number).id
    expected = Counter(
        {
            ("nync_huzhu", "新案件"): 1,
            ("nync_huzhu", "指定您承办"): 1,
            ("nync_huzhu", "群众已回复"): 1,  # not 退回: nync_huzhu asked for it
            ("jw_huzhu", "退回"): 1,  # not the reveal request: jw_huzhu made it
            ("jw_huzhu2", "退回"): 1,
            ("jw_huzhu2", "查看身份申请待审批"): 1,
            ("cz_huzhu", "新案件"): 1,  # the re-route reached 财政局
            ("cz_huzhu", "催办"): 1,  # the overdue check's own notice; the alert adds no second
            ("cz_huzhu", "督办"): 1,
            ("jw_huzhu", "申诉待裁定"): 1,  # the appeal's own notice; the alert adds no second
            ("jw_huzhu2", "申诉待裁定"): 1,
        }
    )
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(StaffWechatLink)) == 0  # nobody has WeChat linked
        assert (
            s.scalar(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.key.startswith("staff"))) == 0
        )
        assert _on_queues(s, case_id) == expected
        heads = {head for _, head in expected}
        assert {alerts._QUEUE_HEAD[k] for k in alerts.KINDS} == heads  # all eight kinds
        texts = list(s.scalars(select(StaffNotice.text).where(StaffNotice.case_id == case_id)))
    for text in texts:
        assert number in text and not any(secret in text for secret in SECRETS), text

    # A replayed event adds nothing, neither while its notice is unread nor once it is read.
    for read in (False, True):
        with transaction(sessions) as s:
            if read:
                for n in s.scalars(select(StaffNotice).where(StaffNotice.case_id == case_id)):
                    n.read_at = utcnow()
            last = s.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id.desc())
            ).first()
            assert last is not None and alerts.kind_of(last) == "appeal"
            case_hooks.announce(s, case=case_steps.get_case(s, number=number), event=last, is_open=True)
        with sessions() as s:
            assert _on_queues(s, case_id) == expected

    # Once read, a new answer from the reporter is news again: one more notice for the handler.
    with transaction(sessions) as s:
        case_steps.add_text(s, case=case_steps.get_case(s, number=number), text="又想起一件事", now=utcnow())
    with sessions() as s:
        assert _on_queues(s, case_id) - expected == Counter({("cz_huzhu", "群众已回复"): 1})


def test_a_town_never_sees_a_notice_of_a_conflict_case(sessions: sessionmaker[Session]) -> None:
    _world(sessions)
    item = report(None, category="other", cadre_level=None, description="镇长收了我们的土地流转费不给收据")
    number = submit_once(sessions, item, "queue-notice-2").number
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=number)
        assert case.route_unit == "630223:jw"  # taken up past the town it accuses
        case_id = case.id
        triage.assign(s, case=case, assignee="jw_huzhu2", actor="staff:jw_huzhu", now=utcnow())
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=number)
        town = _user(s, TOWN_USER)
        # Even were the case moved to the town's own unit, the town is not told: its scope excludes the case.
        case.route_unit = town.unit_code
        lifecycle.transition(
            s, case=case, to=lifecycle.TRANSFERRED, actor="staff:jw_huzhu", reason="测试", now=utcnow()
        )
    with sessions() as s:
        town_id = _user(s, TOWN_USER).id
        assert s.scalar(select(func.count()).select_from(StaffNotice).where(StaffNotice.user_id == town_id)) == 0
        found = _on_queues(s, case_id)
        assert found[("jw_huzhu2", "指定您承办")] == 1 and found[("jw_huzhu2", "新案件")] == 1
        assert not any(user == TOWN_USER for user, _ in found)


def test_an_appeal_of_the_commission_itself_goes_to_the_city_never_to_a_town_or_the_appealing_unit(
    sessions: sessionmaker[Session],
) -> None:
    """A conflict case led by the county's 纪委监委: its appeal is ruled by the city's, whose staff are told
    (on the queue and by WeChat); the county's own commission, the one who appealed and the town are not."""
    _world(sessions)
    for name in ("city", "jw_huzhu", "jw_huzhu2", TOWN_USER):
        _link(sessions, name)
    item = report(None, category="other", cadre_level=None, description="镇长收了我们的土地流转费不给收据")
    number = submit_once(sessions, item, "queue-notice-3").number
    now = utcnow()
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=number)
        assert case.route_unit == "630223:jw"  # taken up past the town it accuses
        case_id = case.id
        case.status, case.closed_at = lifecycle.CLOSED, now
        case_steps.rate(s, case=case, rating=5, reason="镇长乱收费", actor="villager", now=now, calendar=SHIPPED)
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=number)
        rectification.appeal(
            s, case=case, kind="malicious", reason="群众所说与核查事实不符", actor="staff:jw_huzhu", now=now
        )
    with sessions() as s:
        found = _on_queues(s, case_id)
        appeals = {user for (user, head), n in found.items() if head == "申诉待裁定"}
        assert appeals == {"city"} and found[("city", "申诉待裁定")] == 1
        assert not any(user == TOWN_USER for user, _ in found)
        sent = [(r.key.split(":")[1], int(r.key.rsplit(":", 1)[1])) for r in _staff_outbox(s)]
        city_id = _user(s, "city").id
        assert [who for kind, who in sent if kind == "appeal"] == [city_id]
        text = next(outbox.text_of(r) or "" for r in _staff_outbox(s) if r.key.startswith("staff:appeal:"))
    assert text.startswith(f"【清风工作提醒】申诉待裁定：案件 {number}") and "镇长" not in text


def test_the_appeal_toggle_is_offered_to_the_commissions_only_and_honoured(sessions: sessionmaker[Session]) -> None:
    assert "appeal" in alerts.kinds_for("county_discipline") and "appeal" in alerts.kinds_for("city")
    assert "appeal" not in alerts.kinds_for("department") and "appeal" not in alerts.kinds_for("town")
    _world(sessions)
    _link(sessions, "jw_huzhu")
    _link(sessions, "jw_huzhu2")
    with transaction(sessions) as s:
        chosen = [k for k in alerts.KINDS if k != "appeal"]
        alerts.save_prefs(s, user_id=_user(s, "jw_huzhu2").id, kinds=chosen, digest=False, now=utcnow())
    number = _file(sessions, "queue-notice-4")  # 农业农村局 leads; the county's 纪委监委 rules on its appeal
    now = utcnow()
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=number)
        case.status, case.closed_at = lifecycle.CLOSED, now
        case_steps.rate(s, case=case, rating=4, reason=None, actor="villager", now=now, calendar=SHIPPED)
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=number)
        rectification.appeal(
            s, case=case, kind="beyond_powers", reason="不属本局职权", actor="staff:nync_huzhu", now=now
        )
    with sessions() as s:
        names = {u.id: u.username for u in s.scalars(select(StaffUser))}
        appeal_to = [names[int(r.key.rsplit(":", 1)[1])] for r in _staff_outbox(s) if r.key.startswith("staff:appeal:")]
        assert appeal_to == ["jw_huzhu"]  # jw_huzhu2 turned the kind off: the queue still has it
        assert _on_queues(s, case_steps.get_case(s, number=number).id)[("jw_huzhu2", "申诉待裁定")] == 1


def _staff_outbox(session: Session) -> list[OutboxMessage]:
    return list(session.scalars(select(OutboxMessage).where(OutboxMessage.key.startswith("staff")).order_by("id")))
