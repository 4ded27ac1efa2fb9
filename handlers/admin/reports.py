"""The queue's filter options, the statistics page, CSV exports and bulk actions.

Every read is scoped by cases.access.case_scope (through cases.reading.queue); every export and every bulk
action is written to the audit log; bulk actions go case by case through cases.handling.triage (and so through
lifecycle.transition), all or nothing. Exports never contain a reporter's sealed identity."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from cases import access, lifecycle
from cases.categories import by_code, categories
from cases.handling import case_steps, triage
from cases.org import DEPT_NAMES
from cases.reading import queue, stats
from cases.timeutil import BEIJING
from handlers.admin.exports import neutralise
from handlers.web.params import whole
from storage.models import Town, Village
from storage.models.cases import Case
from storage.models.staff import Unit
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import Admin, Ctx

EXPORT_MAX = 20_000
BULK_MAX = 100
STAFF = ("city", "county_discipline", "department", "town")


# -- queue helpers ----------------------------------------------------------------------------------


def filter_options(session: Session, viewer: access.Viewer, f: queue.QueueFilters) -> dict[str, Any]:
    """Choices for the filter form: only counties the viewer may see; towns of the chosen (or the
    viewer's) county; villages of the chosen town."""
    county_stmt = select(Unit).where(Unit.kind == "county").order_by(Unit.code)
    if viewer.role != "city":
        county_stmt = county_stmt.where(Unit.code == (viewer.county_code or "-"))
    county = f.county or (viewer.county_code if viewer.role != "city" else "") or ""
    towns: Sequence[Town] = []
    if county:
        towns = session.scalars(select(Town).where(Town.code.like(f"{county}%")).order_by(Town.code).limit(500)).all()
    villages: Sequence[Village] = []
    if f.town:
        villages = session.scalars(
            select(Village).where(Village.town_code == f.town).order_by(Village.code).limit(500)
        ).all()
    return {
        "counties": session.scalars(county_stmt).all(),
        "towns": towns,
        "villages": villages,
        "depts": [*DEPT_NAMES.items(), ("town", "乡镇政府")],
    }


def transfer_targets(session: Session, viewer: access.Viewer) -> Sequence[Unit]:
    if viewer.role == "admin":
        return []
    stmt = select(Unit).where(Unit.active.is_(True), Unit.kind != "county")
    if viewer.role != "city":
        stmt = stmt.where((Unit.county_code == (viewer.county_code or "-")) | (Unit.level == "city"))
    return session.scalars(stmt.order_by(Unit.level, Unit.code).limit(1000)).all()


# -- CSV --------------------------------------------------------------------------------------------


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; CRLF lines."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _download(body: bytes, stem: str) -> Response:
    name = f"{stem}-{utcnow().astimezone(BEIJING):%Y%m%d-%H%M}.csv"
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}",
            "Cache-Control": "no-store",
        },
    )


def _local(moment: datetime | None) -> str:
    return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M") if moment else ""


QUEUE_HEADER = (
    "编号",
    "县",
    "乡镇",
    "村",
    "类别",
    "状态",
    "办理单位",
    "收到时间",
    "办理期限",
    "是否超期",
    "办结时间",
    "核查结论",
    "群众评价",
    "反映内容",
)


def queue_rows(session: Session, cases: Sequence[Case], now: datetime) -> list[list[Any]]:
    codes = {c.village_code for c in cases if c.village_code}
    places: dict[str, tuple[str, str]] = {}
    if codes:
        for village, town in session.execute(
            select(Village, Town).join(Town, Town.code == Village.town_code).where(Village.code.in_(codes))
        ):
            places[village.code] = (town.name, village.name)
    counties = {u.code: u.name for u in session.scalars(select(Unit).where(Unit.kind == "county"))}
    out = []
    for c in cases:
        town_name, village_name = places.get(c.village_code or "", ("", ""))
        cat = by_code(c.category)
        late = c.status in lifecycle.OPEN_STATES and c.resolve_due < now
        late = late or (c.closed_at is not None and c.status == lifecycle.CLOSED and c.closed_at > c.resolve_due)
        out.append(
            [
                c.number,
                counties.get(c.county_code, c.county_code),
                town_name,
                village_name,
                cat.label if cat else c.category,
                lifecycle.LABELS.get(c.status, c.status),
                c.route_unit_name,
                _local(c.created_at),
                _local(c.resolve_due),
                "是" if late else "否",
                _local(c.closed_at) if c.status == lifecycle.CLOSED else "",
                c.finding or "",
                case_steps.RATINGS.get(c.rating or 0, ""),
                c.description,
            ]
        )
    return out


