"""Seeing a real-name reporter's identity, as the H5 page promises ("只有纪委监委经审批可以查看"): a member
of a 纪委监委 asks with a written reason; a second person of the case's supervising 纪委监委 (or of the
city's) approves or refuses; only then, and only for the one who asked, within a day, is the name shown.
Every step is audited by the caller.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import access
from cases.handling.hardship_contact import HARDSHIP
from cases.handling.triage import ActionRefused, routing_of
from cases.org import dept_unit
from cases.staff import alerts
from storage.models.cases import Case
from storage.models.desk import RevealRequest

APPROVAL_LIFETIME = timedelta(hours=24)
MIN_REASON = 4


def party(case: Case) -> str:
    """Who left the sealed name: a hardship case's 申请人 (the villager asked for help and was told it is no
    report) or a report's 举报人. The procedure and the audit are the same for both."""
    return "申请人" if case.category == HARDSHIP else "举报人"


def request(session: Session, *, viewer: access.Viewer, case: Case, reason: str, now: datetime) -> RevealRequest:
    who = party(case)
    if not access.can_reveal(viewer):
        raise ActionRefused(f"只有纪委监委可以申请查看实名{who}身份。")
    if case.anonymous or not case.identity_seal:
        raise ActionRefused(f"匿名{who[:2]}，身份不可查看。")
    why = (reason or "").strip()
    if len(why) < MIN_REASON:
        raise ActionRefused(f"查看{who}身份须填写书面理由（至少 {MIN_REASON} 个字）。")
    if pending(session, case) is not None:
        raise ActionRefused("此案已有一项查看身份的申请等待审批。")
    row = RevealRequest(
        case_id=case.id, requested_by=viewer.username, reason=why[:1000], requested_at=now, status="pending"
    )
    session.add(row)
    session.flush()
    alerts.observe_reveal(session, request=row)  # the approvers hear of it on WeChat
    return row


def pending(session: Session, case: Case) -> RevealRequest | None:
    return session.scalar(
        select(RevealRequest)
        .where(RevealRequest.case_id == case.id, RevealRequest.status == "pending")
        .order_by(RevealRequest.id)
        .limit(1)
    )


def may_decide(session: Session, viewer: access.Viewer, case: Case, row: RevealRequest) -> str | None:
    """Why this viewer may not decide this request, or None."""
    if row.requested_by == viewer.username:
        return "查看身份须由另一位纪委监委工作人员审批，不能审批自己的申请。"
    if viewer.role == access.Role.CITY:
        return None
    # The county's commission holds the reporters' identities of its county; a case it leads itself is
    # supervised by the city's, so either may approve.
    supervising = {routing_of(session, case).supervising_unit, dept_unit(case.county_code, "jw")}
    if viewer.role == access.Role.COUNTY_DISCIPLINE and viewer.unit_code in supervising:
        return None
    return "只有本案所在县或监督单位的纪委监委可以审批查看身份的申请。"


def decide(
    session: Session, *, viewer: access.Viewer, case: Case, approve: bool, note: str, now: datetime
) -> RevealRequest:
    row = pending(session, case)
    if row is None:
        raise ActionRefused("没有待审批的查看身份申请。")
    refusal = may_decide(session, viewer, case, row)
    if refusal is not None:
        raise ActionRefused(refusal)
    row.status = "approved" if approve else "refused"
    row.decided_by, row.decided_at = viewer.username, now
    row.decision_note = (note or "").strip()[:1000] or None
    return row


def approved_for(session: Session, viewer: access.Viewer, case: Case, now: datetime) -> RevealRequest | None:
    """The approval that lets this viewer see the identity now: their own request, approved within a day."""
    return session.scalar(
        select(RevealRequest)
        .where(
            RevealRequest.case_id == case.id,
            RevealRequest.requested_by == viewer.username,
            RevealRequest.status == "approved",
            RevealRequest.decided_at >= now - APPROVAL_LIFETIME,
        )
        .order_by(RevealRequest.id.desc())
        .limit(1)
    )
