"""修改密码 from 我的账号 (/admin/me/password), for every role: the current password is required (argon2 on
handlers.web.slow_hash's thread, as the login's) and each try counts on the login's guess counters
(handlers.web.staff_auth.count_guess), so this form is no way around the login's limit. The new password
meets the password rules and differs from the current one. The account's other sessions end at once (they
are server-side records); this one goes on. Audited as password_change (a wrong current password as
password_change_failed). An account that must change its password at first login is sent to /admin/password
by the staff gate instead."""

from __future__ import annotations

from starlette.responses import RedirectResponse, Response

from cases.staff import accounts
from cases.staff.password_policy import MIN_LENGTH
from cases.timeutil import chinese_time
from handlers.admin.views import Admin, StaffCtx
from handlers.web import slow_hash, staff_auth
from storage.models.staff import StaffUser
from storage.types import utcnow

MAX_PASSWORD = 200
PAGE = "/admin/me/password"
DONE = "新密码已保存。下次登录请用新密码；在其他电脑或手机上的登录已退出。"


def _field(ctx: StaffCtx, key: str) -> str:
    value = ctx.request.state.form.get(key)
    return value[:MAX_PASSWORD] if isinstance(value, str) else ""


class OwnPassword:
    def __init__(self, admin: Admin) -> None:
        self.secret, self.runtime = admin.secret, admin.runtime

    async def show(self, ctx: StaffCtx, error: str | None = None, status: int = 200) -> Response:
        done = DONE if ctx.request.query_params.get("done") == "1" and error is None else ""
        return ctx.render("own_password.html", status, error=error, done=done, min_length=MIN_LENGTH)

    async def save(self, ctx: StaffCtx) -> Response:
        user = ctx.session.get(StaffUser, ctx.viewer.user_id)
        sess = staff_auth.read_cookie(self.secret, ctx.request.cookies.get(staff_auth.COOKIE))
        assert user is not None and sess is not None, "the staff gate hands over a signed-in, existing account"
        current, new, again = _field(ctx, "current"), _field(ctx, "password"), _field(ctx, "password_again")
        if new != again:
            return await self.show(ctx, "两次输入的新密码不一样，请重新输入。", 400)
        s = self.runtime.settings
        try:
            taken = staff_auth.count_guess(
                ctx.session,
                self.secret,
                ip=ctx.request.client.host if ctx.request.client else "unknown",
                username=user.username,
                per_ip=s.login_attempts_per_ip,
                per_account=s.login_attempts_per_account,
                now=utcnow(),
            )
        except staff_auth.LoginThrottled as exc:
            return await self.show(ctx, f"密码输错次数太多，请在 {chinese_time(exc.retry_at)} 以后再试。", 429)
        try:
            accounts.change_password(user, current, new, run=slow_hash.run)
        except accounts.WrongPassword:
            ctx.audit("password_change_failed")
            return await self.show(ctx, "当前密码不正确，请重新输入。", 400)
        except accounts.PasswordProblem as exc:
            staff_auth.forgive_login(ctx.session, taken)  # the current password was right
            return await self.show(ctx, f"{exc}。", 400)
        staff_auth.forgive_login(ctx.session, taken)
        ended = staff_auth.end_other_sessions(ctx.session, sess)
        ctx.audit("password_change", signed_out=ended)
        return RedirectResponse(f"{PAGE}?done=1", status_code=303)
