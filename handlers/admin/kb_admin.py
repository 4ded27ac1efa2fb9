"""The knowledge base for the administrator (/admin/kb): the version every process serves, a reload
button (the same checks and version bump as `qingfeng kb reload`), the entries to edit (kb_entries.py),
and the answered inquiries staff handed over, each opened as a filled-in new entry (kb_from_inquiry.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import Response

from cases.access import Viewer
from handlers.admin.desk_text import actor_names
from handlers.admin.kb_entries import county_names, entry_page
from handlers.admin.kb_problems import explain
from handlers.admin.views import Admin, StaffCtx
from handlers.jobs.kb_live import ReloadResult, checked_reload, entries_dir, live_edits
from handlers.web.params import whole
from knowledge.loader import merged, read_entries
from knowledge.schema import Entry
from storage.models.inquiries import Inquiry
from storage.models.kb import KbDraft
from storage.models.places import County
from storage.repos import kb_maintenance, kb_state
from storage.types import utcnow

SHOWN_PROBLEMS = 30
DRAFT_STATUS = {"drafted": "待写成条目", "written": "已写成条目，已提交审核"}
TITLE_CHARS = 40  # as the draft's own title (knowledge/inquiry_drafts.py)


@dataclass(frozen=True)
class DraftRow:
    """One draft as staff read it: the villager's question as its title, the county by name and the
    person who made it by name and unit (never the entry id, the county code or a login name)."""

    id: int
    title: str
    county: str
    status: str
    creator: str
    created_at: datetime


class KbAdmin:
    def __init__(self, admin: Admin) -> None:
        self.admin = admin
        self._entries: tuple[tuple[int, tuple[int, ...]], list[Entry]] | None = None

    def entries(self, session: Session) -> list[Entry]:
        """The entries as served (the directory's, with the live browser versions in their place), read
        again only when a reload or an approval moves them; the search index is not built for a list."""
        live = kb_maintenance.live(session)
        key = (kb_state.get_version(session), tuple(v.id for v in live))
        if self._entries is None or self._entries[0] != key:
            loaded, _ = read_entries(entries_dir(self.admin.runtime))
            self._entries = (key, [item.entry for item in merged(loaded, live_edits(session))])
        return self._entries[1]

    async def page(self, ctx: StaffCtx, result: ReloadResult | None = None, status: int = 200) -> Response:
        # the problems name the entry's title and its file within the knowledge base, never the server's directory
        problems = _explained(ctx, result) if result is not None else []
        drafts = draft_rows(ctx.session, ctx.viewer)
        entries = self.entries(ctx.session)
        params = ctx.request.query_params
        listing = entry_page(
            entries, ctx.viewer, county_names(ctx.session), params.get("q", ""), whole(params.get("page")) or 1
        )
        return ctx.render(
            "kb.html",
            status,
            listing=listing,
            version=kb_state.get_version(ctx.session),
            poll=self.admin.runtime.settings.kb_poll_s,
            drafts=drafts,
            result=result,
            problems=problems,
            shown=SHOWN_PROBLEMS,
        )

    async def reload(self, ctx: StaffCtx) -> Response:
        result = checked_reload(ctx.session, entries_dir(self.admin.runtime), now=utcnow())
        ctx.audit(
            "kb_reload", ok=result.ok, version=result.version, entries=result.entries, problems=len(result.problems)
        )
        return await self.page(ctx, result, 200 if result.ok else 400)


def _explained(ctx: StaffCtx, result: ReloadResult) -> list[str]:
    """The refused reload's problems in plain Chinese, each entry named by its title (id -> title from the
    files that could be read and the browser's approved versions)."""
    loaded, _ = read_entries(result.directory)
    titles = {item.entry.id: item.entry.title for item in loaded}
    titles.update({e.id: e.title for e in live_edits(ctx.session)})
    return [explain(p.path, p.message, titles, result.directory) for p in result.found]


def draft_rows(session: Session, viewer: Viewer, limit: int = 200) -> list[DraftRow]:
    """The hand-overs the viewer may see (villagers' questions): a county's account only its county's, as
    kb_from_inquiry.scoped_draft; the city's every one."""
    query = select(KbDraft, Inquiry.question).outerjoin(Inquiry, Inquiry.id == KbDraft.inquiry_id)
    if viewer.county_code is not None:
        query = query.where(KbDraft.county_code == viewer.county_code[:6])
    found: Sequence[tuple[KbDraft, str | None]] = (
        session.execute(query.order_by(KbDraft.id.desc()).limit(limit)).tuples().all()
    )
    codes = {d.county_code for d, _ in found}
    counties: dict[str, str] = {}
    if codes:
        for county in session.scalars(select(County)):
            if county.code[:6] in codes:
                counties.setdefault(county.code[:6], county.name)
    people = actor_names(session, {f"staff:{d.created_by}" for d, _ in found})
    return [
        DraftRow(
            id=d.id,
            title=_title(question),
            county=counties.get(d.county_code, "（县名未知）"),
            status=DRAFT_STATUS.get(d.status, "待写成条目"),
            creator=people.get(f"staff:{d.created_by}", "工作人员"),
            created_at=d.created_at,
        )
        for d, question in found
    ]


def _title(question: str | None) -> str:
    text = " ".join((question or "").split())
    if not text:
        return "（没有问题原文）"
    return text if len(text) <= TITLE_CHARS else text[:TITLE_CHARS] + "…"
