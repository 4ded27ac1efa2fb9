"""`make bench` for the policy search: per-query p50/p99 at 100, 1,000 and 10,000 entries, index
build time, time from process start to the first answer, and peak memory of one worker.

The larger sets are synthetic entries made from the real entries' text (each variant with a few
characters swapped for characters of other entries), each of a fixed shape: a title and
`SYNTHETIC_VARIANTS` question variants, the shape the goals were first measured on. Writing more
variants for the real entries must not change the workload the speed goals are judged on; the
same 10,000 entries with every variant of their real entry are timed too, as information. In the
same run, on the same entries and queries, the baselines `make eval` scores are built and timed:
rapidfuzz's ratio against every variant, and rank-bm25's BM25Okapi over jieba words of every
variant. Figures go to `<out_dir>/search.json`. Run: python -m bench search
"""

from __future__ import annotations

import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.kb_baselines import RankBM25, RapidfuzzRatio
from bench.kb_evalset import load_evalset
from bench.load import Options
from knowledge.base import to_doc
from knowledge.engine import Doc, SearchEngine
from knowledge.loader import load_entries
from knowledge.schema import Entry

SIZES = (100, 1_000, 10_000)
QUERIES = 3_000
# Ours is timed in several passes of QUERIES searches, and built several times; the medians are
# reported. On this 2-core VM one pass's p99 wandered by 25% between identical passes (the CPU's
# speed, not the code: thread CPU time equals wall time), so one pass judged the machine's mood.
PASSES = 5
BUILDS = 3
# The same baselines `make eval` scores for accuracy.
BASELINES: dict[str, Callable[[Sequence[Doc]], Callable[[str], object]]] = {
    "rapidfuzz ratio": lambda docs: RapidfuzzRatio(docs).rank,
    "rank-bm25 (variants)": lambda docs: RankBM25(docs).rank,
}
BASELINE_QUERIES = 200  # the baselines take tens of ms a query at 10,000 entries
SYNTHETIC_VARIANTS = 13  # per synthetic entry, with its title 14 texts (the real ones had 13.5 then)
GOALS = {"p99_ms": 1.0, "build_s": 2.0, "first_answer_s": 1.5, "worker_rss_mb": 300}
ROOT = Path(__file__).resolve().parents[1]
FIRST_ANSWER = (
    "import time; t = time.perf_counter()\n"
    "from knowledge.base import KnowledgeBase, format_reply\n"
    "kb = KnowledgeBase.load_default()\n"
    "reply = format_reply(kb.ask('俺家娃上中专 雨露计化咋申请'))\n"
    "import resource; print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)


def synthetic_docs(
    entries: Sequence[Entry], count: int, seed: int = 7, variants: int | None = SYNTHETIC_VARIANTS
) -> list[Doc]:
    """The real entries, then synthetic ones made from them: `variants` of each base entry's question
    variants (all of them when None), characters swapped."""
    rng = random.Random(seed)
    pool = "".join(e.answer for e in entries)
    docs: list[Doc] = []
    for i in range(count):
        base = entries[i % len(entries)]
        if i < len(entries):
            docs.append(to_doc(base))
            continue
        questions = list(base.questions)
        if variants is not None and len(questions) > variants:
            questions = rng.sample(questions, variants)
        texts = []
        for q in (base.title, *questions):
            chars = list(q)
            for _ in range(max(1, len(chars) // 5)):
                chars[rng.randrange(len(chars))] = pool[rng.randrange(len(pool))]
            texts.append("".join(chars))
        docs.append(Doc(f"{base.id}-{i}", texts[0], texts[1:], base.topics))
    return docs


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def time_queries(search: Callable[[str], object], queries: Sequence[str], count: int) -> tuple[float, float]:
    """p50 and p99 in seconds of `count` searches cycling through `queries`."""
    search(queries[0])  # warm the caches
    samples = []
    for i in range(count):
        text = queries[i % len(queries)]
        start = time.perf_counter()
        search(text)
        samples.append(time.perf_counter() - start)
    samples.sort()
    return percentile(samples, 0.5), percentile(samples, 0.99)


def first_answer() -> tuple[float, float, int]:
    """Wall time from spawning a fresh interpreter to its first reply, the in-process part, and
    that worker's peak RSS in MB."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", FIRST_ANSWER], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    wall = time.perf_counter() - start
    return wall, float(out[0]), int(out[1]) // 1024


def measure_engine(docs: Sequence[Doc], queries: Sequence[str]) -> dict[str, Any]:
    """Median build time of BUILDS builds, median p50/p99 of PASSES passes, and each run's figure."""
    builds: list[float] = []
    for _ in range(BUILDS):
        start = time.perf_counter()
        engine = SearchEngine(docs)
        builds.append(time.perf_counter() - start)
    passes = [time_queries(engine.search, queries, QUERIES) for _ in range(PASSES)]
    return {
        "build_s": statistics.median(builds),
        "p50_ms": 1000 * statistics.median(p50 for p50, _ in passes),
        "p99_ms": 1000 * statistics.median(p99 for _, p99 in passes),
        "build_s_runs": builds,
        "p99_ms_passes": [1000 * p99 for _, p99 in passes],
        "texts": sum(1 + len(d.questions) for d in docs),
    }


def measure_size(docs: Sequence[Doc], queries: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Build time and query p50/p99 (ms) of the engine and of each baseline (one build, one pass:
    they are tens to hundreds of times slower) on the same docs."""
    rows: dict[str, dict[str, Any]] = {"qingfeng": measure_engine(docs, queries)}
    for name, make in BASELINES.items():
        start = time.perf_counter()
        search = make(docs)
        build = time.perf_counter() - start
        p50, p99 = time_queries(search, queries, BASELINE_QUERIES)
        rows[name] = {"build_s": build, "p50_ms": 1000 * p50, "p99_ms": 1000 * p99}
    return rows


def goals(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    largest = report["sizes"][str(max(SIZES))]["qingfeng"]
    figures = {
        "p99_ms": largest["p99_ms"],
        "build_s": largest["build_s"],
        "first_answer_s": report["first_answer_s"],
        "worker_rss_mb": report["worker_rss_mb"],
    }
    return {key: {"value": value, "goal": GOALS[key], "pass": value <= GOALS[key]} for key, value in figures.items()}


def spread(row: dict[str, Any]) -> str:
    builds, p99s = row["build_s_runs"], row["p99_ms_passes"]
    return f" (builds {min(builds):.2f}-{max(builds):.2f} s, p99 {min(p99s):.2f}-{max(p99s):.2f} ms)"


def render(report: dict[str, Any]) -> str:
    lines = [
        f"policy search bench: {report['entries']} real entries, {report['queries']} distinct queries "
        f"({QUERIES} timed searches for ours, {BASELINE_QUERIES} for each baseline)",
        f"ours: the median of {BUILDS} builds and of {PASSES} passes, their range in brackets",
        f"first answer after process start: {report['first_answer_s']:.2f} s "
        f"(of which imports+load+answer {report['first_answer_inside_s']:.2f} s)",
        f"peak RSS of that worker (knowledge base + segmenter loaded): {report['worker_rss_mb']} MB",
        "",
        f"{'entries':>8}  {'system':<22}{'build s':>8}{'p50 ms':>9}{'p99 ms':>9}{'p99 vs ours':>13}",
    ]
    for size, rows in report["sizes"].items():
        ours = rows["qingfeng"]["p99_ms"]
        for name, row in rows.items():
            times = row["p99_ms"] / ours
            ratio = spread(row) if name == "qingfeng" else f"{times:>12.{1 if times < 10 else 0}f}×"
            lines.append(
                f"{size:>8}  {name:<22}{row['build_s']:>8.2f}{row['p50_ms']:>9.3f}{row['p99_ms']:>9.3f} {ratio}"
            )
    real = report["real_shape"]
    lines.append(
        f"{max(SIZES):>8}  {'qingfeng, real shape':<22}{real['build_s']:>8.2f}{real['p50_ms']:>9.3f}"
        f"{real['p99_ms']:>9.3f} {spread(real)}  (information: {real['texts'] / max(SIZES):.1f} texts an entry, "
        f"not {1 + SYNTHETIC_VARIANTS})"
    )
    lines.append(f"\npeak RSS of this process (all indexes built): {report['bench_rss_mb']} MB")
    units = {"p99_ms": "ms", "build_s": "s", "first_answer_s": "s", "worker_rss_mb": "MB"}
    for key, goal in report["goals"].items():
        verdict = "PASS" if goal["pass"] else "MISS"
        lines.append(f"goal {key} ≤ {goal['goal']:g} {units[key]}: {goal['value']:.3g} {verdict}")
    return "\n".join(lines)


def run(options: Options) -> int:
    entries = load_entries()
    evalset = load_evalset()
    queries = [q.q for q in evalset.in_scope] + list(evalset.out_of_scope)
    wall, inside, rss = first_answer()
    report: dict[str, Any] = {
        "entries": len(entries),
        "queries": len(queries),
        "first_answer_s": wall,
        "first_answer_inside_s": inside,
        "worker_rss_mb": rss,
        "sizes": {str(size): measure_size(synthetic_docs(entries, size), queries) for size in SIZES},
        "real_shape": measure_engine(synthetic_docs(entries, max(SIZES), variants=None), queries),
        "bench_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }
    report["goals"] = goals(report)
    print(render(report))
    out = Path(options.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "search.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {out / 'search.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(run(Options()))
