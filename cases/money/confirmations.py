"""The share of payments households confirmed, per village, for the unit scoreboard (#21 §4): of the payment
lines of the 24 months up to the board's month, how many the household answered 收到了, 没收到 or 金额不对,
and how many nobody answered yet. Within the viewer's scope: the city every village, a county's units their
county's villages, a town its own villages. Counts only: nothing says who answered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, case, func, select, true
from sqlalchemy.orm import Session

from cases import access
from storage.models import Village
from storage.models.money import MoneyConfirmation, MoneyPayment
from storage.models.staff import Unit

MONTHS: Final = 24  # what a household sees of its own payments (household.MONTHS_SHOWN)
LISTED: Final = 50  # villages listed: every one with a complaint, then the lowest shares up to this many
DEFINITION: Final = (
    "近24个月（截至所选月份）发放到户的补贴笔数中，群众在“我家补贴”里逐笔答复的情况；同一笔有几位家人答复时，"
    "按“没收到”“金额不对”“收到了”的顺序计一次。已确认占比 = 已答复笔数 ÷ 发放笔数。只统计笔数，不显示是谁答复的。"
)
# An answer's weight when several holders answered the same payment: a complaint is never hidden by a thanks.
_RECEIVED, _WRONG, _MISSING = 1, 2, 3


def percent(share: float | None) -> str:
    """0.0045 -> '0.5%'; no payments -> '—'. One decimal, so one answered payment of 221 is not shown as 0%."""
    return "—" if share is None else f"{share * 100:.1f}%"


@dataclass(frozen=True)
class VillageShare:
    code: str
    name: str
    total: int
    received: int = 0
    missing: int = 0
    wrong_amount: int = 0

    @property
    def unconfirmed(self) -> int:
        return self.total - self.received - self.missing - self.wrong_amount

    @property
    def share(self) -> float | None:
        return (self.total - self.unconfirmed) / self.total if self.total else None

    @property
    def share_text(self) -> str:
        """The share as both staff pages show it (/admin/scoreboard and /admin/money): one rounding."""
        return percent(self.share)

    @property
    def complaints(self) -> int:
        """Payments answered 没收到 or 金额不对: someone has to act on them."""
        return self.missing + self.wrong_amount


@dataclass(frozen=True)
class Shares:
    villages: list[VillageShare]  # every village with a complaint (most first), then the lowest shares
    total: VillageShare  # the whole scope
    more: int  # villages with payments not listed


def _prefix(session: Session, viewer: access.Viewer, choice: str) -> str | None:
    """The village codes the viewer may see start with this ('' = all of them); None: none."""
    if viewer.role == access.Role.CITY:
        scope = ""
    elif viewer.role in (access.Role.COUNTY_DISCIPLINE, access.Role.DEPARTMENT) and viewer.county_code:
        scope = viewer.county_code
    elif viewer.role == access.Role.TOWN and len(viewer.unit_code) == 12 and viewer.unit_code.isdigit():
        return viewer.unit_code[:9]  # a town's villages share its code's first nine digits
    else:
        return None
    if choice.isdigit() and len(choice) == 6:
        narrowed = choice
    elif choice:
        unit = session.get(Unit, choice)
        if unit is None:
            return scope
        narrowed = unit.code[:9] if unit.kind == "town" and unit.code.isdigit() else (unit.county_code or scope)
    else:
        return scope
    return narrowed if narrowed.startswith(scope) else scope


def _within(prefix: str) -> ColumnElement[bool]:
    if not prefix:
        return true()
    after = prefix[:-1] + chr(ord(prefix[-1]) + 1)  # codes are digits: a range the village index serves
    return and_(MoneyPayment.village_code >= prefix, MoneyPayment.village_code < after)


def _months_before(month: str, back: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 - back
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def by_village(session: Session, viewer: access.Viewer, *, month: str, choice: str = "", every: bool = False) -> Shares:
    """`month` YYYY-MM; `choice` the scoreboard's pick (a county code or a unit code, '' the whole scope).
    Lists every village with a 没收到 or 金额不对 (those need action, most complaints first), then the lowest
    confirmed shares up to LISTED villages in all; `every` lists them all."""
    prefix = _prefix(session, viewer, choice)
    if prefix is None:
        return Shares([], VillageShare("", "合计", 0), 0)
    window = and_(
        _within(prefix),
        MoneyPayment.period >= _months_before(month, MONTHS - 1),
        MoneyPayment.period <= month,
    )
    totals = {
        str(code): int(n)
        for code, n in session.execute(
            select(MoneyPayment.village_code, func.count()).where(window).group_by(MoneyPayment.village_code)
        )
    }
    weight = case(
        (MoneyConfirmation.answer == "missing", _MISSING),
        (MoneyConfirmation.answer == "wrong_amount", _WRONG),
        else_=_RECEIVED,
    )
    answered = (
        select(MoneyConfirmation.payment_id, func.max(weight).label("worst"))
        .group_by(MoneyConfirmation.payment_id)
        .subquery()
    )
    counts: dict[str, dict[int, int]] = {}
    rows: Any = session.execute(
        select(MoneyPayment.village_code, answered.c.worst, func.count())
        .join(answered, answered.c.payment_id == MoneyPayment.payment_id)
        .where(window)
        .group_by(MoneyPayment.village_code, answered.c.worst)
    )
    for code, worst, n in rows:
        counts.setdefault(str(code), {})[int(worst)] = int(n)
    names = {
        str(code): str(name)
        for code, name in session.execute(select(Village.code, Village.name).where(Village.code.in_(list(totals))))
    }
    villages = [
        VillageShare(
            code,
            names.get(code, "未知村"),
            total,
            counts.get(code, {}).get(_RECEIVED, 0),
            counts.get(code, {}).get(_MISSING, 0),
            counts.get(code, {}).get(_WRONG, 0),
        )
        for code, total in totals.items()
    ]
    villages.sort(key=lambda v: (-v.complaints, v.share or 0.0, v.code))
    whole = VillageShare(
        "",
        "合计",
        sum(v.total for v in villages),
        sum(v.received for v in villages),
        sum(v.missing for v in villages),
        sum(v.wrong_amount for v in villages),
    )
    listed = len(villages) if every else max(LISTED, sum(1 for v in villages if v.complaints))
    return Shares(villages[:listed], whole, max(0, len(villages) - listed))
