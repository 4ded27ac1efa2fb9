"""The login-flood bench end to end, about a second per phase: both webhook phases answer every request,
the flood really posts logins that are refused (each after a password check), and the report prints both
p99s, their ratio and the goal (not speed: this machine may be busy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import login_flood
from bench.load import Options


@pytest.mark.slow
def test_login_flood_bench_runs_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = login_flood.run(Options(seconds=1.0, warmup=0.3, rate=50.0, out_dir=str(tmp_path)))
    printed = capsys.readouterr().out
    with capsys.disabled():
        print("\n" + printed)

    report = json.loads((tmp_path / "login_flood.json").read_text())
    assert code == (0 if report["goal"]["pass"] else 1)
    for phase in (report["quiet"], report["flooded"]):
        assert phase["completed"] > 0 and phase["errors"] == 0
        assert phase["statuses"] == {"200": phase["completed"]}
    flood = report["flood"]
    assert flood["attempts"] > 0 and flood["statuses"] == {"400": flood["attempts"]}  # refused, never throttled
    assert report["goal"]["webhook_ok"]
    assert report["ratio"] == pytest.approx(report["flooded"]["p99_ms"] / report["quiet"]["p99_ms"], abs=0.01)
    assert "under the login flood" in printed and ("PASS" in printed or "MISS" in printed)
