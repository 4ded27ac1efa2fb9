"""The knowledge base's review and version pages (issue #19 §3), part of KbEditor (kb_edit.py):

- /admin/kb/reviews: a second administrator (never the author) approves a pending version: it goes live
  over the entries directory's entry of the same id and the existing reload bumps the version every
  process polls. The version is shown as the editor's plain Chinese fields and, for an edit of an
  existing entry, what it changes against the entry served now (kb_review_text.py): never YAML or ids.
- /admin/kb/entries/<id>/versions: every version, each with what it changed against the one before; any
  can be restored (which is a new version, reviewed again). Every step is audited.
"""

from __future__ import annotations

from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response

from handlers.admin.kb_entries import may_edit
from handlers.admin.kb_entry_text import people, title_of
from handlers.admin.kb_problems import explain
from handlers.admin.kb_review_text import history_cards, review_cards
from handlers.admin.views import Admin, StaffCtx
from handlers.jobs.kb_live import checked_reload, entries_dir, live_edits
from handlers.web.params import whole
from knowledge.base import KnowledgeBase
from knowledge.check import check
from knowledge.edits import parse_body
from knowledge.loader import TOPICS_FILE
from knowledge.schema import SchemaError
from storage.models.kb import KbEntryVersion
from storage.repos import kb_maintenance
from storage.types import utcnow

MAX_NOTE = 500
STATUS = {"pending": "待审核", "live": "已生效", "retired": "已被新版本替换", "rejected": "已退回"}
UNREVIEWED = "未经审核的新条目"
NOT_OWN = "不能审核自己写的条目，请另一位管理员审核。"


