"""The staff queue's filters and sort order as SQL, shared by the queue page, its CSV export, the
statistics and bulk actions. Every statement starts from cases.access.case_scope, so a filter can only
narrow what the viewer may see. Paging is keyset: (sort column, id), never OFFSET."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import InstrumentedAttribute

from cases import access, lifecycle
from cases.categories import by_code
from cases.org import DEPT_NAMES
from cases.reading import text_search
from cases.timeutil import BEIJING
from storage.models import Village
from storage.models.cases import Case
from storage.models.staff import Unit

# sort key -> (column, label)
SORTS: dict[str, tuple[InstrumentedAttribute[Any], str]] = {
    "id": (Case.id, "编号"),
    "created": (Case.created_at, "收到时间"),
    "due": (Case.resolve_due, "办理期限"),
    "status": (Case.status, "状态"),
    "category": (Case.category, "类别"),
    "unit": (Case.route_unit_name, "办理单位"),
}
FIELDS = (
    "status",
    "category",
    "text",
    "overdue",
    "county",
    "town",
    "village",
    "dept",
    "date_from",
    "date_to",
    "sort",
    "dir",
)
CODE_LABELS = {"county": "县", "town": "乡镇", "village": "村"}


@dataclass(frozen=True)
class QueueFilters:
    status: str = ""
    category: str = ""
    text: str = ""
    overdue: str = ""
    county: str = ""
    town: str = ""
    village: str = ""
    dept: str = ""
    date_from: str = ""
    date_to: str = ""
    sort: str = "id"
    dir: str = "desc"
    cursor: str = ""
    problems: tuple[str, ...] = field(default=())

    def params(self, **changes: str) -> dict[str, str]:
        """The non-empty filter values (for links), with `changes` applied; never the cursor."""
        values = {k: str(getattr(self, k)) for k in FIELDS}
        values.update(changes)
        return {
            k: v
            for k, v in values.items()
            if v and not (k == "sort" and v == "id") and not (k == "dir" and v == "desc")
        }


def _day(raw: str) -> date | None:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


def parse(q: Mapping[str, str]) -> QueueFilters:
    """Read filters from query parameters. Unknown or malformed values are dropped with a problem
    named for the page; nothing here raises."""
    raw = {k: (q.get(k) or "").strip()[:100] for k in (*FIELDS, "cursor", "before")}
    problems: list[str] = []
    for key, width in (("county", 6), ("town", 12), ("village", 12)):
        if raw[key] and not (raw[key].isdigit() and len(raw[key]) == width):
            problems.append(
                {"county": "县代码应为 6 位数字", "town": "乡镇代码应为 12 位数字"}.get(key, "村代码应为 12 位数字")
            )
            raw[key] = ""
    if raw["dept"] and raw["dept"] not in DEPT_NAMES and raw["dept"] != "town":
        problems.append("部门无效")
        raw["dept"] = ""
    if raw["category"] and by_code(raw["category"]) is None:
        raw["category"] = ""
    if raw["status"] and raw["status"] not in lifecycle.STATES and raw["status"] != "open":
        raw["status"] = ""
    for key, label in (("date_from", "开始日期"), ("date_to", "结束日期")):
        if raw[key] and _day(raw[key]) is None:
            problems.append(f"{label}格式应为 YYYY-MM-DD")
            raw[key] = ""
    start, end = _day(raw["date_from"]), _day(raw["date_to"])
    if start and end and start > end:
        problems.append("开始日期晚于结束日期")
        raw["date_to"] = ""
    if raw["sort"] not in SORTS:
        raw["sort"] = "id"
    if raw["dir"] not in ("asc", "desc"):
        raw["dir"] = "desc"
    if not raw["cursor"] and raw["before"].isdigit() and raw["sort"] == "id" and raw["dir"] == "desc":
        raw["cursor"] = f"{int(raw['before'])}~{int(raw['before'])}"  # the old ?before= links
    raw.pop("before")
    return QueueFilters(**raw, problems=tuple(problems))


def _start_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=BEIJING)


def conditions(
    viewer: access.Viewer,
    f: QueueFilters,
    *,
    now: datetime,
    text_index: bool = True,
    scope: ColumnElement[bool] | None = None,
) -> list[ColumnElement[bool]]:
    """The viewer's scope and every filter, as SQL conditions on Case (dates are Beijing days).
    `text_index=False` searches text by a plain scan (the benchmark's baseline). `scope` replaces the
    viewer's scope by a part of it (only ever one of access.rollup_scope's parts)."""
    where: list[ColumnElement[bool]] = [access.case_scope(viewer) if scope is None else scope]
    open_states = sorted(lifecycle.OPEN_STATES)
    if f.status in lifecycle.STATES:
        where.append(Case.status == f.status)
    elif f.status == "open":
        where.append(Case.status.in_(open_states))
    if by_code(f.category):
        where.append(Case.category == f.category)
    if f.text:
        where.append(text_search.matches(f.text, indexed=text_index))
    if f.overdue:
        where.append(and_(Case.status.in_(open_states), Case.resolve_due < now))
    if f.county:
        where.append(Case.county_code == f.county)
    if f.town:
        where.append(Case.village_code.in_(select(Village.code).where(Village.town_code == f.town)))
    if f.village:
        where.append(Case.village_code == f.village)
    if f.dept == "town":
        where.append(Case.route_unit.in_(select(Unit.code).where(Unit.kind == "town")))
    elif f.dept:
        where.append(Case.route_unit.in_(select(Unit.code).where(Unit.dept == f.dept)))
    start, end = _day(f.date_from), _day(f.date_to)
    if start:
        where.append(Case.created_at >= _start_of(start))
    if end:
        where.append(Case.created_at < _start_of(end) + timedelta(days=1))
    return where


def _cursor_value(sort: str, raw: str) -> Any:
    if sort == "id":
        return int(raw)
    if sort in ("created", "due"):
        value = datetime.fromisoformat(raw)
        if value.tzinfo is None:
            raise ValueError("naive cursor")
        return value
    return raw


def cursor_of(f: QueueFilters, case: Case) -> str:
    column, _ = SORTS[f.sort]
    value = getattr(case, column.key)
    text = value.isoformat() if isinstance(value, datetime) else str(value if value is not None else "")
    return f"{text}~{case.id}"


def page_statement(
    viewer: access.Viewer, f: QueueFilters, *, now: datetime, limit: int, text_index: bool = True
) -> Select[Case]:
    """One page of the queue in the chosen order, after the cursor (a malformed cursor: first page)."""
    column, _ = SORTS[f.sort]
    desc = f.dir == "desc"
    stmt = select(Case).where(*conditions(viewer, f, now=now, text_index=text_index))
    if f.cursor and "~" in f.cursor:
        raw_value, _, raw_id = f.cursor.rpartition("~")
        try:
            value, last_id = _cursor_value(f.sort, raw_value), int(raw_id)
        except ValueError:
            value, last_id = None, None
        if last_id is not None:
            if f.sort == "id":
                stmt = stmt.where(Case.id < last_id if desc else Case.id > last_id)
            elif desc:
                stmt = stmt.where(or_(column < value, and_(column == value, Case.id < last_id)))
            else:
                stmt = stmt.where(or_(column > value, and_(column == value, Case.id > last_id)))
    if f.sort == "id":
        order = [Case.id.desc() if desc else Case.id.asc()]
    else:
        order = [column.desc(), Case.id.desc()] if desc else [column.asc(), Case.id.asc()]
    return stmt.order_by(*order).limit(limit)


def without_cursor(f: QueueFilters) -> QueueFilters:
    return replace(f, cursor="")
