"""Which one unit answers a 转人工 question (an inquiry), and by when.

A question is routed as a report of its topic would be: the county's routing rules for policy matters that
name a topic by its words (医保 → 医保局, 低保 → 民政局, ...) pick the unit; a question no topic rule claims is
a village matter for its town, as the rule for other matters routes it. A question naming a cadre goes to
the county discipline commission only, never to the level it may accuse (cases/routing/cadres.py).
The due time counts working days with the calendar the caller passes (the Runtime's WorkCalendar).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import yaml
from sqlalchemy.orm import Session

from cases.categories import by_code
from cases.org import dept_unit
from cases.routing.default_route import Route
from cases.routing.rules import load_rules, route_case
from cases.workdays import Calendar
from storage.models import Village
from storage.models.staff import Unit

DATA = Path(__file__).parents[1] / "data" / "inquiry_deadline.yaml"
# The categories whose rules an inquiry may follow: a policy topic named by its words, else the village's matter.
TOPIC_CATEGORY, VILLAGE_CATEGORY = "policy", "other"


@dataclass(frozen=True)
class InquiryRoute:
    unit: str
    unit_name: str
    reason: str  # in Chinese, for staff


@dataclass(frozen=True)
class AnswerLimit:
    working_days: int
    basis: str


@lru_cache(maxsize=1)
def answer_limit() -> AnswerLimit:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8")) or {}
    return AnswerLimit(int(raw["working_days"]), str(raw["basis"]))


def due(now: datetime, calendar: Calendar) -> tuple[datetime, str]:
    """When an inquiry asked at `now` should be answered, and the basis with the holiday notices counted: the
    notice as a sentence after the promise, not in brackets (its citation has brackets of its own)."""
    limit = answer_limit()
    moment, note = calendar.working_deadline(now, limit.working_days)
    return moment, limit.basis + (f"{note}。" if note else "")


def _name(session: Session, code: str, fallback: str) -> str:
    unit = session.get(Unit, code)
    return unit.name if unit is not None else fallback


def route(session: Session, *, village: Village, question: str, accused_level: str | None) -> InquiryRoute:
    county = village.county_code[:6]
    county_name = _name(session, county, "")
    if accused_level is not None:
        jw = dept_unit(county, "jw")
        name = _name(session, jw, county_name + "纪委监委")
        return InquiryRoute(jw, name, f"问题提到干部，按回避原则只交{name}答复，不交被反映的单位。")
    topic, village_matter = by_code(TOPIC_CATEGORY), by_code(VILLAGE_CATEGORY)
    assert topic is not None and village_matter is not None  # both ship in categories.yaml
    keyed = {r.id: r.keywords for r in load_rules(session, county) if r.category == TOPIC_CATEGORY and r.keywords}
    found = route_case(
        session, category=topic, village=village, county_name=county_name, cadre_level=None, text=question
    )
    if found.rule_id in keyed:
        return InquiryRoute(found.unit, found.unit_name, _plain_reason(found, keyed[found.rule_id], question))
    found = route_case(
        session, category=village_matter, village=village, county_name=county_name, cadre_level=None, text=question
    )
    return InquiryRoute(found.unit, found.unit_name, _plain_reason(found, None, question))


def _plain_reason(found: Route, keywords: list[str] | None, question: str) -> str:
    """Why this unit answers, in the villager's terms: an asker chooses no category, so a question goes by the
    words it contains (医保, 低保 ...) or, naming no policy, to the village's town as a local matter."""
    if found.conflict:
        return "咨询" + found.reason  # the recusal wording of the rule router, unchanged
    rule = f"（分办规则“{found.rule_name}”）" if found.rule_name else ""
    if keywords is not None:
        hits = "、".join(k for k in keywords if k and k in question)
        return f"咨询问题里提到“{hits}”，归{found.unit_name}管，由它答复{rule}。"
    return f"咨询问题没有提到哪一项具体政策，按村里的一般事项交{found.unit_name}答复{rule}。"
