"""Inquiries (转人工): filing one to the one unit that answers it, who may see which, claiming one, the
late ones, and answering one so the villager is told.

Scoping is a query condition, like cases.access.case_scope: city staff see every county, the county
discipline commission (which supervises) its county, department and town staff the inquiries routed to
their unit (cases/routing/inquiry_route.py), anyone else nothing. Rows from before routing (no unit) keep
the old scope: department staff their county, town staff their town's villages. An inquiry whose words name
a cadre (cases/routing/cadres.py) is the county discipline commission's and the city's only: never shown to
the town it may accuse.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select, true
from sqlalchemy.orm import Session

from cases import access, notices
from cases.routing import cadres, inquiry_route
from cases.workdays import Calendar
from storage.models import Inquiry, Village
from storage.repos import inquiries as inquiries_repo
from storage.types import utcnow

OPEN, ANSWERED = "open", "answered"


def accused_level(question: str) -> str | None:
    """Which cadres an inquiry's words name (village, town, county, unknown), screened like a report."""
    named = cadres.strongest(question)
    return named.level if named else None


def inquiry_scope(viewer: access.Viewer) -> ColumnElement[bool]:
    """The inquiries a viewer may see, as one SQL condition. One that names a cadre goes to the county
    discipline commission (and the city) only: never to the town it may accuse, nor to departments."""
    unaccused = Inquiry.accused_level.is_(None)
    unrouted = Inquiry.unit_code.is_(None)
    routed_here = and_(Inquiry.unit_code == viewer.unit_code, unaccused)
    if viewer.role == access.Role.CITY:
        return true()
    if viewer.role == access.Role.COUNTY_DISCIPLINE and viewer.county_code:
        return Inquiry.village_code.like(f"{viewer.county_code}%")
    if viewer.role == access.Role.DEPARTMENT and viewer.county_code:
        return or_(routed_here, and_(unrouted, Inquiry.village_code.like(f"{viewer.county_code}%"), unaccused))
    if viewer.role == access.Role.TOWN:
        town_villages = select(Village.code).where(Village.town_code == viewer.unit_code)
        return or_(routed_here, and_(unrouted, Inquiry.village_code.in_(town_villages), unaccused))
    return false()


def file_inquiry(
    session: Session,
    *,
    openid: str | None,
    village_code: str | None,
    question: str,
    candidates: dict[str, Any],
    now: datetime,
    calendar: Calendar,
) -> Inquiry:
    """Record a villager's question for the one unit that answers it, due in working days. Without a
    village there is no county to route in: only the city sees it, as before."""
    level = accused_level(question)
    due_at, basis = inquiry_route.due(now, calendar)
    village = session.get(Village, village_code) if village_code else None
    routed = inquiry_route.route(session, village=village, question=question, accused_level=level) if village else None
    return inquiries_repo.record(
        session,
        openid=openid,
        village_code=village_code,
        question=question,
        candidates=candidates,
        now=now,
        accused_level=level,
        unit_code=routed.unit if routed else None,
        route_reason=routed.reason if routed else None,
        due_at=due_at,
        due_basis=basis,
    )


def late(session: Session, viewer: access.Viewer, now: datetime, limit: int = 200) -> Sequence[Inquiry]:
    """Unanswered inquiries past their due time, oldest due first, in the viewer's scope (督办清单)."""
    return session.scalars(
        select(Inquiry)
        .where(inquiry_scope(viewer), Inquiry.status == OPEN, Inquiry.due_at < now)
        .order_by(Inquiry.due_at)
        .limit(limit)
    ).all()


def claim_refusal(inquiry: Inquiry, actor: str) -> str | None:
    """Why `actor` may not claim (or answer) this inquiry, in staff's words; None when they may."""
    if inquiry.status == ANSWERED:
        return "这条咨询已经答复过了。"
    if inquiry.claimed_by and inquiry.claimed_by != actor:
        return "这条咨询已由其他工作人员认领，请勿重复办理。"
    return None


def claim(inquiry: Inquiry, *, actor: str, now: datetime) -> None:
    """One staff member takes the inquiry on; the caller checked claim_refusal first."""
    if inquiry.claimed_by != actor:
        inquiry.claimed_by, inquiry.claimed_at = actor, now


def scoped_inquiry(session: Session, viewer: access.Viewer, inquiry_id: int | None) -> Inquiry | None:
    if inquiry_id is None:
        return None
    return session.scalar(select(Inquiry).where(Inquiry.id == inquiry_id, inquiry_scope(viewer)))


def villager_message(question: str, answer: str) -> str:
    quoted = question if len(question) <= 40 else question[:40] + "…"
    return f"您咨询的问题有了人工答复：\n「{quoted}」\n{answer}\n\n回复「菜单」查看更多服务。"


def answer_inquiry(session: Session, *, inquiry: Inquiry, text: str, actor: str) -> bool:
    """Store the answer and queue it for the villager; returns whether a message was queued."""
    now = utcnow()
    inquiry.answer, inquiry.answered_by, inquiry.answered_at = text, actor, now
    inquiry.status = ANSWERED
    claim(inquiry, actor=actor, now=now)
    openid = inquiries_repo.asker(inquiry)
    if openid:
        message = villager_message(inquiry.question, text)
        notices.send_text(session, openid=openid, text=message, now=now, kind="inquiry")
        inquiry.notified = True
    session.flush()
    return inquiry.notified
