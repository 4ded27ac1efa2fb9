"""Case statistics per handling unit and per county, computed in SQL over the viewer's scope and the
queue's filters (cases/reading/queue.py). Definitions (also on the page):

- received: cases created in the range;
- on time / overdue: a closed case is on time when it closed by its deadline (resolve_due, extensions
  included); overdue counts cases closed late plus open cases past their deadline; open cases not yet
  due are "in progress";
- findings: closed (or rejected) cases by their finding 查实 / 部分查实 / 不实 / 不属于受理范围;
- first response: the first time a unit answered the villager (accepted, rejected, or a public reply);
  days from receipt, calendar days, averaged over the cases that have one;
- close: days from receipt to closing, over closed cases;
- satisfaction: the rating a case carries now, on the five levels of cases/ratings.py (不满意 and 非常不满意
  reopen the case, and its rating is replaced when it is closed and rated again); 满意率 weighs each level
  by ratings.WEIGHTS (ratings.WEIGHTS_TEXT); a rating whose appeal was upheld is left out. Ratings given
  before migration 0021 were on three levels and count as ratings.FROM_THREE_LEVELS put them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import access, ratings
from cases.handling import case_steps
from cases.reading import queue, stats_sql
from storage.models.staff import Unit

# How the page states the weighting and the mapping of the ratings given before the five levels.
WEIGHTS_TEXT = ratings.WEIGHTS_TEXT
_OLD = "、".join(ratings.LABELS[level] for level in ratings.FROM_THREE_LEVELS.values())
THREE_LEVELS_TEXT = (
    f"改为五级评价前的评价只有三级（{_OLD}），已按原意计入五级中的同名等级"
    f"（{'，'.join(f'原 {old} 级计为“{ratings.LABELS[new]}”' for old, new in ratings.FROM_THREE_LEVELS.items())}）；"
    "那时没有“非常满意”和“非常不满意”。"
)


@dataclass
class Row:
    key: str
    name: str
    received: int = 0
    closed: int = 0
    on_time: int = 0
    overdue: int = 0
    pending: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    ratings: dict[int, int] = field(default_factory=dict)
    avg_first_response_days: float | None = None
    avg_close_days: float | None = None

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())

    @property
    def satisfied_share(self) -> float | None:
        """满意率, 0–1: the levels weighted as ratings.WEIGHTS says, over the rated cases."""
        return ratings.satisfaction(self.ratings)


@dataclass
class Statistics:
    by_unit: list[Row]
    by_county: list[Row]
    total: Row


def compute(
    session: Session, viewer: access.Viewer, filters: queue.QueueFilters, *, now: datetime, rollup: bool = True
) -> Statistics:
    """The statistics for the viewer's scope and the filters. `rollup=False` sums every case directly
    (the benchmark's baseline)."""
    f = queue.without_cursor(filters)
    cells: stats_sql.Cells = {}
    scope = access.rollup_scope(viewer) if rollup else None
    where = stats_sql.rollup_filters(scope, f) if scope is not None else None
    start, last = stats_sql.parse_day(f.date_from), stats_sql.parse_day(f.date_to)
    months = stats_sql.whole_months(start, last) if where is not None else None
    if scope is None or where is None or months is None:
        stats_sql.direct(session, viewer, f, now=now, cells=cells)
        return _tables(session, cells)
    first, end = months
    stats_sql.rollup(session, where, first, end, cells)
    in_months = stats_sql.day_range(f, first, end - timedelta(days=1) if end else None)
    stats_sql.open_cases(session, viewer, in_months, now=now, cells=cells, scope=scope.cases)
    if first is not None and start is not None and start < first:
        before = stats_sql.day_range(f, start, first - timedelta(days=1))
        stats_sql.direct(session, viewer, before, now=now, cells=cells, scope=scope.cases)
    if end is not None and last is not None and last >= end:
        after = stats_sql.day_range(f, end, last)
        stats_sql.direct(session, viewer, after, now=now, cells=cells, scope=scope.cases)
    if scope.rest is not None:  # e.g. the cases a department assists but does not lead
        stats_sql.direct(session, viewer, f, now=now, cells=cells, scope=scope.rest)
    return _tables(session, cells)


def _tables(session: Session, cells: stats_sql.Cells) -> Statistics:
    """Add the (county, unit) sums up per unit, per county and in total (a few hundred rows at most)."""
    names = {u.code: (u.name, u.kind) for u in session.scalars(select(Unit))}
    units: dict[str, stats_sql.Sums] = {}
    counties: dict[str, stats_sql.Sums] = {}
    total = stats_sql.Sums()
    for (county, unit), sums in cells.items():
        if not sums.received:
            continue
        units.setdefault(unit, stats_sql.Sums()).add(sums)
        counties.setdefault(county, stats_sql.Sums()).add(sums)
        total.add(sums)
    by_unit = [_row(code, names.get(code, (code, ""))[0], s) for code, s in units.items()]
    by_unit.sort(key=lambda x: (-x.received, x.key))
    by_county = [_row(code, names.get(code, (code, ""))[0], s) for code, s in sorted(counties.items())]
    return Statistics(by_unit=by_unit, by_county=by_county, total=_row("all", "合计", total))


def _row(key: str, name: str, s: stats_sql.Sums) -> Row:
    return Row(
        key=key,
        name=name,
        received=s.received,
        closed=s.closed,
        on_time=s.on_time,
        overdue=s.closed_late + s.open_overdue,
        pending=s.pending,
        findings={f: getattr(s, f"finding_{i}") for i, f in enumerate(case_steps.FINDINGS)},
        ratings={k: getattr(s, f"rating_{k}") for k in case_steps.RATINGS},
        avg_first_response_days=round(s.response_days / s.responded, 1) if s.responded else None,
        avg_close_days=round(s.close_days / s.closed, 1) if s.closed else None,
    )
