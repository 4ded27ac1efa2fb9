"""The administrator's operations page (/admin/ops): outbound deliveries to WeChat, per kind, with the
last failure in words, retrying one row or a whole kind, and whether a process holds the worker lease.

Nothing here opens a sealed recipient or text: rows are shown by kind, age and reason only.
"""

from __future__ import annotations

from starlette.responses import RedirectResponse, Response

from cases.interop import case_hooks, hook_failure
from handlers.admin.ops_alert import age_text
from handlers.admin.views import StaffCtx
from handlers.jobs.worker import LEASE_NAME
from handlers.web.params import whole
from storage.models.staff import Unit
from storage.repos import outbox_ops
from storage.types import utcnow

KIND_LABELS = {
    "kefu_text": "回复群众的消息",
    "template": "模板消息",
    "media_download": "照片和语音下载",
    "case_event": "案件进展推送（对接系统）",  # per subscriber: /admin/open311
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, "其他后台任务")


async def ops_page(ctx: StaffCtx) -> Response:
    now = utcnow()
    kinds = outbox_ops.summary(ctx.session, now=now)
    rows = outbox_ops.failed_rows(ctx.session, limit=30)
    lease = outbox_ops.lease_state(ctx.session, name=LEASE_NAME, now=now)
    return ctx.render(
        "ops.html",
        kinds=[
            {
                "kind": k.kind,
                "label": kind_label(k.kind),
                "pending": k.pending,
                "failing": k.failing,
                "held": k.held,
                "dead": k.dead,
                "oldest": age_text(k.oldest_pending_s),
                "reason": hook_failure.explain(k.kind, k.last_error),
                "errcode": hook_failure.wechat_errcode(k.kind, k.last_error),
            }
            for k in kinds
        ],
        rows=[
            {
                "id": r.id,
                "label": kind_label(r.kind),
                "status": "已放弃" if r.status == "dead" else "重试中",
                "attempts": r.attempts,
                "created_at": r.created_at,
                "reason": hook_failure.explain(r.kind, r.last_error),
                "errcode": hook_failure.wechat_errcode(r.kind, r.last_error),
            }
            for r in rows
        ],
        lease=lease,
        subscribers=_subscribers(ctx),
        failing_for=age_text(outbox_ops.failing_for_s(ctx.session, now=now)),
        done=ctx.request.query_params.get("done", "")[:40],
    )


def _subscribers(ctx: StaffCtx) -> list[dict[str, object]]:
    """Each case-event subscriber's recent deliveries, counted (the full log is on /admin/open311)."""
    out: list[dict[str, object]] = []
    for sub in case_hooks.listing(ctx.session):
        rows = case_hooks.deliveries(ctx.session, subscription_id=sub.id, limit=50)
        unit = ctx.session.get(Unit, sub.unit_code)
        failing = [r for r in rows if r.status == "pending" and r.attempts > 0]
        out.append(
            {
                "unit": unit.name if unit is not None else "（单位已删除）",
                "url": sub.url,
                "active": sub.active,
                "sent": sum(r.status == "sent" for r in rows),
                "waiting": sum(r.status == "pending" and r.attempts == 0 for r in rows),
                "failing": len(failing),
                "dead": sum(r.status == "dead" for r in rows),
                "last_failed": max((r.created_at for r in rows if r.last_error), default=None),
            }
        )
    return out


async def ops_retry(ctx: StaffCtx) -> Response:
    form = ctx.request.state.form
    now = utcnow()
    row_id = whole(str(form.get("row") or ""), low=1)
    kind = str(form.get("kind") or "")
    if row_id is not None:
        ok = outbox_ops.retry_row(ctx.session, row_id=row_id, now=now)
        ctx.audit("outbox_retry_row", row=row_id, found=ok)
        return RedirectResponse(f"/admin/ops?done={'row' if ok else 'none'}", status_code=303)
    if kind in KIND_LABELS or kind in {k.kind for k in outbox_ops.summary(ctx.session, now=now)}:
        count = outbox_ops.retry_kind(ctx.session, kind=kind, now=now)
        ctx.audit("outbox_retry_kind", kind=kind, rows=count)
        return RedirectResponse(f"/admin/ops?done={count}", status_code=303)
    return ctx.render("error.html", 400, message="请选择要重试的消息或类别。")
