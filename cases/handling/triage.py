"""Staff actions on a case, built on case_steps.py and the one transition function in lifecycle.py:
assign, transfer (reason required), extension request and approval, internal note, public reply,
close, reject, merge a duplicate, reopen, phone rating (电话回访), and the 督办 of overdue cases.

The caller checks who may act (cases/access.py) and commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from rapidfuzz import fuzz
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cases import due_dates, lifecycle, ratings
from cases.categories import by_code
from cases.handling import case_steps, joint, rectification
from cases.identity import IdentityKeys
from cases.notices import notify
from cases.org import dept_unit
from cases.routing import rules
from cases.workdays import Calendar
from storage.models.cases import Case
from storage.models.staff import CaseCoUnit, CaseRouting, StaffNotice, StaffUser, Unit

DUPLICATE_WINDOW = timedelta(days=30)
DUPLICATE_MIN_SCORE = 60.0
DUE_SOON = timedelta(days=3)
# The rule behind a refused or missing 办结, in the words of the refusal and of the case page.
CLOSE_NEEDS_REPLY = "办结前须先向群众答复（用“答复群众”告诉群众办理情况）；答复后案件变为“已答复”，即可办结。"
# Statuses in which the unit has not yet taken the case on, so it cannot answer the villager yet.
NOT_YET_ACCEPTED = (lifecycle.RECEIVED, lifecycle.ROUTED, lifecycle.TRANSFERRED)


class ActionRefused(ValueError):
    """A staff action that cannot be done; the message is shown on the form."""


def routing_of(session: Session, case: Case) -> CaseRouting:
    row = session.get(CaseRouting, case.id)
    if row is None:  # a case filed before routing rules existed
        row = CaseRouting(case_id=case.id, conflict=False, supervising_unit=dept_unit(case.county_code, "jw"))
        session.add(row)
        session.flush()
    return row


def waiting_for_opinions(units: list[str]) -> str:
    return f"还缺少{'、'.join(units)}的会办意见，收齐后才能办结。"


def need(text: str | None, what: str, minimum: int = 2) -> str:
    """A required text of an action's form, stripped; its words are the form's (请填写…)."""
    value = (text or "").strip()
    if len(value) < minimum:
        raise ActionRefused(f"请填写{what}。")
    if len(value) > 2000:
        raise ActionRefused(f"{what}不能超过 2000 字。")
    return value


def _tell_merged(session: Session, case: Case, text: str, keys: IdentityKeys, now: datetime) -> None:
    """Reporters of cases merged into this one hear what its reporter hears."""
    for dup in session.scalars(
        select(Case).join(CaseRouting, CaseRouting.case_id == Case.id).where(CaseRouting.merged_into == case.id)
    ):
        notify(
            session,
            case=dup,
            text=f"您反映的问题（编号 {dup.number}，已与 {case.number} 合并办理）{text}",
            keys=keys,
            now=now,
        )


def accept(session: Session, *, case: Case, actor: str, keys: IdentityKeys, now: datetime) -> None:
    case_steps.accept(session, case=case, actor=actor, keys=keys, now=now)


def start(session: Session, *, case: Case, actor: str, now: datetime) -> None:
    lifecycle.transition(session, case=case, to=lifecycle.IN_PROGRESS, actor=actor, reason=None, now=now)


def assign(session: Session, *, case: Case, assignee: str, actor: str, now: datetime) -> None:
    who = need(assignee, "承办人", 1)[:64]
    routing_of(session, case).assignee = who
    lifecycle.record_event(
        session, case=case, action=lifecycle.EventAction.ASSIGN, actor=actor, reason=f"指定承办人：{who}", now=now
    )


def transfer(session: Session, *, case: Case, to_unit: str, reason: str, actor: str, now: datetime) -> None:
    """Hand the case to another unit; the reason is required and the history keeps both units."""
    why = need(reason, "转办理由")
    unit = session.get(Unit, to_unit)
    refusal = transfer_refusal(session, case, unit)
    if refusal is not None:
        raise ActionRefused(refusal)
    assert unit is not None
    routing = routing_of(session, case)
    before = case.route_unit_name
    lifecycle.transition(
        session, case=case, to=lifecycle.TRANSFERRED, actor=actor, reason=f"由{before}转至{unit.name}：{why}", now=now
    )
    case.route_unit, case.route_unit_name = unit.code, unit.name
    case.route_reason = f"{case.route_reason}\n人工转办：由{before}转至{unit.name}，理由：{why}"
    routing.assignee = None
    session.execute(delete(CaseCoUnit).where(CaseCoUnit.case_id == case.id, CaseCoUnit.unit_code == unit.code))


def transfer_refusal(session: Session, case: Case, unit: Unit | None) -> str | None:
    """Why this case may not go to this unit, or None: the one rule of single and bulk transfers.

    The unit must exist, be active and handle cases (a county's own row is not a handling unit: nobody
    works from it); it must be in the case's county or at city level (another county's unit could then
    read the case); and it must not be the level the report accuses, nor below the level that conflict
    of interest requires (cases/routing/rules.py: village or town cadres at least the county, county cadres the
    city), the same lift routing made when the case came in.
    """
    if unit is None or not unit.active:
        return "请选择有效的接收单位。"
    if unit.kind == "county":
        return f"{unit.name}本身不是办理单位，请选择县纪委监委或县直部门。"
    if unit.code == case.route_unit:
        return "接收单位与当前办理单位相同。"
    if unit.level != "city" and unit.county_code != case.county_code:
        return f"{unit.name}不在本案所在的县，不能转给该单位。"
    routing = routing_of(session, case)
    category = by_code(case.category)
    inferred = rules.INFERRED in (case.route_reason or "")  # the record says how the level was known
    who = rules.Accused(None, "")
    if category is not None:
        who = rules.accused(category, case.cadre_level, case.description, inferred=inferred)
    level = who.level or ("town" if routing.conflict else None)
    required = rules.REQUIRED_FOR_ACCUSED.get(level or "")
    if required is None:
        return None
    rank = rules.LEVEL_RANK.get(unit.level, 0)
    if rank < rules.LEVEL_RANK[required] or (level == "county" and unit.level == "county"):
        why = who.source or "反映的是村或乡镇干部"
        return f"此案涉及回避（{why}），不能转给{rules.LEVEL_WORD.get(unit.level, '')}级单位{unit.name}。"
    return None


def request_extension(session: Session, *, case: Case, days: int, reason: str, actor: str, now: datetime) -> None:
    why = need(reason, "延期理由")
    if not 1 <= days <= 90:
        raise ActionRefused("延期天数应在 1 到 90 天之间。")
    if case.status not in lifecycle.OPEN_STATES:
        raise ActionRefused("案件已办结，不能申请延期。")
    routing = routing_of(session, case)
    if routing.extension_days:
        raise ActionRefused("已有一项延期申请等待审批。")
    routing.extension_days, routing.extension_reason, routing.extension_requested_by = days, why, actor[:64]
    lifecycle.record_event(
        session,
        case=case,
        action=lifecycle.EventAction.EXTENSION_REQUEST,
        actor=actor,
        reason=f"申请延期 {days} 天：{why}",
        now=now,
    )


def decide_extension(
    session: Session, *, case: Case, approve: bool, actor: str, note: str, now: datetime, calendar: Calendar
) -> None:
    routing = routing_of(session, case)
    days = routing.extension_days
    if not days:
        raise ActionRefused("没有待审批的延期申请。")
    if approve:
        due_dates.extend(case, days, routing.day_kind, calendar)
        routing.overdue_at = None
    text = f"{'同意' if approve else '不同意'}延期 {days} 天" + (f"：{note.strip()}" if note.strip() else "")
    lifecycle.record_event(
        session,
        case=case,
        action=lifecycle.EventAction.EXTENSION_APPROVED if approve else lifecycle.EventAction.EXTENSION_REFUSED,
        actor=actor,
        reason=text,
        now=now,
    )
    routing.extension_days = routing.extension_reason = routing.extension_requested_by = None


def note(session: Session, *, case: Case, text: str, actor: str, now: datetime) -> None:
    lifecycle.record_event(
        session, case=case, action=lifecycle.EventAction.NOTE, actor=actor, reason=need(text, "备注内容", 1), now=now
    )


def reply(session: Session, *, case: Case, text: str, actor: str, keys: IdentityKeys, now: datetime) -> None:
    body = need(text, "答复内容")
    if case.status in NOT_YET_ACCEPTED:
        raise ActionRefused("请先受理案件，再答复群众。")
    if case.status not in lifecycle.OPEN_STATES:
        raise ActionRefused("案件已办结，不能再答复。")
    case_steps.public_reply(session, case=case, text=body, actor=actor, keys=keys, now=now)
    _tell_merged(session, case, f"有了新答复：\n{body}", keys, now)


def close(
    session: Session,
    *,
    case: Case,
    finding: str,
    resolution: str,
    actor: str,
    keys: IdentityKeys,
    now: datetime,
    internal: str = "",
) -> None:
    """Close with a finding and the result the villager reads; `internal` (the finding in detail and the
    measures taken against people) goes into a staff-only event and never to the villager."""
    if finding not in case_steps.FINDINGS:
        raise ActionRefused("请选择核查结论（查实 / 部分查实 / 不实 / 不属于受理范围）。")
    text = need(resolution, "处理结果（群众将看到）")
    inside = (internal or "").strip()
    if len(inside) > 2000:
        raise ActionRefused("内部意见不能超过 2000 字。")
    _close(session, case=case, finding=finding, text=text, actor=actor, keys=keys, now=now)
    if inside:
        lifecycle.record_event(
            session, case=case, action=lifecycle.EventAction.INTERNAL_OPINION, actor=actor, reason=inside, now=now
        )


def _close(
    session: Session, *, case: Case, finding: str, text: str, actor: str, keys: IdentityKeys, now: datetime
) -> None:
    if finding == "不属于受理范围" and case.status in (lifecycle.ROUTED, lifecycle.TRANSFERRED):
        lifecycle.transition(session, case=case, to=lifecycle.REJECTED, actor=actor, reason=text, now=now)
        case.finding, case.resolution = finding, text
        case.public_update, case.public_update_at = f"不属于受理范围。{text}", now
        notify(session, case=case, text=f"您反映的问题（编号 {case.number}）不属于受理范围：{text}", keys=keys, now=now)
        return
    if case.status != lifecycle.ANSWERED:
        raise ActionRefused(CLOSE_NEEDS_REPLY)
    waiting = joint.missing(session, case)
    if waiting:
        raise ActionRefused(waiting_for_opinions(waiting))
    case_steps.close(session, case=case, finding=finding, resolution=text, actor=actor, keys=keys, now=now)
    _tell_merged(session, case, f"已办结。\n结果：{finding}。{text}", keys, now)


def merge(session: Session, *, case: Case, into: Case, actor: str, keys: IdentityKeys, now: datetime) -> None:
    if into.id == case.id:
        raise ActionRefused("不能与自身合并。")
    if into.status not in lifecycle.OPEN_STATES or into.status == lifecycle.MERGED:
        raise ActionRefused("只能并入仍在办理中的案件。")
    if into.county_code != case.county_code:
        raise ActionRefused("只能合并同一县的案件。")
    lifecycle.transition(
        session, case=case, to=lifecycle.MERGED, actor=actor, reason=f"与 {into.number} 重复，合并办理", now=now
    )
    routing_of(session, case).merged_into = into.id
    lifecycle.record_event(
        session,
        case=into,
        action=lifecycle.EventAction.MERGED_IN,
        actor=actor,
        reason=f"并入重复件 {case.number}",
        now=now,
    )
    notify(
        session,
        case=case,
        text=f"您反映的问题（编号 {case.number}）与同村同类问题 {into.number} 合并办理，办理进展和结果会同时告诉您。",
        keys=keys,
        now=now,
    )


def reopen(session: Session, *, case: Case, reason: str, actor: str, now: datetime) -> None:
    why = need(reason, "重新办理的理由")
    lifecycle.transition(session, case=case, to=lifecycle.REOPENED, actor=actor, reason=why, now=now)
    routing_of(session, case).overdue_at = None


def phone_rating(
    session: Session, *, case: Case, rating: int, note_text: str, actor: str, now: datetime, calendar: Calendar
) -> None:
    """A return visit by telephone (回访): in the rectification loop after 不满意, the visit of the loop
    (cases/handling/rectification.py); on a closed case not yet rated, the rating of a villager WeChat cannot
    reach, which may itself start the loop."""
    if rating not in case_steps.RATINGS:
        raise ActionRefused("请选择群众的评价：" + " / ".join(case_steps.RATINGS.values()) + "。")
    if rectification.open_loop(session, case) is not None:
        try:
            rectification.visit(session, case=case, rating=rating, note=note_text, actor=actor, now=now)
        except rectification.Refused as exc:
            raise ActionRefused(str(exc)) from exc
        return
    if case.status != lifecycle.CLOSED or case.rating is not None:
        raise ActionRefused("只有已办结且尚未评价的案件，或差评整改中的案件，可以登记回访。")
    what = need(note_text, "回访记录", 1) if rating in ratings.DISSATISFIED else (note_text or "").strip()
    lifecycle.record_event(
        session,
        case=case,
        action=lifecycle.EventAction.PHONE_FOLLOWUP,
        actor=actor,
        reason=f"电话回访：{case_steps.RATINGS[rating]}" + (f"，{what}" if what else ""),
        now=now,
    )
    case_steps.rate(session, case=case, rating=rating, reason=what or None, actor=actor, now=now, calendar=calendar)


@dataclass(frozen=True)
class Duplicate:
    case: Case
    score: float


def duplicates(session: Session, case: Case, *, limit: int = 5) -> list[Duplicate]:
    """Same village, same category, within 30 days either side, and similar text."""
    if case.village_code is None:
        return []
    rows: Sequence[Case] = session.scalars(
        select(Case)
        .where(
            Case.village_code == case.village_code,
            Case.category == case.category,
            Case.id != case.id,
            Case.status != lifecycle.MERGED,
            Case.created_at >= case.created_at - DUPLICATE_WINDOW,
            Case.created_at <= case.created_at + DUPLICATE_WINDOW,
        )
        .limit(200)
    ).all()
    found = []
    for other in rows:
        score = max(
            fuzz.ratio(case.description, other.description),
            fuzz.partial_ratio(case.description, other.description) * 0.9,
        )
        if score >= DUPLICATE_MIN_SCORE:
            found.append(Duplicate(other, round(score, 1)))
    found.sort(key=lambda d: -d.score)
    return found[:limit]


def mark_overdue(session: Session, *, now: datetime, limit: int = 500) -> list[Case]:
    """Give each newly overdue open case a 督办 event and chase notices for its unit's staff."""
    open_states = sorted(lifecycle.OPEN_STATES)
    waiting = (lifecycle.RECEIVED, lifecycle.ROUTED, lifecycle.TRANSFERRED)
    candidates = session.scalars(
        select(Case)
        .outerjoin(CaseRouting, CaseRouting.case_id == Case.id)
        .where(Case.status.in_(open_states), CaseRouting.overdue_at.is_(None))
        .where((Case.resolve_due < now) | ((Case.first_response_due < now) & Case.status.in_(waiting)))
        .order_by(Case.id)
        .limit(limit)
    ).all()
    marked = []
    for case in candidates:
        routing = routing_of(session, case)
        if routing.overdue_at is not None:
            continue
        late = "办理期限" if case.resolve_due < now else "首次答复期限"
        why = f"已超过{late}，由纪委监委督办，请抓紧办理并答复群众。"
        lifecycle.record_event(
            session, case=case, action=lifecycle.EventAction.SUPERVISE, actor="system", reason=why, now=now
        )
        routing.overdue_at = now
        for user in session.scalars(
            select(StaffUser).where(StaffUser.unit_code == case.route_unit, StaffUser.active.is_(True))
        ):
            session.add(
                StaffNotice(user_id=user.id, case_id=case.id, text=f"催办：案件 {case.number} {why}", created_at=now)
            )
        marked.append(case)
    session.flush()
    return marked
