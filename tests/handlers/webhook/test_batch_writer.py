"""The writer thread: jobs that queue up while a batch runs go together in the next one."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Sequence

from handlers.webhook.batch_writer import BatchWriter


def test_jobs_queued_during_a_batch_run_together_in_order() -> None:
    release = threading.Event()
    seen: list[list[int]] = []

    def run_batch(jobs: Sequence[int]) -> list[int]:
        seen.append(list(jobs))
        if len(seen) == 1:
            release.wait(5)  # the first batch holds the thread while the rest queue up
        return [job * 10 for job in jobs]

    writer: BatchWriter[int, int] = BatchWriter(run_batch, max_batch=4)

    async def main() -> list[int]:
        first = writer.submit(0)
        await asyncio.sleep(0.05)  # the thread has taken job 0 alone
        rest = [writer.submit(i) for i in range(1, 7)]
        release.set()
        return list(await asyncio.gather(first, *rest))

    assert asyncio.run(main()) == [0, 10, 20, 30, 40, 50, 60]
    assert seen == [[0], [1, 2, 3, 4], [5, 6]]  # capped at max_batch, order kept
    assert (writer.batches, writer.jobs) == (3, 7)


def test_each_job_gets_its_own_outcome_and_a_broken_batch_reaches_every_job() -> None:
    def run_batch(jobs: Sequence[str]) -> list[object]:
        if "crash" in jobs:
            raise RuntimeError("bug in run_batch")
        return [ValueError(job) if job == "bad" else job.upper() for job in jobs]

    writer: BatchWriter[str, str] = BatchWriter(run_batch)

    async def outcomes(jobs: list[str]) -> list[object]:
        futures = [writer.submit(job) for job in jobs]
        return list(await asyncio.gather(*futures, return_exceptions=True))

    good, bad = asyncio.run(outcomes(["ok", "bad"]))
    assert good == "OK"
    assert isinstance(bad, ValueError) and str(bad) == "bad"
    crashed = asyncio.run(outcomes(["crash"]))
    assert isinstance(crashed[0], RuntimeError)


def test_the_thread_ends_when_idle_and_comes_back_for_the_next_job() -> None:
    writer: BatchWriter[int, int] = BatchWriter(lambda jobs: [j + 1 for j in jobs], idle_s=0.05)

    async def one(job: int) -> int:
        return await writer.submit(job)

    assert asyncio.run(one(1)) == 2
    deadline = time.monotonic() + 5
    while writer._thread is not None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert writer._thread is None
    assert asyncio.run(one(2)) == 3


def test_jobs_from_several_event_loops_are_answered_on_their_own_loop() -> None:
    loops = 3
    gate = threading.Barrier(loops)
    writer: BatchWriter[int, int] = BatchWriter(lambda jobs: list(jobs))
    results: list[int] = []

    def in_its_own_loop(job: int) -> None:
        async def main() -> int:
            gate.wait(5)
            return await writer.submit(job)

        results.append(asyncio.run(main()))

    threads = [threading.Thread(target=in_its_own_loop, args=(i,)) for i in range(loops)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert sorted(results) == list(range(loops))
