"""The case page (/admin/cases/{id}) and the reporter's identity behind it (reveal: request, then shown once a
second person approved, cases/handling/reveal.py). Every read is scoped by cases.access (404 outside the
viewer's scope) and audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session
from starlette.responses import HTMLResponse, RedirectResponse, Response

from cases import access, lifecycle
from cases.categories import cadre_level_label
from cases.handling import actions, canned, desk, hardship_contact, joint, rectification, reveal, triage
from cases.identity import SealBroken, unseal
from cases.money.household import from_household_check
from cases.reading import case_view
from handlers.admin import desk_text, location
from handlers.admin.event_labels import ACTION_LABELS
from handlers.admin.media import CaseMedia
from handlers.web.params import whole
from storage.models.cases import Case
from storage.models.desk import RevealRequest
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import Admin, StaffCtx

NOT_FOUND = "没有找到这个案件，或您无权查看。"


def scoped(ctx: StaffCtx) -> Case | None:
    """The case of the path, or None when it is outside the viewer's scope."""
    case_id = whole(ctx.request.path_params.get("case_id"))
    if case_id is None:
        return None
    return access.scoped_case(ctx.session, ctx.viewer, case_id)


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


class CasePage:
    def __init__(self, admin: Admin, media: CaseMedia) -> None:
        self.admin, self.media = admin, media

    async def show(self, ctx: StaffCtx) -> Response:
        case = scoped(ctx)
        if case is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        ctx.audit("view_case", case.id)
        # A hardship applicant's phone, for the units that must call and visit (never a misconduct report's).
        applicant = hardship_contact.read(ctx.session, ctx.viewer, case, self.admin.keys)
        if applicant is not None:
            ctx.audit(hardship_contact.AUDIT_ACTION, case.id)
        return self.render(ctx, case, applicant=applicant)

    def render(
        self,
        ctx: StaffCtx,
        case: Case,
        *,
        error: str | None = None,
        status: int = 200,
        revealed: dict[str, Any] | None = None,
        typed: dict[str, str] | None = None,
        applicant: dict[str, str] | None = None,
    ) -> HTMLResponse:
        s = ctx.session
        view = case_view.read(s, ctx.viewer, case)
        routing, merged_into = view.routing, view.merged_into
        return ctx.render(
            "case.html",
            status,
            case=case,
            routing=routing,
            events=view.events,
            evidence=view.evidence,
            co_units=view.co_units,
            duplicates=view.duplicates,
            units=view.transfer_units,
            error=error,
            typed=typed or {},  # what staff typed into a refused form, shown again so nothing is retyped
            revealed=revealed,
            applicant=applicant,
            hardship=case.category == hardship_contact.HARDSHIP,
            household_check=from_household_check(case.description),
            village=view.village,
            merged_into=merged_into,
            place=view.place,
            voices=self.media.voices(view.evidence),
            location=location.describe(
                case.lat, case.lng, case.location_datum, tile_url=self.admin.runtime.settings.map_tile_url
            ),
            cadre=cadre_level_label(case.cadre_level),
            can_act=access.can_act(ctx.viewer, case),
            can_reveal=access.can_reveal(ctx.viewer),
            reveal_state=reveal_state(s, ctx.viewer, case, utcnow()),
            can_approve=access.can_approve_extension(ctx.viewer, routing),
            now=utcnow(),
            is_open=case.status in lifecycle.OPEN_STATES,
            steps=desk.steps_for(
                actions.read_facts(s, ctx.viewer, case, utcnow(), self.admin.runtime.calendar),
                merged_into=merged_into.number if merged_into else "",
            ),
            opinions=joint.opinions(s, case) if joint.requested(s, case) else [],
            loop_row=rectification.latest(s, case),  # the rectification loop after 不满意, if any
            canned={
                step: canned.for_case(s, county_code=case.county_code, category=case.category, step=step)
                for step in canned.STEPS
            },
            STEP_LABELS=desk.LABELS,
            timeline=desk_text.timeline(s, view.events, ACTION_LABELS),
        )

    async def reveal(self, ctx: StaffCtx) -> Response:
        v = ctx.viewer
        case = scoped(ctx)
        if case is None:
            return ctx.render("error.html", 404, message=NOT_FOUND)
        reason = str(ctx.request.state.form.get("reason") or "").strip()
        if not access.can_reveal(v):
            return self.render(ctx, case, error=f"只有纪委监委可以查看实名{reveal.party(case)}身份。", status=403)
        if case.anonymous or not case.identity_seal:
            return self.render(ctx, case, error=f"匿名{reveal.party(case)[:2]}，身份不可查看。", status=400)
        approval = reveal.approved_for(ctx.session, v, case, utcnow())
        if approval is None:  # no approval yet: this is the request, for a second person to decide
            return self._request_reveal(ctx, case, reason)
        try:
            identity = unseal(case.identity_seal, keys=self.admin.keys)
        except SealBroken:
            return self.render(
                ctx, case, error=f"无法解密{reveal.party(case)}身份（密钥不符），请联系管理员。", status=400
            )
        ctx.audit("reveal_identity", case.id, reason=approval.reason[:500], approved_by=approval.decided_by)
        shown = {"name": identity.get("name") or "（未留姓名）", "phone": identity.get("phone") or "（未留电话）"}
        if identity.get("email"):  # only reports filed by another system (Open311) carry one
            shown["email"] = str(identity["email"])
        return self.render(ctx, case, revealed=shown)

    def _request_reveal(self, ctx: StaffCtx, case: Case, reason: str) -> Response:
        """The reveal endpoint while the viewer holds no approval: file the request."""
        try:
            with ctx.session.begin_nested():
                row = reveal.request(ctx.session, viewer=ctx.viewer, case=case, reason=reason, now=utcnow())
        except triage.ActionRefused as exc:
            ctx.session.refresh(case)
            return self.render(ctx, case, error=str(exc), status=400)
        ctx.audit("reveal_requested", case.id, reason=row.reason[:500])
        response = RedirectResponse(f"/admin/cases/{case.id}", status_code=303)
        message = "已提交查看身份的申请，须由另一位纪委监委工作人员审批后才能查看。"
        desk_text.set_done(response, message, secure=self.admin.secure)
        return response
