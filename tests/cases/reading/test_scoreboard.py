"""The unit scoreboard (#20 §4, migration 0022) on SQLite and PostgreSQL: every figure against a hand-counted
set of cases, for each role's scope (town, county department, county 纪委监委, city); the rollup kept by
triggers equals the figures summed from the cases; the ranking, the trend, the top categories and villages
and the spike alert."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases import access, lifecycle, workdays
from cases.reading import scoreboard, scoreboard_days
from cases.staff.accounts import create_user
from storage.db import make_sessionmaker, transaction
from storage.models import Base
from storage.models.cases import Case, CaseEvent, UnitScoreCell
from storage.models.staff import CaseRouting, Unit
from storage.types import utcnow
from tests.cases_support import report, submit_once
from tests.handlers.admin.test_admin_reports import viewer
from tests.staff_support import PASSWORD, load_org, town_of

T = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # Monday 10:00 Beijing
DAY = timedelta(days=1)
NOW = T + 20 * DAY
V1, V2, LEDU_V = "630223106213", "630223106201", "630202103203"
JW, NYNC, LEDU_JW = "630223:jw", "630223:nync", "630202:jw"


def _case(s: Session, cid: int, **values: object) -> Case:
    case = s.get(Case, cid)
    assert case is not None
    for name, value in values.items():
        setattr(case, name, value)
    s.flush()
    return case


def _returned(s: Session, case: Case, at: datetime) -> None:
    s.add(
        CaseEvent(
            case_id=case.id,
            at=at,
            actor="staff:t",
            action=lifecycle.EventAction.RETURN_REQUESTED,
            from_status=case.status,
            to_status=case.status,
            reason="退回：不属于本单位",
        )
    )
    s.flush()


def _reopen(s: Session, case: Case) -> None:
    lifecycle.transition(s, case=case, to=lifecycle.REOPENED, actor="villager", reason="不满意", now=T + 6 * DAY)


def hand_counted(sessions: sessionmaker[Session]) -> dict[str, int]:
    """March 2026 in 互助 (A–F) and 乐都 (G), February (H). Working days: Mon 2 March = receipt.

    A 纪委 funds V1: signed +1d (1 wd, on time), closed +3d on time (3 wd), 非常满意.
    B 纪委 funds V1: signed Sat 7th (4 wd, late), closed Thu 12th late (8 wd), 非常不满意.
    C 纪委 unfair V2: signed +1d on time, closed then reopened (重办), rating 不满意 kept, not yet due.
    D 纪委 funds V1: never signed, both deadlines passed.
    E town other V1: signed the same day (0 wd), closed Fri 6th after its deadline (4 wd), 基本满意; returned once.
    F 农业农村局 poverty_risk V2: returned by the bureau, then moved to the town; signed +1d on time, open.
    G 乐都纪委 funds: signed and closed +1d, 满意.   H 纪委 funds V1, 10 February: closed on time, 非常满意.
    I 11 January, about a village cadre (a conflict case), moved from the 纪委 to the town: never the town's figure."""
    load_org(sessions)
    village = {"E": V1, "F": V2, "C": V2, "G": LEDU_V}
    kinds: dict[str, dict[str, Any]] = {
        "C": {"category": "unfair"},
        "E": {"category": "other", "cadre_level": None},
        "F": {"category": "poverty_risk", "cadre_level": None},
        "I": {"category": "other"},
    }
    ids = {
        k: submit_once(
            sessions, report(f"o-{k}", village_code=village.get(k, V1), **kinds.get(k, {})), f"k-{k}"
        ).case_id
        for k in "ABCDEFGHI"
    }
    with transaction(sessions) as s:
        town = town_of(s, V1)
        create_user(
            s, username="town_t", role="town", unit_code=town, display_name="镇", password=PASSWORD, now=utcnow()
        )
        due = {"first_response_due": T + 2 * DAY, "resolve_due": T + 30 * DAY, "created_at": T}
        _case(s, ids["A"], **due, first_response_at=T + DAY, status="closed", closed_at=T + 3 * DAY, rating=1)
        _case(s, ids["B"], **due, first_response_at=T + 5 * DAY)
        _case(s, ids["B"], resolve_due=T + 4 * DAY, status="closed", closed_at=T + 10 * DAY, rating=5)
        _case(s, ids["C"], **due, first_response_at=T + DAY, status="closed", closed_at=T + 2 * DAY)
        _reopen(s, _case(s, ids["C"], rating=4))
        _case(s, ids["D"], **due, status="routed")
        _case(s, ids["D"], resolve_due=T + 10 * DAY)
        e = _case(s, ids["E"], **due, first_response_at=T + timedelta(hours=2))
        assert e.route_unit == town
        _returned(s, e, T + timedelta(hours=1))
        _case(s, ids["E"], resolve_due=T + 3 * DAY, status="closed", closed_at=T + 4 * DAY, rating=3)
        f = _case(s, ids["F"], **due)
        assert f.route_unit == NYNC
        _returned(s, f, T + timedelta(hours=3))
        _case(s, ids["F"], route_unit=town, route_unit_name="镇", first_response_at=T + DAY, status="accepted")
        g = _case(s, ids["G"], **due, first_response_at=T + DAY, status="closed", closed_at=T + DAY, rating=2)
        assert g.route_unit == LEDU_JW
        h = T - 20 * DAY
        _case(s, ids["H"], created_at=h, first_response_due=h + 2 * DAY, resolve_due=h + 30 * DAY)
        _case(s, ids["H"], first_response_at=h + DAY, status="closed", closed_at=h + 2 * DAY, rating=1)
        i = _case(s, ids["I"], created_at=T - 50 * DAY)
        assert s.get(CaseRouting, i.id).conflict  # type: ignore[union-attr]
        _case(s, ids["I"], route_unit=town, route_unit_name="镇")
    return ids


