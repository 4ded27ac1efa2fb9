"""Staff accounts for the administrator (/admin/users): list, create with role and unit, reset a
password, lock and unlock. Passwords are argon2 hashes (cases.staff.accounts, as `qingfeng users create`);
a reset or a lock ends the account's sessions (the session epoch moves). Every change is audited,
never with the password.

Creating an account of a role with case access, or resetting its password, is only a request here: a
supervisor confirms or refuses it at /admin/account-requests (the rule: cases/staff/account_powers.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response

from cases.access import ROLES, Viewer
from cases.staff import account_powers, accounts
from handlers.admin.views import StaffCtx
from handlers.web import slow_hash
from handlers.web.params import whole
from storage.models.staff import AccountRequest, StaffUser, Unit
from storage.types import utcnow


def _get(ctx: StaffCtx, key: str) -> str:
    value = ctx.request.state.form.get(key)
    return value.strip() if isinstance(value, str) else ""


async def users_page(ctx: StaffCtx, error: str | None = None, status: int = 200, done: str | None = None) -> Response:
    users = ctx.session.scalars(select(StaffUser).order_by(StaffUser.username).limit(1000)).all()
    units = {u.code: u for u in ctx.session.scalars(select(Unit).where(Unit.kind != "county").order_by(Unit.code))}
    pending = ctx.session.scalars(
        select(AccountRequest).where(AccountRequest.status == "pending").order_by(AccountRequest.id.desc()).limit(200)
    ).all()
    return ctx.render(
        "users.html",
        status,
        users=users,
        units=units,
        pending=pending,
        kinds=account_powers.KIND_LABELS,
        roles=ROLES,
        error=error,
        done=done or ctx.request.query_params.get("done", "")[:100],
        now=utcnow(),
    )


async def users_post(ctx: StaffCtx) -> Response:
    v = ctx.viewer
    action = _get(ctx, "action")
    s = ctx.session
    if action == "create":
        username, role, unit, name, password = (
            _get(ctx, "username"),
            _get(ctx, "role"),
            _get(ctx, "unit"),
            _get(ctx, "display_name"),
            str(ctx.request.state.form.get("password") or ""),
        )
        if role not in ROLES:  # no default: the widest role must never be picked by leaving the field alone
            return await users_page(ctx, "请选择角色。", 400)
        if s.scalar(select(StaffUser).where(StaffUser.username == username)) is not None:
            return await users_page(ctx, "用户名已存在；要重置密码请用列表里的“重置密码”。", 400)
        unit_row = s.get(Unit, unit)
        if unit_row is None or unit_row.kind == "county":
            return await users_page(ctx, "请选择有效的单位（县本身不是办理单位，请选县纪委监委或县直部门）。", 400)
        if account_powers.needs_confirmation(role):
            if not username or len(username) > 64:
                return await users_page(ctx, "用户名为空或过长。", 400)
            return await _request(ctx, "create", username, name or username, role, unit, password)
        try:
            accounts.create_user(
                s,
                username=username,
                role=role,
                unit_code=unit,
                display_name=name or username,
                password=password,
                now=utcnow(),
                run=slow_hash.run,
                must_change=True,
            )
        except accounts.PasswordProblem as exc:
            return await users_page(ctx, f"{exc}。", 400)
        ctx.audit("user_create", username=username, role=role, unit=unit)
        return RedirectResponse("/admin/users?done=created", status_code=303)
    user_id = whole(_get(ctx, "user_id"))
    user = s.get(StaffUser, user_id) if user_id is not None else None
    if user is None:
        return await users_page(ctx, "没有这个用户。", 404)
    if action == "reset":
        if account_powers.needs_confirmation(user.role):
            password = str(ctx.request.state.form.get("password") or "")
            return await _request(ctx, "reset", user.username, user.display_name, user.role, user.unit_code, password)
        try:
            accounts.create_user(
                s,
                username=user.username,
                role=user.role,
                unit_code=user.unit_code,
                display_name=user.display_name,
                password=str(ctx.request.state.form.get("password") or ""),
                now=utcnow(),
                run=slow_hash.run,
                must_change=True,
            )
        except accounts.PasswordProblem as exc:
            return await users_page(ctx, f"{user.username}：{exc}。", 400)
        ctx.audit("user_reset_password", username=user.username)
        return RedirectResponse("/admin/users?done=reset", status_code=303)
    if action in ("lock", "unlock"):
        if user.id == v.user_id:
            return await users_page(ctx, "不能停用自己的账号。", 400)
        if action == "lock":
            user.active = False
            user.session_epoch += 1  # signed-in sessions end at once
        else:
            user.active, user.failed_logins, user.locked_until = True, 0, None
        ctx.audit(f"user_{action}", username=user.username)
        return RedirectResponse(f"/admin/users?done={action}", status_code=303)
    return await users_page(ctx, "未知的操作。", 400)


async def _request(
    ctx: StaffCtx, kind: str, username: str, display_name: str, role: str, unit: str, password: str
) -> Response:
    """Store the change for a supervisor to confirm; the administrator cannot make it alone."""
    try:
        digest = accounts.hash_password(password, run=slow_hash.run)
        row = account_powers.open_request(
            ctx.session,
            kind=kind,
            username=username,
            display_name=display_name,
            role=role,
            unit_code=unit,
            password_hash=digest,
            requested_by=ctx.viewer.username,
            now=utcnow(),
        )
    except (accounts.PasswordProblem, account_powers.RequestRefused) as exc:
        return await users_page(ctx, f"{username}：{exc}。", 400)
    ctx.audit_in(row.county_code, f"user_{kind}_requested", username=username, role=role, unit=unit, request=row.id)
    return RedirectResponse("/admin/users?done=requested", status_code=303)


def _confirmable(session: Session, viewer: Viewer) -> list[AccountRequest]:
    return list(
        session.scalars(
            select(AccountRequest).where(account_powers.confirmable(viewer)).order_by(AccountRequest.id).limit(200)
        )
    )


async def requests_page(ctx: StaffCtx, error: str | None = None, status: int = 200) -> Response:
    units = {u.code: u.name for u in ctx.session.scalars(select(Unit))}
    return ctx.render(
        "account_requests.html",
        status,
        requests=_confirmable(ctx.session, ctx.viewer),
        units=units,
        kinds=account_powers.KIND_LABELS,
        error=error,
        done=ctx.request.query_params.get("done", "")[:20],
        now=utcnow(),
        ttl=account_powers.REQUEST_TTL,
    )


async def requests_post(ctx: StaffCtx) -> Response:
    v = ctx.viewer
    request_id = whole(_get(ctx, "request_id"))
    row = ctx.session.get(AccountRequest, request_id) if request_id is not None else None
    if row is None or not account_powers.may_confirm(v, row):
        return await requests_page(ctx, "没有这项申请，或您无权确认。", 404)
    decision = _get(ctx, "decision")
    if decision not in ("confirm", "refuse"):
        return await requests_page(ctx, "请选择确认或拒绝。", 400)
    try:
        with ctx.session.begin_nested():
            account_powers.decide(ctx.session, request=row, viewer=v, approve=decision == "confirm", now=utcnow())
    except account_powers.RequestRefused as exc:
        return await requests_page(ctx, f"{exc}。", 400)
    ctx.audit_in(
        row.county_code,
        f"user_{row.kind}_{row.status}",
        username=row.username,
        role=row.role,
        unit=row.unit_code,
        request=row.id,
        requested_by=row.requested_by,
    )
    return RedirectResponse(f"/admin/account-requests?done={row.status}", status_code=303)
