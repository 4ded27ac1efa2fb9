"""Inquiries (转人工): the policy questions the knowledge-base chat could not answer, per county.

Staff answer one: the answer is stored, the villager is told through the outbox (a kefu text, purged
once delivered; the delivery code keeps to the 48-hour window and its quota, falling back to the
template or holding the news until the villager writes), and the inquiry is marked answered with who
and when. An answered inquiry can be handed to the knowledge base: a maintainer opens the new entry form
filled from it on the knowledge-base page (kb_from_inquiry.py), and it is reviewed like any other entry.

Who: each inquiry is routed to one unit (cases/routing/inquiry_route.py): its department or town staff see
it, and one of them claims it (认领) so the others know who answers; the county discipline commission (which
supervises, and sees the late ones on the 督办清单) its county; city staff every county. The administrator
sees no inquiry (its content is villagers' words, like case content) but opens the handed-over ones on the
knowledge-base page. Another county's inquiry is a 404 on every endpoint. Every view, claim, answer and
hand-over is audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response

from cases.access import CASE_STAFF, Viewer
from cases.handling.inquiries import answer_inquiry, claim, claim_refusal, inquiry_scope, late, scoped_inquiry
from handlers.admin.desk_text import actor_names
from handlers.jobs.kb_live import default_knowledge
from handlers.web.params import whole
from knowledge.loader import read_entries
from knowledge.schema import Entry
from storage.models import Inquiry
from storage.models.kb import KbDraft
from storage.models.staff import Unit
from storage.repos.villages import places_by_code
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import Admin, StaffCtx

ANSWER_MAX = 500  # with the question quoted, one kefu message stays under WeChat's 2,048 bytes
PAGE = 200
STATUS_LABELS = {"open": "待答复", "answered": "已答复"}
NOT_FOUND = "没有找到这条咨询，或您无权查看。"


class Inquiries:
    def __init__(self, admin: Admin) -> None:
        self.admin = admin

    def _entries(self) -> dict[str, Entry]:
        directory = self.admin.runtime.settings.kb_dir
        if directory is None:
            return default_knowledge().entries
        loaded, _problems = read_entries(directory)
        return {item.entry.id: item.entry for item in loaded}

    async def list_page(self, ctx: StaffCtx) -> Response:
        v = ctx.viewer
        status = ctx.request.query_params.get("status", "open")
        status = status if status in ("open", "answered", "all") else "open"
        stmt = select(Inquiry).where(inquiry_scope(v)).order_by(Inquiry.id.desc()).limit(PAGE)
        if status != "all":
            stmt = stmt.where(Inquiry.status == status)
        rows = ctx.session.scalars(stmt).all()
        ctx.audit("view_inquiries", status=status)
        return ctx.render(
            "inquiries.html",
            inquiries=rows,
            state=status,
            places=_places(ctx.session, rows),
            labels=STATUS_LABELS,
            units=_units(ctx.session, rows),
            people=actor_names(ctx.session, {r.claimed_by for r in rows if r.claimed_by}),
            now=utcnow(),
        )

    def _detail(self, ctx: StaffCtx, inquiry: Inquiry, *, error: str | None = None, status: int = 200) -> Response:
        drafts = ctx.session.scalars(
            select(KbDraft).where(KbDraft.inquiry_id == inquiry.id).order_by(KbDraft.id.desc())
        ).all()
        entries = self._entries()
        ids = inquiry.candidates.get("entries") if isinstance(inquiry.candidates, dict) else None
        candidates = [(str(i), entries[str(i)].title if str(i) in entries else "") for i in ids or []]
        return ctx.render(
            "inquiry.html",
            status,
            q=inquiry,
            place=_places(ctx.session, [inquiry]).get(inquiry.id, ""),
            candidates=candidates,
            drafts=drafts,
            draft_people=actor_names(ctx.session, {f"staff:{d.created_by}" for d in drafts}),
            error=error,
            labels=STATUS_LABELS,
            answer_max=ANSWER_MAX,
            can_answer=ctx.viewer.role in CASE_STAFF,
            taken=bool(inquiry.claimed_by and inquiry.claimed_by != ctx.viewer.actor),
            unit=_units(ctx.session, [inquiry]).get(inquiry.id, ""),
            people=actor_names(ctx.session, {a for a in (inquiry.claimed_by, inquiry.answered_by) if a}),
            now=utcnow(),
        )

    async def detail(self, ctx: StaffCtx) -> Response:
        inquiry = scoped_inquiry(ctx.session, ctx.viewer, whole(ctx.request.path_params.get("inquiry_id")))
        if inquiry is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        ctx.audit("view_inquiry", inquiry=inquiry.id)
        return self._detail(ctx, inquiry)

    async def answer(self, ctx: StaffCtx) -> Response:
        v = ctx.viewer
        inquiry = scoped_inquiry(ctx.session, v, whole(ctx.request.path_params.get("inquiry_id")))
        if inquiry is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        value = ctx.request.state.form.get("answer")
        text = value.strip() if isinstance(value, str) else ""
        refusal = claim_refusal(inquiry, v.actor)
        if refusal is not None:
            return self._detail(ctx, inquiry, error=refusal, status=400)
        if len(text) < 2 or len(text) > ANSWER_MAX:
            return self._detail(ctx, inquiry, error=f"请填写答复内容（2 至 {ANSWER_MAX} 字）。", status=400)
        told = answer_inquiry(ctx.session, inquiry=inquiry, text=text, actor=v.actor)
        ctx.audit("inquiry_answer", inquiry=inquiry.id, notified=told, chars=len(text))
        return RedirectResponse(f"/admin/inquiries/{inquiry.id}", status_code=303)

    async def claim(self, ctx: StaffCtx) -> Response:
        """认领: one staff member takes the inquiry on; the list shows who."""
        v = ctx.viewer
        inquiry = scoped_inquiry(ctx.session, v, whole(ctx.request.path_params.get("inquiry_id")))
        if inquiry is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        refusal = claim_refusal(inquiry, v.actor)
        if refusal is not None:
            return self._detail(ctx, inquiry, error=refusal, status=400)
        claim(inquiry, actor=v.actor, now=utcnow())
        ctx.audit("inquiry_claim", inquiry=inquiry.id)
        return RedirectResponse(f"/admin/inquiries/{inquiry.id}", status_code=303)

    async def draft(self, ctx: StaffCtx) -> Response:
        v = ctx.viewer
        inquiry = scoped_inquiry(ctx.session, v, whole(ctx.request.path_params.get("inquiry_id")))
        if inquiry is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        if inquiry.status != "answered" or not inquiry.answer:
            return self._detail(ctx, inquiry, error="请先答复群众，再把答复交给知识库管理员。", status=400)
        if ctx.session.scalar(select(KbDraft.id).where(KbDraft.inquiry_id == inquiry.id).limit(1)) is not None:
            return self._detail(ctx, inquiry, error="这条咨询已经交给知识库管理员了。", status=400)
        county = (inquiry.village_code or "")[:6]
        if len(county) != 6:
            return self._detail(ctx, inquiry, error="这条咨询没有所属的村，无法确定适用的县。", status=400)
        row = KbDraft(
            inquiry_id=inquiry.id,
            entry_id="",  # the form makes the entry's id when it is written
            county_code=county,
            body="",  # the entry is written in the browser's form, never as a file
            status="drafted",
            created_by=v.username,
            created_at=utcnow(),
        )
        ctx.session.add(row)
        ctx.session.flush()
        ctx.audit("inquiry_kb_draft", inquiry=inquiry.id, draft=row.id, county=county)
        return RedirectResponse(f"/admin/inquiries/{inquiry.id}", status_code=303)


@dataclass(frozen=True)
class LateInquiry:
    """One line of the 督办清单's late inquiries, in staff's words."""

    inquiry: Inquiry
    place: str
    unit: str
    claimer: str


def late_lines(session: Session, viewer: Viewer, now: datetime) -> list[LateInquiry]:
    rows = late(session, viewer, now)
    places, units = _places(session, rows), _units(session, rows)
    people = actor_names(session, {r.claimed_by for r in rows if r.claimed_by})
    return [LateInquiry(r, places.get(r.id, ""), units.get(r.id, ""), people.get(r.claimed_by or "", "")) for r in rows]


def _units(session: Session, rows: Sequence[Inquiry]) -> dict[int, str]:
    """The name of the unit each inquiry is routed to (none for rows from before routing)."""
    codes = {r.unit_code for r in rows if r.unit_code}
    if not codes:
        return {}
    names = {u.code: u.name for u in session.scalars(select(Unit).where(Unit.code.in_(codes)))}
    return {r.id: names.get(r.unit_code or "", "") for r in rows if r.unit_code}


def _places(session: Session, rows: Sequence[Inquiry]) -> dict[int, str]:
    """Where each inquiry came from, by name (county, town, village); never the village's code."""
    found = places_by_code(session, (r.village_code or "" for r in rows))
    return {r.id: found[r.village_code].full_name for r in rows if r.village_code in found}
