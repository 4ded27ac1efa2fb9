"""The unit scoreboard, 一县一单、一部门一单 (#20 §4): per unit (department or town) and month of receipt, with
the county and city totals, a ranking, a twelve-month trend, the categories and villages with the most cases
and a spike alert; always within the viewer's scope (scoreboard_sql.scope_for). Figures come from the rollup
unit_score_cells (migration 0022); `rollup=False` computes the same from the cases (the bench's baseline).

A unit is judged on the cases it leads now, by the month they were received. Definitions (also on the page,
DEFINITIONS):
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import access, ratings
from cases.categories import by_code
from cases.reading import scoreboard_sql as sql
from cases.timeutil import local_date
from storage.models.staff import Unit

DEFINITIONS: Final[tuple[tuple[str, str], ...]] = (
    ("收到件数", "当月收到、现由该单位牵头办理的案件数"),
    (
        "签收及时率",
        "按时签收件数 ÷（已签收件数 + 超时未签收件数）；"
        "签收指首次答复群众（受理、不予受理或公开答复），按时指在首次响应期限内",
    ),
    ("按期办结率", "按期办结件数 ÷（已办结件数 + 超期未办结件数）"),
    ("解决率", "已办结且群众未评“不满意”“非常不满意”的件数 ÷ 已办结件数（未评价的按已解决计；申诉成立的评价不计）"),
    ("满意率", ratings.WEIGHTS_TEXT),
    ("重办率", "因群众不满意重新办理（重办）的件次 ÷ 收到件数"),
    ("退单率", "退回件次 ÷ 派单件次（派单件次 = 收到件数 + 已转出、改派的件数）"),
    ("平均响应", "从收到到首次答复的工作日数的平均（当天答复为 0）；节假日依国务院办公厅通知"),
    ("平均办结", "从收到到办结的工作日数的平均"),
)
FLAG_SHARE: Final = 5  # the lowest fifth of the ranked units (at least one) is flagged
SPIKE_TIMES: Final = 3  # a category in a unit (a town: its villages) at ≥ 3× its average of the 3 months before
SPIKE_MINIMUM: Final = 3  # …and at least this many cases (a jump from 0 to 1 is no alert)


@dataclass
class Figures:
    sums: sql.Sums = field(default_factory=sql.Sums)

    @staticmethod
    def _share(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def received(self) -> int:
        return self.sums.received

    @property
    def ratings(self) -> dict[int, int]:
        return {level: getattr(self.sums, f"rating_{level}") for level in sql.LEVELS}

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())

    @property
    def sign_rate(self) -> float | None:
        s = self.sums
        return self._share(s.signed_on_time, s.signed + s.unsigned_late)

    @property
    def on_time_rate(self) -> float | None:
        s = self.sums
        return self._share(s.closed_on_time, s.closed + s.open_late)

    @property
    def resolve_rate(self) -> float | None:
        return self._share(self.sums.resolved, self.sums.closed)

    @property
    def satisfaction(self) -> float | None:
        return ratings.satisfaction(self.ratings)

    @property
    def redo_rate(self) -> float | None:
        return self._share(self.sums.redone, self.sums.received)

    @property
    def return_rate(self) -> float | None:
        return self._share(self.sums.returned, self.sums.received + self.sums.moved_out)

    @property
    def avg_response_days(self) -> float | None:
        s = self.sums
        return round(s.response_workdays / s.signed, 1) if s.signed else None

    @property
    def avg_close_days(self) -> float | None:
        s = self.sums
        return round(s.close_workdays / s.closed, 1) if s.closed else None

    @property
    def score(self) -> float | None:
        """The ranking's score: the mean of 签收及时率, 按期办结率, 解决率 and 满意率, of those it has."""
        parts = [x for x in (self.sign_rate, self.on_time_rate, self.resolve_rate, self.satisfaction) if x is not None]
        return sum(parts) / len(parts) if parts else None


# (attribute of Figures, label, kind: pct | days | count), in the page's order.
FIGURES: Final[tuple[tuple[str, str, str], ...]] = (
    ("received", "收到件数", "count"),
    ("sign_rate", "签收及时率", "pct"),
    ("on_time_rate", "按期办结率", "pct"),
    ("resolve_rate", "解决率", "pct"),
    ("satisfaction", "满意率", "pct"),
    ("redo_rate", "重办率", "pct"),
    ("return_rate", "退单率", "pct"),
    ("avg_response_days", "平均响应（工作日）", "days"),
    ("avg_close_days", "平均办结（工作日）", "days"),
)


@dataclass
class UnitRow:
    code: str
    name: str
    figures: Figures
    rank: int | None = None
    flagged: bool = False


@dataclass(frozen=True)
class Spike:
    unit: str
    category: str
    count: int
    average: float

    @property
    def text(self) -> str:
        """The alert's sentence: `前三个月没有` when the months before had none, the average to one decimal
        (0.3 件, 1 件, 1.7 件) otherwise."""
        head = f"{self.unit}“{self.category}”本月 {self.count} 件，"
        if not self.average:
            return head + "前三个月没有。"
        shown = f"{self.average:.1f}".removesuffix(".0")
        return head + f"是前三个月月均 {shown} 件的三倍以上。"


@dataclass
class Board:
    month: str
    choice: str
    choice_name: str
    total: Figures
    counties: list[UnitRow]
    units: list[UnitRow]
    trend: list[tuple[str, Figures]]
    categories: list[tuple[str, int]]
    villages: list[tuple[str, int]]
    spikes: list[Spike]


