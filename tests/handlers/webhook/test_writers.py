"""PostgreSQL's writers: a sender's messages always run on the same writer thread, in order."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence

from handlers.webhook.threads import Writers


def test_a_senders_jobs_run_on_one_writer_in_order_and_the_senders_spread_over_the_writers() -> None:
    ran: list[tuple[str, int, str]] = []
    lock = threading.Lock()

    def run_batch(jobs: Sequence[tuple[str, int]]) -> list[int]:
        with lock:
            ran.extend((sender, n, threading.current_thread().name) for sender, n in jobs)
        return [n for _, n in jobs]

    writers: Writers[tuple[str, int], int] = Writers(run_batch, shard=lambda job: job[0], writers=2)
    senders = [f"o-writer-{i}" for i in range(40)]

    async def main() -> list[int]:
        return list(await asyncio.gather(*(writers.submit((s, n)) for n in range(5) for s in senders)))

    assert asyncio.run(main()) == [n for n in range(5) for _ in senders]  # each job its own outcome
    assert writers.jobs == 200
    threads = {sender: {name for s, _, name in ran if s == sender} for sender in senders}
    assert all(len(names) == 1 for names in threads.values())  # one writer per sender
    assert len(set().union(*threads.values())) == 2  # and both writers work
    for sender in senders:
        assert [n for s, n, _ in ran if s == sender] == list(range(5))  # in the order they came
