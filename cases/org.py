"""The organisation: units (city, counties, county departments, town governments) and routing rules.

Units are seeded from the village registry; `qingfeng org import FILE` loads more or changes names in
bulk (CSV: code,name,kind,level,dept,county_code,town_code,parent_code; English or Chinese header).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import County, Town
from storage.models.staff import RoutingRule, Unit

RULES_TEMPLATE = Path(__file__).parent / "data" / "routing_rules.yaml"

DEPTS: tuple[tuple[str, str], ...] = (
    ("jw", "纪委监委"),
    ("nync", "农业农村局（乡村振兴局）"),
    ("cz", "财政局"),
    ("sj", "审计局"),
    ("mz", "民政局"),
    ("yb", "医保局"),
    ("jy", "教育局"),
    ("zj", "住建局"),
    ("rs", "人社局"),
)
DEPT_NAMES = dict(DEPTS)
KINDS = ("city", "county", "department", "town")
LEVELS = ("city", "county", "town")
CITY_NAMES = {"6302": "海东市"}


def city_code(county_code: str) -> str:
    return county_code[:4]


def dept_unit(county_code: str, dept: str) -> str:
    return f"{county_code[:6]}:{dept}"


def city_dept_unit(county_code: str, dept: str) -> str:
    return f"{city_code(county_code)}:{dept}"


@dataclass
class ImportReport:
    inserted: int = 0
    updated: int = 0
    bad_rows: list[tuple[int, str]] = field(default_factory=list)


def _upsert(session: Session, values: dict[str, Any], report: ImportReport) -> None:
    unit = session.get(Unit, values["code"])
    if unit is None:
        session.add(Unit(active=True, **values))
        report.inserted += 1
        return
    changed = False
    for key, value in values.items():
        if getattr(unit, key) != value:
            setattr(unit, key, value)
            changed = True
    report.updated += int(changed)


def seed_from_registry(session: Session) -> ImportReport:
    """City, counties, each county's nine departments, the city 纪委监委 and town governments."""
    report = ImportReport()
    counties = session.scalars(select(County).order_by(County.code)).all()
    cities = sorted({city_code(c.code) for c in counties})
    for city in cities:
        name = CITY_NAMES.get(city, city)
        _upsert(
            session,
            {
                "code": city,
                "name": name,
                "kind": "city",
                "level": "city",
                "dept": None,
                "county_code": None,
                "town_code": None,
                "parent_code": None,
            },
            report,
        )
        _upsert(
            session,
            {
                "code": f"{city}:jw",
                "name": name + "纪委监委",
                "kind": "department",
                "level": "city",
                "dept": "jw",
                "county_code": None,
                "town_code": None,
                "parent_code": city,
            },
            report,
        )
    for county in counties:
        c6 = county.code[:6]
        _upsert(
            session,
            {
                "code": c6,
                "name": county.name,
                "kind": "county",
                "level": "county",
                "dept": None,
                "county_code": c6,
                "town_code": None,
                "parent_code": city_code(c6),
            },
            report,
        )
        for dept, label in DEPTS:
            _upsert(
                session,
                {
                    "code": dept_unit(c6, dept),
                    "name": county.name + label,
                    "kind": "department",
                    "level": "county",
                    "dept": dept,
                    "county_code": c6,
                    "town_code": None,
                    "parent_code": c6,
                },
                report,
            )
    for town in session.scalars(select(Town).order_by(Town.code)).all():
        c6 = town.county_code[:6]
        county_name = next((c.name for c in counties if c.code == town.county_code), "")
        _upsert(
            session,
            {
                "code": town.code,
                "name": f"{county_name}{town.name}人民政府",
                "kind": "town",
                "level": "town",
                "dept": None,
                "county_code": c6,
                "town_code": town.code,
                "parent_code": c6,
            },
            report,
        )
    session.flush()
    return report