def _figures(f: scoreboard.Figures) -> tuple[object, ...]:
    return (
        f.received,
        f.sign_rate,
        f.on_time_rate,
        f.resolve_rate,
        f.satisfaction,
        f.redo_rate,
        f.return_rate,
        f.avg_response_days,
        f.avg_close_days,
    )


def _board(
    sessions: sessionmaker[Session], v: access.Viewer, choice: str = "", *, rollup: bool = True
) -> scoreboard.Board:
    with sessions() as s:
        return scoreboard.compute(s, v, month="2026-03", choice=choice, now=NOW, rollup=rollup)


JW_FIGURES = (4, 2 / 4, 1 / 3, 1 / 2, 1 / 3, 1 / 4, 0.0, 2.0, 5.5)
TOWN_FIGURES = (2, 1.0, 0.0, 1.0, 0.6, 0.0, 1 / 2, 0.5, 4.0)


def test_every_figure_against_hand_counted_cases_in_each_scope(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    hand_counted(sessions)
    with sessions() as s:
        town = town_of(s, V1)
    county = _board(sessions, viewer(sessions, "jw_huzhu"))
    units = {r.code: r for r in county.units}
    assert set(units) == {JW, town, NYNC}
    assert _figures(units[JW].figures) == pytest.approx(JW_FIGURES)
    assert units[JW].figures.ratings == {1: 1, 2: 0, 3: 0, 4: 1, 5: 1}
    assert _figures(units[town].figures) == pytest.approx(TOWN_FIGURES)
    nync = units[NYNC].figures
    assert (nync.received, nync.sums.returned, nync.sums.moved_out, nync.return_rate) == (0, 1, 1, 1.0)
    assert [r.code for r in county.units] == [town, JW, NYNC]  # by score; nothing to score: last, unranked
    assert [(r.rank, r.flagged) for r in county.units] == [(1, False), (2, True), (None, False)]
    assert county.total.received == 6 and [c.code for c in county.counties] == ["630223"]
    assert county.total.sign_rate == pytest.approx(4 / 6)  # A C E F on time; B late; D unsigned and late
    assert county.categories == [("资金问题", 3), ("优亲厚友", 1), ("其他", 1), ("返贫风险", 1)] or [
        n for _c, n in county.categories
    ] == [3, 1, 1, 1]
    assert [c for _n, c in county.villages] == [4, 2]
    trend = dict(county.trend)
    assert len(county.trend) == 12 and county.trend[-1][0] == "2026-03" and county.trend[0][0] == "2025-04"
    assert trend["2026-02"].received == 1 and trend["2026-02"].on_time_rate == 1.0 and trend["2026-01"].received == 1
    assert [(sp.count, sp.average) for sp in county.spikes] == [(3, 0.3)]  # funds in the town: 3 vs (0+0+1)/3
    assert county.spikes[0].text.endswith("本月 3 件，是前三个月月均 0.3 件的三倍以上。")
    with sessions() as s:  # counted by the villages' town, whichever unit leads the cases
        town_unit = s.get(Unit, town)
        assert town_unit is not None and county.spikes[0].unit == town_unit.name

    city = _board(sessions, viewer(sessions, "city"))
    assert city.total.received == 7 and {c.code: c.figures.received for c in city.counties} == {
        "630223": 6,
        "630202": 1,
    }
    assert {r.code for r in city.units} == {JW, town, NYNC, LEDU_JW}
    ledu_only = _board(sessions, viewer(sessions, "city"), "630202")
    assert ledu_only.total.received == 1 and ledu_only.choice_name and ledu_only.total.satisfaction == 1.0
    one_unit = _board(sessions, viewer(sessions, "city"), JW)
    assert _figures(one_unit.total) == pytest.approx(JW_FIGURES)

    ledu = _board(sessions, viewer(sessions, "jw_ledu"))
    assert ledu.total.received == 1 and [r.code for r in ledu.units] == [LEDU_JW] and ledu.spikes == []
    assert _board(sessions, viewer(sessions, "jw_ledu"), JW).total.received == 1  # outside its scope: ignored

    mine = _board(sessions, viewer(sessions, "town_t"))
    assert [r.code for r in mine.units] == [town] and _figures(mine.total) == pytest.approx(TOWN_FIGURES)
    assert [c for _n, c in mine.villages] == [1, 1] and mine.counties[0].figures.received == 2
    assert dict(mine.trend)["2026-01"].received == 0 and dict(county.trend)["2026-01"].received == 1  # I
    dept = _board(sessions, viewer(sessions, "nync_huzhu"))
    assert [r.code for r in dept.units] == [NYNC] and dept.total.received == 0 and dept.total.return_rate == 1.0
    assert _board(sessions, viewer(sessions, "cz_huzhu")).units == []
    with sessions() as s:  # the administrator sees no case
        admin = access.Viewer(0, "admin", access.Role.ADMIN, "6302", "市", None)
        assert scoreboard.compute(s, admin, month="2026-03", choice="", now=NOW).total.received == 0


def test_the_rollup_equals_the_figures_from_the_cases_and_follows_changes(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    ids = hand_counted(sessions)
    same: tuple[str, ...] = ("received", "signed", "signed_on_time", "closed", "closed_on_time", "resolved", "redone")
    same += ("rating_1", "rating_2", "rating_3", "rating_4", "rating_5", "response_workdays", "close_workdays")

    def check() -> None:
        for name in ("city", "jw_huzhu", "jw_ledu", "town_t", "nync_huzhu"):
            v = viewer(sessions, name)
            fast, slow = _board(sessions, v), _board(sessions, v, rollup=False)
            for (m, a), (_m, b) in zip(fast.trend, slow.trend, strict=True):
                assert [getattr(a.sums, n) for n in same] == [getattr(b.sums, n) for n in same], (name, m)
            assert fast.categories == slow.categories

    check()
    with transaction(sessions) as s:
        _reopen(s, _case(s, ids["A"], rating=4))  # a second 重办
        _case(s, ids["D"], first_response_at=T + 2 * DAY, category="unfair")
        _case(s, ids["B"], rating_excluded=True)  # an appeal upheld: out of 满意率, counted as resolved
        _case(s, ids["G"], created_at=T - 40 * DAY)
        _case(s, ids["H"], created_at=T - 400 * DAY)  # out of the twelve months
    check()
    with sessions() as s:
        cells = s.scalars(select(UnitScoreCell).where(UnitScoreCell.unit == JW, UnitScoreCell.month == "2026-03")).all()
        assert sum(c.redone for c in cells) == 2 and sum(c.received for c in cells) == 4
        assert not s.scalars(select(UnitScoreCell).where(UnitScoreCell.month == "2026-02")).all()  # H moved out
    county = _board(sessions, viewer(sessions, "jw_huzhu"))
    jw = {r.code: r.figures for r in county.units}[JW]
    assert jw.avg_response_days == pytest.approx((1 + 4 + 1 + 2) / 4)
    assert jw.ratings == {1: 0, 2: 0, 3: 0, 4: 2, 5: 0} and jw.resolve_rate == 1.0  # A reopened: B alone closed


def test_month_parsing_and_the_pickers(engine: Engine) -> None:
    from cases.reading import scoreboard_sql

    today = datetime(2026, 12, 6).date()
    assert scoreboard_sql.parse_month("2026-03", today) == "2026-03"
    for bad in ("", "2026-13", "2027-01", "1999-01", "x" * 7, "2026/03", "２０２６-03"):
        assert scoreboard_sql.parse_month(bad, today) == "2026-12"
    assert scoreboard_sql.shift("2026-01", -1) == "2025-12" and scoreboard_sql.shift("2025-12", 13) == "2027-01"
    sessions = make_sessionmaker(engine)
    load_org(sessions)
    huzhu, city_v, nync = (viewer(sessions, n) for n in ("jw_huzhu", "city", "nync_huzhu"))
    with sessions() as s:
        county = [c.code for c in scoreboard.choices(s, huzhu)]
        assert county[0] == "" and JW in county and LEDU_JW not in county and "630202" not in county
        city = [c.code for c in scoreboard.choices(s, city_v)]
        assert "630202" in city and LEDU_JW in city
        assert [c.code for c in scoreboard.choices(s, nync)] == [""]


class _MarchThirdOff(workdays.Calendar):
    def is_working_day(self, day: date) -> bool:
        return day != date(2026, 3, 3) and super().is_working_day(day)


def test_a_changed_holiday_calendar_recounts_the_working_days(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    ids = hand_counted(sessions)
    with transaction(sessions) as s:
        assert scoreboard_days.refresh(s, workdays.SHIPPED) == 0  # the migration filled it from the same notices
        assert scoreboard_days.refresh(s, _MarchThirdOff()) > 0
    county = _board(sessions, viewer(sessions, "jw_huzhu"))
    jw = {r.code: r.figures for r in county.units}[JW]
    assert (jw.avg_response_days, jw.avg_close_days) == (1.0, 4.5)  # A 0, B 3, C 0; A 2, B 7
    with transaction(sessions) as s:
        _case(s, ids["A"], closed_at=T + 4 * DAY)  # the triggers count with the new days: A 3
    fast = _board(sessions, viewer(sessions, "jw_huzhu"))
    slow = _board(sessions, viewer(sessions, "jw_huzhu"), rollup=False)
    assert {r.code: r.figures.avg_close_days for r in fast.units}[JW] == 5.0
    assert [(m, f.sums.close_workdays, f.sums.response_workdays) for m, f in fast.trend] == [
        (m, f.sums.close_workdays, f.sums.response_workdays) for m, f in slow.trend
    ]
    with transaction(sessions) as s:
        assert scoreboard_days.refresh(s, workdays.SHIPPED) > 0
    back = {r.code: r.figures for r in _board(sessions, viewer(sessions, "jw_huzhu")).units}[JW]
    assert (back.avg_response_days, back.avg_close_days) == (2.0, 6.0)  # A 1, B 4, C 1; A 4, B 8


def test_the_models_match_migration_0022(engine: Engine) -> None:
    def include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        if type_ == "table":
            return name == "unit_score_cells"
        if type_ == "index":
            return bool(name and name.startswith(("ix_unit_score_cells", "ix_cases_score")))
        return getattr(getattr(obj, "table", None), "name", None) == "unit_score_cells"

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include})
        assert compare_metadata(context, Base.metadata) == []


def test_the_spike_sentence_says_none_before_and_shows_averages_plainly() -> None:
    Spike = scoreboard.Spike
    assert Spike("五十镇", "资金问题", 3, 0.0).text == "五十镇“资金问题”本月 3 件，前三个月没有。"
    assert Spike("五十镇", "资金问题", 4, 1.0).text == "五十镇“资金问题”本月 4 件，是前三个月月均 1 件的三倍以上。"
    assert Spike("五十镇", "资金问题", 6, 1.7).text == "五十镇“资金问题”本月 6 件，是前三个月月均 1.7 件的三倍以上。"
