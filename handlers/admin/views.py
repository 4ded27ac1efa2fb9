"""Routes of the admin pages. Every case read goes through cases.access.case_scope (404 outside the
viewer's scope); every POST carries a CSRF token; every case view and action is audited."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, overload

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route, Router

from cases import access, lifecycle
from cases.categories import by_code, categories
from cases.handling import case_steps, desk_verbs, triage
from cases.identity import IdentityKeys
from cases.org import DEPT_NAMES, KINDS, LEVELS
from cases.reading import queue
from cases.timeutil import chinese_time
from config.settings import get_settings
from handlers.admin import canned as canned_page
from handlers.admin import desk_actions, desk_text, media, reports
from handlers.admin.case_actions import CaseActions
from handlers.admin.case_page import CasePage
from handlers.admin.event_labels import ACTION_LABELS
from handlers.admin.form_fields import field, places
from handlers.admin.ops_alert import delivery_alert
from handlers.runtime import Runtime
from handlers.web import staff_auth
from handlers.web.db_errors import deadlock_victim
from handlers.web.gates import LoginGate, StaffGate
from handlers.web.page_kernel import Endpoint, FormRules, PageCtx, PageFn, PageKernel, Wording
from handlers.web.params import whole
from storage.models.cases import Case
from storage.models.staff import AuditEntry, CaseRouting, RoutingRule, StaffNotice, StaffUser, Unit
from storage.types import utcnow
from wechat.failure_text import explain

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
PAGE = 50
MAX_PRIORITY = 999_999
LOGIN_COOKIE = "qf_login"

_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
_env.filters["t"] = lambda v: chinese_time(v) if isinstance(v, datetime) else ""
_env.globals.update(
    STATUS=lifecycle.LABELS,
    ROLE_LABELS=access.ROLE_LABELS,
    ACTION_LABELS=ACTION_LABELS,
    FINDINGS=case_steps.FINDINGS,
    RATINGS=case_steps.RATINGS,
    DEPTS=DEPT_NAMES,
    KINDS=KINDS,
    LEVELS=LEVELS,
)


def _category_label(code: str) -> str:
    cat = by_code(code)
    return cat.label if cat else code


_env.filters["category"] = _category_label
_env.filters["why_failed"] = explain


@dataclass
class AdminCtx(PageCtx):
    """What an admin page receives (handlers/web/page_kernel.py). Only the login pages get this one, whose
    viewer may be None; every other page gets a StaffCtx."""

    viewer: access.Viewer | None

    def render(self, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        notices = 0
        if self.viewer is not None:
            notices = int(
                self.session.scalar(
                    select(func.count())
                    .select_from(StaffNotice)
                    .where(StaffNotice.user_id == self.viewer.user_id, StaffNotice.read_at.is_(None))
                )
                or 0
            )
        ops_alert = ""
        if self.viewer is not None and self.viewer.role == "admin":
            ops_alert = delivery_alert(self.session, after_minutes=get_settings().outbox_alert_minutes)
        done = desk_text.read_done(self.request)
        html = _env.get_template(name).render(
            viewer=self.viewer, csrf=self.csrf, unread=notices, ops_alert=ops_alert, action_done=done, **values
        )
        response = HTMLResponse(html, status_code=status, headers=_NO_STORE)
        if done:  # shown once
            desk_text.clear_done(response)
        return response


@dataclass
class StaffCtx(AdminCtx):
    """What a page behind the staff gate receives: a signed-in viewer, never None."""

    viewer: access.Viewer

    def audit(self, action: str, case_id: int | None = None, **detail: Any) -> None:
        """An audit row in the case's county (else the viewer's), so that county's supervisors see it."""
        county = self.viewer.county_code
        if case_id is not None:
            case = self.session.get(Case, case_id)
            county = case.county_code if case is not None else county
        self.audit_in(county, action, case_id, **detail)

    def audit_in(self, county: str | None, action: str, case_id: int | None = None, /, **detail: Any) -> None:
        """An audit row read by `county`'s discipline commission and the city's (None: the city's only)."""
        self.session.add(
            AuditEntry(
                at=utcnow(),
                username=self.viewer.username,
                action=action,
                case_id=case_id,
                detail=detail,
                county_code=county,
            )
        )


