"""Inquiries (转人工): who may see which, and answering one so the villager is told.

Scoping is a query condition, like cases.access.case_scope: city staff see every county, county
discipline commission and department staff their county, town staff their town's villages, and
anyone else nothing. An inquiry whose words name a cadre (cases/routing/cadres.py) is the county discipline
commission's and the city's only: never shown to the town it may accuse.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, select, true
from sqlalchemy.orm import Session

from cases import access, notices
from cases.routing import cadres
from storage.models import Inquiry, Village
from storage.repos import inquiries as inquiries_repo
from storage.types import utcnow


def accused_level(question: str) -> str | None:
    """Which cadres an inquiry's words name (village, town, county, unknown), screened like a report."""
    named = cadres.strongest(question)
    return named.level if named else None


def inquiry_scope(viewer: access.Viewer) -> ColumnElement[bool]:
    """The inquiries a viewer may see, as one SQL condition. One that names a cadre goes to the county
    discipline commission (and the city) only: never to the town it may accuse, nor to departments."""
    unaccused = Inquiry.accused_level.is_(None)
    if viewer.role == access.Role.CITY:
        return true()
    if viewer.role == access.Role.COUNTY_DISCIPLINE and viewer.county_code:
        return Inquiry.village_code.like(f"{viewer.county_code}%")
    if viewer.role == access.Role.DEPARTMENT and viewer.county_code:
        return and_(Inquiry.village_code.like(f"{viewer.county_code}%"), unaccused)
    if viewer.role == access.Role.TOWN:
        town_villages = select(Village.code).where(Village.town_code == viewer.unit_code)
        return and_(Inquiry.village_code.in_(town_villages), unaccused)
    return false()


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
    inquiry.status = "answered"
    openid = inquiries_repo.asker(inquiry)
    if openid:
        message = villager_message(inquiry.question, text)
        notices.send_text(session, openid=openid, text=message, now=now, kind="inquiry")
        inquiry.notified = True
    session.flush()
    return inquiry.notified
