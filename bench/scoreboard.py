"""`make bench` for the unit scoreboard (#20 §4) at 1,000,000 synthetic cases on SQLite
(var/bench/scoreboard.db) and PostgreSQL (schema `qf_bench_score` at QF_TEST_POSTGRES_URL), seeded by
bench.queue_seed (the triggers of migrations 0008 and 0022 fill both rollups as rows arrive) and reused.

Measured through the page's own function (cases.reading.scoreboard.compute), p50/p95 of the board for one
month: the city, each county's 纪委监委, a department per county and a few towns (a town's board always
reads its own cases); each from the rollup unit_score_cells and then, in the same run, the same figures
computed from the cases (`rollup=False`, the baseline). Goal: p95 ≤ 500 ms.

Run: python -m bench scoreboard   (or python -m bench.scoreboard --help)
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bench import seeded_run
from bench.load import Options
from bench.queue import Figure, measure, percentile
from bench.queue_seed import NEWEST, World, prepare, seed
from cases import access
from cases.access import Role
from cases.reading import scoreboard
from storage.db import make_sessionmaker

ROWS = 1_000_000
GOAL_MS = 500.0
SEED_BUDGET_S = 1800.0  # per database per run; the next run resumes
PG_SCHEMA = "qf_bench_score"
NOW = NEWEST + timedelta(days=1)
MONTH = "2026-10"  # the last whole month of the synthetic cases
CITY = access.Viewer(0, "bench", Role.CITY, "6302:jw", "海东市纪委监委", None)


def boards(session: Session, world: World, *, rollup: bool) -> list[tuple[str, list[Callable[[], object]]]]:
    def board(v: access.Viewer) -> Callable[[], object]:
        return lambda: scoreboard.compute(session, v, month=MONTH, choice="", now=NOW, rollup=rollup)

    counties = world.counties
    towns = sorted({t for _v, t, _c in world.villages})[:: max(1, len({t for _v, t, _c in world.villages}) // 6)]
    return [
        ("scoreboard: city, one month", [board(CITY)]),
        (
            "scoreboard: county",
            [board(access.Viewer(0, "b", Role.COUNTY_DISCIPLINE, f"{c}:jw", "纪委", c)) for c in counties],
        ),
        (
            "scoreboard: department",
            [board(access.Viewer(0, "b", Role.DEPARTMENT, f"{c}:nync", "农业", c)) for c in counties],
        ),
        ("scoreboard: town", [board(access.Viewer(0, "b", Role.TOWN, t, "镇", t[:6])) for t in towns]),
    ]


def bench_database(name: str, engine: Engine, *, rows: int, seed_budget: float) -> dict[str, object]:
    print(f"-- {name}: preparing", flush=True)
    world = prepare(engine)
    report = seed(engine, world, target=rows, budget_s=seed_budget)
    seeded = report.rows_after - report.rows_before
    done = f"seeded {seeded:,} cases in {report.seconds:.0f} s; " if seeded else ""
    more = "" if report.complete else " (incomplete: the next run resumes)"
    print(f"   {done}{report.rows_after:,} of {rows:,} cases{more}", flush=True)
    if engine.dialect.name == "postgresql":
        settle(engine)
    figures: list[Figure] = []
    factory = make_sessionmaker(engine)
    with factory() as session:
        same = scoreboard.compute(session, CITY, month=MONTH, choice="", now=NOW)
        slow = scoreboard.compute(session, CITY, month=MONTH, choice="", now=NOW, rollup=False)
        agree = [(m, a.sums.received, a.sums.closed_on_time) for m, a in same.trend] == [
            (m, b.sums.received, b.sums.closed_on_time) for m, b in slow.trend
        ]
        print(f"   the rollup and the cases agree on the city's twelve months: {agree}", flush=True)
        for rollup in (True, False):
            for label, calls in boards(session, world, rollup=rollup):
                samples = measure(calls)
                figure = Figure(
                    name,
                    label,
                    rollup,
                    len(samples),
                    round(percentile(samples, 0.5), 1),
                    round(percentile(samples, 0.95), 1),
                    GOAL_MS,
                )
                figures.append(figure)
                print(f"   {'rollup' if rollup else 'from the cases'}: {label}: p95 {figure.p95_ms} ms", flush=True)
                session.rollback()
    return {
        "database": name,
        "rows": report.rows_after,
        "complete": report.complete,
        "rollup_agrees": agree,
        "figures": [{**asdict(f), "verdict": f.verdict} for f in figures],
    }


def settle(engine: Engine) -> None:
    """What autovacuum does to a live database: a bulk load leaves every case's trigger update of its cell as a
    dead row (30,000 cells on 16,000 pages after 1,000,000 inserts) and no visibility map for index-only scans."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM (FULL, ANALYZE) unit_score_cells")
        conn.exec_driver_sql("VACUUM (ANALYZE) cases")


def print_table(results: Sequence[dict[str, object]]) -> None:
    print(f"\n{'database':<10} {'board':<30} {'rollup':<7} {'n':>3} {'p50 ms':>9} {'p95 ms':>9} {'goal':>6}  verdict")
    for r in results:
        if r.get("error"):
            print(f"{r['database']:<10} skipped: {r['error']}")
        for f in r.get("figures", []):  # type: ignore[attr-defined]
            verdict = f["verdict"] if f["indexes"] else f"({f['verdict']}, baseline)"
            print(
                f"{f['database']:<10} {f['query']:<30} {'yes' if f['indexes'] else 'no':<7} {f['samples']:>3} "
                f"{f['p50_ms']:>9.1f} {f['p95_ms']:>9.1f} {f['goal_ms']:>6.0f}  {verdict}"
            )


def bench(*, out_dir: str, rows: int, seed_budget: float, databases: Sequence[str]) -> int:
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    results: list[dict[str, object]] = seeded_run.on_each_database(
        databases,
        sqlite_file=out / "scoreboard.db",
        pg_schema=PG_SCHEMA,
        measure=lambda name, engine: bench_database(name, engine, rows=rows, seed_budget=seed_budget),
        unreachable=lambda name, error: {"database": name, "error": error},
    )
    print_table(results)
    print(f"\nscoreboard section: {time.perf_counter() - started:.0f} s")
    payload = {"rows_target": rows, "month": MONTH, "goal_p95_ms": GOAL_MS, "databases": results}
    (out / "scoreboard.json").write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    incomplete = any(r.get("error") or not r.get("complete") for r in results)
    missed = any(f["indexes"] and f["verdict"] == "MISS" for r in results for f in r.get("figures", []))  # type: ignore[attr-defined]
    return 1 if incomplete or missed else 0


def run(options: Options) -> int:
    return seeded_run.run(bench, options, rows=ROWS, seed_budget=SEED_BUDGET_S)


def main(argv: Sequence[str] | None = None) -> int:
    return seeded_run.main(bench, argv, "python -m bench.scoreboard", __doc__, rows=ROWS, seed_budget=SEED_BUDGET_S)


if __name__ == "__main__":
    raise SystemExit(main())
