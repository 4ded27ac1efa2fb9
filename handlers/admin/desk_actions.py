"""Case actions of the staff desk that live outside the basic action form: asking the reporter a question
through the chat (补充询问), the second person's decision on a request to see a real-name reporter
(cases/handling/reveal.py), 会办 opinions and 退回. Scoped, CSRF-checked and audited like every case action."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.responses import RedirectResponse, Response

from cases import access
from cases.handling import desk_verbs, joint, returns, reveal, triage
from handlers.admin import desk_text
from handlers.admin.case_actions import CaseActions
from handlers.admin.case_page import NOT_FOUND, CasePage, scoped
from storage.models.cases import Case
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import Admin, StaffCtx


class DeskActions:
    def __init__(self, admin: Admin, page: CasePage, actions: CaseActions) -> None:
        self.admin, self.page, self.actions = admin, page, actions

    async def ask(self, ctx: StaffCtx) -> Response:
        assert ctx.viewer is not None
        case = scoped(ctx)
        if case is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        if not access.can_act(ctx.viewer, case):
            return self.page.render(ctx, case, error="您的单位不是此案的办理单位，不能询问群众。", status=403)
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
            return self.page.render(ctx, case, error=str(exc), status=400)
        ctx.audit("case_ask_reporter", case.id)
        return self.actions.after(ctx, case, "ask_reporter", form)

    async def decide_reveal(self, ctx: StaffCtx) -> Response:
        assert ctx.viewer is not None
        case = scoped(ctx)
        if case is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        form = ctx.request.state.form
        approve = form.get("decision") == "approve"
        try:
            with ctx.session.begin_nested():
                row = reveal.decide(
                    ctx.session,
                    viewer=ctx.viewer,
                    case=case,
                    approve=approve,
                    note=str(form.get("note") or ""),
                    now=utcnow(),
                )
        except triage.ActionRefused as exc:
            ctx.session.refresh(case)
            return self.page.render(ctx, case, error=str(exc), status=403)
        ctx.audit("reveal_approved" if approve else "reveal_refused", case.id, reason=row.reason[:500])
        word = "已批准" if approve else "已不批准"
        return self._back(case, f"{word}查看身份的申请；申请人{'可在 24 小时内查看' if approve else '不能查看'}。")

    def _back(self, case: Case, message: str) -> Response:
        response = RedirectResponse(f"/admin/cases/{case.id}", status_code=303)
        desk_text.set_done(response, message, secure=self.admin.secure)
        return response

    async def ask_opinions(self, ctx: StaffCtx) -> Response:
        assert ctx.viewer is not None
        case = scoped(ctx)
        if case is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        if not access.can_act(ctx.viewer, case):
            return self.page.render(ctx, case, error="只有办理单位可以征求会办意见。", status=403)
        try:
            with ctx.session.begin_nested():
                units = joint.ask(ctx.session, case=case, actor=ctx.viewer.actor, now=utcnow())
        except joint.JointRefused as exc:
            ctx.session.refresh(case)
            return self.page.render(ctx, case, error=str(exc), status=400)
        ctx.audit("case_ask_opinions", case.id)
        names = "、".join(u.name for u in units)
        return self._back(case, f"已请{names}提出会办意见；收齐后才能办结。")

    async def give_opinion(self, ctx: StaffCtx) -> Response:
        assert ctx.viewer is not None
        case = scoped(ctx)
        if case is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        text = str(ctx.request.state.form.get("text") or "")
        try:
            with ctx.session.begin_nested():
                joint.give(
                    ctx.session,
                    case=case,
                    unit_code=ctx.viewer.unit_code,
                    text=text,
                    actor=ctx.viewer.actor,
                    now=utcnow(),
                )
        except joint.JointRefused as exc:
            ctx.session.refresh(case)
            return self.page.render(ctx, case, error=str(exc), status=400)
        ctx.audit("case_give_opinion", case.id)
        return self._back(case, f"已提交{ctx.viewer.unit_name}的会办意见，办理单位将看到。")

    async def return_case(self, ctx: StaffCtx) -> Response:
        assert ctx.viewer is not None
        case = scoped(ctx)
        if case is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        reason = str(ctx.request.state.form.get("reason") or "")
        try:
            with ctx.session.begin_nested():
                returns.request(
                    ctx.session,
                    case=case,
                    unit_code=ctx.viewer.unit_code,
                    reason=reason,
                    actor=ctx.viewer.actor,
                    now=utcnow(),
                )
        except triage.ActionRefused as exc:
            ctx.session.refresh(case)
            return self.page.render(ctx, case, error=str(exc), status=400)
        ctx.audit("case_return", case.id)
        return self._back(case, f"案件 {case.number} 已退回，等待纪委监委改派或退回原单位。")

    async def rule_return(self, ctx: StaffCtx) -> Response:
        assert ctx.viewer is not None
        case = scoped(ctx)
        if case is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        if not access.is_supervisor(ctx.viewer):
            return self.page.render(ctx, case, error="只有纪委监委可以处理退回。", status=403)
        form = ctx.request.state.form
        reroute = str(form.get("to_unit") or "") if form.get("decision") == "reroute" else ""
        if form.get("decision") == "reroute" and not reroute:
            return self.page.render(ctx, case, error="改派时请选择接收单位。", status=400)
        try:
            with ctx.session.begin_nested():
                text = returns.rule(
                    ctx.session,
                    case=case,
                    reroute_to=reroute,
                    reason=str(form.get("reason") or ""),
                    actor=ctx.viewer.actor,
                    now=utcnow(),
                )
        except triage.ActionRefused as exc:
            ctx.session.refresh(case)
            return self.page.render(ctx, case, error=str(exc), status=400)
        ctx.audit("case_rule_return", case.id)
        return self._back(case, f"已处理退回：{text}")
