"""`make bench` for the policy search: per-query p50/p99 at 100, 1,000 and 10,000 entries, index
build time, time from process start to the first answer, and peak memory of one worker.

The larger sets are synthetic entries made from the real entries' text (each variant with a few
characters swapped for characters of other entries). Run: python -m bench.search
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from knowledge.engine import Doc, SearchEngine
from knowledge.evalset import load_evalset
from knowledge.loader import load_entries
from knowledge.schema import Entry
from knowledge.service import to_doc

SIZES = (100, 1_000, 10_000)
QUERIES = 3_000
ROOT = Path(__file__).resolve().parents[1]
FIRST_ANSWER = (
    "import time; t = time.perf_counter()\n"
    "from knowledge.service import KnowledgeBase, format_reply\n"
    "kb = KnowledgeBase.load_default()\n"
    "reply = format_reply(kb.ask('俺家娃上中专 雨露计化咋申请'))\n"
    "import resource; print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)


def synthetic_docs(entries: Sequence[Entry], count: int, seed: int = 7) -> list[Doc]:
    rng = random.Random(seed)
    pool = "".join(e.answer for e in entries)
    docs: list[Doc] = []
    for i in range(count):
        base = entries[i % len(entries)]
        if i < len(entries):
            docs.append(to_doc(base))
            continue
        variants = []
        for q in (base.title, *base.questions):
            chars = list(q)
            for _ in range(max(1, len(chars) // 5)):
                chars[rng.randrange(len(chars))] = pool[rng.randrange(len(pool))]
            variants.append("".join(chars))
        docs.append(Doc(f"{base.id}-{i}", variants[0], variants[1:], base.topics))
    return docs


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def time_queries(engine: SearchEngine, queries: Sequence[str]) -> tuple[float, float]:
    engine.search(queries[0])  # warm the caches
    samples = []
    for i in range(QUERIES):
        text = queries[i % len(queries)]
        start = time.perf_counter()
        engine.search(text)
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


def main() -> int:
    entries = load_entries()
    evalset = load_evalset()
    queries = [q.q for q in evalset.in_scope] + list(evalset.out_of_scope)
    wall, inside, rss = first_answer()
    print(f"policy search bench: {len(entries)} real entries, {len(queries)} distinct queries")
    print(f"first answer after process start: {wall:.2f} s (of which imports+load+answer {inside:.2f} s)")
    print(f"peak RSS of that worker (knowledge base + segmenter loaded): {rss} MB\n")
    print(f"{'entries':>8} {'build s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for size in SIZES:
        docs = synthetic_docs(entries, size)
        start = time.perf_counter()
        engine = SearchEngine(docs)
        build = time.perf_counter() - start
        p50, p99 = time_queries(engine, queries)
        print(f"{size:>8} {build:>8.2f} {1000 * p50:>8.3f} {1000 * p99:>8.3f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"\npeak RSS of this process (all three indexes built): {peak} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
