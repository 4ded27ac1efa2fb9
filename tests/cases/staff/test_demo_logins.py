"""Every unit the packaged routing rules can make lead or co-unit (协办) in the demo county has a demo login,
so a tour that asks for 会办 (e.g. 财政局 and 审计局) can be finished; and `qingfeng setup` creates them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cases.org import dept_unit, rule_template
from cases.staff import accounts
from handlers.landing.views import DEMO_VILLAGE
from storage.db import transaction
from storage.models.places import Village
from storage.models.staff import StaffUser
from storage.types import utcnow
from tests.staff_support import load_org

COUNTY = DEMO_VILLAGE[:6]  # 互助土族自治县


def _rule_units() -> set[str]:
    depts = set()
    for rule in rule_template():
        depts.add(str(rule["lead_dept"]))
        depts.update(str(d) for d in rule.get("co_depts") or [])
    depts.discard("town")  # the village's own town: checked below for the demo village
    return {dept_unit(COUNTY, d) for d in depts}


def test_every_unit_the_rules_can_involve_in_the_demo_county_has_a_demo_login() -> None:
    demo_units = {unit for _user, _role, unit, _name in accounts.DEMO_STAFF}
    wanted = _rule_units()
    assert {"630223:jw", "630223:cz", "630223:sj"} <= wanted
    assert wanted - demo_units == set()


def test_setup_creates_the_bureau_logins_and_the_demo_villages_town(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    with transaction(sessions) as s:
        made = {unit for _user, _role, unit in accounts.ensure_demo_staff(s, now=utcnow())}
        town = s.scalars(select(Village.town_code).where(Village.code == DEMO_VILLAGE)).one()
        names = set(s.scalars(select(StaffUser.display_name)))
    assert _rule_units() | {town} <= made
    assert "互助县审计局（演示）" in names
