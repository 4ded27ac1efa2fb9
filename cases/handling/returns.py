"""退回 (return): a handling unit that got a case that is not its own returns it, with a reason, before it
signs for it (受理) and within one working day of receipt, as the 12345 hotlines' dispatch rules have it;
the county's 纪委监委 (which dispatches) or the city's then rules: re-route it to another unit, or send it
back with its reason. Both are case events (staff-only), so returns and rulings can be counted per unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cases import lifecycle
from cases.handling import triage
from cases.org import dept_unit
from cases.workdays import Calendar
from storage.models.cases import Case, CaseEvent
from storage.models.staff import CaseRouting, StaffNotice, StaffUser, Unit

REQUESTED = lifecycle.EventAction.RETURN_REQUESTED
RULED = lifecycle.EventAction.RETURN_RULED
WINDOW_WORKING_DAYS = 1
RECEIVED_STATES = (lifecycle.ROUTED, lifecycle.TRANSFERRED)
SENT_BACK = "不同意退回"


@dataclass(frozen=True)
class Pending:
    event: CaseEvent
    unit_name: str


def received_at(session: Session, case: Case) -> datetime | None:
    """When the case last reached its current unit (routed or transferred to it)."""
    return session.scalar(
        select(CaseEvent.at)
        .where(CaseEvent.case_id == case.id, CaseEvent.to_status.in_(RECEIVED_STATES))
        .where(CaseEvent.from_status != CaseEvent.to_status)
        .order_by(CaseEvent.id.desc())
        .limit(1)
    )


def return_deadline(session: Session, case: Case, calendar: Calendar) -> datetime | None:
    at = received_at(session, case)
    return calendar.working_deadline(at, WINDOW_WORKING_DAYS)[0] if at is not None else None


def pending(session: Session, case: Case) -> Pending | None:
    events = session.scalars(
        select(CaseEvent)
        .where(CaseEvent.case_id == case.id, CaseEvent.action.in_((REQUESTED, RULED)))
        .order_by(CaseEvent.id.desc())
        .limit(1)
    ).all()
    if not events or events[0].action != REQUESTED:
        return None
    return Pending(events[0], case.route_unit_name)


def ruled_since_receipt(session: Session, case: Case) -> bool:
    """Whether the commission sent this case back to its unit after the unit received it."""
    receipt = session.scalar(
        select(func.max(CaseEvent.id)).where(
            CaseEvent.case_id == case.id,
            CaseEvent.to_status.in_(RECEIVED_STATES),
            CaseEvent.from_status != CaseEvent.to_status,
        )
    )
    ruled = session.scalar(
        select(CaseEvent.id)
        .where(CaseEvent.case_id == case.id, CaseEvent.action == RULED, CaseEvent.reason.like(f"{SENT_BACK}%"))
        .where(CaseEvent.id > (receipt or 0))
        .limit(1)
    )
    return ruled is not None


def refusal(session: Session, case: Case, *, unit_code: str, now: datetime, calendar: Calendar) -> str | None:
    """Why this unit may not return this case now, or None (the window counted in `calendar`'s working days)."""
    if case.route_unit != unit_code:
        return "只有当前办理单位可以退回。"
    if case.status not in RECEIVED_STATES:
        return "案件已受理（签收），不能再退回；如确不属于本单位职责，请联系纪委监委转办。"
    if pending(session, case) is not None:
        return "已退回，等待纪委监委处理。"
    if ruled_since_receipt(session, case):
        return "纪委监委已决定由本单位办理，不能再退回。"
    due = return_deadline(session, case, calendar)
    if due is not None and now > due:
        return "已超过收到后一个工作日，不能退回；如确不属于本单位职责，请联系纪委监委转办。"
    return None


def request(
    session: Session, *, case: Case, unit_code: str, reason: str, actor: str, now: datetime, calendar: Calendar
) -> None:
    why = (reason or "").strip()
    problem = refusal(session, case, unit_code=unit_code, now=now, calendar=calendar)
    if problem is not None:
        raise triage.ActionRefused(problem)
    if len(why) < 4:
        raise triage.ActionRefused("请写明退回理由（至少 4 个字），例如不属于本单位职责的依据。")
    lifecycle.record_event(
        session, case=case, action=REQUESTED, actor=actor, reason=f"{case.route_unit_name}退回：{why[:1000]}", now=now
    )
    routing = session.get(CaseRouting, case.id)
    supervisors = [
        dept_unit(case.county_code, "jw"),
        *([routing.supervising_unit] if routing and routing.supervising_unit else []),
    ]
    for user in session.scalars(
        select(StaffUser).where(StaffUser.unit_code.in_(supervisors), StaffUser.active.is_(True))
    ):
        text = f"退回：案件 {case.number} 被{case.route_unit_name}退回，请改派或退回原单位办理。"
        session.add(StaffNotice(user_id=user.id, case_id=case.id, text=text, created_at=now))


def rule(session: Session, *, case: Case, reroute_to: str, reason: str, actor: str, now: datetime) -> str:
    """Decide a pending return: re-route to `reroute_to`, or (empty) send it back. Returns what happened."""
    waiting = pending(session, case)
    if waiting is None:
        raise triage.ActionRefused("没有待处理的退回。")
    why = (reason or "").strip()
    if len(why) < 2:
        raise triage.ActionRefused("请写明处理理由。")
    if reroute_to:
        unit = session.get(Unit, reroute_to)
        before = case.route_unit_name
        triage.transfer(session, case=case, to_unit=reroute_to, reason=f"退回改派：{why}", actor=actor, now=now)
        text = f"同意{before}退回，改派{unit.name if unit else reroute_to}：{why}"
    else:
        text = f"{SENT_BACK}，请{case.route_unit_name}办理：{why}"
    lifecycle.record_event(session, case=case, action=RULED, actor=actor, reason=text[:2000], now=now)
    return text