Ctx = StaffCtx  # the name the page files use
_NO_STORE = {"Cache-Control": "no-store"}  # the security headers: handlers/web/security_headers.py
ADMIN_MAX_BODY = 1024 * 1024  # staff forms are a few fields; no admin page takes uploads
_WORDING = Wording(
    too_big="提交的内容太大。",
    too_big_read="提交的内容太大。",
    bad_form="提交的内容格式不正确，请返回上一页刷新后重试。",
    db_down="数据库暂时不可用，请稍后重试。",
    unexpected="系统出现问题，已记录，请稍后重试或联系管理员。",
    nul="提交的内容中有无法识别的字符，请删掉后重试。",
)


class _StaffGate(StaffGate[StaffCtx]):
    def context(
        self, request: Request, session: Session, form: FormData | None, viewer: access.Viewer, csrf: str
    ) -> StaffCtx:
        return StaffCtx(request, session, csrf, form, viewer)

    def refuse(self, ctx: StaffCtx, message: str) -> Response:
        return ctx.render("error.html", 403, message=message)


class _LoginGate(LoginGate[AdminCtx]):
    def context(
        self, request: Request, session: Session, form: FormData | None, viewer: access.Viewer | None, csrf: str
    ) -> AdminCtx:
        return AdminCtx(request, session, csrf, form, viewer)


