"""修改密码 at first login (/admin/password): an account an administrator made or reset (its password known to
someone else) opens no other page until its owner picks a new one (the gate: handlers/web/gates.py). The
new password meets the password rules (cases/staff/password_policy.py) and differs from the given one; the
argon2 work runs on handlers.web.slow_hash's thread, as the login's does. Audited as first_password."""

from __future__ import annotations

from starlette.responses import RedirectResponse, Response

from cases.staff import accounts
from cases.staff.password_policy import MIN_LENGTH
from handlers.admin.views import StaffCtx
from handlers.web import slow_hash
from storage.models.staff import StaffUser

MAX_PASSWORD = 200


def _field(ctx: StaffCtx, key: str) -> str:
    value = ctx.request.state.form.get(key)
    return value[:MAX_PASSWORD] if isinstance(value, str) else ""


def _account(ctx: StaffCtx) -> StaffUser | None:
    return ctx.session.get(StaffUser, ctx.viewer.user_id)


async def show(ctx: StaffCtx, error: str | None = None, status: int = 200) -> Response:
    user = _account(ctx)
    if user is None or not user.must_change_password:
        return RedirectResponse("/admin/cases", status_code=303)
    return ctx.render("first_password.html", status, error=error, min_length=MIN_LENGTH, first_login=True)


async def save(ctx: StaffCtx) -> Response:
    user = _account(ctx)
    if user is None or not user.must_change_password:
        return RedirectResponse("/admin/cases", status_code=303)
    new, again = _field(ctx, "password"), _field(ctx, "password_again")
    if new != again:
        return await show(ctx, "两次输入的新密码不一样，请重新输入。", 400)
    try:
        accounts.change_own_password(user, new, run=slow_hash.run)
    except accounts.PasswordProblem as exc:
        return await show(ctx, f"{exc}。", 400)
    ctx.audit("first_password")
    return RedirectResponse("/admin/cases", status_code=303)
