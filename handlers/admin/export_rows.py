"""The rows of the two exported lists (the case queue and the statistics), whatever the file format; no
reporter identity is ever a column."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import lifecycle
from cases.categories import by_code
from cases.handling import case_steps
from cases.reading import stats
from cases.timeutil import BEIJING
from storage.models import Town, Village
from storage.models.cases import Case
from storage.models.staff import Unit


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
                case_steps.RATINGS.get(c.rating or 0, "") + ("（申诉成立，不计入满意率）" if c.rating_excluded else ""),
                c.description,
            ]
        )
    return out


def stats_rows(data: stats.Statistics) -> tuple[list[str], list[list[Any]]]:
    header = [
        "分组",
        "名称",
        "收到",
        "办结",
        "按期办结",
        "超期",
        "办理中未到期",
        *case_steps.FINDINGS,
        *case_steps.RATINGS.values(),
        "满意率（%）",
        "平均首次答复天数",
        "平均办结天数",
    ]
    rows: list[list[Any]] = []
    for group, items in (("县", data.by_county), ("办理单位", data.by_unit), ("合计", [data.total])):
        for r in items:
            rows.append(
                [
                    group,
                    r.name,
                    r.received,
                    r.closed,
                    r.on_time,
                    r.overdue,
                    r.pending,
                    *(r.findings.get(f, 0) for f in case_steps.FINDINGS),
                    *(r.ratings.get(k, 0) for k in case_steps.RATINGS),
                    "" if r.satisfied_share is None else round(r.satisfied_share * 100, 1),
                    "" if r.avg_first_response_days is None else r.avg_first_response_days,
                    "" if r.avg_close_days is None else r.avg_close_days,
                ]
            )
    return header, rows