class Admin:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        s = runtime.settings
        self.secret = s.secret_key
        self.secure = s.cookie_secure
        self.keys = IdentityKeys(s.identity_key, s.identity_key_previous)
        self.media = media.CaseMedia(self)
        # Only a transaction PostgreSQL aborted to break a deadlock is run again (handlers/web/db_errors.py).
        self.kernel = PageKernel(
            runtime.sessions,
            edge="admin",
            wording=_WORDING,
            error_page=_plain_error,
            form=FormRules(max_body=ADMIN_MAX_BODY),
            retry=deadlock_victim,
        )

    # -- plumbing ---------------------------------------------------------------------------------

    @overload
    def page(self, fn: PageFn[StaffCtx], *, roles: Collection[str] | None = None) -> Endpoint: ...

    @overload
    def page(self, fn: PageFn[AdminCtx], *, public: Literal[True]) -> Endpoint: ...

    def page(self, fn: Any, *, roles: Collection[str] | None = None, public: bool = False) -> Endpoint:
        """The endpoint of an admin page: signed-in staff (of `roles`, when given), or anyone (`public`)."""
        if public:
            return self.kernel.page(fn, _LoginGate(self.secret))
        return self.kernel.page(fn, _StaffGate(self.secret, roles=roles))

    # -- login --------------------------------------------------------------------------------------

    async def login_form(self, ctx: AdminCtx, error: str | None = None, status: int = 200) -> Response:
        cookie = ctx.request.cookies.get(LOGIN_COOKIE)
        nonce = cookie if cookie and staff_auth.plain_nonce(cookie) else secrets.token_urlsafe(16)
        resp = ctx.render("login.html", status, error=error, login_csrf=staff_auth.login_csrf(self.secret, nonce))
        resp.set_cookie(LOGIN_COOKIE, nonce, httponly=True, samesite="strict", secure=self.secure, path="/admin")
        return resp

    async def login_get(self, ctx: AdminCtx) -> Response:
        if ctx.viewer is not None:
            return RedirectResponse("/admin/cases", status_code=303)
        return await self.login_form(ctx)

    async def login_post(self, ctx: AdminCtx) -> Response:
        form = ctx.request.state.form
        nonce = ctx.request.cookies.get(LOGIN_COOKIE) or ""
        token = str(form.get("csrf") or "")
        expected = staff_auth.login_csrf(self.secret, nonce) if staff_auth.plain_nonce(nonce) else ""
        if not expected or not staff_auth.same_token(token, expected):
            return await self.login_form(ctx, "安全校验失败（CSRF），请重新登录。", 403)
        s = self.runtime.settings
        try:
            staff_auth.throttle_login(
                self.runtime.sessions,
                self.secret,
                ip=ctx.request.client.host if ctx.request.client else "unknown",
                username=str(form.get("username") or ""),
                per_ip=s.login_attempts_per_ip,
                per_account=s.login_attempts_per_account,
                now=utcnow(),
            )
        except staff_auth.LoginThrottled as exc:
            wait = f"请在 {chinese_time(exc.retry_at)} 以后再试"
            return await self.login_form(ctx, f"登录尝试太频繁，{wait}。", 429)
        result = staff_auth.authenticate(
            self.runtime.sessions,
            username=str(form.get("username") or ""),
            password=str(form.get("password") or ""),
            now=utcnow(),
        )
        if result.user is None:
            ctx.session.add(_login_audit(ctx.session, "login_failed", str(form.get("username") or "")))
            return await self.login_form(ctx, result.error, 400)
        ctx.session.add(_login_audit(ctx.session, "login", result.user.username))
        resp = RedirectResponse("/admin/cases", status_code=303)
        resp.set_cookie(
            staff_auth.COOKIE,
            staff_auth.start_session(ctx.session, self.secret, user=result.user, now=utcnow()),
            httponly=True,
            samesite="strict",
            secure=self.secure,
            path="/admin",
            max_age=staff_auth.SESSION_MAX_AGE_S,
        )
        resp.delete_cookie(LOGIN_COOKIE, path="/admin")
        return resp

    async def logout(self, ctx: Ctx) -> Response:
        sess = staff_auth.read_cookie(self.secret, ctx.request.cookies.get(staff_auth.COOKIE))
        if sess is not None:
            staff_auth.end_session(ctx.session, sess)  # a copy of the cookie is worthless from now on
        resp = RedirectResponse("/admin/login", status_code=303)
        resp.delete_cookie(staff_auth.COOKIE, path="/admin")
        return resp

    # -- queue --------------------------------------------------------------------------------------

    async def queue(self, ctx: Ctx) -> Response:
        v = ctx.viewer
        assert v is not None
        if v.role == "admin":
            return RedirectResponse("/admin/units", status_code=303)
        filters = queue.parse(ctx.request.query_params)
        now = utcnow()
        rows = ctx.session.scalars(queue.page_statement(v, filters, now=now, limit=PAGE + 1)).all()
        more = queue.cursor_of(filters, rows[PAGE - 1]) if len(rows) > PAGE else None
        notices = ctx.session.scalars(
            select(StaffNotice)
            .where(StaffNotice.user_id == v.user_id, StaffNotice.read_at.is_(None))
            .order_by(StaffNotice.id.desc())
            .limit(20)
        ).all()
        ctx.audit("view_queue", filters=filters.params())
        return ctx.render(
            "queue.html",
            cases=rows[:PAGE],
            filters=filters,
            more=more,
            categories=categories(),
            notices=notices,
            places=places(ctx.session, rows),
            now=now,
            options=reports.filter_options(ctx.session, v, filters),
            sorts=queue.SORTS,
            bulk_units=reports.transfer_targets(ctx.session, v),
            bulk=ctx.request.query_params.get("bulk", "")[:200],
        )

    # -- lists --------------------------------------------------------------------------------------

    async def supervision(self, ctx: Ctx) -> Response:
        v = ctx.viewer
        assert v is not None
        now = utcnow()
        open_states = sorted(lifecycle.OPEN_STATES)
        base = select(Case).where(access.case_scope(v), Case.status.in_(open_states))
        overdue = ctx.session.scalars(
            base.join(CaseRouting, CaseRouting.case_id == Case.id)
            .where(CaseRouting.overdue_at.is_not(None))
            .order_by(Case.resolve_due)
            .limit(200)
        ).all()
        soon = ctx.session.scalars(
            base.where(Case.resolve_due >= now, Case.resolve_due < now + triage.DUE_SOON)
            .order_by(Case.resolve_due)
            .limit(200)
        ).all()
        pending_ext = ctx.session.scalars(
            base.join(CaseRouting, CaseRouting.case_id == Case.id)
            .where(CaseRouting.extension_days.is_not(None))
            .limit(200)
        ).all()
        reopened = ctx.session.scalars(
            base.where(Case.status == lifecycle.REOPENED).order_by(Case.resolve_due).limit(200)
        ).all()
        redo = desk_verbs.dissatisfied(ctx.session, list(reopened))
        ctx.audit("view_supervision")
        return ctx.render(
            "supervision.html",
            redo=redo,
            overdue=overdue,
            soon=soon,
            pending_ext=pending_ext,
            places=places(ctx.session, [*overdue, *soon, *pending_ext, *reopened]),
            now=now,
        )

    async def notices_read(self, ctx: Ctx) -> Response:
        assert ctx.viewer is not None
        for n in ctx.session.scalars(
            select(StaffNotice).where(StaffNotice.user_id == ctx.viewer.user_id, StaffNotice.read_at.is_(None))
        ):
            n.read_at = utcnow()
        return RedirectResponse("/admin/cases", status_code=303)

    async def audit_log(self, ctx: Ctx) -> Response:
        assert ctx.viewer is not None
        rows = ctx.session.scalars(
            select(AuditEntry).where(access.audit_scope(ctx.viewer)).order_by(AuditEntry.id.desc()).limit(300)
        ).all()
        return ctx.render("audit.html", rows=desk_text.audit_rows(ctx.session, rows))

    # -- administration -----------------------------------------------------------------------------

    async def units(self, ctx: Ctx, error: str | None = None, status: int = 200) -> Response:
        county = (ctx.request.query_params.get("county") or "").strip()[:6]
        stmt = select(Unit).order_by(Unit.code)
        if county:
            stmt = stmt.where(or_(Unit.county_code == county, Unit.level == "city"))
        rows = ctx.session.scalars(stmt.limit(500)).all()
        counties = ctx.session.scalars(select(Unit).where(Unit.kind == "county").order_by(Unit.code)).all()
        return ctx.render("units.html", status, units=rows, counties=counties, county=county, error=error)

    async def units_post(self, ctx: Ctx) -> Response:
        form = ctx.request.state.form
        code = str(form.get("code") or "").strip()
        unit = ctx.session.get(Unit, code)
        name = str(form.get("name") or "").strip()
        if unit is None:
            return await self.units(ctx, "没有这个单位。", 400)
        if not name or len(name) > 128:
            return await self.units(ctx, "单位名称不能为空，且不超过 128 字。", 400)
        unit.name, unit.active = name, form.get("active") == "on"
        ctx.audit("unit_edit", unit=code, name=name, active=unit.active)
        return RedirectResponse(f"/admin/units?county={unit.county_code or ''}", status_code=303)

    async def rules(self, ctx: Ctx, error: str | None = None, status: int = 200) -> Response:
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

    async def rules_post(self, ctx: Ctx) -> Response:
        form = ctx.request.state.form

        def get(key: str) -> str:
            return field(form, key)

        county = get("county_code")
        if ctx.session.get(Unit, county) is None:
            return await self.rules(ctx, "请选择县。", 400)
        rule_id = get("rule_id")
        rule_no = whole(rule_id)
        rule = ctx.session.get(RoutingRule, rule_no) if rule_no is not None else None
        if rule_id and (rule is None or rule.county_code != county):
            return await self.rules(ctx, "没有这条规则。", 400)
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
        if any(c not in DEPT_NAMES for c in co):
            problems.append("协办单位无效")
        level = get("lead_level") or "county"
        if level not in LEVELS:
            problems.append("层级无效")
        if get("reported_level") not in ("", "village", "town", "county", "unknown"):
            problems.append("反映对象层级无效")
        if problems:
            return await self.rules(ctx, "；".join(problems) + "。", 400)
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

    def router(self) -> Router:
        supervisors = ("city", "county_discipline")
        staff = ("city", "county_discipline", "department", "town")
        case = CasePage(self)
        actions = CaseActions(self, case)
        return Router(
            routes=[
                Route("/admin", lambda r: RedirectResponse("/admin/cases", status_code=303)),
                Route("/admin/static/admin.css", _css),
                Route("/admin/static/admin.js", _js),
                Route("/admin/login", self.page(self.login_get, public=True), methods=["GET"]),
                Route("/admin/login", self.page(self.login_post, public=True), methods=["POST"]),
                Route("/admin/logout", self.page(self.logout), methods=["POST"]),
                Route("/admin/cases", self.page(self.queue), methods=["GET"]),
                Route("/admin/cases/{case_id}", self.page(case.show, roles=staff), methods=["GET"]),
                Route("/admin/cases/{case_id}/action", self.page(actions.run, roles=staff), methods=["POST"]),
                Route("/admin/cases/{case_id}/reveal", self.page(case.reveal, roles=staff), methods=["POST"]),
                Route("/admin/supervision", self.page(self.supervision, roles=supervisors), methods=["GET"]),
                Route("/admin/notices/read", self.page(self.notices_read), methods=["POST"]),
                Route("/admin/audit", self.page(self.audit_log, roles=supervisors), methods=["GET"]),
                Route("/admin/units", self.page(self.units, roles=("admin",)), methods=["GET"]),
                Route("/admin/units", self.page(self.units_post, roles=("admin",)), methods=["POST"]),
                Route("/admin/rules", self.page(self.rules, roles=("admin",)), methods=["GET"]),
                Route("/admin/rules", self.page(self.rules_post, roles=("admin",)), methods=["POST"]),
                *reports.Reports(self).routes(),
                *desk_actions.DeskActions(self, case, actions).routes(),
                *canned_page.CannedPage(self).routes(),
                *self.media.routes(),
            ]
        )