HEADER = ("code", "name", "kind", "level", "dept", "county_code", "town_code", "parent_code")
HEADER_ZH = ("代码", "名称", "类型", "层级", "部门", "县代码", "乡镇代码", "上级代码")


def import_units(session: Session, text: str) -> ImportReport:
    """Upsert units from CSV text; bad rows are reported with their line numbers, good rows kept."""
    report = ImportReport()
    rows = [r for r in csv.reader(io.StringIO(text.lstrip("\ufeff")))]
    lines = [(i + 1, r) for i, r in enumerate(rows) if r and not r[0].lstrip().startswith("#")]
    if not lines:
        return report
    first = tuple(c.strip() for c in lines[0][1])
    if first[: len(HEADER)] in (HEADER, HEADER_ZH):
        lines = lines[1:]
    for number, row in lines:
        cells = [c.strip() for c in row] + [""] * (len(HEADER) - len(row))
        values: dict[str, Any] = dict(zip(HEADER, cells[: len(HEADER)], strict=True))
        problem = _unit_problem(values)
        if problem:
            report.bad_rows.append((number, problem))
            continue
        for key in ("dept", "county_code", "town_code", "parent_code"):
            values[key] = values[key] or None
        _upsert(session, values, report)
    session.flush()
    return report


def _unit_problem(v: dict[str, Any]) -> str | None:
    if not v["code"] or len(v["code"]) > 32:
        return "代码为空或过长"
    if not v["name"] or len(v["name"]) > 128:
        return "名称为空或过长"
    if v["kind"] not in KINDS:
        return f"类型应为 {'/'.join(KINDS)}"
    if v["level"] not in LEVELS:
        return f"层级应为 {'/'.join(LEVELS)}"
    if v["kind"] == "department" and v["dept"] not in DEPT_NAMES:
        return f"部门应为 {'/'.join(DEPT_NAMES)}"
    if v["level"] != "city" and not (v["county_code"].isdigit() and len(v["county_code"]) == 6):
        return "县代码应为 6 位数字"
    return None


@lru_cache(maxsize=1)
def rule_template() -> tuple[dict[str, Any], ...]:
    return tuple(yaml.safe_load(RULES_TEMPLATE.read_text(encoding="utf-8")))


def seed_rules(session: Session, *, now: datetime) -> int:
    """Give each county without rules the packaged rule set (always including a default). Returns rules added."""
    added = 0
    have = set(session.scalars(select(RoutingRule.county_code).distinct()).all())
    for county in session.scalars(select(County.code).order_by(County.code)).all():
        c6 = county[:6]
        if c6 in have:
            continue
        for item in rule_template():
            session.add(
                RoutingRule(
                    county_code=c6,
                    name=str(item["name"]),
                    priority=int(item["priority"]),
                    category=item.get("category"),
                    jurisdiction=item.get("jurisdiction"),
                    reported_level=item.get("reported_level"),
                    keywords=list(item.get("keywords") or []),
                    lead_dept=str(item["lead_dept"]),
                    lead_level=str(item.get("lead_level") or "county"),
                    co_depts=list(item.get("co_depts") or []),
                    is_default=bool(item.get("default", False)),
                    active=True,
                    updated_at=now,
                )
            )
            added += 1
    session.flush()
    return added


def ensure_default_rule(session: Session, *, county_code: str, now: datetime) -> None:
    """Each county always keeps an active default rule."""
    exists = session.scalar(
        select(RoutingRule.id).where(
            RoutingRule.county_code == county_code, RoutingRule.is_default.is_(True), RoutingRule.active.is_(True)
        )
    )
    if exists is None:
        session.add(
            RoutingRule(
                county_code=county_code,
                name="默认规则：县纪委监委",
                priority=1000,
                category=None,
                jurisdiction=None,
                reported_level=None,
                keywords=[],
                lead_dept="jw",
                lead_level="county",
                co_depts=[],
                is_default=True,
                active=True,
                updated_at=now,
            )
        )
        session.flush()
