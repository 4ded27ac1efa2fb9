"""Signing in and out of the admin pages (/admin/login, /admin/logout): a login CSRF token bound to a
nonce cookie, throttling per address and per account and server-side sessions (handlers.web.staff_auth),
argon2 passwords with a lockout (cases.staff.accounts, its hashing on handlers.web.slow_hash's thread).
Every attempt is audited under the account it names, never the typed text."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response

from cases.staff import accounts
from cases.timeutil import chinese_time
from handlers.admin.views import FIRST_LOGIN_PAGE
from handlers.web import slow_hash, staff_auth
from storage.models.staff import AuditEntry, StaffUser, Unit
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import Admin, AdminCtx, StaffCtx

LOGIN_COOKIE = "qf_login"


class LoginPages:
    def __init__(self, admin: Admin) -> None:
        self.admin = admin
        self.secret, self.secure, self.runtime = admin.secret, admin.secure, admin.runtime

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
            taken = staff_auth.throttle_login(
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
        result = accounts.authenticate(
            self.runtime.sessions,
            username=str(form.get("username") or ""),
            password=str(form.get("password") or ""),
            now=utcnow(),
            run=slow_hash.run,
        )
        if result.user is None:
            ctx.session.add(_login_audit(ctx.session, "login_failed", str(form.get("username") or "")))
            return await self.login_form(ctx, result.error, 400)
        ctx.session.add(_login_audit(ctx.session, "login", result.user.username))
        staff_auth.forgive_login(ctx.session, taken)
        first = FIRST_LOGIN_PAGE if result.user.must_change_password else "/admin/cases"
        resp = RedirectResponse(first, status_code=303)
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

    async def logout(self, ctx: StaffCtx) -> Response:
        sess = staff_auth.read_cookie(self.secret, ctx.request.cookies.get(staff_auth.COOKIE))
        if sess is not None:
            staff_auth.end_session(ctx.session, sess)  # a copy of the cookie is worthless from now on
        resp = RedirectResponse("/admin/login", status_code=303)
        resp.delete_cookie(staff_auth.COOKIE, path="/admin")
        return resp


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
