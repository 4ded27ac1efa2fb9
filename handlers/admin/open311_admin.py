"""The administrator's page for other systems (/admin/open311): Open311 API keys (issue, revoke) and
case-event subscribers (register, remove), with each subscriber's recent deliveries.

A new key or signing secret is shown once, on the page that made it; the database keeps the key's hash
and the secret sealed. Every change is an audit row. See docs/open311.md.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from starlette.responses import RedirectResponse, Response

from cases.interop import api_keys, case_hooks, hook_failure
from handlers.admin.event_labels import hook_event_label
from handlers.admin.views import StaffCtx
from handlers.web.params import whole
from storage.models.staff import Unit
from storage.types import utcnow

STATUS_WORDS = {"pending": "等待发送", "sent": "已送达", "dead": "已放弃", "held": "暂缓"}


def _get(ctx: StaffCtx, key: str, limit: int = 500) -> str:
    value = ctx.request.state.form.get(key)
    return value.strip()[:limit] if isinstance(value, str) else ""


async def open311_page(ctx: StaffCtx, *, shown: dict[str, str] | None = None, error: str | None = None) -> Response:
    subscribers: list[dict[str, Any]] = []
    for sub in case_hooks.listing(ctx.session):
        log = [
            {
                "id": row.id,
                "event": hook_event_label(str((row.payload or {}).get("event", ""))),
                "status": STATUS_WORDS.get(row.status, row.status),
                "attempts": row.attempts,
                "created_at": row.created_at,
                "error": hook_failure.explain_push(row.last_error),
            }
            for row in case_hooks.deliveries(ctx.session, subscription_id=sub.id, limit=20)
        ]
        subscribers.append({"row": sub, "log": log})
    every_unit = ctx.session.scalars(select(Unit).order_by(Unit.code)).all()
    units = [u for u in every_unit if u.active]
    return ctx.render(
        "open311.html",
        400 if error else 200,
        keys=api_keys.listing(ctx.session),
        subscribers=subscribers,
        units=units,
        unit_names={u.code: u.name for u in every_unit},
        shown=shown or {},
        error=error,
        default_rate=api_keys.DEFAULT_RATE_PER_HOUR,
    )


async def key_create(ctx: StaffCtx) -> Response:
    rate = whole(_get(ctx, "rate", 8), low=1, high=1_000_000)
    if rate is None:
        return await open311_page(ctx, error="每小时最多提交和查询次数应为 1 到 1000000 之间的整数。")
    try:
        row, key = api_keys.create(
            ctx.session,
            name=_get(ctx, "name", 200),
            unit_code=_get(ctx, "unit", 40),
            rate_per_hour=rate,
            now=utcnow(),
            actor=_actor(ctx),
        )
    except api_keys.KeyProblem:
        return await open311_page(ctx, error="请填写对接系统名称（最多 64 字）并选择有效的单位。")
    return await open311_page(ctx, shown={"what": f"{row.name} 的对接密钥", "value": key})


async def key_revoke(ctx: StaffCtx) -> Response:
    key_id = whole(_get(ctx, "id", 20), low=1)
    try:
        api_keys.revoke(ctx.session, client_id=key_id or 0, now=utcnow(), actor=_actor(ctx))
    except api_keys.KeyProblem:
        return await open311_page(ctx, error="没有这个密钥。")
    return RedirectResponse("/admin/open311", status_code=303)


async def subscriber_add(ctx: StaffCtx) -> Response:
    try:
        row, secret = case_hooks.subscribe(
            ctx.session, unit_code=_get(ctx, "unit", 40), url=_get(ctx, "url", 600), now=utcnow(), actor=_actor(ctx)
        )
    except case_hooks.SubscriptionProblem:
        return await open311_page(ctx, error="请选择有效的单位，并填写 http:// 或 https:// 开头、最长 500 字符的地址。")
    what = f"推送地址 {row.url} 的验证密钥（对方用它核对推送确实来自清风）"
    return await open311_page(ctx, shown={"what": what, "value": secret})


async def subscriber_remove(ctx: StaffCtx) -> Response:
    sub_id = whole(_get(ctx, "id", 20), low=1)
    try:
        case_hooks.unsubscribe(ctx.session, subscription_id=sub_id or 0, now=utcnow(), actor=_actor(ctx))
    except case_hooks.SubscriptionProblem:
        return await open311_page(ctx, error="没有这个推送地址。")
    return RedirectResponse("/admin/open311", status_code=303)


def _actor(ctx: StaffCtx) -> str:
    return ctx.viewer.username
