"""Who is signed in, for the staff page header: the person's name and their unit, each once.

A demo or shared account is often named after its unit (互助县纪委监委（演示）); then the unit is shown once,
with the account's note kept (（演示）). The administrator's header says 系统管理员 if the name does not.
Beside the service's name the header names the desk the role works at, and links to its first page.
"""

from __future__ import annotations

import re

from cases.access import Role, Viewer

# What each role does here, and the page the header's name leads to (the administrator sees no case).
DESKS: dict[str, tuple[str, str]] = {
    Role.CITY: ("案件监督", "/admin/cases"),
    Role.COUNTY_DISCIPLINE: ("案件监督", "/admin/cases"),
    Role.DEPARTMENT: ("案件办理", "/admin/cases"),
    Role.TOWN: ("案件办理", "/admin/cases"),
    Role.ADMIN: ("系统管理", "/admin/units"),
}

_NOTE = re.compile(r"^(.*?)\s*([（(][^（）()]*[）)])?\s*$")


def _names_the_unit(core: str, unit: str) -> bool:
    if len(core) < 2:
        return False
    if core in unit or unit in core:
        return True
    shared = 0
    while shared < min(len(core), len(unit)) and core[-1 - shared] == unit[-1 - shared]:
        shared += 1
    return shared >= 3  # 互助县纪委监委 / 互助土族自治县纪委监委: a unit's name, not a person's


def unit_named(name: str, unit: str) -> str | None:
    """For an account named after its unit (互助县纪委监委（演示）): the unit's name once, with the account's note
    (互助土族自治县纪委监委（演示）); None for a person's name."""
    found = _NOTE.match(name.strip())
    core, note = (found.group(1), found.group(2) or "") if found else (name.strip(), "")
    return f"{unit.strip()}{note}" if _names_the_unit(core, unit.strip()) else None


def header_who(viewer: Viewer) -> str:
    name = (viewer.display_name or viewer.username).strip()
    unit = viewer.unit_name.strip()
    shown = unit_named(name, unit) or f"{name} · {unit}"
    if viewer.role == Role.ADMIN and "管理员" not in shown:
        shown += " · 系统管理员"
    return shown


def header_desk(viewer: Viewer | None) -> tuple[str, str]:
    """The header's name for the signed-in role's work and where it links; just the service before sign-in."""
    if not viewer:  # also a page rendered with no viewer given at all (Jinja's undefined)
        return "清风", "/admin/login"
    desk, home = DESKS.get(viewer.role, ("", "/admin/cases"))
    return (f"清风 · {desk}" if desk else "清风"), home