@dataclass(frozen=True)
class Choice:
    code: str
    name: str


def choices(session: Session, viewer: access.Viewer) -> list[Choice]:
    """What the unit picker offers: the whole scope, then counties (city) and the units in the scope."""
    if viewer.role in (access.Role.DEPARTMENT, access.Role.TOWN):
        return [Choice("", viewer.unit_name)]
    whole = Choice("", "全市" if viewer.role == access.Role.CITY else "全县")
    units = select(Unit).where(Unit.kind.in_(("department", "town")), Unit.active.is_(True)).order_by(Unit.code)
    if viewer.role == access.Role.COUNTY_DISCIPLINE and viewer.county_code:
        units = units.where(Unit.county_code == viewer.county_code)
        counties: list[Choice] = []
    elif viewer.role == access.Role.CITY:
        county_units = select(Unit).where(Unit.kind == "county").order_by(Unit.code)
        counties = [Choice(u.code, u.name) for u in session.scalars(county_units)]
    else:
        return [whole]
    return [whole, *counties, *(Choice(u.code, u.name) for u in session.scalars(units))]


def compute(
    session: Session, viewer: access.Viewer, *, month: str, choice: str, now: datetime, rollup: bool = True
) -> Board:
    """The board for one month (YYYY-MM, Beijing) and one pick of the unit picker ('' = the whole scope).
    A choice outside the viewer's scope reads as the whole scope."""
    offered = {c.code: c.name for c in choices(session, viewer)}
    if choice not in offered:
        choice = ""
    scope = sql.narrowed(sql.scope_for(viewer), choice)
    first = sql.shift(month, -11)
    cells: sql.Cells = {}
    if viewer.role == access.Role.TOWN:
        # A town's figures come from its cases (never one about its own cadres, which the rollup cannot
        # tell apart); its returns and moves, which it made itself, from the rollup.
        rollup = False
        sql.direct(session, scope, first, month, cells, events=False)
        sql.marks(session, scope, first, month, cells)
    else:
        (sql.rollup if rollup else sql.direct)(session, scope, first, month, cells)
    sql.clock(session, scope, first, month, now, cells)
    names = {u.code: u.name for u in session.scalars(select(Unit))}
    by_month: dict[str, sql.Sums] = {}
    units: dict[str, sql.Sums] = {}
    counties: dict[str, sql.Sums] = {}
    for (m, county, unit), sums in cells.items():
        by_month.setdefault(m, sql.Sums()).add(sums)
        if m == month:
            units.setdefault(unit, sql.Sums()).add(sums)
            counties.setdefault(county, sql.Sums()).add(sums)
    trend = [(sql.shift(month, i), Figures(by_month.get(sql.shift(month, i), sql.Sums()))) for i in range(-11, 1)]
    return Board(
        month=month,
        choice=choice,
        choice_name=offered.get(choice, ""),
        total=Figures(by_month.get(month, sql.Sums())),
        counties=[UnitRow(c, names.get(c, c), Figures(s)) for c, s in sorted(counties.items())],
        units=ranked([UnitRow(u, names.get(u, u), Figures(s)) for u, s in units.items()]),
        trend=trend,
        categories=[(_category(c), n) for c, n in sql.categories(session, scope, month, rollup=rollup)[:5]],
        villages=[(name, n) for _code, name, n in sql.villages(session, scope, month)],
        spikes=spikes(session, scope, month, names),
    )


def ranked(rows: list[UnitRow]) -> list[UnitRow]:
    """Units by score, best first (then by cases received); the lowest fifth (at least one, when there are
    two or more scored units) flagged. A unit with nothing to score yet is listed last, unranked."""
    scored = sorted((r for r in rows if r.figures.score is not None), key=lambda r: (-(r.figures.score or 0), r.code))
    rest = sorted((r for r in rows if r.figures.score is None), key=lambda r: (-r.figures.received, r.code))
    for i, row in enumerate(scored, start=1):
        row.rank = i
    if len(scored) >= 2:
        worst = max(1, len(scored) // FLAG_SHARE)
        low = scored[-1].figures.score
        for row in scored[-worst:]:
            row.flagged = True
        for row in scored:  # a tie with the lowest is flagged too
            if row.figures.score == low:
                row.flagged = True
    return scored + rest


def spikes(session: Session, scope: sql.Scope, month: str, names: dict[str, str]) -> list[Spike]:
    """A category in a town (the cases from its villages the viewer may see, whichever unit leads them) this
    month at least SPIKE_TIMES its average of the three months before, and at least SPIKE_MINIMUM cases."""
    counts = sql.town_categories(session, scope, sql.shift(month, -3), month)
    out: list[Spike] = []
    for (unit, category, m), n in counts.items():
        if m != month or n < SPIKE_MINIMUM:
            continue
        average = sum(counts.get((unit, category, sql.shift(month, -i)), 0) for i in (1, 2, 3)) / 3
        if n >= SPIKE_TIMES * average:
            out.append(Spike(names.get(unit, unit), _category(category), n, round(average, 1)))
    return sorted(out, key=lambda s: (-s.count, s.unit, s.category))


def _category(code: str) -> str:
    found = by_code(code)
    return found.label if found else "其他"


def this_month(now: datetime) -> str:
    day = local_date(now)
    return f"{day.year:04d}-{day.month:02d}"
