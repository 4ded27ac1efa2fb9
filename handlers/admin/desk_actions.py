"""Case actions of the staff desk that live outside the basic action form: asking the reporter a question
through the chat (补充询问). Scoped, CSRF-checked and audited like every case action (views.Admin.page)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.responses import Response
from starlette.routing import Route

from cases import access, desk_verbs, triage
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import Admin, Ctx

STAFF = ("city", "county_discipline", "department", "town")
NOT_FOUND = "没有找到这个案件，或您无权查看。"


class DeskActions:
    def __init__(self, admin: Admin) -> None:
        self.admin = admin

    async def ask(self, ctx: Ctx) -> Response:
        assert ctx.viewer is not None
        case = self.admin._scoped(ctx)
        if case is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        if not access.can_act(ctx.viewer, case):
            return self.admin._render_case(ctx, case, error="您的单位不是此案的办理单位，不能询问群众。", status=403)
        form = ctx.request.state.form
        question = str(form.get("question") or "")
        try:
            with ctx.session.begin_nested():
                desk_verbs.ask_reporter(
                    ctx.session,
                    case=case,
                    question=question,
                    actor=ctx.viewer.actor,
                    keys=self.admin.keys,
                    now=utcnow(),
                )
        except triage.ActionRefused as exc:
            ctx.session.refresh(case)
            return self.admin._render_case(ctx, case, error=str(exc), status=400)
        ctx.audit("case_ask_reporter", case.id)
        return self.admin._after_action(ctx, case, "ask_reporter", form)

    def routes(self) -> list[Route]:
        page = self.admin.page
        return [Route("/admin/cases/{case_id}/ask", page(self.ask, roles=STAFF), methods=["POST"])]
