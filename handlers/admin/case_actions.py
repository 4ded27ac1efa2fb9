"""The case page's action form (POST /admin/cases/{id}/action): accept, start, assign, transfer, extension
request and decision, note, reply, close, merge, reopen and phone rating, each through cases.handling.triage
(and so lifecycle.transition); refused actions show the case again with the reason. Audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from starlette.datastructures import FormData
from starlette.responses import RedirectResponse, Response

from cases import access, lifecycle
from cases.handling import triage
from handlers.admin import desk_text
from handlers.admin.case_page import NOT_FOUND, CasePage, scoped
from handlers.admin.form_fields import field
from handlers.web.params import whole
from storage.models.cases import Case
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import Admin, Ctx


class CaseActions:
    def __init__(self, admin: Admin, page: CasePage) -> None:
        self.admin, self.page = admin, page

    async def run(self, ctx: Ctx) -> Response:
        v = ctx.viewer
        assert v is not None
        case = scoped(ctx)
        if case is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        form = ctx.request.state.form
        action = str(form.get("action") or "")

        def get(key: str) -> str:
            return field(form, key)

        now, actor, s = utcnow(), v.actor, ctx.session
        routing = triage.routing_of(s, case)
        if action == "decide_extension":
            allowed = access.can_approve_extension(v, routing)
        elif action == "note":
            allowed = True
        else:
            allowed = access.can_act(v, case)
        if not allowed:
            return self.page.render(ctx, case, error="您的单位不是此案的办理单位，不能进行此操作。", status=403)
        try:
            with s.begin_nested():
                if action == "accept":
                    triage.accept(s, case=case, actor=actor, keys=self.admin.keys, now=now)
                elif action == "start":
                    triage.start(s, case=case, actor=actor, now=now)
                elif action == "assign":
                    triage.assign(s, case=case, assignee=get("assignee"), actor=actor, now=now)
                elif action == "transfer":
                    triage.transfer(s, case=case, to_unit=get("to_unit"), reason=get("reason"), actor=actor, now=now)
                elif action == "request_extension":
                    days = whole(get("days"), high=9999)
                    if days is None:
                        raise triage.ActionRefused("延期天数请填写数字。")
                    triage.request_extension(s, case=case, days=days, reason=get("reason"), actor=actor, now=now)
                elif action == "decide_extension":
                    triage.decide_extension(
                        s, case=case, approve=get("decision") == "approve", actor=actor, note=get("note"), now=now
                    )
                elif action == "note":
                    triage.note(s, case=case, text=get("text"), actor=actor, now=now)
                elif action == "reply":
                    triage.reply(s, case=case, text=get("text"), actor=actor, keys=self.admin.keys, now=now)
                elif action == "close":
                    triage.close(
                        s,
                        case=case,
                        finding=get("finding"),
                        resolution=get("resolution"),
                        internal=get("internal"),
                        actor=actor,
                        keys=self.admin.keys,
                        now=now,
                    )
                elif action == "merge":
                    number = get("into")
                    target = s.scalar(select(Case).where(Case.number == number, access.case_scope(v)))
                    if target is None:
                        raise triage.ActionRefused("没有找到要并入的案件编号（须是您能查看的案件）。")
                    triage.merge(s, case=case, into=target, actor=actor, keys=self.admin.keys, now=now)
                elif action == "reopen":
                    triage.reopen(s, case=case, reason=get("reason"), actor=actor, now=now)
                elif action == "phone_rating":
                    triage.phone_rating(
                        s,
                        case=case,
                        rating=whole(get("rating"), high=9) or 0,
                        note_text=get("note"),
                        actor=actor,
                        now=now,
                    )
                else:
                    raise triage.ActionRefused("未知的操作。")
        except (triage.ActionRefused, lifecycle.IllegalTransition) as exc:
            s.refresh(case)
            return self.page.render(ctx, case, error=str(exc), status=400)
        ctx.audit(f"case_{action}", case.id)
        return self.after(ctx, case, action, form)

    def after(self, ctx: Ctx, case: Case, action: str, form: FormData) -> Response:
        """Back to the case with a line saying what happened; to the queue if the case left the scope."""
        assert ctx.viewer is not None
        fields = {k: field(form, k) for k in ("assignee", "days", "decision", "text", "resolution", "into")}
        message = desk_text.done_message(action, case, fields)
        target = f"/admin/cases/{case.id}"
        if access.scoped_case(ctx.session, ctx.viewer, case.id) is None:
            target = "/admin/cases"
            message += "此案已不在您的办理范围内。"
        response = RedirectResponse(target, status_code=303)
        desk_text.set_done(response, message, secure=self.admin.secure)
        return response
