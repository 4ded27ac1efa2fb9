"""Routing rules as data: the first active rule of the case's county that matches (lowest priority
number) names the lead unit and level, and the co-handling units. Conflict of interest lifts a report
about village or town cadres above the accused unit, and the explanation says so in words.

Without any rules for the county (an empty database), the default route of cases/routing/default_route.py applies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import due_dates
from cases.categories import Category, cadre_level_label
from cases.org import DEPT_NAMES, city_dept_unit, dept_unit
from cases.routing import cadres
from cases.routing.default_route import Route, default_route
from cases.workdays import Calendar
from storage.models import Village
from storage.models.cases import Case
from storage.models.staff import CaseCoUnit, CaseRouting, RoutingRule, Unit

LEVEL_RANK = {"town": 1, "county": 2, "city": 3}
TOWN_HELPER = "town"  # in a rule's co_depts: the village's own town government assists
# The lowest level a case may go to when this level's cadres are reported. A cadre of unknown level is
# lifted like a town cadre: when in doubt, up.
REQUIRED_FOR_ACCUSED = {"village": "county", "town": "county", "unknown": "county", "county": "city"}
LEVEL_WORD = {"town": "乡镇", "county": "县", "city": "市"}
ACCUSED_WORD = {"village": "村干部", "town": "乡镇干部", "unknown": "层级不明的干部", "county": "县级部门干部"}
# Which of the villager's answer and the text's words decides: the one naming the higher level.
_STRENGTH = {"county": 3, "town": 2, "unknown": 1, "village": 0}


@dataclass(frozen=True)
class Accused:
    level: str | None  # village, town, county, unknown (a cadre of unclear level) or None
    source: str  # words for the explanation


# How the case record says the level was inferred from the report's words rather than chosen by the villager.
INFERRED = "由反映内容推断"


def accused(category: Category, cadre_level: str | None, text: str, *, inferred: bool = False) -> Accused:
    """Who is reported, in every category: the villager's answer or the cadres the text names, whichever
    sends the case higher. `category` is kept for callers; any category can be about a cadre. `inferred`: the
    level was inferred from the report's words, not chosen by the villager."""
    del category
    answer = None
    if cadre_level in REQUIRED_FOR_ACCUSED:
        label = cadre_level_label(cadre_level)
        answer = Accused(cadre_level, f"{INFERRED}反映对象为{label}" if inferred else f"群众选择的反映对象为{label}")
    named = cadres.strongest(text)
    if named is None:
        return answer or Accused(None, "")
    source = f"反映内容提到“{named.word}”"
    if named.level == "unknown":
        source += "（层级不明，按乡镇干部回避）"
    from_text = Accused(named.level, source)
    if answer is None or _STRENGTH[named.level] > _STRENGTH[answer.level or "village"]:
        return from_text
    return answer


def conflict_summary(who: Accused, unit_name: str) -> str:
    """One line for the case page: who is reported, and where that sent the case."""
    return f"反映涉及{ACCUSED_WORD[who.level or 'unknown']}（{who.source}），按回避原则交{unit_name}办理。"


def _norm_jurisdiction(code: str) -> str:
    code = code.strip()
    while len(code) > 6 and code.endswith("000"):
        code = code[:-3]
    return code


def rule_matches(rule: RoutingRule, *, category: str, village_code: str, level: str | None, text: str) -> bool:
    if rule.category and rule.category != category:
        return False
    if rule.jurisdiction and not village_code.startswith(_norm_jurisdiction(rule.jurisdiction)):
        return False
    if rule.reported_level and rule.reported_level != (level or "unknown"):
        return False
    return not (rule.keywords and not any(k and k in text for k in rule.keywords))


def _why_matched(rule: RoutingRule, text: str) -> str:
    parts = []
    if rule.category:
        parts.append("问题类别相符")
    if rule.jurisdiction:
        parts.append("属于规则所辖地域")
    if rule.reported_level:
        parts.append("反映对象层级相符")
    hits = [k for k in rule.keywords if k and k in text]
    if hits:
        parts.append("内容含关键词“" + "、".join(hits) + "”")
    return "，".join(parts) if parts else "未匹配到更具体的规则"


def _unit_name(session: Session, code: str, fallback: str) -> str:
    unit = session.get(Unit, code)
    return unit.name if unit is not None else fallback


def _lead(session: Session, rule: RoutingRule, village: Village, county_name: str) -> tuple[str, str, str]:
    """(unit code, unit name, level) the rule names for this village."""
    county = village.county_code[:6]
    if rule.lead_dept == "town" or rule.lead_level == "town":
        return village.town_code, _unit_name(session, village.town_code, "乡镇人民政府"), "town"
    label = DEPT_NAMES.get(rule.lead_dept, rule.lead_dept)
    if rule.lead_level == "city":
        return (
            city_dept_unit(county, rule.lead_dept),
            _unit_name(session, city_dept_unit(county, rule.lead_dept), "海东市" + label),
            "city",
        )
    code = dept_unit(county, rule.lead_dept)
    return code, _unit_name(session, code, county_name + label), "county"


def load_rules(session: Session, county_code: str) -> Sequence[RoutingRule]:
    return session.scalars(
        select(RoutingRule)
        .where(RoutingRule.county_code == county_code, RoutingRule.active.is_(True))
        .order_by(RoutingRule.is_default, RoutingRule.priority, RoutingRule.id)
    ).all()


