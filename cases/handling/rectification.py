"""The rectification loop after a 不满意 or 非常不满意 rating (差评整改, 国办发〔2019〕51号): a return visit (回访) and
a fix (整改) due within the working days of data/rectification.yaml, the outcome recorded; and the handling
unit's appeal (申诉) against a rating that is malicious or outside its powers, ruled on by a supervising unit
(cases/access.py SUPERVISORS). An upheld appeal keeps the rating, marked, and leaves it out of 满意率.

Each step is a case event (the case page's timeline, the audit of the page that runs it). The caller checks
who may act (the action table, cases/handling/actions.py) and commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Final

import yaml
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from cases import lifecycle, ratings
from cases.org import dept_unit
from cases.workdays import Calendar, with_calendar
from storage.models.cases import Case, CaseRectification
from storage.models.staff import CaseRouting, StaffNotice, StaffUser

DATA = Path(__file__).parents[1] / "data" / "rectification.yaml"

PENDING, UPHELD, DISMISSED = "pending", "upheld", "dismissed"
APPEAL_KINDS: Final[dict[str, str]] = {"malicious": "恶意差评", "beyond_powers": "超出本单位职权"}
APPEAL_STATES: Final[dict[str, str]] = {PENDING: "待裁定", UPHELD: "申诉成立", DISMISSED: "申诉不成立"}
EXCLUDED_NOTE: Final = "申诉成立，不计入满意率"


class Refused(ValueError):
    """A step of the loop that cannot be done; the message is shown on the form (the action table raises it
    again as its ActionRefused)."""


def need(text: str | None, what: str, minimum: int) -> str:
    value = (text or "").strip()
    if len(value) < minimum:
        raise Refused(f"请填写{what}。")
    if len(value) > 2000:
        raise Refused(f"{what}不能超过 2000 字。")
    return value


@dataclass(frozen=True)
class Limit:
    working_days: int
    basis: str


@lru_cache(maxsize=1)
def limit() -> Limit:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8")) or {}
    return Limit(int(raw["working_days"]), str(raw["basis"]))


def is_open() -> ColumnElement[bool]:
    return CaseRectification.closed_at.is_(None)


def latest(session: Session, case: Case) -> CaseRectification | None:
    """The loop of the case's latest dissatisfied rating, if any."""
    return session.scalar(
        select(CaseRectification)
        .where(CaseRectification.case_id == case.id)
        .order_by(CaseRectification.id.desc())
        .limit(1)
    )


def open_loop(session: Session, case: Case) -> CaseRectification | None:
    row = latest(session, case)
    return row if row is not None and row.closed_at is None else None


def start(
    session: Session, *, case: Case, rating: int, reason: str | None, now: datetime, calendar: Calendar
) -> CaseRectification:
    """Open the loop for a dissatisfied rating; its due date is also the reopened case's new deadline."""
    rule = limit()
    due, note = calendar.working_deadline(now, rule.working_days)
    for earlier in session.scalars(  # a loop left open (the case closed again without it) gives way to this one
        select(CaseRectification).where(CaseRectification.case_id == case.id, is_open())
    ):
        earlier.closed_at = now
    row = CaseRectification(
        case_id=case.id,
        rating=rating,
        reason=reason,
        opened_at=now,
        due_at=due,
        basis=with_calendar(rule.basis, note),
    )
    session.add(row)
    session.flush()
    return row


def _require_open(session: Session, case: Case) -> CaseRectification:
    row = open_loop(session, case)
    if row is None:
        raise Refused("此案没有进行中的差评整改。")
    return row


def _level(value: int | None) -> str:
    return ratings.LABELS.get(value or 0, "")


def visit(session: Session, *, case: Case, rating: int, note: str, actor: str, now: datetime) -> None:
    """The return visit of an open loop: the level the villager gave on the phone, and what was said. The
    case's own rating is the one given after it is closed again."""
    row = _require_open(session, case)
    if rating not in ratings.LABELS:
        raise Refused("请选择群众在回访中的评价。")
    text = need(note, "回访记录", 2)
    row.visited_at, row.visited_by, row.visit_rating, row.visit_note = now, actor[:64], rating, text
    lifecycle.record_event(
        session,
        case=case,
        action=lifecycle.EventAction.PHONE_FOLLOWUP,
        actor=actor,
        reason=f"差评回访：群众评价{_level(rating)}。{text}",
        now=now,
    )


