"""Case actions of the staff desk that live outside the basic action form: asking the reporter a question
through the chat (补充询问), and the request and second-person approval before a real-name reporter is
shown (cases/handling/reveal.py). Scoped, CSRF-checked and audited like every case action (views.Admin.page)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from cases import access
from cases.handling import desk, desk_verbs, joint, returns, reveal, triage
from handlers.admin import desk_text
from storage.models.cases import Case
from storage.models.desk import RevealRequest
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import Admin, Ctx

STAFF = ("city", "county_discipline", "department", "town")
NOT_FOUND = "没有找到这个案件，或您无权查看。"


@dataclass(frozen=True)
class RevealState:
    """What the case page shows about the identity: a pending request, whether this viewer may decide
    it, and whether this viewer holds an approval now."""

    pending: RevealRequest | None
    requester: str
    can_decide: bool
    approved: bool


def reveal_state(session: Session, viewer: access.Viewer, case: Case, now: datetime) -> RevealState:
    if case.anonymous or not case.identity_seal or not access.can_reveal(viewer):
        return RevealState(None, "", False, False)
    row = reveal.pending(session, case)
    who = ""
    if row is not None:
        actor = f"staff:{row.requested_by}"
        who = desk_text.actor_names(session, [actor])[actor]
    can_decide = row is not None and reveal.may_decide(session, viewer, case, row) is None
    return RevealState(row, who, can_decide, reveal.approved_for(session, viewer, case, now) is not None)


def joint_state(session: Session, viewer: access.Viewer, case: Case) -> desk.Joint:
    units = joint.co_units(session, case)
    if not units:
        return desk.Joint()
    return desk.Joint(
        has_co_units=True,
        asked=joint.requested(session, case),
        viewer_is_co_unit=viewer.unit_code in {u.code for u in units},
        missing=tuple(joint.missing(session, case)),
    )


def returns_state(session: Session, viewer: access.Viewer, case: Case, now: datetime) -> desk.Returns:
    waiting = returns.pending(session, case)
    can_rule = waiting is not None and access.is_supervisor(viewer)  # the county's commission dispatches
    if viewer.unit_code != case.route_unit or case.status not in returns.RECEIVED_STATES:
        return desk.Returns(can_rule=can_rule)
    why = returns.refusal(session, case, unit_code=viewer.unit_code, now=now)
    return desk.Returns(can_return=why is None, why_not=why, can_rule=can_rule)


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

    async def request_reveal(self, ctx: Ctx, case: Case, reason: str) -> Response:
        """Called by the reveal endpoint while the viewer holds no approval: file the request."""
        assert ctx.viewer is not None
        try:
            with ctx.session.begin_nested():
                row = reveal.request(ctx.session, viewer=ctx.viewer, case=case, reason=reason, now=utcnow())
        except triage.ActionRefused as exc:
            ctx.session.refresh(case)
            return self.admin._render_case(ctx, case, error=str(exc), status=400)
        ctx.audit("reveal_requested", case.id, reason=row.reason[:500])
        return self._back(case, "已提交查看身份的申请，须由另一位纪委监委工作人员审批后才能查看。")

    async def decide_reveal(self, ctx: Ctx) -> Response:
        assert ctx.viewer is not None
        case = self.admin._scoped(ctx)
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
            return self.admin._render_case(ctx, case, error=str(exc), status=403)
        ctx.audit("reveal_approved" if approve else "reveal_refused", case.id, reason=row.reason[:500])
        word = "已批准" if approve else "已不批准"
        return self._back(case, f"{word}查看身份的申请；申请人{'可在 24 小时内查看' if approve else '不能查看'}。")

    def _back(self, case: Case, message: str) -> Response:
        response = RedirectResponse(f"/admin/cases/{case.id}", status_code=303)
        desk_text.set_done(response, message, secure=self.admin.secure)
        return response

    async def ask_opinions(self, ctx: Ctx) -> Response:
        assert ctx.viewer is not None
        case = self.admin._scoped(ctx)
        if case is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        if not access.can_act(ctx.viewer, case):
            return self.admin._render_case(ctx, case, error="只有办理单位可以征求会办意见。", status=403)
        try:
            with ctx.session.begin_nested():
                units = joint.ask(ctx.session, case=case, actor=ctx.viewer.actor, now=utcnow())
        except joint.JointRefused as exc:
            ctx.session.refresh(case)
            return self.admin._render_case(ctx, case, error=str(exc), status=400)
        ctx.audit("case_ask_opinions", case.id)
        names = "、".join(u.name for u in units)
        return self._back(case, f"已请{names}提出会办意见；收齐后才能办结。")

    async def give_opinion(self, ctx: Ctx) -> Response:
        assert ctx.viewer is not None
        case = self.admin._scoped(ctx)
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
            return self.admin._render_case(ctx, case, error=str(exc), status=400)
        ctx.audit("case_give_opinion", case.id)
        return self._back(case, f"已提交{ctx.viewer.unit_name}的会办意见，办理单位将看到。")

    async def return_case(self, ctx: Ctx) -> Response:
        assert ctx.viewer is not None
        case = self.admin._scoped(ctx)
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
            return self.admin._render_case(ctx, case, error=str(exc), status=400)
        ctx.audit("case_return", case.id)
        return self._back(case, f"案件 {case.number} 已退回，等待纪委监委改派或退回原单位。")

    async def rule_return(self, ctx: Ctx) -> Response:
        assert ctx.viewer is not None
        case = self.admin._scoped(ctx)
        if case is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        if not access.is_supervisor(ctx.viewer):
            return self.admin._render_case(ctx, case, error="只有纪委监委可以处理退回。", status=403)
        form = ctx.request.state.form
        reroute = str(form.get("to_unit") or "") if form.get("decision") == "reroute" else ""
        if form.get("decision") == "reroute" and not reroute:
            return self.admin._render_case(ctx, case, error="改派时请选择接收单位。", status=400)
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
            return self.admin._render_case(ctx, case, error=str(exc), status=400)
        ctx.audit("case_rule_return", case.id)
        return self._back(case, f"已处理退回：{text}")

    def routes(self) -> list[Route]:
        page = self.admin.page
        return [
            Route("/admin/cases/{case_id}/return", page(self.return_case, roles=STAFF), methods=["POST"]),
            Route("/admin/cases/{case_id}/return/rule", page(self.rule_return, roles=STAFF), methods=["POST"]),
            Route("/admin/cases/{case_id}/opinions/ask", page(self.ask_opinions, roles=STAFF), methods=["POST"]),
            Route("/admin/cases/{case_id}/opinion", page(self.give_opinion, roles=STAFF), methods=["POST"]),
            Route("/admin/cases/{case_id}/ask", page(self.ask, roles=STAFF), methods=["POST"]),
            Route("/admin/cases/{case_id}/reveal/decide", page(self.decide_reveal, roles=STAFF), methods=["POST"]),
        ]
