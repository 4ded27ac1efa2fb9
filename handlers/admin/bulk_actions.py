"""Bulk actions on the queue (POST /admin/cases/bulk): the table's assign or transfer (cases/handling/actions.py)
on the ticked cases, checked for each case before any runs, all or nothing, each case audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.responses import RedirectResponse, Response

from cases import access
from cases.handling import actions, triage
from cases.identity import IdentityKeys
from cases.workdays import WorkCalendar
from handlers.admin.form_fields import field
from handlers.web.params import whole
from storage.models.cases import Case
from storage.models.staff import Unit
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import StaffCtx

BULK_MAX = 100
BULK_ACTIONS = ("assign", "transfer")  # of the table's actions, those the queue runs on many cases at once


class BulkActions:
    def __init__(self, keys: IdentityKeys, calendar: WorkCalendar) -> None:
        self.keys, self.calendar = keys, calendar

    async def run(self, ctx: StaffCtx) -> Response:
        v, s, form = ctx.viewer, ctx.session, ctx.request.state.form
        name, back = field(form, "action"), field(form, "back")[:1000]
        raw_ids = [x for x in form.getlist("ids") if isinstance(x, str)]

        def refuse(message: str, status: int = 400) -> Response:
            return ctx.render("bulk.html", status, error=message, back=back)

        if name not in BULK_ACTIONS:
            return refuse("请选择批量操作：指定承办人或转办。")
        if not raw_ids:
            return refuse("请先勾选案件。")
        parsed = [whole(x) for x in raw_ids]
        if any(x is None for x in parsed) or len(set(raw_ids)) > BULK_MAX:
            return refuse(f"勾选的案件无效（一次最多 {BULK_MAX} 件）。")
        ids = sorted({x for x in parsed if x is not None})
        values = {key: field(form, key) for key in ("reason", "assignee", "to_unit")}
        target = None
        if name == "transfer":
            if len(values["reason"]) < 2:
                return refuse("批量转办须填写转办理由。")
            target = s.get(Unit, values["to_unit"])
            if target is None:
                return refuse("请选择有效的接收单位。")
        elif not values["assignee"]:
            return refuse("请填写承办人。")
        cases = [access.scoped_case(s, v, i) for i in ids]
        found = [c for c in cases if c is not None]
        if len(found) != len(ids):
            return refuse("有案件没有找到，或您无权查看。", 404)
        now, action = utcnow(), actions.lookup(name)
        facts = {c.id: actions.read_facts(s, v, c, now, self.calendar, desk=False) for c in found}
        for c in found:
            if not actions.may(action, facts[c.id]):
                return refuse(f"您的单位不是案件 {c.number} 的办理单位，不能批量操作。", 403)
            refusal = triage.transfer_refusal(s, c, target) if target is not None else None
            if refusal is not None:
                return refuse(f"案件 {c.number}：{refusal}")
        current: Case | None = None
        try:
            with s.begin_nested():
                for current in found:
                    actions.perform(
                        name, actions.Step(s, current, v, self.keys, now, self.calendar), values, facts[current.id]
                    )
        except actions.ActionRefused as exc:
            for c in found:
                s.refresh(c)
            number = current.number if current is not None else ""
            return refuse(f"案件 {number}：{exc} 本次批量操作未执行，请取消勾选该案件后重试。")
        for c in found:
            detail: dict[str, Any] = {"bulk": len(found)}
            if target is not None:
                detail.update(to_unit=target.code, reason=values["reason"][:500])
            else:
                detail.update(assignee=values["assignee"][:64])
            ctx.audit(f"case_{name}", c.id, **detail)
        sep = "&" if back else ""
        return RedirectResponse(f"/admin/cases?{back}{sep}bulk={name}:{len(found)}", status_code=303)
