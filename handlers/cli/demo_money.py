"""The demo village's synthetic households and payments (合成数据, dev only), loaded by `qingfeng setup` so that
menu 5 (我家补贴) can be tried at once: one household's head, ID number's last six and 家庭码 are printed.

The set is cases/money/demo.py's (every ID number in the unassigned region 990000, every id starting with
SYN); it is built again on every run (the same seed gives the same people) and imported only once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cases.money import demo
from cases.money import household as hh
from cases.money.importer import import_rows
from cases.timeutil import local_date
from storage.models.money import MoneyPerson

DEMO_VILLAGE = "630223106213"  # 土观村, the README tour's village
PEOPLE = 40  # about ten households


@dataclass(frozen=True)
class DemoHousehold:
    name: str
    last_six: str
    code: str


def ensure_demo_money(session: Session, *, now: datetime, village: str = DEMO_VILLAGE) -> DemoHousehold | None:
    """Load the village's synthetic households and payments unless it has households; one to try 我家补贴 with
    (None when the village has households of its own, not these)."""
    data = demo.build([village], people_per_village=PEOPLE, planted=0, today=local_date(now))
    has = session.scalar(select(func.count()).select_from(MoneyPerson).where(MoneyPerson.village_code == village))
    if not has:
        import_rows(session, kind="households", rows=data.households, now=now)
        import_rows(session, kind="payments", rows=data.payments, now=now)
    paid = {row.values.get("person_id") for row in data.payments}
    head = next(
        (r.values for r in data.households if r.values["relation"] == "户主" and r.values["person_id"] in paid), None
    )
    if head is None:
        return None
    cards = {c.household_id: c.code for c in hh.issue_codes(session, village_code=village, now=now)}
    code = cards.get(head["household_id"])
    return None if code is None else DemoHousehold(head["name"], head["person_id"][-6:], code)
