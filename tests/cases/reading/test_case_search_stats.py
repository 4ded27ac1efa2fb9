"""Text search and statistics at scale (migration 0008), on SQLite and PostgreSQL: the indexed search
(FTS5 trigram table / pg_trgm) returns exactly the cases the plain LIKE scan returns and follows edits;
the statistics from the rollup equal the statistics summed from the cases, for every role and filter
shape, through transfers, reopening and edited dates; cases.first_response_at is the first staff answer."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from cases import access
from cases.handling import triage
from cases.reading import queue, stats
from storage.db import make_sessionmaker, transaction
from storage.models.cases import Case, CaseStatCell
from storage.types import utcnow
from tests.cases_support import report, submit_once
from tests.handlers.admin.test_admin_pages import client
from tests.handlers.admin.test_admin_reports import DAY, T0, known_data, viewer
from tests.staff_support import load_org

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CITY = access.Viewer(0, "t", "city", "6302:jw", "海东市", None)
LEDU = access.Viewer(0, "t", "county_discipline", "630202:jw", "乐都区纪委监委", "630202")
TEXTS = (
    "反映村干部挪用扶贫款，请核实处理",
    "低保评定不公，村主任优亲厚友",
    "Road 工程 QUALITY 问题严重，请尽快处理",
    "资金 100% 被挪用_问题，请核查清楚",
    '他说"挪用"的事情要查清楚，谢谢',
    "草场补助没有发放到户，已经两年了",
    "道路硬化工程质量差，去年修的已经坏了",
)
QUERIES = (
    "挪用",
    "挪用扶贫款",
    "低保",
    "村",
    "road",
    "QUALITY",
    "quality",
    "100%",
    "挪用_问",
    '"挪用"',
    'x"y',
    "草场补助没有",
    "不存在的词语",
    "工程质",
    "63",
    "a",
)


def _ids(s: Session, v: access.Viewer, text: str, *, indexed: bool) -> set[int]:
    f = queue.parse({"text": text})
    return {c.id for c in s.scalars(queue.page_statement(v, f, now=utcnow(), limit=1000, text_index=indexed))}


def _submit_texts(sessions: sessionmaker[Session]) -> list[int]:
    load_org(sessions, users=False)
    villages = ("630202103203", "630223106213", "630223106201")  # 乐都 every third case, else 互助
    return [
        submit_once(sessions, report(f"o-{i}", description=t, village_code=villages[i % 3]), f"k-{i}").case_id
        for i, t in enumerate(TEXTS)
    ]


def test_indexed_search_returns_exactly_what_the_plain_scan_returns(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    ids = _submit_texts(sessions)
    with sessions() as s:
        by_id = {c.id: c.number for c in s.scalars(select(Case).where(Case.id.in_(ids)))}
        numbers = [by_id[i] for i in ids]  # in submission order: the query above has no ORDER BY
        for text in (*QUERIES, numbers[0], numbers[1][-5:]):
            for v in (CITY, LEDU):
                assert _ids(s, v, text, indexed=True) == _ids(s, v, text, indexed=False), (text, v.role)
        assert _ids(s, CITY, "挪用扶贫款", indexed=True) == {ids[0]}
        assert _ids(s, CITY, numbers[0], indexed=True) == {ids[0]}
        assert _ids(s, LEDU, "挪用扶贫款", indexed=True) == {ids[0]}  # i % 3 == 0: in 乐都
        assert _ids(s, LEDU, "草场补助", indexed=True) == set()  # in 互助: never outside the scope
        assert len(_ids(s, CITY, "挪用", indexed=True)) == 3
        if engine.dialect.name == "sqlite":  # the FTS5 candidates drive the query: rowid lookups, no scan
            stmt = queue.page_statement(CITY, queue.parse({"text": "挪用扶贫款"}), now=utcnow(), limit=51)
            compiled = stmt.compile(engine, compile_kwargs={"render_postcompile": True})
            params = tuple(compiled.params[k] for k in compiled.positiontup or ())
            plan = " ".join(
                str(r[-1]) for r in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), params)
            )
            assert "INTEGER PRIMARY KEY" in plan and "SCAN cases " not in plan + " ", plan
    with transaction(sessions) as s:
        case = s.get(Case, ids[0])
        assert case is not None
        case.description = "反映村里草场补助被截留，请核实处理"
    with sessions() as s:
        assert _ids(s, CITY, "挪用扶贫款", indexed=True) == set()
        assert _ids(s, CITY, "草场补助", indexed=True) == {ids[0], ids[5]}
        assert _ids(s, CITY, "草场补助", indexed=False) == {ids[0], ids[5]}


FILTERS: tuple[dict[str, str], ...] = (
    {},
    {"date_from": "2026-03-01"},
    {"date_from": "2026-03-02", "date_to": "2026-03-02"},
    {"date_from": "2026-02-10", "date_to": "2026-04-20"},
    {"date_from": "2026-03-01", "date_to": "2026-04-30"},
    {"date_to": "2026-03-31"},
    {"category": "funds"},
    {"dept": "jw"},
    {"dept": "town"},
    {"county": "630223"},
    {"status": "closed"},
    {"text": "危房改造"},
)


def test_statistics_from_the_rollup_equal_the_statistics_from_the_cases(engine: Engine) -> None:
    client(engine)
    sessions = make_sessionmaker(engine)
    ids = known_data(sessions)
    with transaction(sessions) as s:  # move contributions between cells: another unit, reopened, redated
        c, a = s.get(Case, ids["C"]), s.get(Case, ids["A"])
        assert c is not None and a is not None
        triage.transfer(s, case=c, to_unit="630223:nync", reason="属农业农村局职责", actor="staff:x", now=T0 + DAY)
        triage.reopen(s, case=a, reason="回访不满意，重新办理", actor="staff:x", now=T0 + 5 * DAY)
        c.created_at = T0 - 40 * DAY
    now = utcnow()
    viewers = [viewer(sessions, u) for u in ("city", "jw_huzhu", "jw_ledu", "nync_huzhu", "cz_huzhu")]
    with sessions() as s:
        for v in viewers:
            for raw in FILTERS:
                f = queue.parse(raw)
                fast, slow = stats.compute(s, v, f, now=now), stats.compute(s, v, f, now=now, rollup=False)
                assert fast == slow, (v.username, raw)
        # 财政局 assists the fund cases it does not lead: that part of its scope is summed from the cases.
        assisting = stats.compute(s, viewers[4], queue.parse({}), now=now)
        assert assisting.total.received == 2 and "630223:cz" not in {r.key for r in assisting.by_unit}
        city = stats.compute(s, viewers[0], queue.parse({}), now=now)
        assert city.total.received == 4 and "630223:nync" in {r.key for r in city.by_unit}
        assert s.scalar(select(func.count()).select_from(CaseStatCell).where(CaseStatCell.received <= 0)) == 0
        a = s.get(Case, ids["A"])
        assert a is not None and a.first_response_at == T0 + DAY  # accepted after a day, then replied
        assert s.get(Case, ids["C"]).first_response_at is None  # type: ignore[union-attr]
        # Beijing months: A and B on 2026-03-02, C moved to 2026-01-21, D on 2026-04-01.
        assert set(s.scalars(select(CaseStatCell.month))) == {"2026-01", "2026-03", "2026-04"}