def stats_rows(data: stats.Statistics) -> tuple[list[str], list[list[Any]]]:
    header = [
        "分组",
        "代码",
        "名称",
        "收到",
        "办结",
        "按期办结",
        "超期",
        "办理中未到期",
        *case_steps.FINDINGS,
        *case_steps.RATINGS.values(),
        "平均首次答复天数",
        "平均办结天数",
    ]
    rows: list[list[Any]] = []
    for group, items in (("县", data.by_county), ("办理单位", data.by_unit), ("合计", [data.total])):
        for r in items:
            rows.append(
                [
                    group,
                    r.key,
                    r.name,
                    r.received,
                    r.closed,
                    r.on_time,
                    r.overdue,
                    r.pending,
                    *(r.findings.get(f, 0) for f in case_steps.FINDINGS),
                    *(r.ratings.get(k, 0) for k in case_steps.RATINGS),
                    "" if r.avg_first_response_days is None else r.avg_first_response_days,
                    "" if r.avg_close_days is None else r.avg_close_days,
                ]
            )
    return header, rows


# -- pages ------------------------------------------------------------------------------------------


class Reports:
    def __init__(self, admin: Admin) -> None:
        self.admin = admin

    async def stats_page(self, ctx: Ctx) -> Response:
        v = ctx.viewer
        assert v is not None
        f = queue.parse(ctx.request.query_params)
        data = stats.compute(ctx.session, v, f, now=utcnow())
        ctx.audit("view_stats", filters=f.params())
        return ctx.render(
            "stats.html",
            data=data,
            filters=f,
            options=filter_options(ctx.session, v, f),
            categories=categories(),
            max_unit=max([r.received for r in data.by_unit] or [1]),
            max_county=max([r.received for r in data.by_county] or [1]),
            query=urlencode(f.params()),
        )

    async def stats_csv(self, ctx: Ctx) -> Response:
        v = ctx.viewer
        assert v is not None
        f = queue.parse(ctx.request.query_params)
        header, rows = stats_rows(stats.compute(ctx.session, v, f, now=utcnow()))
        ctx.audit("export_stats", filters=f.params(), rows=len(rows))
        return _download(csv_bytes(header, rows), "qingfeng-stats")

    async def queue_csv(self, ctx: Ctx) -> Response:
        v = ctx.viewer
        assert v is not None
        f = queue.without_cursor(queue.parse(ctx.request.query_params))
        now = utcnow()
        cases = ctx.session.scalars(queue.page_statement(v, f, now=now, limit=EXPORT_MAX)).all()
        ctx.audit("export_queue", filters=f.params(), rows=len(cases))
        return _download(csv_bytes(QUEUE_HEADER, queue_rows(ctx.session, cases, now)), "qingfeng-cases")

    async def bulk(self, ctx: Ctx) -> Response:
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

    def routes(self) -> list[Route]:
        page = self.admin.page
        return [
            Route("/admin/stats", page(self.stats_page, roles=STAFF), methods=["GET"]),
            Route("/admin/stats.csv", page(self.stats_csv, roles=STAFF), methods=["GET"]),
            Route("/admin/cases.csv", page(self.queue_csv, roles=STAFF), methods=["GET"]),
            Route("/admin/cases/bulk", page(self.bulk, roles=STAFF), methods=["POST"]),
        ]