class KbReviews:
    """The review and version pages; KbEditor supplies what is served and how problems are said."""

    admin: Admin

    def knowledge(self, session: Session) -> KnowledgeBase:
        raise NotImplementedError

    def said(self, session: Session, problems: list[str]) -> list[str]:
        raise NotImplementedError

    async def reviews(self, ctx: StaffCtx, problems: list[str] | None = None, status: int = 200) -> Response:
        pending = [v for v in kb_maintenance.pending(ctx.session) if self.in_scope(ctx, v.entry_id)]
        approved = whole(ctx.request.query_params.get("approved"))
        done = ctx.session.get(KbEntryVersion, approved) if approved else None
        return ctx.render(
            "kb_reviews.html",
            status,
            pending=pending,
            cards=review_cards(ctx.session, pending, self.knowledge(ctx.session).entries),
            title_of=title_of,
            people=people(ctx.session, [v.author for v in pending]),
            problems=problems or [],
            submitted=whole(ctx.request.query_params.get("submitted")),
            approved=approved,
            approved_entry=done.entry_id if done is not None and done.status == "live" else None,
        )

    def in_scope(self, ctx: StaffCtx, entry_id: str) -> bool:
        """kb_entries.may_edit for the entry as served, else as last written in the browser: another
        county's or a national entry is not the county account's (a 404, as on the entry list). An id never
        seen is nobody's yet (a new entry: its posted scope is checked)."""
        entry = self.knowledge(ctx.session).entries.get(entry_id)
        for version in kb_maintenance.versions_of(ctx.session, entry_id) if entry is None else ():
            try:
                entry = parse_body(version.body)
                break
            except SchemaError:
                continue
        return entry is None or may_edit(ctx.viewer, entry)

    def reviewed_title(self, ctx: StaffCtx, entry_id: str) -> str:
        """An audit row's title (kept for good): the entry's as served, i.e. reviewed; a title never
        approved may be a villager's own words from a 转人工 hand-over, so it is not stored."""
        served = self.knowledge(ctx.session).entries.get(entry_id)
        return served.title if served is not None else UNREVIEWED

    def version(self, ctx: StaffCtx) -> KbEntryVersion | None:
        return ctx.session.get(KbEntryVersion, whole(ctx.request.path_params.get("version_id")) or 0)

    def reviewable(self, ctx: StaffCtx) -> KbEntryVersion | Response:
        """The pending version the viewer may review, or the page that says why not (404: no such pending
        version; 403: the viewer wrote it)."""
        version = self.version(ctx)
        if version is None or version.status != "pending" or not self.in_scope(ctx, version.entry_id):
            return ctx.render("error.html", 404, message="没有这个待审核的版本。")
        if version.author == ctx.viewer.username:
            return ctx.render("error.html", 403, message=NOT_OWN)
        return version

    async def approve(self, ctx: StaffCtx) -> Response:
        version = self.reviewable(ctx)
        if isinstance(version, Response):
            return version
        try:
            entry = parse_body(version.body)
        except SchemaError as exc:
            return await self.reviews(ctx, self.said(ctx.session, exc.problems), 400)
        directory = entries_dir(self.admin.runtime)
        edits = [e for e in live_edits(ctx.session) if e.id != entry.id] + [entry]
        report = check(directory, TOPICS_FILE, edits=edits)
        if not report.ok:
            titles = {e.id: e.title for e in self.knowledge(ctx.session).entries.values()}
            titles.update({e.id: e.title for e in edits})
            said = [explain(p.path, p.message, titles, directory) for p in report.problems]
            return await self.reviews(ctx, said, 400)
        kb_maintenance.approve(ctx.session, version, reviewer=ctx.viewer.username, now=utcnow())
        result = checked_reload(ctx.session, directory, now=utcnow())
        ctx.audit(
            "kb_entry_approved",
            entry=version.entry_id,
            title=entry.title,
            version=version.id,
            reload_version=result.version,
        )
        return RedirectResponse(f"/admin/kb/reviews?approved={version.id}", status_code=303)

    async def reject(self, ctx: StaffCtx) -> Response:
        version = self.reviewable(ctx)
        if isinstance(version, Response):
            return version
        note = str(ctx.request.state.form.get("note") or "").strip()[:MAX_NOTE]
        kb_maintenance.reject(ctx.session, version, reviewer=ctx.viewer.username, now=utcnow(), note=note)
        title = self.reviewed_title(ctx, version.entry_id)
        ctx.audit("kb_entry_rejected", entry=version.entry_id, title=title, version=version.id)
        return RedirectResponse("/admin/kb/reviews", status_code=303)

    # -- versions -----------------------------------------------------------------------------------

    async def versions(self, ctx: StaffCtx) -> Response:
        entry_id = ctx.request.path_params.get("entry_id", "")[:64]
        if not self.in_scope(ctx, entry_id):
            return ctx.render("error.html", 404, message="没有这个条目。")
        versions = kb_maintenance.versions_of(ctx.session, entry_id)
        entries = self.knowledge(ctx.session).entries
        served = entries.get(entry_id)
        if served is not None:
            title = served.title
        elif versions:
            title = title_of(versions[0].body)
        else:  # neither served nor ever written in the browser: no such entry
            return ctx.render("error.html", 404, message="没有这个条目。")
        return ctx.render(
            "kb_versions.html",
            title=title,
            versions=versions,
            cards=history_cards(ctx.session, versions, entries),
            title_of=title_of,
            people=people(ctx.session, [p for v in versions for p in (v.author, v.reviewer) if p]),
            status_names=STATUS,
        )

    async def restore(self, ctx: StaffCtx) -> Response:
        old = self.version(ctx)
        if old is None or not self.in_scope(ctx, old.entry_id):
            return ctx.render("error.html", 404, message="没有这个版本。")
        version = kb_maintenance.submit(
            ctx.session,
            entry_id=old.entry_id,
            body=old.body,
            author=ctx.viewer.username,
            now=utcnow(),
            note=f"恢复第 {old.id} 号版本",
        )
        ctx.audit(
            "kb_entry_restore_requested",
            entry=old.entry_id,
            title=self.reviewed_title(ctx, old.entry_id),
            version=version.id,
            restored=old.id,
        )
        return RedirectResponse(f"/admin/kb/reviews?submitted={version.id}", status_code=303)
