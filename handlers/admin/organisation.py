"""The administrator's organisation pages: units (name, active) and each county's routing rules (which
unit leads a case of which category, place and keywords). Every change is audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from starlette.responses import RedirectResponse, Response

from cases.categories import by_code, categories
from cases.org import DEPT_NAMES, LEVELS
from handlers.admin.form_fields import field
from handlers.web.params import whole
from storage.models.staff import RoutingRule, Unit
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import StaffCtx

MAX_PRIORITY = 999_999


async def units(ctx: StaffCtx, error: str | None = None, status: int = 200) -> Response:
    county = (ctx.request.query_params.get("county") or "").strip()[:6]
    stmt = select(Unit).order_by(Unit.code)
    if county:
        stmt = stmt.where(or_(Unit.county_code == county, Unit.level == "city"))
    rows = ctx.session.scalars(stmt.limit(500)).all()
    counties = ctx.session.scalars(select(Unit).where(Unit.kind == "county").order_by(Unit.code)).all()
    return ctx.render("units.html", status, units=rows, counties=counties, county=county, error=error)


async def units_post(ctx: StaffCtx) -> Response:
    form = ctx.request.state.form
    code = str(form.get("code") or "").strip()
    unit = ctx.session.get(Unit, code)
    name = str(form.get("name") or "").strip()
    if unit is None:
        return await units(ctx, "没有这个单位。", 400)
    if not name or len(name) > 128:
        return await units(ctx, "单位名称不能为空，且不超过 128 字。", 400)
    unit.name, unit.active = name, form.get("active") == "on"
    ctx.audit("unit_edit", unit=code, name=name, active=unit.active)
    return RedirectResponse(f"/admin/units?county={unit.county_code or ''}", status_code=303)


async def rules(ctx: StaffCtx, error: str | None = None, status: int = 200) -> Response:
    form = ctx.request.state.form
    county = ctx.request.query_params.get("county") or (str(form.get("county_code") or "") if form else "")
    county = county.strip()[:6]
    counties = ctx.session.scalars(select(Unit).where(Unit.kind == "county").order_by(Unit.code)).all()
    if not county and counties:
        county = counties[0].code
    rows = ctx.session.scalars(
        select(RoutingRule)
        .where(RoutingRule.county_code == county)
        .order_by(RoutingRule.is_default, RoutingRule.priority, RoutingRule.id)
    ).all()
    return ctx.render(
        "rules.html", status, rules=rows, counties=counties, county=county, error=error, categories=categories()
    )


async def rules_post(ctx: StaffCtx) -> Response:
    form = ctx.request.state.form

    def get(key: str) -> str:
        return field(form, key)

    county = get("county_code")
    if ctx.session.get(Unit, county) is None:
        return await rules(ctx, "请选择县。", 400)
    rule_id = get("rule_id")
    rule_no = whole(rule_id)
    rule = ctx.session.get(RoutingRule, rule_no) if rule_no is not None else None
    if rule_id and (rule is None or rule.county_code != county):
        return await rules(ctx, "没有这条规则。", 400)
    problems = []
    name, priority = get("name"), whole(get("priority"), low=-MAX_PRIORITY, high=MAX_PRIORITY)
    if not name or len(name) > 128:
        problems.append("规则名称不能为空，且不超过 128 字")
    if priority is None:
        problems.append(f"优先级请填写整数（-{MAX_PRIORITY} 到 {MAX_PRIORITY}）")
    if get("category") and by_code(get("category")) is None:
        problems.append("问题类别无效")
    lead = get("lead_dept")
    if lead not in DEPT_NAMES and lead != "town":
        problems.append("请选择牵头单位")
    co = [c for c in form.getlist("co_depts") if isinstance(c, str)]
    if any(c not in DEPT_NAMES and c != "town" for c in co):
        problems.append("协办单位无效")
    level = get("lead_level") or "county"
    if level not in LEVELS:
        problems.append("层级无效")
    if get("reported_level") not in ("", "village", "town", "county", "unknown"):
        problems.append("反映对象层级无效")
    if problems:
        return await rules(ctx, "；".join(problems) + "。", 400)
    if rule is None:
        rule = RoutingRule(county_code=county, is_default=False, active=True, updated_at=utcnow())
        ctx.session.add(rule)
    assert priority is not None
    rule.name, rule.priority, rule.category = name, priority, get("category") or None
    rule.jurisdiction = get("jurisdiction")[:12] or None
    rule.reported_level = get("reported_level") or None
    rule.keywords = [k.strip() for k in get("keywords").replace("，", ",").split(",") if k.strip()][:30]
    rule.lead_dept, rule.lead_level = lead, "town" if lead == "town" else level
    rule.co_depts, rule.updated_at = co, utcnow()
    rule.active = True if rule.is_default else form.get("active") == "on"
    ctx.session.flush()
    ctx.audit("rule_edit", rule_id=rule.id, county=county, name=name)
    return RedirectResponse(f"/admin/rules?county={county}", status_code=303)