def fix(session: Session, *, case: Case, outcome: str, actor: str, now: datetime) -> None:
    """The fix's outcome (整改结果), after the return visit; it closes the loop."""
    row = _require_open(session, case)
    if row.visited_at is None:
        raise Refused("请先登记回访，再登记整改结果。")
    text = need(outcome, "整改结果", 4)
    row.fixed_at, row.fixed_by, row.fix_note, row.closed_at = now, actor[:64], text, now
    lifecycle.record_event(
        session, case=case, action=lifecycle.EventAction.RECTIFIED, actor=actor, reason=f"整改结果：{text}", now=now
    )


def appealable(session: Session, case: Case) -> CaseRectification | None:
    """The loop whose rating may be appealed now: the case's current rating, dissatisfied, not yet appealed."""
    row = latest(session, case)
    if row is None or row.appeal_state is not None or case.rating != row.rating:
        return None
    return row


def appeal(session: Session, *, case: Case, kind: str, reason: str, actor: str, now: datetime) -> None:
    if kind not in APPEAL_KINDS:
        raise Refused("请选择申诉理由：恶意差评，或超出本单位职权。")
    text = need(reason, "申诉的事实和依据", 4)
    row = appealable(session, case)
    if row is None:
        raise Refused("此案没有可以申诉的差评（已申诉过，或评价已不是差评）。")
    row.appeal_state, row.appeal_kind, row.appeal_reason = PENDING, kind, text
    row.appealed_by, row.appealed_at = actor[:64], now
    _tell_supervisors(session, case, now)
    lifecycle.record_event(
        session,
        case=case,
        action=lifecycle.EventAction.APPEAL,
        actor=actor,
        reason=f"对“{_level(row.rating)}”评价申诉（{APPEAL_KINDS[kind]}）：{text}",
        now=now,
    )


def _tell_supervisors(session: Session, case: Case, now: datetime) -> None:
    """The county's 纪委监委 (or, when it leads the case itself, the supervising unit of the routing: the city's)
    sees the appeal at the top of its queue; the ruling is on the case page."""
    ruler = dept_unit(case.county_code, "jw")
    if case.route_unit == ruler:
        routing = session.get(CaseRouting, case.id)
        ruler = routing.supervising_unit if routing is not None and routing.supervising_unit else ""
    text = f"申诉待裁定：案件 {case.number} 的办理单位对群众的差评提出申诉，请在案件页裁定。"
    for user_id in session.scalars(
        select(StaffUser.id).where(StaffUser.unit_code == ruler, StaffUser.active.is_(True))
    ):
        session.add(StaffNotice(user_id=user_id, case_id=case.id, text=text, created_at=now))


def pending_appeal(session: Session, case: Case) -> CaseRectification | None:
    row = latest(session, case)
    return row if row is not None and row.appeal_state == PENDING else None


def rule(session: Session, *, case: Case, uphold: bool, note: str, actor: str, now: datetime) -> str:
    """The supervising unit's ruling; upheld: the rating stays on the case, marked, out of 满意率, and the
    loop ends. Returns what was decided, in words."""
    row = pending_appeal(session, case)
    if row is None:
        raise Refused("没有待裁定的申诉。")
    text = need(note, "裁定理由", 2)
    row.appeal_state = UPHELD if uphold else DISMISSED
    row.ruled_by, row.ruled_at, row.ruling_note = actor[:64], now, text
    if uphold:
        row.closed_at = row.closed_at or now
        if case.rating == row.rating:
            case.rating_excluded = True
    said = "申诉成立：该评价保留并标注，不计入满意率" if uphold else "申诉不成立：差评照常计入，继续整改"
    lifecycle.record_event(
        session, case=case, action=lifecycle.EventAction.APPEAL_RULED, actor=actor, reason=f"{said}。{text}", now=now
    )
    return said


def open_loops(
    session: Session, scope: ColumnElement[bool], *, limit_rows: int = 200
) -> list[tuple[Case, CaseRectification]]:
    """Open loops of cases in `scope` (the viewer's), due first: the 督办清单's 差评整改 list."""
    rows = session.execute(
        select(Case, CaseRectification)
        .join(CaseRectification, CaseRectification.case_id == Case.id)
        .where(scope, is_open())
        .order_by(CaseRectification.due_at)
        .limit(limit_rows)
    ).all()
    return [(c, r) for c, r in rows]
