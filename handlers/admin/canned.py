"""The 常用语 page (/admin/canned): a county's 纪委监委 keeps the canned replies its staff insert into
public replies and closing results; the city's picks the county. Audited like every change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from starlette.responses import RedirectResponse, Response

from cases.categories import categories
from cases.handling import canned
from handlers.web.params import whole
from storage.models.staff import Unit
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import Admin, StaffCtx


def _county(ctx: StaffCtx) -> str:
    if ctx.viewer.role == "county_discipline":
        return ctx.viewer.county_code or ""
    form = ctx.request.state.form
    chosen = (form.get("county") if form is not None else None) or ctx.request.query_params.get("county") or ""
    return str(chosen).strip()[:6]


class CannedPage:
    def __init__(self, admin: Admin) -> None:
        self.admin = admin

    async def page(self, ctx: StaffCtx, error: str | None = None, status: int = 200) -> Response:
        county = _county(ctx)
        counties = ctx.session.scalars(select(Unit).where(Unit.kind == "county").order_by(Unit.code)).all()
        if not county and counties:
            county = counties[0].code
        return ctx.render(
            "canned.html",
            status,
            rows=canned.of_county(ctx.session, county),
            county=county,
            counties=counties,
            categories=categories(),
            steps=canned.STEPS,
            error=error,
        )

    async def save(self, ctx: StaffCtx) -> Response:
        form = ctx.request.state.form
        county = _county(ctx)
        if ctx.session.get(Unit, county) is None:
            return await self.page(ctx, "请选择县。", 400)
        raw_id = str(form.get("reply_id") or "")
        try:
            row = canned.save(
                ctx.session,
                county_code=county,
                reply_id=whole(raw_id) if raw_id else None,
                category=str(form.get("category") or ""),
                step=str(form.get("step") or ""),
                text=str(form.get("text") or ""),
                active=form.get("active", "on") == "on",
                actor=ctx.viewer.actor,
                now=utcnow(),
            )
        except canned.CannedRefused as exc:
            return await self.page(ctx, str(exc), 400)
        ctx.audit_in(county, "canned_edit", None, step=canned.STEPS[row.step], active=row.active)
        return RedirectResponse(f"/admin/canned?county={county}", status_code=303)
