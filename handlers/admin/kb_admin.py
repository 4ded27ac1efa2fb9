"""The knowledge base for the administrator (/admin/kb): the version every process serves, a reload
button (the same checks and version bump as `qingfeng kb reload`), and the drafts made from answered
inquiries, to download, complete and add to the entries directory."""

from __future__ import annotations

from sqlalchemy import select
from starlette.responses import Response

from handlers.admin.kb_problems import explain
from handlers.admin.views import Admin, StaffCtx
from handlers.jobs.kb_live import ReloadResult, checked_reload, entries_dir, live_edits
from knowledge.loader import read_entries
from storage.models.kb import KbDraft
from storage.repos import kb_state
from storage.types import utcnow

SHOWN_PROBLEMS = 30


class KbAdmin:
    def __init__(self, admin: Admin) -> None:
        self.admin = admin

    async def page(self, ctx: StaffCtx, result: ReloadResult | None = None, status: int = 200) -> Response:
        # the problems name the entry's title and its file within the knowledge base, never the server's directory
        problems = _explained(ctx, result) if result is not None else []
        drafts = ctx.session.scalars(select(KbDraft).order_by(KbDraft.id.desc()).limit(200)).all()
        return ctx.render(
            "kb.html",
            status,
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
