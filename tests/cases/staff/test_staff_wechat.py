"""Staff hear about work through WeChat (#20 §5), on SQLite and PostgreSQL: the one-time link code (single
use, expiry, forged or taken scenes refused politely), each notice kind queued once for the staff who should
act (also after a transfer, and not again on a retry), the reporter never named, preferences, the daily
digest, unlinking, and the queue-page notices of staff without WeChat (tests/cases/staff/test_queue_notices.py)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from cases import access, lifecycle
from cases.handling import case_steps, rectification, returns, reveal, triage
from cases.interop import case_hooks
from cases.staff import alerts, wechat_link
from cases.staff.accounts import create_user
from cases.workdays import SHIPPED
from storage.db import transaction
from storage.models import (
    Base,
    CaseEvent,
    OutboxMessage,
    StaffDigestItem,
    StaffNotice,
    StaffUser,
    StaffWechatLink,
    StaffWechatToken,
)
from storage.repos import outbox
from storage.types import utcnow
from tests.cases_support import report, submit_once
from tests.staff_support import PASSWORD, load_org
from wechat.client import WechatClient
from wechat.delivery import deliver_due
from wechat.standin import StandinWechat

SECRETS = ("王五", "13900002222", "危房改造补助截留")


def _world(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    with transaction(sessions) as s:
        create_user(
            s,
            username="jw_huzhu2",
            role="county_discipline",
            unit_code="630223:jw",
            display_name="县纪委李审批",
            password=PASSWORD,
            now=utcnow(),
        )


def _user(session: Session, username: str) -> StaffUser:
    user = session.scalar(select(StaffUser).where(StaffUser.username == username))
    assert user is not None
    return user


def _link(sessions: sessionmaker[Session], username: str) -> str:
    openid = f"o-staff-{username}"
    with transaction(sessions) as s:
        code = wechat_link.new_code(s, user=_user(s, username), now=utcnow())
        assert wechat_link.link_from_scan(s, scene=code.scene, openid=openid, now=utcnow()).startswith("已绑定")
    return openid


def _file(sessions: sessionmaker[Session], key: str) -> str:
    # 项目公开, no cadre named: the county's 农业农村局 handles it, the county's 纪委监委 supervises.
    item = report(None, anonymous=False, name="王五", phone="13900002222", category="project", cadre_level=None)
    return submit_once(sessions, item, key).number


def _staff_rows(session: Session) -> list[OutboxMessage]:
    return list(session.scalars(select(OutboxMessage).where(OutboxMessage.key.startswith("staff")).order_by("id")))


def _sent(session: Session) -> list[tuple[str, str]]:
    """(kind, username) of every staff notice in the outbox."""
    names = {u.id: u.username for u in session.scalars(select(StaffUser))}
    return [(r.key.split(":")[1], names[int(r.key.rsplit(":", 1)[1])]) for r in _staff_rows(session)]


def every_kind(sessions: sessionmaker[Session], number: str) -> None:
    """Each of the eight kinds happens to the filed case `number` (see the expected recipients below)."""
    now = utcnow()
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=number)
        triage.assign(s, case=case, assignee="nync_huzhu", actor="staff:jw_huzhu", now=now)
        case_steps.add_text(s, case=case, text="补充：是三社的那段路", now=now)
        case_steps.add_text(s, case=case, text="还有照片稍后发", now=now)  # the same answer: one notice
        returns.request(
            s,
            case=case,
            unit_code="630223:nync",
            reason="属于财政局职责",
            actor="staff:nync_huzhu",
            now=now,
            calendar=SHIPPED,
        )
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=number)
        returns.rule(s, case=case, reroute_to="630223:cz", reason="确属财政", actor="staff:jw_huzhu", now=now)
    with transaction(sessions) as s:
        triage.mark_overdue(s, now=now + timedelta(days=90))
        case = case_steps.get_case(s, number=number)
        viewer = access.viewer_for(s, _user(s, "jw_huzhu"))
        reveal.request(s, viewer=viewer, case=case, reason="核实举报人身份以便回访", now=now)
        case.status, case.closed_at = lifecycle.CLOSED, now  # as if closed, then rated 非常不满意: reopened (督办)
        case_steps.rate(s, case=case, rating=5, reason="群众不满意", actor="villager", now=now, calendar=SHIPPED)
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=number)
        rectification.appeal(
            s, case=case, kind="beyond_powers", reason="补助标准由省里定，本局无权调整", actor="staff:cz_huzhu", now=now
        )


def test_a_link_code_works_once_and_only_until_it_expires(sessions: sessionmaker[Session]) -> None:
    _world(sessions)
    now = utcnow()
    with transaction(sessions) as s:
        user = _user(s, "nync_huzhu")
        code = wechat_link.new_code(s, user=user, now=now)
        assert code.scene.startswith("staff-") and len(code.scene) <= 64
        assert wechat_link.link_from_scan(s, scene=code.scene, openid="o-a", now=now) == wechat_link.LINKED.format(
            name="nync_huzhu"
        )
        # Single use: the same scene scanned again, by anyone, is refused politely.
        assert wechat_link.link_from_scan(s, scene=code.scene, openid="o-b", now=now) == wechat_link.REFUSED
        late = wechat_link.new_code(s, user=user, now=now)
        expired = now + wechat_link.LINK_TTL + timedelta(seconds=1)
        assert wechat_link.link_from_scan(s, scene=late.scene, openid="o-b", now=expired) == wechat_link.REFUSED
        forged = "staff-" + "A" * 32
        assert wechat_link.link_from_scan(s, scene=forged, openid="o-b", now=now) == wechat_link.REFUSED
        # A newer code replaces an unspent older one.
        first, second = wechat_link.new_code(s, user=user, now=now), wechat_link.new_code(s, user=user, now=now)
        assert wechat_link.link_from_scan(s, scene=first.scene, openid="o-a", now=now) == wechat_link.REFUSED
        assert wechat_link.link_from_scan(s, scene=second.scene, openid="o-a", now=now).startswith("已绑定")
        assert s.scalar(select(func.count()).select_from(StaffWechatToken)) == 1  # one row per account at most
        # One WeChat, one account.
        other = wechat_link.new_code(s, user=_user(s, "cz_huzhu"), now=now)
        assert wechat_link.link_from_scan(s, scene=other.scene, openid="o-a", now=now) == wechat_link.TAKEN
        assert wechat_link.openid_of(s, user.id) == "o-a"
        assert wechat_link.openid_of(s, _user(s, "cz_huzhu").id) is None
    with sessions() as s:
        row = s.get(StaffWechatLink, user.id)
        assert row is not None and "o-a" not in f"{row.openid_hash} {row.openid_seal}"
        stored = " ".join(s.scalars(select(StaffWechatToken.token_hash)))
        assert code.scene[len("staff-") :] not in stored  # tokens are kept hashed only


def test_each_notice_reaches_the_right_staff_once_and_never_names_the_reporter(
    sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat
) -> None:
    _world(sessions)
    openids = {name: _link(sessions, name) for name in ("nync_huzhu", "cz_huzhu", "jw_huzhu", "jw_huzhu2", "city")}
    number = _file(sessions, "staff-wx-1")
    every_kind(sessions, number)
    with sessions() as s:
        sent = _sent(s)
        rows = _staff_rows(s)
        texts = [outbox.text_of(r) or "" for r in rows]
    assert sorted(sent) == sorted(
        [
            ("new_case", "nync_huzhu"),
            ("assigned", "nync_huzhu"),
            ("reporter_reply", "nync_huzhu"),
            ("returned", "jw_huzhu2"),  # jw_huzhu too, below: the returning unit's supervisors
            ("returned", "jw_huzhu"),
            ("new_case", "cz_huzhu"),  # the re-route went to 财政局: the transfer is told to the unit it reached
            ("chase", "cz_huzhu"),
            ("reveal", "jw_huzhu2"),  # the requester is not asked to approve their own request
            ("supervise", "cz_huzhu"),
            ("appeal", "jw_huzhu"),  # 财政局's appeal, to the 纪委监委 that may rule on it
            ("appeal", "jw_huzhu2"),
        ]
    )
    for text in texts:
        assert number in text and "【清风工作提醒】" in text
        assert not any(secret in text for secret in SECRETS), text
        assert "三社" not in text  # what the reporter answered stays on the case page

    # A retry (the last event announced again, as a replayed delivery would) queues nothing new.
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=number)
        last = s.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id.desc())).first()
        assert last is not None and alerts.kind_of(last) == "appeal"
        case_hooks.announce(s, case=case, event=last, is_open=True)
        case_hooks.announce(s, case=case, event=last, is_open=True)
    with sessions() as s:
        assert sorted(_sent(s)) == sorted(sent)

    # Delivered with the villagers' rules (kefu text, the template when WeChat's window is closed).
    later = utcnow() + timedelta(days=91)  # the chase was queued at the overdue check's time
    report_ = deliver_due(sessions=sessions, api=api, now=later, template_id="tpl-1")
    assert report_.sent == len(sent)
    assert any(number in line.text for line in wx.chat(openids["cz_huzhu"]))
    assert wx.chat(openids["city"]) == []
    with sessions() as s:
        assert all(r.payload == {} and r.recipient_seal is None for r in _staff_rows(s))  # purged once sent


def test_a_rolled_back_change_queues_no_notice(sessions: sessionmaker[Session]) -> None:
    _world(sessions)
    _link(sessions, "nync_huzhu")
    number = _file(sessions, "staff-wx-2")
    try:
        with transaction(sessions) as s:
            case = case_steps.get_case(s, number=number)
            triage.assign(s, case=case, assignee="nync_huzhu", actor="staff:jw_huzhu", now=utcnow())
            raise RuntimeError("the page failed after the action")
    except RuntimeError:
        pass
    with transaction(sessions) as s:  # the next transaction of the same kind must not carry it either
        s.execute(select(1))
    with sessions() as s:
        assert _sent(s) == [("new_case", "nync_huzhu")]


def test_preferences_and_the_daily_digest(sessions: sessionmaker[Session]) -> None:
    _world(sessions)
    _link(sessions, "nync_huzhu")
    with transaction(sessions) as s:
        uid = _user(s, "nync_huzhu").id
        assert alerts.prefs_of(s, uid) == alerts.Prefs(frozenset(alerts.KINDS), digest=False)
        alerts.save_prefs(s, user_id=uid, kinds=["new_case", "chase", "bogus"], digest=True, now=utcnow())
    first, second = _file(sessions, "staff-wx-3"), _file(sessions, "staff-wx-4")
    with transaction(sessions) as s:
        assert alerts.prefs_of(s, uid) == alerts.Prefs(frozenset({"new_case", "chase"}), digest=True)
        case = case_steps.get_case(s, number=first)
        triage.assign(s, case=case, assignee="nync_huzhu", actor="staff:jw_huzhu", now=utcnow())  # not chosen
    with sessions() as s:
        assert _sent(s) == []  # digest: nothing one at a time
        assert s.scalar(select(func.count()).select_from(StaffDigestItem)) == 2
    today = (utcnow() + timedelta(hours=8)).date()
    with transaction(sessions) as s:
        assert alerts.send_digests(s, day=today, now=utcnow()) == 1
    third = _file(sessions, "staff-wx-5")
    with transaction(sessions) as s:
        assert alerts.send_digests(s, day=today, now=utcnow()) == 0  # one a day: the third waits
    with transaction(sessions) as s:
        assert alerts.send_digests(s, day=today + timedelta(days=1), now=utcnow()) == 1
    with sessions() as s:
        rows = _staff_rows(s)
        assert [r.key.split(":")[0] for r in rows] == ["staff-digest", "staff-digest"]
        digest = outbox.text_of(rows[0]) or ""
        assert first in digest and second in digest and "共 2 条" in digest and "新案件" in digest
        assert third in (outbox.text_of(rows[1]) or "")
        assert not any(secret in digest for secret in SECRETS)


def test_unlinked_staff_get_no_wechat_notice_and_keep_the_queue_notices(sessions: sessionmaker[Session]) -> None:
    _world(sessions)
    _link(sessions, "nync_huzhu")
    with transaction(sessions) as s:
        assert wechat_link.unlink(s, user=_user(s, "nync_huzhu"), now=utcnow())
        assert not wechat_link.unlink(s, user=_user(s, "nync_huzhu"), now=utcnow())
    number = _file(sessions, "staff-wx-6")
    with transaction(sessions) as s:
        triage.mark_overdue(s, now=utcnow() + timedelta(days=90))
    with sessions() as s:
        assert _sent(s) == []
        case = case_steps.get_case(s, number=number)
        queue = s.scalars(select(StaffNotice.text).where(StaffNotice.case_id == case.id)).all()
        # On the queue all the same: the new case, and the overdue check's 催办 once (the alert adds no second).
        assert sorted(t.split("：")[0] for t in queue) == ["催办", "新案件"]


def test_the_models_match_migration_0023(engine: Engine) -> None:
    mine = {"staff_wechat_tokens", "staff_wechat_links", "staff_notice_prefs", "staff_digest_items"}

    def include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table in mine

    with engine.connect() as conn:
        assert mine <= set(inspect(conn).get_table_names())
        assert compare_metadata(MigrationContext.configure(conn, opts={"include_object": include}), Base.metadata) == []


def test_a_link_whose_seal_no_longer_opens_never_blocks_the_staff_action(sessions: sessionmaker[Session]) -> None:
    _world(sessions)
    _link(sessions, "nync_huzhu")
    with transaction(sessions) as s:
        row = s.get(StaffWechatLink, _user(s, "nync_huzhu").id)
        assert row is not None
        row.openid_seal = "sealed-under-a-key-long-gone"
    number = _file(sessions, "staff-wx-7")  # the case is filed and routed all the same
    with sessions() as s:
        assert case_steps.get_case(s, number=number).status == lifecycle.ROUTED
        assert _sent(s) == []
