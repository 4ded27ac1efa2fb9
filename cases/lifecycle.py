"""The case lifecycle: one transition table, and one function through which every change goes."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from cases.interop import case_hooks
from storage.models.cases import Case, CaseEvent


class CaseStatus(StrEnum):
    """A case's status; the values are what the database, forms and templates hold."""

    RECEIVED = "received"
    ROUTED = "routed"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    CLOSED = "closed"
    REOPENED = "reopened"
    TRANSFERRED = "transferred"
    MERGED = "merged"
    REJECTED = "rejected"


# The short names every caller uses (lifecycle.ACCEPTED).
RECEIVED = CaseStatus.RECEIVED
ROUTED = CaseStatus.ROUTED
ACCEPTED = CaseStatus.ACCEPTED
IN_PROGRESS = CaseStatus.IN_PROGRESS
ANSWERED = CaseStatus.ANSWERED
CLOSED = CaseStatus.CLOSED
REOPENED = CaseStatus.REOPENED
TRANSFERRED = CaseStatus.TRANSFERRED
MERGED = CaseStatus.MERGED
REJECTED = CaseStatus.REJECTED

STATES: tuple[CaseStatus, ...] = tuple(CaseStatus)


class EventAction(StrEnum):
    """What a case event records (case_events.action); the values are what the database holds, and
    what the case page's timeline and the audit read (handlers/admin/event_labels.py)."""

    STATUS = "status"  # a move in the transition table
    SUBMITTED = "submitted"
    NOTE = "note"
    ASSIGN = "assign"
    PUBLIC_REPLY = "public_reply"
    INTERNAL_OPINION = "internal_opinion"
    ASK_REPORTER = "ask_reporter"
    SUPPLEMENT = "supplement"
    RATING = "rating"
    PHONE_FOLLOWUP = "phone_followup"
    EXTENSION_REQUEST = "extension_request"
    EXTENSION_APPROVED = "extension_approved"
    EXTENSION_REFUSED = "extension_refused"
    MERGED_IN = "merged_in"
    SUPERVISE = "supervise"
    OPINIONS_REQUESTED = "opinions_requested"  # 会办
    JOINT_OPINION = "joint_opinion"
    OPINION_WITHDRAWN = "opinion_withdrawn"  # the lead unit withdraws its request to one co-unit
    RETURN_REQUESTED = "return_requested"  # 退回
    RETURN_RULED = "return_ruled"
    RECTIFIED = "rectified"  # 整改结果 of the loop after 不满意 (cases/handling/rectification.py)
    APPEAL = "appeal"  # 申诉 against a rating
    APPEAL_RULED = "appeal_ruled"


# Every allowed move, from -> set of to. Anything not listed is refused. Keyed by str: a stored
# status is read back as a plain string.
TRANSITIONS: dict[str, frozenset[CaseStatus]] = {
    RECEIVED: frozenset({ROUTED, REJECTED, MERGED}),
    ROUTED: frozenset({ACCEPTED, TRANSFERRED, REJECTED, MERGED}),
    TRANSFERRED: frozenset({ACCEPTED, TRANSFERRED, REJECTED, MERGED}),
    ACCEPTED: frozenset({IN_PROGRESS, ANSWERED, TRANSFERRED, MERGED}),
    IN_PROGRESS: frozenset({ANSWERED, TRANSFERRED, MERGED}),
    ANSWERED: frozenset({CLOSED, IN_PROGRESS}),
    CLOSED: frozenset({REOPENED}),
    REOPENED: frozenset({ACCEPTED, IN_PROGRESS, ANSWERED, TRANSFERRED}),
    REJECTED: frozenset({REOPENED}),
    MERGED: frozenset(),
}

# What a villager reads for each state.
LABELS: dict[str, str] = {
    RECEIVED: "已收到",
    ROUTED: "已转交办理单位",
    ACCEPTED: "已受理",
    IN_PROGRESS: "正在办理",
    ANSWERED: "已答复",
    CLOSED: "已办结",
    REOPENED: "重新办理（督办）",
    TRANSFERRED: "已转办",
    MERGED: "已与同类问题合并办理",
    REJECTED: "不属于受理范围",
}

OPEN_STATES: frozenset[CaseStatus] = frozenset(STATES) - {CLOSED, MERGED, REJECTED}
# Moves by which a unit first answers the villager (with any public reply): cases.first_response_at.
RESPONSE_STATES: tuple[CaseStatus, ...] = (ACCEPTED, ANSWERED, REJECTED)


class IllegalTransition(ValueError):
    """The table does not allow this move."""

    def __init__(self, current: str, target: str) -> None:
        super().__init__(f"不允许从“{LABELS.get(current, current)}”变为“{LABELS.get(target, target)}”")
        self.current = current
        self.target = target


def allowed(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def transition(
    session: Session,
    *,
    case: Case,
    to: CaseStatus,
    actor: str,
    reason: str | None,
    now: datetime,
    action: EventAction = EventAction.STATUS,
    public: bool = False,
) -> CaseEvent:
    """Move `case` to `to` and record who, when, from, to and why. Raises IllegalTransition."""
    if not allowed(case.status, to):
        raise IllegalTransition(case.status, to)
    event = CaseEvent(
        case_id=case.id,
        at=now,
        actor=actor[:64],
        action=action,
        from_status=case.status,
        to_status=to,
        reason=reason,
        public=public,
    )
    _note_response(case, event)
    case.status = to
    case.updated_at = now
    if to == CLOSED:
        case.closed_at = now
    session.add(event)
    session.flush()
    case_hooks.announce(session, case=case, event=event, is_open=case.status in OPEN_STATES)
    return event


def record_event(
    session: Session,
    *,
    case: Case,
    action: EventAction,
    actor: str,
    reason: str | None,
    now: datetime,
    public: bool = False,
    target_unit: str | None = None,
) -> CaseEvent:
    """An action that does not change the status (a note, a public reply, a rating, added material);
    `target_unit`: the code of the unit the action is about (撤回会办), which a rename never changes."""
    event = CaseEvent(
        case_id=case.id,
        at=now,
        actor=actor[:64],
        action=action,
        from_status=case.status,
        to_status=case.status,
        reason=reason,
        public=public,
        target_unit=target_unit,
    )
    _note_response(case, event)
    case.updated_at = now
    session.add(event)
    session.flush()
    case_hooks.announce(session, case=case, event=event, is_open=case.status in OPEN_STATES)
    return event


def _note_response(case: Case, event: CaseEvent) -> None:
    """Keep case.first_response_at the earliest staff event that answered the villager: a move into
    accepted, answered or rejected, or any public event (the statistics' first response)."""
    responds = event.public or (event.to_status in RESPONSE_STATES and event.from_status != event.to_status)
    earliest = case.first_response_at is None or event.at < case.first_response_at
    if event.actor.startswith("staff:") and responds and earliest:
        case.first_response_at = event.at
