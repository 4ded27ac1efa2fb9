"""The threads PostgreSQL's messages run on: a few batch writers, a villager's messages always on the same one.

On SQLite one writer thread takes the messages in batches (handlers.webhook.batch_writer). PostgreSQL
used to run each message on a thread of its own, in its own transaction: a BEGIN, a COMMIT (and its
WAL flush) and a thread hand-off per message, with eight threads taking turns at the GIL. Now it batches
too (issue #23): `WRITERS` writer threads, each with its own connection, each running the messages that
queued up for it in one transaction (group commit). Two rather than one, so that while one waits for
PostgreSQL the other works.

A message goes to the writer its sender's openid picks. A villager's messages, and WeChat's retries of
one message (the same sender), thus queue on one thread in order and never wait for each other's locks
across batches of this process: the ledger row exactly-once claims (storage.repos.arrival) and the user
row are taken by one transaction at a time. Another process serving the same database can still meet
them; PostgreSQL then makes one wait, or breaks a deadlock by failing one batch, whose messages then
run one by one (Webhook.process_batch).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from handlers.webhook.batch_writer import BatchWriter, Outcome

# Batch writers per process, each holding one pooled connection while it works (storage.db keeps 10).
WRITERS = 2

J = TypeVar("J")
R = TypeVar("R")


class Writers(Generic[J, R]):
    """`writers` BatchWriters; `shard(job)` names the one a job goes to, the same name always the same one."""

    def __init__(
        self,
        run_batch: Callable[[Sequence[J]], Sequence[Outcome]],
        *,
        shard: Callable[[J], str],
        writers: int = WRITERS,
        max_batch: int = 32,
    ) -> None:
        self._shard = shard
        self._writers: list[BatchWriter[J, R]] = [
            BatchWriter(run_batch, max_batch=max_batch, name=f"webhook-pg-{n}") for n in range(max(writers, 1))
        ]

    def submit(self, job: J) -> asyncio.Future[R]:
        """Queue `job` on its writer; the future resolves, on the caller's loop, once its batch has committed."""
        # str hashes are salted per process but stable within it, which is all a shard needs.
        writer = self._writers[hash(self._shard(job)) % len(self._writers)]
        return writer.submit(job)

    @property
    def jobs(self) -> int:
        return sum(w.jobs for w in self._writers)

    @property
    def batches(self) -> int:
        return sum(w.batches for w in self._writers)
