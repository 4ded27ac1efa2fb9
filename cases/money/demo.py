"""A synthetic data set (合成数据) for the registry's villages, with a known number of planted anomalies.

Households are sized as in rural Qinghai (1 to 7 people, about 3.8 on average), with the statuses'
usual shares; 24 months of payments end last month: 低保金 and 特困供养金 monthly to the head of such
households, the basic pension monthly to the old, the farmland subsidy yearly to every head, the
grassland award yearly to some, 公益性岗位补贴 and 产业奖补 to some 脱贫户, with a household's money on its
head's card. Deaths (payments stop in the month of death), village cadres and their declared relatives
(chosen from 一般户 households, so no clean discretionary payment reaches them). Then `planted` anomalies
of each rule's kind, each made so that it trips its own rule and no other. Every ID number has the
unassigned region 990000 (cases/money/synthetic.py), every household and payment id starts with SYN.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import count

from cases.money.files import Row
from cases.money.items import items
from cases.money.synthetic import fake_account, fake_id

SURNAMES = "马李张王赵刘韩祁鲁冶朱杨陈安星哈"
GIVEN = "明华英秀兰花福海德成春梅玉芳生忠林国荣"
STATUS_SHARES = (("一般户", 0.70), ("脱贫户", 0.18), ("监测户", 0.05), ("低保户", 0.05), ("特困户", 0.02))
SIZES = (1, 2, 3, 4, 4, 5, 5, 6, 7)  # picked uniformly: mean 4.1, median 4


@dataclass
class Person:
    n: int
    household: str
    village: str
    name: str
    relation: str
    status: str
    head_n: int


@dataclass
class DemoSet:
    households: list[Row] = field(default_factory=list)
    payments: list[Row] = field(default_factory=list)
    deaths: list[Row] = field(default_factory=list)
    cadres: list[Row] = field(default_factory=list)
    planted: dict[str, int] = field(default_factory=dict)  # rule -> findings planted

    def rows(self) -> int:
        return len(self.households) + len(self.payments) + len(self.deaths) + len(self.cadres)


def months(last: date, count: int) -> list[str]:
    """`count` months ending with the one before `last`'s month, oldest first."""
    index = last.year * 12 + last.month - 1
    return [f"{m // 12}-{m % 12 + 1:02d}" for m in range(index - count, index)]


