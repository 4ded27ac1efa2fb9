"""Case actions of the staff desk that have forms and addresses of their own: asking the reporter a question
through the chat (补充询问), 会办 opinions and 退回, each an action of the table (cases/handling/actions.py) run
through CaseActions.do; and the second person's decision on a request to see a real-name reporter
(cases/handling/reveal.py). Scoped, CSRF-checked and audited like every case action."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.responses import Response

from cases.handling import reveal, triage
from handlers.admin.case_actions import CaseActions
from handlers.admin.case_page import NOT_FOUND, CasePage, scoped
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import Admin, StaffCtx


class DeskActions:
    def __init__(self, admin: Admin, page: CasePage, actions: CaseActions) -> None:
        self.admin, self.page, self.actions = admin, page, actions

    async def ask(self, ctx: StaffCtx) -> Response:
        return self.actions.do(ctx, "ask_reporter", "case_ask_reporter")

    async def decide_reveal(self, ctx: StaffCtx) -> Response:
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
        return self.actions.back(
            case, f"{word}查看身份的申请；申请人{'可在 24 小时内查看' if approve else '不能查看'}。"
        )

    async def ask_opinions(self, ctx: StaffCtx) -> Response:
        return self.actions.do(
            ctx, "ask_opinions", "case_ask_opinions", lambda _case, names: f"已请{names}提出会办意见；收齐后才能办结。"
        )

    async def give_opinion(self, ctx: StaffCtx) -> Response:
        said = f"已提交{ctx.viewer.unit_name}的会办意见，办理单位将看到。"
        return self.actions.do(ctx, "give_opinion", "case_give_opinion", lambda _case, _said: said)

    async def withdraw_opinion(self, ctx: StaffCtx) -> Response:
        return self.actions.do(
            ctx,
            "withdraw_opinion",
            "case_withdraw_opinion",
            lambda _case, name: f"已撤回对{name}的会办请求；办结不再等待该单位的意见。",
        )

    async def return_case(self, ctx: StaffCtx) -> Response:
        return self.actions.do(
            ctx,
            "return_case",
            "case_return",
            lambda case, _said: f"案件 {case.number} 已退回，等待纪委监委改派或退回原单位。",
        )

    async def rule_return(self, ctx: StaffCtx) -> Response:
        return self.actions.do(ctx, "rule_return", "case_rule_return", lambda _case, text: f"已处理退回：{text}")
