"""Bulk actions on the queue (POST /admin/cases/bulk): assign or transfer the ticked cases, each through
cases.handling.triage (and so lifecycle.transition), all or nothing, each case audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.responses import RedirectResponse, Response

from cases import access, lifecycle
from cases.handling import triage
from handlers.web.params import whole
from storage.models.cases import Case
from storage.models.staff import Unit
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import StaffCtx

BULK_MAX = 100


async def bulk(ctx: StaffCtx) -> Response:
    v = ctx.viewer
    assert v is not None
    form = ctx.request.state.form
    s = ctx.session

    def get(key: str) -> str:
        value = form.get(key)
        return value.strip() if isinstance(value, str) else ""

    action = get("action")
    back = get("back")[:1000]
    raw_ids = [x for x in form.getlist("ids") if isinstance(x, str)]

    def refuse(message: str, status: int = 400) -> Response:
        return ctx.render("bulk.html", status, error=message, back=back)

    if action not in ("assign", "transfer"):
        return refuse("请选择批量操作：指定承办人或转办。")
    if not raw_ids:
        return refuse("请先勾选案件。")
    parsed = [whole(x) for x in raw_ids]
    if any(x is None for x in parsed) or len(set(raw_ids)) > BULK_MAX:
        return refuse(f"勾选的案件无效（一次最多 {BULK_MAX} 件）。")
    ids = sorted({x for x in parsed if x is not None})
    reason, assignee, target = get("reason"), get("assignee"), None
    if action == "transfer":
        if len(reason) < 2:
            return refuse("批量转办须填写转办理由。")
        target = s.get(Unit, get("to_unit"))
        if target is None:
            return refuse("请选择有效的接收单位。")
    elif not assignee:
        return refuse("请填写承办人。")
    cases = [access.scoped_case(s, v, i) for i in ids]
    found = [c for c in cases if c is not None]
    if len(found) != len(ids):
        return refuse("有案件没有找到，或您无权查看。", 404)
    for c in found:
        if not access.can_act(v, c):
            return refuse(f"您的单位不是案件 {c.number} 的办理单位，不能批量操作。", 403)
        refusal = triage.transfer_refusal(s, c, target) if target is not None else None
        if refusal is not None:
            return refuse(f"案件 {c.number}：{refusal}")
    now, actor = utcnow(), v.actor
    current: Case | None = None
    try:
        with s.begin_nested():
            for current in found:
                if target is not None:
                    triage.transfer(s, case=current, to_unit=target.code, reason=reason, actor=actor, now=now)
                else:
                    triage.assign(s, case=current, assignee=assignee, actor=actor, now=now)
    except (triage.ActionRefused, lifecycle.IllegalTransition) as exc:
        for c in found:
            s.refresh(c)
        number = current.number if current is not None else ""
        return refuse(f"案件 {number}：{exc} 本次批量操作未执行，请取消勾选该案件后重试。")
    for c in found:
        detail: dict[str, Any] = {"bulk": len(found)}
        if target is not None:
            detail.update(to_unit=target.code, reason=reason[:500])
        else:
            detail.update(assignee=assignee[:64])
        ctx.audit(f"case_{action}", c.id, **detail)
    sep = "&" if back else ""
    return RedirectResponse(f"/admin/cases?{back}{sep}bulk={action}:{len(found)}", status_code=303)
