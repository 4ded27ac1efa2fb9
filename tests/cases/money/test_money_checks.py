"""The six cross-check rules over a small synthetic county, and their findings as clues in the case queue:
once each, routed with conflict of interest, noted when the data are corrected (#21)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from cases.money import checks, clues
from cases.money.synthetic import fake_account, fake_id
from storage.db import transaction
from storage.models.cases import Case, CaseEvent, CaseEvidence
from storage.models.money import MoneyClue
from storage.models.staff import CaseRouting
from storage.types import utcnow
from tests.cases_support import POLICY
from tests.money_support import BANYAN, load, payment, person, write_csv
from tests.staff_support import load_org

COUNTY_JW = "630223:jw"
PEOPLE = [
    person(1, "H1", "张三明", "低保户"),
    person(2, "H1", "李梅", "低保户", rel="配偶"),
    person(3, "H2", "王五", "一般户"),
    person(4, "H3", "赵六", "特困户"),
    person(5, "H4", "马七", "一般户", village=BANYAN),
    person(6, "H5", "孙八", "一般户", village=BANYAN),
    person(20, "H6", "马主任", "一般户", village=BANYAN),
]
PAYMENTS = [
    payment("P01", "低保金", 1, "张三明", "2025-01"),
    payment("P02", "低保金", 1, "张三明", "2025-02"),
    payment("P03", "特困供养金", 4, "赵六", "2024-11"),
    payment("P04", "特困供养金", 4, "赵六", "2024-12"),
    payment("P05", "特困供养金", 4, "赵六", "2025-01"),
    payment("P06", "高龄补贴", 3, "王五", "2025-01"),
    payment("P07", "高龄补贴", 3, "王五", "2025-01", paid_on="2025-01-28"),
    payment("P08", "低保金", 3, "王五", "2025-01"),
    payment("P09", "高龄补贴", 99, "冒名", "2025-01"),
    payment("P10", "高龄补贴", 6, "孙八", "2025-01", village=BANYAN, account=fake_account(2)),
    payment("P11", "高龄补贴", 2, "李梅", "2025-01", account=fake_account(2)),
    payment("P12", "残疾人两项补贴", 2, "李梅", "2025-01", account=fake_account(1)),
    payment("P13", "临时救助金", 5, "马七", "2025-01", village=BANYAN),
    payment("P14", "高龄补贴", 5, "马七", "2025-01", village=BANYAN),
    payment("P15", "产业奖补", 20, "马主任", "2025-03", village=BANYAN),
]
DEATHS = [f"{fake_id(4)},赵六,2024-11-20"]
CADRES = [f"{fake_id(20)},马主任,{BANYAN},村委会主任,{fake_id(5)},马七,子女"]
EXPECTED = {
    "paid_after_death": [["P04", "P05"]],
    "paid_twice": [["P06", "P07"]],
    "status_mismatch": [["P08"]],
    "unknown_recipient": [["P09"]],
    "shared_account": [["P10", "P11"]],
    "cadre_relative": [["P13"], ["P15"]],
    "monitored_stopped": [],
    "income_fell": [],
}


@pytest.fixture
def county(sessions: sessionmaker[Session], tmp_path: Path) -> sessionmaker[Session]:
    load_org(sessions, users=False)
    for kind, rows in (("households", PEOPLE), ("payments", PAYMENTS), ("deaths", DEATHS), ("cadres", CADRES)):
        assert load(sessions, kind, write_csv(tmp_path / f"{kind}.csv", kind, rows)).ok
    return sessions


def test_each_rule_finds_its_planted_anomalies_and_no_clean_row(county: sessionmaker[Session]) -> None:
    with county() as s:
        found = {code: sorted(f.payments for f in checks.find(s, code)) for code in checks.rules()}
    assert found == EXPECTED
    with county() as s:
        death = checks.find(s, "paid_after_death")[0]
        assert (death.period, death.amount_fen, death.people) == (
            "2024-12~2025-01",
            60000,
            [f"{fake_id(4)[:6]}********{fake_id(4)[-4:]}"],
        )
        assert checks.find(s, "paid_twice", county="630202") == []


def test_every_rule_has_words_basis_and_a_category() -> None:
    for rule in checks.rules().values():
        assert rule.name and rule.description and rule.basis and rule.category in ("funds", "unfair", "poverty_risk")
        assert rule.severity in ("high", "medium", "review")


def _run(sessions: sessionmaker[Session]) -> list[clues.ClueOut]:
    with transaction(sessions) as s:
        return clues.run(s, policy=POLICY, now=utcnow(), county="630223")


def test_findings_become_clues_once_and_a_corrected_finding_is_noted(
    county: sessionmaker[Session], tmp_path: Path
) -> None:
    first = _run(county)
    assert len(first) == 7 and all(c.new and c.case_number for c in first)
    with county() as s:
        cases = s.scalars(select(Case).where(Case.channel == "data")).all()
        assert len(cases) == 7
        twice = next(c for c in first if c.rule == "paid_twice")
        case = s.scalars(select(Case).where(Case.number == twice.case_number)).one()
        assert "重复发放" in case.description and "不代表已查实" in case.description
        assert fake_id(3) not in case.description
        notes = s.scalars(select(CaseEvidence.note).where(CaseEvidence.case_id == case.id)).all()
        assert sorted(n or "" for n in notes) == ["发放记录 P06", "发放记录 P07"]
    again = _run(county)
    assert sorted(c.case_number for c in again) == sorted(c.case_number for c in first)
    assert not any(c.new for c in again)
    with county() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 7
    corrected = [row.replace(",低保金,", ",高龄补贴,") if row.startswith("P08,") else row for row in PAYMENTS]
    load(county, "payments", write_csv(tmp_path / "fixed.csv", "payments", corrected))
    third = _run(county)
    assert "status_mismatch" not in {c.rule for c in third}
    with county() as s:
        gone = s.scalars(select(MoneyClue).where(MoneyClue.rule == "status_mismatch")).one()
        assert gone.gone_at is not None
        events = s.scalars(select(CaseEvent.reason).where(CaseEvent.case_id == gone.case_id)).all()
        assert any(r and "不再发现" in r for r in events)


def test_a_clue_about_a_cadre_or_relative_never_goes_to_the_town(county: sessionmaker[Session]) -> None:
    found = _run(county)
    with county() as s:
        for clue in (c for c in found if c.rule == "cadre_relative"):
            case = s.scalars(select(Case).where(Case.number == clue.case_number)).one()
            routing = s.get(CaseRouting, case.id)
            assert case.route_unit == COUNTY_JW and routing is not None and routing.conflict
            assert case.category == "unfair" and case.village_code == BANYAN
            # Nobody chose the level: the comparison rule set it, so the record never says a villager did.
            assert "群众选择" not in (case.route_reason or "") and "由反映内容推断" in (case.route_reason or "")
        plain = next(c for c in found if c.rule == "paid_twice")
        assert s.scalars(select(Case.route_unit).where(Case.number == plain.case_number)).one() != ""


def test_cli_check_prints_one_json_object_per_clue(
    county: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from handlers.cli import data as cli_data

    monkeypatch.setattr(cli_data, "in_one_transaction", lambda work: _in(county, work))
    monkeypatch.setattr(cli_data, "data_policy", lambda: POLICY)
    assert cli_data.main_check(["--county", "630223", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 7
    shared = next(x for x in lines if x["rule"] == "shared_account")
    assert shared["evidence"] == ["P10", "P11"] and shared["amount"] == "600.00" and shared["case_number"]
    assert set(shared) == {"rule", "village_code", "person", "item", "period", "amount", "evidence", "case_number"}
    assert cli_data.main_check(["--county", "63x"]) == 2


def _in(sessions: sessionmaker[Session], work):  # type: ignore[no-untyped-def]
    with transaction(sessions) as s:
        return work(s)


def test_the_worker_runs_the_checks_once_a_month(county: sessionmaker[Session], engine: Engine) -> None:
    from datetime import timedelta
    from typing import Any, cast

    from handlers.jobs.money_jobs import month_start, monthly_checks
    from handlers.jobs.worker import JobContext
    from handlers.runtime import Runtime
    from storage.models.money import MoneyRun
    from tests.webhook_support import settings_for_tests

    runtime = Runtime.from_settings(settings_for_tests(), engine=engine)
    now = utcnow()
    for moment in (now, now + timedelta(minutes=5), month_start(now) + timedelta(days=40)):
        monthly_checks(JobContext(runtime=runtime, api=cast(Any, None), now=moment))
    with county() as s:
        runs = s.scalars(select(MoneyRun).order_by(MoneyRun.started_at)).all()
        assert [(r.trigger, r.findings, r.new_clues) for r in runs] == [("schedule", 7, 7), ("schedule", 7, 0)]
        assert s.scalar(select(func.count()).select_from(Case)) == 7


def test_early_warnings_go_to_the_agriculture_bureau_as_risks(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    load_org(sessions, users=False)
    months = [f"2025-{m:02d}" for m in range(1, 13)]
    people = [
        person(31, "W1", "韩监测", "监测户"),
        person(32, "W2", "祁骤减", "一般户"),
        person(33, "W3", "鲁平稳", "监测户"),
        person(34, "W4", "冶已故", "监测户"),
    ]
    paid = [payment(f"W1-{m}", "城乡居民基础养老金", 31, "韩监测", m, "203.00") for m in months[:10]]
    paid += [
        payment(f"W2-{m}", "城乡居民基础养老金", 32, "祁骤减", m, "203.00" if m < "2025-07" else "50.00")
        for m in months
    ]
    paid += [payment(f"W3-{m}", "城乡居民基础养老金", 33, "鲁平稳", m, "203.00") for m in months]
    paid += [payment(f"W4-{m}", "城乡居民基础养老金", 34, "冶已故", m, "203.00") for m in months[:9]]
    for kind, rows in (("households", people), ("payments", paid), ("deaths", [f"{fake_id(34)},冶已故,2025-09-12"])):
        assert load(sessions, kind, write_csv(tmp_path / f"{kind}.csv", kind, rows)).ok
    with sessions() as s:
        stopped = checks.find(s, "monitored_stopped")
        fell = checks.find(s, "income_fell")
    assert [f.names for f in stopped] == [["韩*测"]] and stopped[0].period == "2025-01~2025-10"
    assert [f.key for f in fell] == [("W2",)] and fell[0].amount_fen == 6 * 20300 + 6 * 5000
    found = _run(sessions)
    with sessions() as s:
        for clue in found:
            case = s.scalars(select(Case).where(Case.number == clue.case_number)).one()
            assert (case.category, case.route_unit) == ("poverty_risk", "630223:nync")
            assert "返贫风险预警" in case.description and "不是违纪线索" in case.description
