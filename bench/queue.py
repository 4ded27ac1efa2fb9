"""`make bench` for the staff queue at scale: 1,000,000 synthetic cases on SQLite (var/bench/queue.db)
and on PostgreSQL (schema `qf_bench` in the database at QF_TEST_POSTGRES_URL), seeded once by
bench.queue_seed and reused by later runs.

Measured through the pages' own functions (cases.reading.queue.page_statement, cases.reading.stats.compute), p50/p95
of: a filtered queue page (one county, open cases, newest first, keyset pages of 50 followed from the
first), a text search on the queue (a common word, and a rare one city-wide and per county), and the
statistics page (one county over 30 days, the whole city over all time, the city for one category,
one department over all time).
Each with the indexes on `cases`, the FTS5 table (SQLite) and the statistics rollup, then as the
baseline without them (indexes dropped, text by a plain scan, statistics summed from the cases).
Goals: p95 ≤ 150 ms per queue page, ≤ 500 ms for the statistics.

Run: python -m bench queue   (or python -m bench.queue --help for its own settings)
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from bench import seeded_run
from bench.load import Options
from bench.queue_seed import (
    COMMON_WORD,
    NEWEST,
    RARE_WORD,
    SeedReport,
    World,
    drop_indexes,
    ensure_indexes,
    prepare,
    seed,
)
from cases import access
from cases.access import Role
from cases.reading import queue, stats
from storage.db import make_sessionmaker

ROWS = 1_000_000
PAGE = 50  # handlers/admin/queue_page.py asks for PAGE + 1 rows
QUEUE_GOAL_MS = 150.0
STATS_GOAL_MS = 500.0
SAMPLES = 40
BUDGET_S = 6.0  # per measurement; slow ones stop early with fewer samples
SEED_BUDGET_S = 150.0  # per database per run; the next run resumes
PG_SCHEMA = "qf_bench"
NOW = NEWEST + timedelta(days=1)
CITY = access.Viewer(
    user_id=0, username="bench", role=Role.CITY, unit_code="6302", unit_name="海东市", county_code=None
)


@dataclass
class Figure:
    database: str
    query: str
    indexes: bool
    samples: int
    p50_ms: float
    p95_ms: float
    goal_ms: float

    @property
    def verdict(self) -> str:
        return "PASS" if self.p95_ms <= self.goal_ms else "MISS"


@dataclass
class DatabaseResult:
    database: str
    rows: int
    seed: dict[str, Any]
    index_rebuild_s: float = 0.0
    figures: list[Figure] = field(default_factory=list)
    error: str = ""


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def measure(calls: Sequence[Callable[[], object]]) -> list[float]:
    """Cycle through `calls` after one warm-up call; stop at SAMPLES or the budget (3 samples at least,
    1 when the warm-up took more than a third of the budget, and the warm-up itself when it took more
    than the whole budget)."""
    t = time.perf_counter()
    calls[0]()
    warmup = time.perf_counter() - t
    if warmup > BUDGET_S:  # a query this slow gets one sample: the warm-up itself
        return [warmup * 1000]
    minimum = 1 if warmup > BUDGET_S / 3 else 3
    samples: list[float] = []
    start = time.perf_counter()
    while len(samples) < SAMPLES and (len(samples) < minimum or time.perf_counter() - start < BUDGET_S):
        call = calls[len(samples) % len(calls)]
        t = time.perf_counter()
        call()
        samples.append((time.perf_counter() - t) * 1000)
    return samples


def queue_pages(session: Session, counties: Sequence[str]) -> list[queue.QueueFilters]:
    """For each county, the first five pages of its open cases (newest first), cursors included."""
    pages: list[queue.QueueFilters] = []
    for county in counties:
        f = queue.parse({"county": county, "status": "open"})
        for _ in range(5):
            pages.append(f)
            rows = session.scalars(queue.page_statement(CITY, f, now=NOW, limit=PAGE + 1)).all()
            if len(rows) <= PAGE:
                break
            f = queue.parse({"county": county, "status": "open", "cursor": queue.cursor_of(f, rows[PAGE - 1])})
    return pages


def queries(session: Session, world: World, *, indexed: bool) -> list[tuple[str, float, list[Callable[[], object]]]]:
    """The measured calls; `indexed=False` is the baseline: text by a plain scan (no FTS5 table), the
    statistics summed from the cases (no rollup)."""

    def page(viewer: access.Viewer, f: queue.QueueFilters) -> Callable[[], object]:
        return lambda: session.scalars(
            queue.page_statement(viewer, f, now=NOW, limit=PAGE + 1, text_index=indexed)
        ).all()

    def statistics(viewer: access.Viewer, f: queue.QueueFilters) -> Callable[[], object]:
        return lambda: stats.compute(session, viewer, f, now=NOW, rollup=indexed)

    counties = world.counties
    month = (NOW - timedelta(days=30)).date().isoformat()
    county_viewers = [access.Viewer(0, "bench", Role.COUNTY_DISCIPLINE, f"{c}:jw", "纪委监委", c) for c in counties]
    department_viewers = [access.Viewer(0, "bench", Role.DEPARTMENT, f"{c}:nync", "农业农村局", c) for c in counties]
    return [
        ("queue page: county, open, newest", QUEUE_GOAL_MS, [page(CITY, f) for f in queue_pages(session, counties)]),
        ("search: common word", QUEUE_GOAL_MS, [page(CITY, queue.parse({"text": COMMON_WORD}))]),
        ("search: rare word", QUEUE_GOAL_MS, [page(CITY, queue.parse({"text": RARE_WORD}))]),
        (
            "search: rare word, one county",
            QUEUE_GOAL_MS,
            [page(v, queue.parse({"text": RARE_WORD})) for v in county_viewers],
        ),
        (
            "statistics: county, 30 days",
            STATS_GOAL_MS,
            [statistics(v, queue.parse({"date_from": month})) for v in county_viewers],
        ),
        ("statistics: city, all time", STATS_GOAL_MS, [statistics(CITY, queue.parse({}))]),
        (
            "statistics: department, all time",
            STATS_GOAL_MS,
            [statistics(v, queue.parse({})) for v in department_viewers],
        ),
        (
            "statistics: city, one category",
            STATS_GOAL_MS,
            [statistics(CITY, queue.parse({"category": c})) for c in world.categories[:3]],
        ),
    ]


def bench_database(name: str, engine: Engine, *, rows: int, seed_budget: float) -> DatabaseResult:
    print(f"-- {name}: preparing", flush=True)
    world = prepare(engine)
    report: SeedReport = seed(engine, world, target=rows, budget_s=seed_budget)
    seeded = report.rows_after - report.rows_before
    if seeded:
        rate = seeded / report.seconds if report.seconds else 0.0
        print(
            f"   seeded {seeded:,} cases in {report.seconds:.1f} s ({rate:,.0f}/s), indexes built in "
            f"{report.index_seconds:.1f} s; {report.rows_after:,} of {rows:,}"
            + ("" if report.complete else " (incomplete: the next run resumes)"),
            flush=True,
        )
    else:
        print(f"   reused {report.rows_after:,} cases", flush=True)
    result = DatabaseResult(name, report.rows_after, asdict(report))
    factory = make_sessionmaker(engine)
    for with_indexes in (True, False):
        if not with_indexes:
            drop_indexes(engine)
        try:
            with factory() as session:
                for label, goal, calls in queries(session, world, indexed=with_indexes):
                    samples = measure(calls)
                    figure = Figure(
                        name,
                        label,
                        with_indexes,
                        len(samples),
                        round(percentile(samples, 0.5), 1),
                        round(percentile(samples, 0.95), 1),
                        goal,
                    )
                    result.figures.append(figure)
                    print(
                        f"   {'with' if with_indexes else 'without'} indexes: {label}: {figure.p95_ms} ms", flush=True
                    )
                    session.rollback()
        finally:
            if not with_indexes:
                result.index_rebuild_s = round(ensure_indexes(engine), 1)
                with engine.begin() as conn:  # rebuilt indexes get their planner statistics back
                    conn.execute(text("ANALYZE cases"))
    return result


def print_table(results: Sequence[DatabaseResult]) -> None:
    print(f"\n{'database':<10} {'query':<34} {'indexes':<8} {'n':>3} {'p50 ms':>9} {'p95 ms':>9} {'goal':>6}  verdict")
    for r in results:
        if r.error:
            print(f"{r.database:<10} skipped: {r.error}")
        for f in r.figures:
            verdict = f.verdict if f.indexes else f"({f.verdict}, baseline)"
            print(
                f"{f.database:<10} {f.query:<34} {'yes' if f.indexes else 'no':<8} {f.samples:>3} "
                f"{f.p50_ms:>9.1f} {f.p95_ms:>9.1f} {f.goal_ms:>6.0f}  {verdict}"
            )


def bench(*, out_dir: str, rows: int, seed_budget: float, databases: Sequence[str]) -> int:
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    results = seeded_run.on_each_database(
        databases,
        sqlite_file=out / "queue.db",
        pg_schema=PG_SCHEMA,
        measure=lambda name, engine: bench_database(name, engine, rows=rows, seed_budget=seed_budget),
        unreachable=lambda name, error: DatabaseResult(name, 0, {}, error=error),
    )
    print_table(results)
    elapsed = time.perf_counter() - started
    print(f"\nqueue section: {elapsed:.0f} s")
    payload = {
        "rows_target": rows,
        "seconds": round(elapsed, 1),
        "goals_ms": {"queue_page_p95": QUEUE_GOAL_MS, "statistics_p95": STATS_GOAL_MS},
        "databases": [
            {**asdict(r), "figures": [{**asdict(f), "verdict": f.verdict} for f in r.figures]} for r in results
        ],
    }
    (out / "queue.json").write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    incomplete = any(r.error or not r.seed.get("complete", False) for r in results)
    missed = any(f.indexes and f.verdict == "MISS" for r in results for f in r.figures)
    return 1 if incomplete or missed else 0


def run(options: Options) -> int:
    return seeded_run.run(bench, options, rows=ROWS, seed_budget=SEED_BUDGET_S)


def main(argv: Sequence[str] | None = None) -> int:
    return seeded_run.main(bench, argv, "python -m bench.queue", __doc__, rows=ROWS, seed_budget=SEED_BUDGET_S)


if __name__ == "__main__":
    raise SystemExit(main())
