"""会办 (joint handling): the lead unit asks the co-handling units (协办) for written opinions; once asked,
the case cannot close until every co-handling unit's opinion is in, and the case page shows whose are in
and whose are missing. Opinions are staff-only events; the unit of an opinion is its author's unit.
The case's handler (the lead unit, or the 纪委监委 over it) may withdraw the request to one co-unit whose
opinion is still missing, with a reason (撤回会办): the closing no longer waits for that unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from cases import lifecycle
from storage.models.cases import Case, CaseEvent
from storage.models.staff import CaseCoUnit, StaffNotice, StaffUser, Unit

REQUESTED = lifecycle.EventAction.OPINIONS_REQUESTED
OPINION = lifecycle.EventAction.JOINT_OPINION
WITHDRAWN = lifecycle.EventAction.OPINION_WITHDRAWN


class JointRefused(ValueError):
    """A 会办 step that cannot be done; the message is shown on the page."""


@dataclass(frozen=True)
class Opinion:
    unit_code: str
    unit_name: str
    text: str | None  # None: not in yet
    at: datetime | None
    withdrawn: str | None = None  # the reason the request to this unit was withdrawn (its opinion not in)


def co_units(session: Session, case: Case) -> list[Unit]:
    return list(
        session.scalars(
            select(Unit)
            .join(CaseCoUnit, CaseCoUnit.unit_code == Unit.code)
            .where(CaseCoUnit.case_id == case.id)
            .order_by(Unit.code)
        )
    )


def requested(session: Session, case: Case) -> bool:
    found = session.scalar(
        select(CaseEvent.id).where(CaseEvent.case_id == case.id, CaseEvent.action == REQUESTED).limit(1)
    )
    return found is not None


def opinions(session: Session, case: Case) -> list[Opinion]:
    """Each co-handling unit with its latest opinion, or None."""
    units = co_units(session, case)
    events = session.execute(
        select(CaseEvent, StaffUser.unit_code)
        .join(StaffUser, CaseEvent.actor == literal("staff:") + StaffUser.username)
        .where(CaseEvent.case_id == case.id, CaseEvent.action == OPINION)
        .order_by(CaseEvent.id)
    ).all()
    latest = {unit: event for event, unit in events}
    dropped = _withdrawn(session, case, units)
    return [
        Opinion(u.code, u.name, latest[u.code].reason, latest[u.code].at)
        if u.code in latest
        else Opinion(u.code, u.name, None, None, dropped.get(u.code))
        for u in units
    ]


def _withdrawal_head(unit: Unit) -> str:
    """How a withdrawal's event text begins: the timeline reads it, naming the unit as it was then."""
    return f"撤回对{unit.name}的会办请求："


def _withdrawn(session: Session, case: Case, units: list[Unit]) -> dict[str, str]:
    """Unit code -> reason, for the co-units whose request was withdrawn since the latest request. The unit
    is the event's target_unit (its code), so renaming the unit keeps the withdrawal."""
    rows = session.scalars(
        select(CaseEvent)
        .where(CaseEvent.case_id == case.id, CaseEvent.action.in_([REQUESTED, WITHDRAWN]))
        .order_by(CaseEvent.id)
    ).all()
    codes = {u.code for u in units}
    found: dict[str, str] = {}
    for event in rows:
        if event.action == REQUESTED:
            found.clear()  # asked again: every unit is asked again
        elif event.target_unit in codes:
            text = event.reason or ""
            found[event.target_unit] = text.split("的会办请求：", 1)[1] if "的会办请求：" in text else text
    return found


def missing(session: Session, case: Case) -> list[str]:
    """Names of the co-handling units whose opinion the closing still waits for (none if not asked)."""
    if not requested(session, case):
        return []
    return [o.unit_name for o in opinions(session, case) if o.text is None and o.withdrawn is None]


def ask(session: Session, *, case: Case, actor: str, now: datetime) -> list[Unit]:
    units = co_units(session, case)
    if not units:
        raise JointRefused("此案没有协办单位，不需要会办。")
    if case.status not in lifecycle.OPEN_STATES:
        raise JointRefused("案件已办结，不能再征求会办意见。")
    names = "、".join(u.name for u in units)
    lifecycle.record_event(session, case=case, action=REQUESTED, actor=actor, reason=f"请{names}提出会办意见", now=now)
    for user in session.scalars(
        select(StaffUser).where(StaffUser.unit_code.in_([u.code for u in units]), StaffUser.active.is_(True))
    ):
        session.add(
            StaffNotice(
                user_id=user.id,
                case_id=case.id,
                text=f"会办：案件 {case.number} 请您的单位提出书面会办意见。",
                created_at=now,
            )
        )
    return units


def give(session: Session, *, case: Case, unit_code: str, text: str, actor: str, now: datetime) -> None:
    body = (text or "").strip()
    if unit_code not in {u.code for u in co_units(session, case)}:
        raise JointRefused("只有本案的协办单位可以提出会办意见。")
    if len(body) < 2:
        raise JointRefused("请填写会办意见。")
    if len(body) > 2000:
        raise JointRefused("会办意见不能超过 2000 字。")
    if case.status not in lifecycle.OPEN_STATES:
        raise JointRefused("案件已办结，不能再提出会办意见。")
    lifecycle.record_event(session, case=case, action=OPINION, actor=actor, reason=body, now=now)


def withdraw(session: Session, *, case: Case, unit_code: str, reason: str, actor: str, now: datetime) -> Unit:
    """Withdraw the request to one co-unit whose opinion is still missing; that unit's users are told."""
    why = (reason or "").strip()
    if case.status not in lifecycle.OPEN_STATES:
        raise JointRefused("案件已办结，不能再撤回会办。")
    if not requested(session, case):
        raise JointRefused("此案没有在征求会办意见。")
    pending = {o.unit_code: o for o in opinions(session, case) if o.text is None and o.withdrawn is None}
    unit = next((u for u in co_units(session, case) if u.code == unit_code), None)
    if unit is None or unit_code not in pending:
        raise JointRefused("请选择一个尚未提交会办意见的协办单位。")
    if len(why) < 2:
        raise JointRefused("请填写撤回理由。")
    if len(why) > 500:
        raise JointRefused("撤回理由不能超过 500 字。")
    lifecycle.record_event(
        session,
        case=case,
        action=WITHDRAWN,
        actor=actor,
        reason=_withdrawal_head(unit) + why,
        now=now,
        target_unit=unit.code,
    )
    for user in session.scalars(select(StaffUser).where(StaffUser.unit_code == unit.code, StaffUser.active.is_(True))):
        session.add(
            StaffNotice(
                user_id=user.id,
                case_id=case.id,
                text=f"会办：案件 {case.number} 已撤回对您单位的会办请求，不需再提出意见。",
                created_at=now,
            )
        )
    return unit
