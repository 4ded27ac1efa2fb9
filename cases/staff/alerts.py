"""Staff hear about work through WeChat: one observer of case events (cases/interop/case_hooks.py calls
`observe` for every event, cases/handling/reveal.py calls `observe_reveal` for a reveal request) turns
them into notices for the staff who should act, queued in the outbox with the villagers' delivery rules
(customer-service text inside WeChat's 48-hour window, else the template, retries with backoff).

Recipients are worked out when the change commits, so a transfer notifies the unit the case went to.
Every recipient finds the notice at the top of their queue (a StaffNotice, read and dismissed like the
others); WeChat is the extra channel: staff with a linked WeChat also get a message, of the kinds they
chose, one at a time or in a daily digest. A notice names the case number, its category and the
handling unit, never the reporter or what they wrote. Each has a key of kind, event and staff member, so
a retried transaction or a repeated event never queues it twice; on the queue, the same notice of a case
is not added while one is unread, nor again for the same event (the key's kind, moment and person).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, event, or_, select
from sqlalchemy.orm import Session

from cases import access
from cases.categories import by_code
from cases.org import dept_unit
from cases.staff import wechat_link
from storage.models.cases import Case, CaseEvent
from storage.models.desk import RevealRequest
from storage.models.staff import CaseRouting, StaffDigestItem, StaffNotice, StaffNoticePref, StaffUser
from storage.models.wechat import OutboxMessage
from storage.repos import outbox

# The kinds a staff member can choose, in the order the profile page lists them.
KINDS: dict[str, str] = {
    "new_case": "本单位的新案件",
    "assigned": "指定我承办的案件",
    "chase": "催办",
    "supervise": "督办",
    "reporter_reply": "群众回复补充询问",
    "reveal": "待我审批的查看身份申请",
    "returned": "待处理的退回案件",
    "appeal": "待我裁定的差评申诉",
}
_HEAD = {
    "new_case": "新案件",
    "assigned": "指定您承办",
    "chase": "催办",
    "supervise": "督办",
    "reporter_reply": "群众已回复",
    "reveal": "查看身份申请待审批",
    "returned": "退回待处理",
    "appeal": "申诉待裁定",
}
# On the queue, the heads the older notices use (cases/handling/triage.py 催办, returns.py 退回,
# rectification.py 申诉待裁定): one each.
_QUEUE_HEAD = {**_HEAD, "returned": "退回"}
SUPERVISOR_KINDS = frozenset({"reveal", "returned", "appeal"})
DIGEST_MAX_LINES = 30
_PENDING = "staff_alerts.pending"
OUTBOX_KIND = "kefu_text"  # the villagers' notices' kind: kefu text, else the template, else held


# cases.lifecycle.EventAction's values (this module is below it: lifecycle announces every event here).
_BY_ACTION: dict[str, str] = {
    "assign": "assigned",
    "supervise": "chase",
    "supplement": "reporter_reply",
    "return_requested": "returned",
    "appeal": "appeal",  # 申诉 against a rating, by the lead unit
}
_STATUS, _NEW_CASE_STATES, _REOPENED = "status", ("routed", "transferred"), "reopened"


@dataclass(frozen=True)
class _Pending:
    kind: str
    case_id: int
    ref: str  # what the notice is about: an event id, or "r<id>" for a reveal request
    actor: str  # who caused it ("staff:<username>", "system", "villager"): not told of their own act
    at: datetime


@dataclass(frozen=True)
class Prefs:
    kinds: frozenset[str]
    digest: bool


def kind_of(ev: CaseEvent) -> str | None:
    """The notice kind of a case event, or None."""
    # Every transition is a STATUS event (a transfer of a transferred case moves it to the same status).
    if ev.action == _STATUS and ev.to_status in _NEW_CASE_STATES:
        return "new_case"
    if ev.action == _STATUS and ev.to_status == _REOPENED:
        return "supervise"
    return _BY_ACTION.get(ev.action)


def observe(session: Session, *, case: Case, ev: CaseEvent) -> None:
    """Note a case event; its notices are queued when the transaction commits."""
    kind = kind_of(ev)
    if kind is not None:
        _pending(session).append(_Pending(kind, case.id, str(ev.id), ev.actor, ev.at))


def observe_reveal(session: Session, *, request: RevealRequest) -> None:
    """Note a new identity-reveal request: the staff who may approve it hear of it."""
    actor = f"staff:{request.requested_by}"
    _pending(session).append(_Pending("reveal", request.case_id, f"r{request.id}", actor, request.requested_at))


def _pending(session: Session) -> list[_Pending]:
    found: list[_Pending] = session.info.setdefault(_PENDING, [])
    return found


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    pending: list[_Pending] = session.info.pop(_PENDING, [])
    for item in pending:
        queue(session, item)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


# -- preferences ---------------------------------------------------------------------------------------


def prefs_of(session: Session, user_id: int) -> Prefs:
    row = session.get(StaffNoticePref, user_id)
    if row is None:
        return Prefs(frozenset(KINDS), digest=False)
    return Prefs(frozenset(k for k in row.kinds if k in KINDS), digest=row.digest)


def save_prefs(session: Session, *, user_id: int, kinds: list[str], digest: bool, now: datetime) -> Prefs:
    chosen = [k for k in KINDS if k in set(kinds)]
    row = session.get(StaffNoticePref, user_id)
    if row is None:
        session.add(StaffNoticePref(user_id=user_id, kinds=chosen, digest=digest, updated_at=now))
    else:
        row.kinds, row.digest, row.updated_at = chosen, digest, now
    return Prefs(frozenset(chosen), digest)


# -- queueing ------------------------------------------------------------------------------------------


def queue(session: Session, item: _Pending) -> int:
    """Queue the notices of one noted event: on each recipient's queue, and by WeChat to those linked who
    chose the kind; returns how many WeChat messages or digest lines were added."""
    case = session.get(Case, item.case_id)
    if case is None or not _still_there(session, item):
        return 0
    text = notice_text(item.kind, case)
    added = 0
    for user in recipients(session, item, case):
        _post_on_queue(session, item, case, user.id)
        openid = wechat_link.openid_of(session, user.id)
        prefs = prefs_of(session, user.id)
        if openid is None or item.kind not in prefs.kinds:
            continue
        key = _key(item, user.id)
        if prefs.digest:
            if session.scalar(select(StaffDigestItem.id).where(StaffDigestItem.key == key)) is None:
                session.add(StaffDigestItem(user_id=user.id, key=key, kind=item.kind, text=text, created_at=item.at))
                added += 1
        elif session.scalar(select(OutboxMessage.id).where(OutboxMessage.key == key)) is None:
            _send(session, key=key, openid=openid, text=text, now=item.at)
            added += 1
    session.flush()
    return added


def _still_there(session: Session, item: _Pending) -> bool:
    """The event or request exists (a savepoint rolled back may have taken it)."""
    if item.ref.startswith("r"):
        return session.get(RevealRequest, int(item.ref[1:])) is not None
    return session.get(CaseEvent, int(item.ref)) is not None


def _post_on_queue(session: Session, item: _Pending, case: Case, user_id: int) -> None:
    """The notice at the top of the staff member's queue, unless the same one of this case is unread there
    (an older notice of the same head counts, as the overdue check's 催办) or this event already put it."""
    same = f"{_QUEUE_HEAD[item.kind]}：案件 {case.number}"
    found = session.scalar(
        select(StaffNotice.id)
        .where(StaffNotice.user_id == user_id, StaffNotice.case_id == case.id)
        .where(StaffNotice.text.startswith(same, autoescape=True))
        .where(or_(StaffNotice.read_at.is_(None), StaffNotice.created_at == item.at))
        .limit(1)
    )
    if found is None:
        session.add(StaffNotice(user_id=user_id, case_id=case.id, text=queue_text(item.kind, case), created_at=item.at))


def _key(item: _Pending, user_id: int) -> str:
    if item.kind == "reporter_reply":
        # A villager's answer comes as several messages: one notice per case and hour.
        return f"staff:{item.kind}:c{item.case_id}:{item.at:%Y%m%d%H}:{user_id}"
    return f"staff:{item.kind}:{item.ref}:{user_id}"


def _send(session: Session, *, key: str, openid: str, text: str, now: datetime) -> None:
    outbox.enqueue(
        session, key=key, kind=OUTBOX_KIND, payload={"text": text, "purge_on_send": True}, openid=openid, now=now
    )


def notice_text(kind: str, case: Case) -> str:
    """What the staff member reads: the case number, category and unit, never the report or the reporter."""
    return f"【清风工作提醒】{_HEAD[kind]}：案件 {case.number}{_about(case)}请登录清风工作台查看。"


def queue_text(kind: str, case: Case) -> str:
    """The same notice on the queue page, which links it to the case."""
    return f"{_QUEUE_HEAD[kind]}：案件 {case.number}{_about(case)}"


def _about(case: Case) -> str:
    category = by_code(case.category)
    label = category.label if category is not None else "其他"
    return f"（{label}），办理单位：{case.route_unit_name}。"


def recipients(session: Session, item: _Pending, case: Case) -> list[StaffUser]:
    """The active staff the notice is for, each able to see the case; never the one who caused it."""
    routing = session.get(CaseRouting, case.id)
    supervisors = [dept_unit(case.county_code, "jw"), *([routing.supervising_unit] if routing else [])]
    if item.kind == "appeal":  # ruled by a supervising unit, never by the appealing (lead) unit itself
        units = [u for u in supervisors if u != case.route_unit]
    else:
        units = supervisors if item.kind in ("returned", "reveal") else [case.route_unit]
    users = list(
        session.scalars(
            select(StaffUser)
            .where(StaffUser.unit_code.in_(units), StaffUser.active.is_(True))
            .where(StaffUser.role.in_([str(r) for r in access.CASE_STAFF]))
            .order_by(StaffUser.id)
        )
    )
    if item.kind in ("reveal", "appeal"):
        users = [u for u in users if u.role in access.SUPERVISORS]
    assignee = routing.assignee if routing is not None else None
    if item.kind == "assigned" or (item.kind == "reporter_reply" and assignee):
        chosen = [u for u in users if assignee in (u.username, u.display_name)]
        if chosen or item.kind == "assigned":
            users = chosen
    users = [u for u in users if f"staff:{u.username}" != item.actor]
    return [u for u in users if _may_see(session, u, case)]


def _may_see(session: Session, user: StaffUser, case: Case) -> bool:
    viewer = access.viewer_for(session, user)
    return session.scalar(select(Case.id).where(Case.id == case.id, access.case_scope(viewer))) is not None


# -- the daily digest ----------------------------------------------------------------------------------


def send_digests(session: Session, *, day: date, now: datetime) -> int:
    """Queue one digest per staff member with waiting lines, at most one a day; returns how many."""
    waiting = session.scalars(
        select(StaffDigestItem).where(StaffDigestItem.sent_at.is_(None)).order_by(StaffDigestItem.id)
    ).all()
    by_user: dict[int, list[StaffDigestItem]] = {}
    for row in waiting:
        by_user.setdefault(row.user_id, []).append(row)
    sent = 0
    for user_id, rows in by_user.items():
        openid = wechat_link.openid_of(session, user_id)
        if openid is None:  # unlinked since: the queue page still has the case
            session.execute(delete(StaffDigestItem).where(StaffDigestItem.id.in_([r.id for r in rows])))
            continue
        key = f"staff-digest:{user_id}:{day.isoformat()}"
        if session.scalar(select(OutboxMessage.id).where(OutboxMessage.key == key)) is not None:
            continue  # today's is out; these wait for tomorrow's
        _send(session, key=key, openid=openid, text=digest_text(rows, day), now=now)
        for row in rows:
            row.sent_at = now
        sent += 1
    session.flush()
    return sent


def digest_text(rows: list[StaffDigestItem], day: date) -> str:
    lines = [f"【清风工作提醒】{day.month}月{day.day}日汇总，共 {len(rows)} 条："]
    for n, row in enumerate(rows[:DIGEST_MAX_LINES], 1):
        lines.append(f"{n}. {row.text.removeprefix('【清风工作提醒】').removesuffix('请登录清风工作台查看。')}")
    if len(rows) > DIGEST_MAX_LINES:
        lines.append(f"另有 {len(rows) - DIGEST_MAX_LINES} 条，请登录清风工作台查看。")
    else:
        lines.append("请登录清风工作台查看。")
    return "\n".join(lines)


def kinds_for(role: str) -> list[str]:
    """The kinds a role can receive: reveal requests, returns and appeals go to the 纪委监委 alone."""
    supervisor = role in access.SUPERVISORS
    return [k for k in KINDS if supervisor or k not in SUPERVISOR_KINDS]


def describe(prefs: Prefs, *, role: str) -> dict[str, Any]:
    """The profile page's view of the preferences, with the kinds this role can receive."""
    kinds = [(k, KINDS[k], k in prefs.kinds) for k in kinds_for(role)]
    return {"kinds": kinds, "digest": prefs.digest}
