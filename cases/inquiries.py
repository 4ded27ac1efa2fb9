"""Inquiries (转人工): who may see which, and answering one so the villager is told.

Scoping is a query condition, like cases.access.case_scope: city staff see every county, county
discipline commission and department staff their county, town staff their town's villages, and
anyone else nothing.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, select, true
from sqlalchemy.orm import Session

from cases import access, notices
from storage.models import Inquiry, Village
from storage.repos import inquiries as inquiries_repo
from storage.types import utcnow


def inquiry_scope(viewer: access.Viewer) -> ColumnElement[bool]:
    """The inquiries a viewer may see, as one SQL condition."""
    if viewer.role == "city":
        return true()
    if viewer.role in ("county_discipline", "department") and viewer.county_code:
        return Inquiry.village_code.like(f"{viewer.county_code}%")
    if viewer.role == "town":
        town_villages = select(Village.code).where(Village.town_code == viewer.unit_code)
        return Inquiry.village_code.in_(town_villages)
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
