"""One writer thread that takes jobs from the event loop and runs them in batches.

SQLite lets one writer in at a time, so queueing messages here, in order, beats dozens of threads
sleeping in SQLite's busy handler. The thread takes whatever has queued up since its last batch
(up to `max_batch`) and hands it to `run_batch` in one call, so the caller can commit the batch as one
transaction: one BEGIN and one COMMIT for many messages is where most of the per-message cost went.
At a light load a batch is one job, and nothing waits for company.

The thread starts on the first job and ends after `idle_s` without work, so an app that is built and
dropped (as tests do) leaves no thread behind for long.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

log = logging.getLogger("qingfeng.writer")

J = TypeVar("J")
R = TypeVar("R")


@dataclass(slots=True)  # not frozen: a frozen dataclass sets each field through object.__setattr__
class _Queued(Generic[J, R]):
    job: J
    future: asyncio.Future[R]
    loop: asyncio.AbstractEventLoop


# What `run_batch` gives back for each job, in order: its result, or the exception it raised.
Outcome = Any


class BatchWriter(Generic[J, R]):
    def __init__(
        self,
        run_batch: Callable[[Sequence[J]], Sequence[Outcome]],
        *,
        max_batch: int = 32,
        idle_s: float = 10.0,
        name: str = "db-writer",
    ) -> None:
        self._run_batch = run_batch
        self._max_batch = max_batch
        self._idle_s = idle_s
        self._name = name
        self._queue: queue.SimpleQueue[_Queued[J, R]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.batches = 0  # for tests and the curious: how many batches ran
        self.jobs = 0

    def submit(self, job: J) -> asyncio.Future[R]:
        """Queue `job`; the future resolves, on the caller's loop, once its batch has run."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[R] = loop.create_future()
        self._queue.put(_Queued(job, future, loop))
        self._ensure_thread()
        return future

    def _ensure_thread(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name=self._name, daemon=True)
                self._thread.start()

    def _work(self) -> None:
        while True:
            try:
                first = self._queue.get(timeout=self._idle_s)
            except queue.Empty:
                with self._lock:
                    # A job queued between the timeout and here must not be stranded.
                    if self._queue.empty():
                        self._thread = None
                        return
                continue
            batch = [first]
            while len(batch) < self._max_batch:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            self._run(batch)

    def _run(self, batch: list[_Queued[J, R]]) -> None:
        try:
            outcomes = list(self._run_batch([q.job for q in batch]))
            if len(outcomes) != len(batch):
                raise RuntimeError("run_batch returned the wrong number of outcomes")
        except Exception as exc:  # a bug in run_batch: every job hears of it rather than hanging
            log.exception("batch failed")
            outcomes = [exc] * len(batch)
        self.batches += 1
        self.jobs += len(batch)
        by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future[R], Outcome]]] = {}
        for queued, outcome in zip(batch, outcomes, strict=True):
            by_loop.setdefault(queued.loop, []).append((queued.future, outcome))
        for loop, settled in by_loop.items():
            try:
                # One wake-up of the loop per batch, not per job.
                loop.call_soon_threadsafe(_settle, settled)
            except RuntimeError:  # the loop has closed: nobody is waiting any more
                log.warning("event loop closed before a batch was answered")


def _settle(settled: list[tuple[asyncio.Future[Any], Outcome]]) -> None:
    for future, outcome in settled:
        if future.done():
            continue
        if isinstance(outcome, BaseException):
            future.set_exception(outcome)
        else:
            future.set_result(outcome)
