"""The webhook bench end to end, about a second per phase: it runs and every request succeeds (not speed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import webhook
from bench.load import Options


@pytest.mark.slow
def test_webhook_bench_runs_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = webhook.run(Options(seconds=1.0, warmup=0.3, connections=8, rate=50.0, out_dir=str(tmp_path)))
    printed = capsys.readouterr().out
    with capsys.disabled():
        print("\n" + printed)

    assert json.loads((tmp_path / "webhook.json").read_text()) == report
    assert set(report["results"]) == {"ceiling", "naive", "qingfeng", "qingfeng-pg"}
    for server, scenarios in report["results"].items():
        assert set(scenarios) == {"text", "scan"}
        for scenario, row in scenarios.items():
            assert row["replies_ok"], (server, scenario, row)
            for mode in ("closed", "open"):
                phase = row[mode]
                assert phase["completed"] > 0 and phase["errors"] == 0, (server, scenario, mode, phase)
                assert phase["statuses"] == {"200": phase["completed"]}
                assert phase["throughput"] > 0 and phase["p50_ms"] <= phase["p99_ms"]
    for scenario in ("text", "scan"):
        assert set(report["ratios"][scenario]) == set(report["ratios_postgres"][scenario]) == {"ceiling", "naive"}
        assert {"throughput_vs_naive", "throughput_pass", "p99_ms", "p99_pass"} <= set(report["goals"][scenario])
    assert "PASS" in printed or "MISS" in printed