def route_case(
    session: Session,
    *,
    category: Category,
    village: Village,
    county_name: str,
    cadre_level: str | None,
    text: str,
    level_inferred: bool = False,
) -> Route:
    county = village.county_code[:6]
    who = accused(category, cadre_level, text, inferred=level_inferred)
    rules = load_rules(session, county)
    rule = next(
        (
            r
            for r in rules
            if rule_matches(r, category=category.code, village_code=village.code, level=who.level, text=text)
        ),
        None,
    )
    if rule is None:
        return _default(session, category, who, county=county, county_name=county_name, has_rules=bool(rules))
    unit, unit_name, lead_level = _lead(session, rule, village, county_name)
    reason = f"按分办规则“{rule.name}”（{_why_matched(rule, text)}），由{unit_name}牵头办理"
    conflict_reason = None
    if who.level in REQUIRED_FOR_ACCUSED:
        accused_word = ACCUSED_WORD[who.level]
        if _too_low(who, lead_level):
            lifted, new_name, required = _lifted(session, who, county, county_name)
            reason = f"按分办规则“{rule.name}”（{_why_matched(rule, text)}）"
            reason += (
                f"。回避：{who.source}，被反映的是{accused_word}，按回避原则不交被反映单位"
                f"{'' if who.level in ('town', 'county') else '及其所在乡镇'}，"
                f"提级由{new_name}办理（规则原定{unit_name}）"
            )
            unit, unit_name, lead_level = lifted, new_name, required
        else:
            reason += (
                f"。回避：{who.source}，被反映的是{accused_word}；{unit_name}不是被反映单位，"
                f"案件不交所在乡镇，乡镇工作人员看不到此案"
            )
        conflict_reason = conflict_summary(who, unit_name)
    co: list[str] = []
    co_names: list[str] = []
    for dept in rule.co_depts:
        if dept == TOWN_HELPER:
            # The village's town visits the household (return-poverty monitoring); never when cadres are named,
            # so a report never reaches the unit it may accuse.
            if who.level is not None or village.town_code == unit or village.town_code in co:
                continue
            co.append(village.town_code)
            co_names.append(_unit_name(session, village.town_code, "所在乡镇人民政府"))
            continue
        code = dept_unit(county, dept)
        if code != unit and code not in co:
            co.append(code)
            co_names.append(_unit_name(session, code, county_name + DEPT_NAMES.get(dept, "")))
    if co_names:
        reason += "，" + "、".join(co_names) + "协办"
    reason += "。"
    jw = dept_unit(county, "jw")
    supervising = jw if unit != jw and lead_level != "city" else city_dept_unit(county, "jw")
    return Route(
        unit=unit,
        unit_name=unit_name,
        reason=reason,
        rule_id=rule.id,
        rule_name=rule.name,
        co_units=tuple(co),
        conflict=conflict_reason is not None,
        conflict_reason=conflict_reason,
        supervising_unit=supervising,
    )


def _too_low(who: Accused, lead_level: str) -> bool:
    """Whether a unit of `lead_level` may not handle a report about these cadres."""
    required = REQUIRED_FOR_ACCUSED[who.level or "unknown"]
    return LEVEL_RANK[lead_level] < LEVEL_RANK[required] or (who.level == "county" and lead_level == "county")


def _lifted(session: Session, who: Accused, county: str, county_name: str) -> tuple[str, str, str]:
    """(unit, name, level) of the discipline commission that handles a report about these cadres."""
    required = REQUIRED_FOR_ACCUSED[who.level or "unknown"]
    if required == "county":
        return dept_unit(county, "jw"), _unit_name(session, dept_unit(county, "jw"), county_name + "纪委监委"), required
    code = city_dept_unit(county, "jw")
    return code, _unit_name(session, code, "海东市纪委监委"), required


def _default(
    session: Session, category: Category, who: Accused, *, county: str, county_name: str, has_rules: bool
) -> Route:
    """No rule matched (or none configured): the default route, lifted when it would reach the accused."""
    base = default_route(category, county_code=county, county_name=county_name, cadre_level=None)
    unit, unit_name, reason = base.unit, base.unit_name, base.reason
    conflict_reason = None
    if who.level in REQUIRED_FOR_ACCUSED:
        if _too_low(who, "county"):
            unit, unit_name, _ = _lifted(session, who, county, county_name)
        reason += (
            f"回避：{who.source}，被反映的是{ACCUSED_WORD[who.level]}，按回避原则不交被反映单位，由{unit_name}办理。"
        )
        conflict_reason = conflict_summary(who, unit_name)
    jw = dept_unit(county, "jw")
    return Route(
        unit=unit,
        unit_name=unit_name,
        reason=reason + ("" if has_rules else "（本县尚未配置分办规则）"),
        conflict=conflict_reason is not None,
        conflict_reason=conflict_reason,
        supervising_unit=jw if unit not in (jw, city_dept_unit(county, "jw")) else city_dept_unit(county, "jw"),
    )


def record_route(session: Session, *, case: Case, route: Route, now: datetime, calendar: Calendar) -> CaseRouting:
    """Keep the rule that routed the case, its co-handling units and its deadlines' day kind."""
    day_kind = due_dates.on_routing(case, now, calendar)
    row = CaseRouting(
        case_id=case.id,
        rule_id=route.rule_id,
        rule_name=route.rule_name,
        conflict=route.conflict,
        conflict_reason=route.conflict_reason,
        supervising_unit=route.supervising_unit or dept_unit(case.county_code, "jw"),
        day_kind=day_kind,
    )
    session.add(row)
    for code in route.co_units:
        session.add(CaseCoUnit(case_id=case.id, unit_code=code))
    session.flush()
    return row
