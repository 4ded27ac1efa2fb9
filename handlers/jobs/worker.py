"""The background worker: whoever holds the "background" lease drains the outbox and runs scheduled jobs.

Every process may run one; the lease makes sure only one does the work at a time. A tick never
raises: errors are logged and the next tick tries again.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from handlers.runtime import Runtime
from storage.db import transaction
from storage.repos import leases, ledger, nonces
from storage.types import utcnow
from wechat.api import WechatApi
from wechat.delivery import OutboxKinds, deliver_due

log = logging.getLogger(__name__)

LEASE_NAME = "background"
LEASE_TTL = timedelta(seconds=30)  # the default of QF_WORKER_LEASE_S
PRUNE_EVERY_S = 300.0


@dataclass(frozen=True)
class JobContext:
    runtime: Runtime
    api: WechatApi
    now: datetime


JobFn = Callable[[JobContext], None]


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: float
    fn: JobFn


def drain_outbox(ctx: JobContext, kinds: OutboxKinds | None = None) -> None:
    report = deliver_due(
        sessions=ctx.runtime.sessions,
        api=ctx.api,
        now=ctx.now,
        template_id=ctx.runtime.settings.wechat_template_id,
        kinds=kinds,
    )
    if report.attempted:
        log.info("outbox: %s", report)


def prune_ledger(ctx: JobContext) -> None:
    with transaction(ctx.runtime.sessions) as session:
        removed = ledger.prune(session, now=ctx.now) + nonces.prune(session, now=ctx.now)
    if removed:
        log.info("ledger: pruned %d rows", removed)


def make_holder() -> str:
    return f"{socket.gethostname()[:80]}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


class BackgroundWorker:
    def __init__(
        self,
        runtime: Runtime,
        api: WechatApi,
        *,
        interval: float = 1.0,
        jobs: Sequence[Job] = (),
        kinds: OutboxKinds | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.runtime = runtime
        self.api = api
        self.interval = interval
        self.lease_ttl = timedelta(seconds=runtime.settings.worker_lease_s)
        self.holder = make_holder()
        self.clock = clock
        # Besides the outbox (with the kinds composition hands in: handlers.jobs.cases_jobs.outbox_kinds)
        # and the ledger, the jobs composition hands in (handlers.jobs.schedule).
        outbox = Job("outbox", 0.0, partial(drain_outbox, kinds=kinds))
        builtin = [outbox, Job("ledger_prune", PRUNE_EVERY_S, prune_ledger)]
        self.jobs = builtin + list(jobs)
        self._last_run: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.ticks = 0  # ticks done (holding the lease or not)
        self.errors = 0  # exceptions caught in ticks and jobs

    def tick(self) -> bool:
        """One round: take or renew the lease; when holding it, run the jobs that are due."""
        now = self.clock()
        with transaction(self.runtime.sessions) as session:
            holding = leases.try_acquire(session, name=LEASE_NAME, holder=self.holder, now=now, ttl=self.lease_ttl)
        if not holding:
            return False
        ctx = JobContext(runtime=self.runtime, api=self.api, now=now)
        for job in self.jobs:
            last = self._last_run.get(job.name)
            if last is not None and time.monotonic() - last < job.every_seconds:
                continue
            self._last_run[job.name] = time.monotonic()
            try:
                job.fn(ctx)
            except Exception:
                self.errors += 1
                log.exception("background job %s failed", job.name)
        return True

    def _safe_tick(self) -> None:
        try:
            self.tick()
        except Exception:
            self.errors += 1
            log.exception("background tick failed")
        finally:
            self.ticks += 1

    def run_forever(self) -> None:
        """Tick every `interval` seconds until stop() (or KeyboardInterrupt); then release the lease."""
        try:
            while not self._stop.is_set():
                self._safe_tick()
                self._stop.wait(self.interval)
        finally:
            self._release()

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self.run_forever, name="qingfeng-worker", daemon=True)
            self._thread.start()

    def stop(self, timeout: float | None = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _release(self) -> None:
        try:
            with transaction(self.runtime.sessions) as session:
                leases.release(session, name=LEASE_NAME, holder=self.holder)
        except Exception:
            log.exception("could not release the background lease")