class _Builder:
    def __init__(self, villages: Sequence[str], people_per_village: int, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.villages, self.per_village = villages, people_per_village
        self.periods = months(today, 24)
        self.out = DemoSet()
        self.next_n, self.next_payment, self.line = 1, 1, 2
        self.people: list[Person] = []

    def _row(self, values: dict[str, str]) -> Row:
        self.line += 1
        return Row(self.line, values)

    def person_n(self) -> int:
        self.next_n += 1
        return self.next_n

    def name(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2))))

    def pay(self, item: str, who: Person, period: str, amount: str, account_n: int, pid: str | None = None) -> None:
        if pid is None:
            self.next_payment += 1
            pid = f"SYN-P{self.next_payment:09d}"
        self.out.payments.append(
            self._row(
                {
                    "payment_id": pid,
                    "item": item,
                    "person_id": fake_id(who.n),
                    "name": who.name,
                    "village_code": who.village,
                    "period": period,
                    "amount": amount,
                    "paid_on": f"{period}-{10 + who.n % 15:02d}",
                    "account": fake_account(account_n),
                }
            )
        )

    def households(self) -> None:
        for v_index, village in enumerate(self.villages):
            placed, h = 0, 0
            while placed < self.per_village:
                h += 1
                placed += len(self.household(f"SYN-{v_index:04d}-{h:04d}", village, self._status()))

    def household(self, household: str, village: str, status: str) -> list[Person]:
        """A household of a random size, registered; its members."""
        size = self.rng.choice(SIZES)
        head_n = self.next_n + 1
        relations = ["户主", "配偶", *["子女"] * max(0, size - 3), "父母"][:size]
        members = []
        for relation in relations:
            p = Person(self.person_n(), household, village, self.name(), relation, status, head_n)
            members.append(p)
            self.people.append(p)
            self.out.households.append(
                self._row(
                    {
                        "household_id": household,
                        "village_code": village,
                        "person_id": fake_id(p.n),
                        "name": p.name,
                        "relation": relation,
                        "status": status,
                    }
                )
            )
        return members

    def spares(self, spare: list[Person]) -> Iterator[Person]:
        """`spare` people, then, when a small data set has run out of them (few people per village: most
        一般户 households are cadres'), members of extra 一般户 households that receive nothing else, so any
        size plants every anomaly asked for."""
        yield from spare
        for extra in count(1):
            village = self.villages[extra % len(self.villages)]
            yield from self.household(f"SYN-X{extra:06d}", village, "一般户")

    def _status(self) -> str:
        x, total = self.rng.random(), 0.0
        for status, share in STATUS_SHARES:
            total += share
            if x < total:
                return status
        return "一般户"

    def clean_payments(self) -> None:
        yearly = [p for p in self.periods if p.endswith("-11")]
        for p in self.people:
            died = self._maybe_dies(p)
            periods = [x for x in self.periods if died is None or x <= died]
            if p.relation == "户主":
                if p.status == "低保户":
                    for period in periods:
                        self.pay("低保金", p, period, "450.00", p.head_n)
                if p.status == "特困户":
                    for period in periods:
                        self.pay("特困供养金", p, period, "780.00", p.head_n)
                for period in (x for x in yearly if x in periods):
                    self.pay("耕地地力保护补贴", p, period, f"{self.rng.randint(3, 30) * 35}.00", p.head_n)
                    if p.n % 4 == 0:
                        self.pay("草原生态保护补助奖励", p, period, "1200.00", p.head_n)
                if p.status == "脱贫户" and p.n % 5 == 0 and periods:
                    self.pay("产业奖补", p, periods[len(periods) // 2], "3000.00", p.head_n)
            if p.relation == "父母":
                for period in periods:
                    self.pay("城乡居民基础养老金", p, period, "203.00", p.head_n)
            if p.relation == "子女" and p.status == "脱贫户" and p.n % 9 == 0:
                for period in periods[-6:]:
                    self.pay("公益性岗位补贴", p, period, "500.00", p.head_n)

    def _maybe_dies(self, p: Person) -> str | None:
        if p.relation != "父母" or p.n % 40:
            return None
        period = self.periods[self.rng.randrange(len(self.periods))]
        self.out.deaths.append(
            self._row({"person_id": fake_id(p.n), "name": p.name, "died_on": f"{period}-{1 + p.n % 27:02d}"})
        )
        return period

    def cadres(self) -> list[tuple[Person, Person]]:
        """Three cadres per village from 一般户 households; each declares the household's other members."""
        pairs: list[tuple[Person, Person]] = []
        by_village: dict[str, list[Person]] = {}
        for p in self.people:
            if p.status == "一般户" and p.relation == "户主":
                by_village.setdefault(p.village, []).append(p)
        members: dict[str, list[Person]] = {}
        for p in self.people:
            members.setdefault(p.household, []).append(p)
        for village, heads in by_village.items():
            del village
            for post, cadre in zip(("村党支部书记", "村委会主任", "村委会委员"), heads[:3], strict=False):
                relatives: list[Person | None] = [m for m in members[cadre.household] if m is not cadre]
                for rel in relatives or [None]:
                    self.out.cadres.append(self._row(self._cadre_row(cadre, post, rel)))
                    if rel is not None:
                        pairs.append((cadre, rel))
        return pairs

    def _cadre_row(self, cadre: Person, post: str, rel: Person | None) -> dict[str, str]:
        return {
            "person_id": fake_id(cadre.n),
            "name": cadre.name,
            "village_code": cadre.village,
            "post": post,
            "relative_id": fake_id(rel.n) if rel else "",
            "relative_name": rel.name if rel else "",
            "relation": rel.relation if rel else "",
        }

    def plant(self, per_rule: int, pairs: list[tuple[Person, Person]]) -> None:
        """Each planted finding trips its own rule only (see the module's docstring)."""
        # Recipients of nothing yet, in 一般户 households, alive, not cadres or relatives: safe to plant on.
        taken = {p.n for pair in pairs for p in pair}
        paid = {r.values["person_id"] for r in self.out.payments}
        spare = [p for p in self.people if p.status == "一般户" and p.n not in taken and fake_id(p.n) not in paid]
        self.rng.shuffle(spare)
        pick = self.spares(spare)
        last = self.periods[-1]
        for _ in range(per_rule):  # paid after death: the pension goes on for three months
            p = next(pick)
            died = self.periods[-5]
            self.out.deaths.append(self._row({"person_id": fake_id(p.n), "name": p.name, "died_on": f"{died}-03"}))
            for period in self.periods[-5:-1]:
                self.pay("城乡居民基础养老金", p, period, "203.00", p.head_n)
        for _ in range(per_rule):  # paid twice: the same month's pension, two payments
            p = next(pick)
            self.pay("城乡居民基础养老金", p, last, "203.00", p.head_n)
            self.pay("城乡居民基础养老金", p, last, "203.00", p.head_n)
        for _ in range(per_rule):  # 低保金 to a 一般户
            p = next(pick)
            for period in self.periods[-3:]:
                self.pay("低保金", p, period, "450.00", p.head_n)
        for _ in range(per_rule):  # a recipient in no register
            ghost = Person(self.person_n(), "", self.villages[0], self.name(), "", "", 0)
            self.pay("高龄补贴", ghost, last, "100.00", ghost.n)
        for i in range(per_rule):  # one card (of its own) paid for two households
            p = next(pick)
            other = next(q for q in pick if q.household != p.household)
            card = 10**12 + i  # beyond any person's number: no other payment goes to it
            self.pay("高龄补贴", other, last, "100.00", card)
            self.pay("高龄补贴", p, last, "100.00", card)
        dead = {r.values["person_id"] for r in self.out.deaths}
        pairs = [pair for pair in pairs if fake_id(pair[1].n) not in dead]
        self.rng.shuffle(pairs)
        for cadre, rel in pairs[:per_rule]:  # 临时救助金 to a cadre's declared relative
            del cadre
            self.pay("临时救助金", rel, last, "1000.00", rel.head_n)
        monitored = self._plant_warnings(per_rule, pick, taken, paid)
        counts = (per_rule,) * 5 + (min(per_rule, len(pairs)), monitored, per_rule)
        rules = ("paid_after_death", "paid_twice", "status_mismatch", "unknown_recipient", "shared_account")
        self.out.planted = dict(
            zip((*rules, "cadre_relative", "monitored_stopped", "income_fell"), counts, strict=True)
        )

    def _plant_warnings(self, per_rule: int, pick: Iterator[Person], taken: set[int], paid: set[str]) -> int:
        """A 监测户 member's pension that stopped two months before the end; a household whose only
        monthly payment fell from 203 to 50 yuan for the last six months."""
        monthly = {i.name for i in items().values() if i.monthly}
        by_id = {fake_id(p.n): p for p in self.people}
        steady = {
            by_id[r.values["person_id"]].household
            for r in self.out.payments
            if r.values["item"] in monthly and r.values["person_id"] in by_id
        }
        watched = [p for p in self.people if p.status == "监测户" and p.n not in taken and fake_id(p.n) not in paid]
        watched = watched[:per_rule]
        for extra in count(1):  # a small data set may hold too few: extra 监测户 households
            if len(watched) >= per_rule:
                break
            village = self.villages[extra % len(self.villages)]
            watched += self.household(f"SYN-W{extra:06d}", village, "监测户")[: per_rule - len(watched)]
        for p in watched:
            for period in self.periods[-12:-2]:
                self.pay("城乡居民基础养老金", p, period, "203.00", p.head_n)
        for _ in range(per_rule):
            p = next(q for q in pick if q.household not in steady)
            steady.add(p.household)
            for period in self.periods[-12:-6]:
                self.pay("城乡居民基础养老金", p, period, "203.00", p.head_n)
            for period in self.periods[-6:]:
                self.pay("城乡居民基础养老金", p, period, "50.00", p.head_n)
        return len(watched)


def build(villages: Sequence[str], *, people_per_village: int, planted: int, seed: int = 21, today: date) -> DemoSet:
    b = _Builder(villages, people_per_village, seed, today)
    b.households()
    b.clean_payments()
    pairs = b.cadres()
    b.plant(planted, pairs)
    return b.out
