"""The synthetic data set: every planted anomaly found by its own rule, nothing clean flagged, no real ID
number possible; `qingfeng data demo` loads it in dev only (#21)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from cases.money import checks, demo
from cases.money.importer import import_rows
from cases.money.synthetic import FAKE_REGION
from config.settings import get_settings
from handlers.cli.main import main
from storage.db import transaction
from storage.types import utcnow
from tests.cases_support import load_registry
from villages.places.registry import PACKAGED_REGISTRY

VILLAGES = ["630223106201", "630223106213", "630202002202", "630202103203"]


def test_planted_anomalies_are_found_and_nothing_else(sessions: sessionmaker[Session]) -> None:
    load_registry(sessions)
    data = demo.build(VILLAGES, people_per_village=150, planted=4, today=utcnow().date())
    assert all(r.values["person_id"].startswith(FAKE_REGION) for r in data.households + data.payments)
    assert all(r.values["payment_id"].startswith("SYN-") for r in data.payments)
    with transaction(sessions) as s:
        for kind in ("households", "payments", "deaths", "cadres"):
            report = import_rows(s, kind=kind, rows=getattr(data, kind), now=utcnow())
            assert report.ok, (kind, report.bad[:3])
    with sessions() as s:
        found = {code: len(checks.find(s, code)) for code in checks.rules()}
    assert found == data.planted and set(data.planted.values()) == {4}
    assert len(data.payments) > 24 * len(VILLAGES) and data.deaths and data.cadres


@pytest.fixture
def cli_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("QF_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_cli_demo_then_check(
    cli_database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["villages", "import", str(PACKAGED_REGISTRY)]) == 0
    capsys.readouterr()
    assert main(["data", "demo", "--county", "630223", "--people", "40", "--planted", "2"]) == 0
    out = capsys.readouterr().out
    assert "合成数据" in out and "埋入的异常：死亡后仍发放 2" in out
    assert main(["data", "check", "--county", "630223"]) == 0
    checked = capsys.readouterr().out
    assert "死亡后仍发放：2 条（新 2 条）" in checked and "重复发放：2 条" in checked
    monkeypatch.setenv("QF_ENV", "prod")
    get_settings.cache_clear()
    assert main(["data", "demo", "--county", "630223"]) == 2


@pytest.mark.parametrize("people_per_village", [1, 3])
def test_a_small_data_set_still_plants_every_anomaly(sessions: sessionmaker[Session], people_per_village: int) -> None:
    """Few people per village (most 一般户 households are cadres'): extra households take the anomalies, so any
    size works (bench money --people 3000 over Haidong's 1,661 villages crashed with StopIteration)."""
    load_registry(sessions)
    data = demo.build(VILLAGES, people_per_village=people_per_village, planted=6, today=utcnow().date())
    rules = set(data.planted) - {"cadre_relative"}  # as many as the villages' declared relatives allow
    assert {data.planted[r] for r in rules} == {6} and 0 < data.planted["cadre_relative"] <= 6
    with transaction(sessions) as s:
        for kind in ("households", "payments", "deaths", "cadres"):
            report = import_rows(s, kind=kind, rows=getattr(data, kind), now=utcnow())
            assert report.ok, (kind, report.bad[:3])
    with sessions() as s:
        found = {code: len(checks.find(s, code)) for code in checks.rules()}
    assert found == data.planted