def _login_audit(session: Session, action: str, typed: str) -> AuditEntry:
    """A login row names the account the typed name belongs to, never the typed text itself (people type
    passwords into the username box); the account's county's supervisors see it, the city's all."""
    user = session.scalar(select(StaffUser).where(StaffUser.username == typed.strip()[:64]))
    unit = session.get(Unit, user.unit_code) if user is not None else None
    return AuditEntry(
        at=utcnow(),
        username=user.username if user is not None else "",
        action=action,
        detail={},
        county_code=unit.county_code if unit is not None else None,
    )


_CSS = (HERE / "static" / "admin.css").read_bytes()


async def _css(_request: Request) -> Response:
    return Response(_CSS, media_type="text/css", headers={"Cache-Control": "max-age=3600"})


_JS = (HERE / "static" / "admin.js").read_bytes()


async def _js(_request: Request) -> Response:
    return Response(_JS, media_type="text/javascript", headers={"Cache-Control": "max-age=3600"})


def _plain_error(message: str, status: int) -> HTMLResponse:
    html = _env.get_template("error.html").render(viewer=None, csrf="", unread=0, message=message)
    return HTMLResponse(html, status_code=status, headers=_NO_STORE)


def install_admin(app: Any, runtime: Runtime) -> None:
    """Add the /admin routes to the FastAPI app."""
    app.router.routes.extend(Admin(runtime).router().routes)
