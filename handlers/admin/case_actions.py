"""The case page's action form (POST /admin/cases/{id}/action): every action of the table in
cases/handling/actions.py (accept, start, assign, transfer, extension request and decision, note, reply,
close, merge, reopen, phone rating, …), looked up, checked and run there; refused actions show the case
again with the reason. Audited."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from starlette.datastructures import FormData
from starlette.responses import RedirectResponse, Response

from cases import access
from cases.handling import actions
from handlers.admin import desk_text
from handlers.admin.case_page import NOT_FOUND, CasePage, scoped
from handlers.admin.form_fields import field
from storage.models.cases import Case
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import Admin, StaffCtx

# The desk's other verbs have forms and addresses of their own (handlers/admin/desk_actions.py).
OWN_FORMS = frozenset(
    {"ask_reporter", "ask_opinions", "give_opinion", "withdraw_opinion", "return_case", "rule_return"}
)
FORM_ACTIONS = frozenset(actions.TABLE) - OWN_FORMS


class CaseActions:
    def __init__(self, admin: Admin, page: CasePage) -> None:
        self.admin, self.page = admin, page

    async def run(self, ctx: StaffCtx) -> Response:
        name = field(ctx.request.state.form, "action")
        return self.do(ctx, name if name in FORM_ACTIONS else "", f"case_{name}")

    def do(self, ctx: StaffCtx, name: str, audit: str, line: Callable[[Case, str], str] | None = None) -> Response:
        """Look the action up, check it, run it, audit it: the one way a page runs an action of the table.
        `line` words what it did (from the case and what the run reported), else desk_text.done_message."""
        case = scoped(ctx)
        if case is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        form = ctx.request.state.form
        step = actions.Step(ctx.session, case, ctx.viewer, self.admin.keys, utcnow(), self.admin.runtime.calendar)
        try:
            with ctx.session.begin_nested():
                done = actions.perform(name, step, {key: field(form, key) for key in form})
        except actions.ActionRefused as exc:
            ctx.session.refresh(case)
            status = 403 if isinstance(exc, actions.NotYours) else 400
            typed = {key: field(form, key) for key in form if key != "csrf"} | {"action": name}
            return self.page.render(ctx, case, error=str(exc), status=status, typed=typed)
        ctx.audit(audit, case.id)
        return self.after(ctx, case, name, form) if line is None else self.back(case, line(case, done.said))

    def back(self, case: Case, message: str) -> Response:
        """Back to the case page with a line saying what happened."""
        response = RedirectResponse(f"/admin/cases/{case.id}", status_code=303)
        desk_text.set_done(response, message, secure=self.admin.secure)
        return response

    def after(self, ctx: StaffCtx, case: Case, action: str, form: FormData) -> Response:
        """Back to the case with a line saying what happened; to the queue if the case left the scope."""
        fields = {k: field(form, k) for k in ("assignee", "days", "decision", "text", "resolution", "into")}
        message = desk_text.done_message(action, case, fields)
        target = f"/admin/cases/{case.id}"
        if access.scoped_case(ctx.session, ctx.viewer, case.id) is None:
            target = "/admin/cases"
            message += "此案已不在您的办理范围内。"
        response = RedirectResponse(target, status_code=303)
        desk_text.set_done(response, message, secure=self.admin.secure)
        return response
