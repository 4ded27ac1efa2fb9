"""The follow-the-money bench on a small synthetic Haidong: it runs, finds every planted anomaly with both
the SQL rules and the Python loop baseline, flags nothing clean, and writes its figures (not speed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import money
from cases.money.checks import rules


@pytest.mark.slow
@pytest.mark.parametrize("db", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_money_bench_runs_and_finds_what_was_planted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db: str
) -> None:
    money.bench(out_dir=str(tmp_path), people=8000, planted=3, databases=(db,), villages=40)
    printed = capsys.readouterr().out
    report = json.loads((tmp_path / "money.json").read_text())
    assert report["planted"] == dict.fromkeys(rules(), 3)
    result = report["results"][db]
    assert result["import_cpu_s"] > 0 and result["import_rows_per_cpu_s"] > 0 and result["rules_cpu_s"] >= 0
    assert "rows per CPU second" in printed and result["same_rows_cpu_ratio"] > 0
    assert {code: r["findings"] for code, r in result["rules"].items()} == report["planted"]
    assert result["baseline"] == report["planted"]
    assert result["reimport_payments_unchanged"] == result["import"]["payments"]["rows"] > 8000
    assert result["import_rows_per_s"] > 0 and result["rules_s"] > 0
    assert result["baseline_import_rows_per_s"] > 0 and result["same_rows_import_rows_per_s"] > 0
    assert "x the naive import's" in printed
    assert "goal import >= 50,000 rows/s" in printed and "goal rules <= 30 s" in printed
    assert printed.count("PASS") + printed.count("MISS") == len(rules()) + 2
