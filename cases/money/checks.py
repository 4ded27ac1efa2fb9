"""The cross-check rules: each is one set-based SQL statement over the payments and the registers.

A statement returns the payments that make up its findings, with the key that groups them into one
finding (a person and an item, a person, item and period, or an account). Python only groups the
returned rows into findings; it never walks the payments itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Select, and_, case, exists, func, literal, select, union
from sqlalchemy.orm import Session

from cases.money.items import items
from storage.models.money import MoneyCadre, MoneyDeath, MoneyPayment, MoneyPerson

DATA = Path(__file__).parent / "rules.yaml"
P = MoneyPayment


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    description: str
    basis: str
    severity: str  # high, medium, review
    category: str  # the case category of its clues
    accused: str | None  # the cadre level a clue is about, for routing's conflict of interest


@dataclass
class Finding:
    rule: str
    key: tuple[str, ...]  # identifies the finding across runs
    village_code: str
    item: str
    people: list[str] = field(default_factory=list)  # masked ID numbers
    names: list[str] = field(default_factory=list)  # masked names
    periods: list[str] = field(default_factory=list)
    amount_fen: int = 0
    payments: list[str] = field(default_factory=list)
    accounts: list[str] = field(default_factory=list)  # masked

    @property
    def period(self) -> str:
        first, last = min(self.periods), max(self.periods)
        return first if first == last else f"{first}~{last}"


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    found = {str(r["code"]): Rule(**{k: r.get(k) for k in Rule.__dataclass_fields__}) for r in raw}
    missing = set(found) - set(_QUERIES) - set(_WARNINGS)
    if missing:
        raise ValueError(f"rules.yaml: no SQL for {sorted(missing)}")
    return found


def _payments(*group: Any) -> Select[Any]:
    """The columns every rule returns: the payment, and the key columns that group it into a finding."""
    keys = [g.label(f"k{i}") for i, g in enumerate(group)]
    return select(
        P.payment_id, P.person_mask, P.name_mask, P.item, P.period, P.amount_fen, P.village_code, P.account_mask, *keys
    )


def paid_after_death() -> Select[Any]:
    death = MoneyDeath
    return (
        _payments(P.person_hash, P.item)
        .join(death, death.person_hash == P.person_hash)
        .where(P.period_start > death.died_month)
    )


def paid_twice() -> Select[Any]:
    twice = (
        select(P.person_hash, P.item, P.period)
        .group_by(P.person_hash, P.item, P.period)
        .having(func.count() > 1)
        .subquery()
    )
    on = and_(twice.c.person_hash == P.person_hash, twice.c.item == P.item, twice.c.period == P.period)
    return _payments(P.person_hash, P.item, P.period).join(twice, on)


def status_mismatch() -> Select[Any]:
    required = {i.name: i.requires for i in items().values() if i.requires}
    needs = case(*((P.item == name, literal(status)) for name, status in required.items()), else_=literal(""))
    person = MoneyPerson
    return (
        _payments(P.person_hash, P.item)
        .join(person, person.person_hash == P.person_hash)
        .where(P.item.in_(list(required)), person.status != needs)
    )


def unknown_recipient() -> Select[Any]:
    person = MoneyPerson
    registered = exists().where(person.person_hash == P.person_hash, person.village_code == P.village_code)
    return _payments(P.person_hash, P.item).where(~registered)


def shared_account() -> Select[Any]:
    person = MoneyPerson
    household = func.coalesce(person.household_id, P.person_hash)
    shared = (
        select(P.account_hash)
        .outerjoin(person, person.person_hash == P.person_hash)
        .group_by(P.account_hash)
        .having(func.count(household.distinct()) > 1)
        .subquery()
    )
    return _payments(P.account_hash).join(shared, shared.c.account_hash == P.account_hash)


def cadre_relative() -> Select[Any]:
    discretionary = [i.name for i in items().values() if i.discretionary]
    cadre = MoneyCadre
    who = union(
        select(cadre.cadre_hash.label("h"), cadre.village_code.label("v")),
        select(cadre.relative_hash.label("h"), cadre.village_code.label("v")).where(cadre.relative_hash != ""),
    ).subquery()
    return (
        _payments(P.person_hash, P.item)
        .join(who, and_(who.c.h == P.person_hash, who.c.v == P.village_code))
        .where(P.item.in_(discretionary))
    )


def _month(start: date, delta: int) -> date:
    index = start.year * 12 + start.month - 1 + delta
    return date(index // 12, index % 12 + 1, 1)


def _latest(session: Session, county: str | None) -> date | None:
    """The latest period in the data: "stopped" and "fell" are judged against it, not the clock."""
    query = select(func.max(P.period_start))
    if county:
        query = query.where(P.village_code.startswith(county[:6]))
    return session.scalar(query)


def monitored_stopped(latest: date) -> Select[Any]:
    """A 监测户 member's monthly item, paid at least three times, last paid two months or more before the
    latest period; a recorded death explains a stop, so the dead are left out."""
    monthly = [i.name for i in items().values() if i.monthly]
    person = MoneyPerson
    stopped = (
        select(P.person_hash, P.item)
        .join(person, person.person_hash == P.person_hash)
        .where(person.status == "监测户", P.item.in_(monthly))
        .group_by(P.person_hash, P.item)
        .having(func.count() >= 3, func.max(P.period_start) < _month(latest, -1))
        .subquery()
    )
    dead = exists().where(MoneyDeath.person_hash == P.person_hash)
    return (
        _payments(P.person_hash, P.item)
        .join(stopped, and_(stopped.c.person_hash == P.person_hash, stopped.c.item == P.item))
        .where(~dead, P.period_start >= _month(latest, -11))
    )


def _amount_between(low: date, high: date) -> Any:
    return func.sum(case((and_(P.period_start >= low, P.period_start < high), P.amount_fen), else_=0))


def income_fell(latest: date) -> Select[Any]:
    """A household's monthly items over the last six months, under half of the six months before; a
    household with a death in those twelve months is left out (a pension ends with its holder)."""
    monthly = [i.name for i in items().values() if i.monthly]
    person, recent, before = MoneyPerson, _month(latest, -5), _month(latest, -11)
    fell = (
        select(person.household_id)
        .join(P, P.person_hash == person.person_hash)
        .where(P.item.in_(monthly), P.period_start >= before)
        .group_by(person.household_id)
        .having(_amount_between(recent, _month(latest, 1)) * 2 < _amount_between(before, recent))
        .subquery()
    )
    member, death = MoneyPerson.__table__.alias("member"), MoneyDeath
    bereaved = (
        exists()
        .where(member.c.household_id == person.household_id, death.person_hash == member.c.person_hash)
        .where(death.died_month >= before)
    )
    return (
        _payments(person.household_id)
        .join(person, person.person_hash == P.person_hash)
        .join(fell, fell.c.household_id == person.household_id)
        .where(P.item.in_(monthly), P.period_start >= before, ~bereaved)
    )


_WARNINGS: dict[str, Callable[[date], Select[Any]]] = {
    "monitored_stopped": monitored_stopped,
    "income_fell": income_fell,
}

_QUERIES: dict[str, Callable[[], Select[Any]]] = {
    "paid_after_death": paid_after_death,
    "paid_twice": paid_twice,
    "status_mismatch": status_mismatch,
    "unknown_recipient": unknown_recipient,
    "shared_account": shared_account,
    "cadre_relative": cadre_relative,
}


def find(session: Session, rule: str, *, county: str | None = None) -> list[Finding]:
    """The findings of one rule, over one county's villages or all of them."""
    if rule in _WARNINGS:
        latest = _latest(session, county)
        if latest is None:
            return []
        query = _WARNINGS[rule](latest)
    else:
        query = _QUERIES[rule]()
    if county:
        query = query.where(P.village_code.startswith(county[:6]))
    findings: dict[tuple[str, ...], Finding] = {}
    for row in session.execute(query.order_by(P.payment_id)).mappings():
        key = tuple(str(v) for k, v in row.items() if k.startswith("k"))
        found = findings.get(key)
        if found is None:
            found = findings[key] = Finding(rule=rule, key=key, village_code=row["village_code"], item=row["item"])
        _add(found, row)
    return list(findings.values())


def _add(found: Finding, r: Mapping[Any, Any]) -> None:
    if r["payment_id"] in found.payments:
        return
    found.payments.append(str(r["payment_id"]))
    found.amount_fen += int(r["amount_fen"])
    for target, value in (
        (found.people, r["person_mask"]),
        (found.names, r["name_mask"]),
        (found.periods, r["period"]),
        (found.accounts, r["account_mask"]),
    ):
        if value not in target:
            target.append(str(value))
    if r["item"] not in found.item.split("、"):
        found.item = f"{found.item}、{r['item']}"


def find_all(session: Session, *, county: str | None = None) -> list[Finding]:
    return [f for code in rules() for f in find(session, code, county=county)]
