"""The default route until staff routing rules exist: the county 纪委监委, or for return-poverty risk
the county 农业农村局（乡村振兴局）. A report about cadres never goes to the unit it accuses."""

from __future__ import annotations

from dataclasses import dataclass

from cases.categories import Category, cadre_level_label

DISCIPLINE = "纪委监委"
REVITALIZATION = "农业农村局（乡村振兴局）"


@dataclass(frozen=True)
class Route:
    unit: str  # e.g. "630223:jw"
    unit_name: str
    reason: str
    # Set by the rule router (cases/routing/rules.py): which rule, who assists, conflict of interest, supervisor.
    rule_id: int | None = None
    rule_name: str | None = None
    co_units: tuple[str, ...] = ()
    conflict: bool = False
    conflict_reason: str | None = None
    supervising_unit: str | None = None


def default_route(category: Category, *, county_code: str, county_name: str, cadre_level: str | None) -> Route:
    if category.route == "revitalization":
        return Route(
            unit=f"{county_code}:nync",
            unit_name=county_name + REVITALIZATION,
            reason=f"“{category.label}”属于防止返贫动态监测，交县{REVITALIZATION}核实帮扶。",
        )
    reason = f"“{category.label}”按默认规则交县{DISCIPLINE}。"
    if category.about_cadres and cadre_level in ("village", "town", "county"):
        reason += f"反映对象为{cadre_level_label(cadre_level)}，按回避原则不交被反映单位，由县{DISCIPLINE}办理。"
    return Route(unit=f"{county_code}:jw", unit_name=county_name + DISCIPLINE, reason=reason)
