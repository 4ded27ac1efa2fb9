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
    assert set(report["results"]) == {row.key for row in webhook.ROWS}
    for key, row in report["results"].items():
        assert row["replies_ok"], (key, row)
        for mode in ("closed", "open") if key.endswith("sqlitex1") else ("closed",):
            phase = row[mode]
            assert phase["completed"] > 0 and phase["errors"] == 0, (key, mode, phase)
            assert phase["statuses"] == {"200": phase["completed"]}
            assert phase["throughput"] > 0 and phase["p50_ms"] <= phase["p99_ms"]
    goals = report["goals"]
    for mode in ("plain", "safe"):
        assert {"throughput_vs_naive", "throughput_pass", "werobot_vs_naive", "p99_ms", "p99_pass"} <= set(goals[mode])
    assert {"one_vs_naive", "one_pass", "two_vs_one", "two_pass"} <= set(goals["postgres"])
    # The one-process PostgreSQL row says where its CPU went: the app, PostgreSQL's backends, the load generator.
    ceiling = goals["postgres"]["ceiling"]
    assert set(ceiling["us_per_message"]) == {"app", "postgres", "load generator"}
    assert ceiling["us_per_message"]["app"] > 0 and ceiling["us_per_message"]["postgres"] > 0
    assert ceiling["rate"] > 0 and "cores serve at most" in printed
    for line in ("goal plain:", "goal safe:", "PostgreSQL, one process", "PostgreSQL, two processes"):
        assert line in printed
    assert printed.count("PASS") + printed.count("MISS") == 6
