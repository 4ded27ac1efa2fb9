"""The background worker: lease, outbox draining, ledger pruning, jobs, resilience. Both databases."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from handlers.jobs.schedule import scheduled_jobs
from handlers.jobs.worker import LEASE_TTL, BackgroundWorker, Job, JobContext
from handlers.runtime import Runtime
from storage.db import transaction
from storage.models import Lease, OutboxMessage, ProcessedMessage
from storage.repos import ledger, outbox
from storage.types import utcnow
from wechat.client import WechatClient
from wechat.standin import StandinWechat


@pytest.fixture
def runtime(engine: Engine, sessions: sessionmaker[Session], wx: StandinWechat) -> Runtime:
    settings = Settings(wechat_api_base=wx.url, wechat_appid=wx.appid, wechat_appsecret=wx.secret)
    return Runtime(settings=settings, engine=engine, sessions=sessions)


@pytest.fixture
def api(runtime: Runtime, wx: StandinWechat) -> Iterator[WechatClient]:
    with WechatClient(appid=wx.appid, secret=wx.secret, api_base=wx.url, sessions=runtime.sessions) as c:
        yield c


def enqueue_text(runtime: Runtime, key: str, text: str, now: datetime) -> None:
    with transaction(runtime.sessions) as s:
        outbox.enqueue(s, key=key, kind="kefu_text", payload={"text": text}, now=now, openid="o-1")


def status_of(runtime: Runtime, key: str) -> str:
    with transaction(runtime.sessions) as s:
        return s.scalars(select(OutboxMessage.status).where(OutboxMessage.key == key)).one()


def wait_for(cond: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met before the deadline")
        time.sleep(0.01)


def test_only_the_lease_holder_drains(runtime: Runtime, api: WechatClient, wx: StandinWechat) -> None:
    now = [utcnow()]
    a = BackgroundWorker(runtime, api, jobs=[], clock=lambda: now[0])
    b = BackgroundWorker(runtime, api, jobs=[], clock=lambda: now[0])
    assert a.holder != b.holder
    enqueue_text(runtime, "k1", "第一条", now[0])
    assert b.tick() is True  # b is first, so b holds the lease
    assert a.tick() is False
    assert status_of(runtime, "k1") == "sent"
    enqueue_text(runtime, "k2", "第二条", now[0])
    assert a.tick() is False
    assert status_of(runtime, "k2") == "pending"
    assert b.tick() is True
    assert len(wx.calls_to("message/custom/send")) == 2
    # b goes silent; once its lease has run out, a takes over.
    now[0] += LEASE_TTL + timedelta(seconds=1)
    enqueue_text(runtime, "k3", "第三条", now[0])
    assert a.tick() is True
    assert status_of(runtime, "k3") == "sent"
    assert b.tick() is False
    with transaction(runtime.sessions) as s:
        lease = s.get(Lease, "background")
        assert lease is not None and lease.holder == a.holder


def test_thread_drains_outbox_and_stop_releases_the_lease(runtime: Runtime, api: WechatClient) -> None:
    worker = BackgroundWorker(runtime, api, interval=0.02, jobs=[])
    enqueue_text(runtime, "k1", "你好", utcnow())
    worker.start()
    try:
        wait_for(lambda: status_of(runtime, "k1") == "sent")
    finally:
        worker.stop()
    # The lease was released: another worker gets it at once.
    assert BackgroundWorker(runtime, api, jobs=[]).tick() is True


def test_worker_survives_exceptions(runtime: Runtime, api: WechatClient) -> None:
    runs: list[datetime] = []

    def boom(ctx: JobContext) -> None:
        raise RuntimeError("job failed")

    def count(ctx: JobContext) -> None:
        runs.append(ctx.now)

    worker = BackgroundWorker(runtime, api, interval=0.01, jobs=[Job("boom", 0.0, boom), Job("count", 0.0, count)])
    worker.start()
    try:
        wait_for(lambda: len(runs) >= 3 and worker.errors >= 3)
    finally:
        worker.stop()
    assert worker._thread is None


def test_tick_errors_are_logged_and_the_loop_goes_on(
    runtime: Runtime, api: WechatClient, caplog: pytest.LogCaptureFixture
) -> None:
    calls = [0]

    def flaky_clock() -> datetime:
        calls[0] += 1
        if calls[0] <= 2:
            raise RuntimeError("clock broke")
        return utcnow()

    enqueue_text(runtime, "k1", "你好", utcnow())
    worker = BackgroundWorker(runtime, api, interval=0.01, jobs=[], clock=flaky_clock)
    worker.start()
    try:
        wait_for(lambda: status_of(runtime, "k1") == "sent")
    finally:
        worker.stop()
    assert worker.errors == 2
    assert "background tick failed" in caplog.text


def test_prunes_ledger_at_most_every_few_minutes(runtime: Runtime, api: WechatClient) -> None:
    now = utcnow()
    old = now - ledger.RETENTION - timedelta(hours=1)

    def add(key: str, at: datetime) -> None:
        with transaction(runtime.sessions) as s:
            ledger.record(s, key=key, reply="", now=at)

    def keys() -> set[str]:
        with transaction(runtime.sessions) as s:
            return set(s.scalars(select(ProcessedMessage.key)))

    add("old-1", old)
    add("fresh", now)
    worker = BackgroundWorker(runtime, api, jobs=[], clock=lambda: now)
    assert worker.tick()
    assert keys() == {"fresh"}
    add("old-2", old)
    assert worker.tick()
    assert keys() == {"fresh", "old-2"}  # not pruned again so soon
    worker._last_run["ledger_prune"] -= 301
    assert worker.tick()
    assert keys() == {"fresh"}


def test_jobs_handed_in_run_on_their_schedule(runtime: Runtime, api: WechatClient) -> None:
    runs: list[str] = []
    worker = BackgroundWorker(runtime, api, jobs=[Job("test-job", 3600, lambda ctx: runs.append("ran"))])
    assert worker.tick() and worker.tick()
    assert runs == ["ran"]
    # Nothing is registered on the side: a worker built without the job does not run it.
    assert "test-job" not in [j.name for j in BackgroundWorker(runtime, api).jobs]


def test_the_scheduled_jobs_are_listed_once_for_composition() -> None:
    names = [j.name for j in scheduled_jobs()]
    assert sorted(names) == ["cases_overdue", "cases_prune", "h5_staging_sweep", "money_checks", "staff_digests"]


def test_non_holder_runs_no_jobs(runtime: Runtime, api: WechatClient) -> None:
    runs: list[str] = []

    holder = BackgroundWorker(runtime, api, jobs=[])
    other = BackgroundWorker(runtime, api, jobs=[Job("j", 0.0, lambda ctx: runs.append("ran"))])
    assert holder.tick()
    assert not other.tick()
    assert runs == []


def test_the_lease_lasts_as_long_as_qf_worker_lease_s(runtime: Runtime, api: WechatClient) -> None:
    short = Runtime(
        settings=runtime.settings.model_copy(update={"worker_lease_s": 4.0}),
        engine=runtime.engine,
        sessions=runtime.sessions,
    )
    now = [utcnow()]
    holder = BackgroundWorker(short, api, jobs=[], clock=lambda: now[0])
    other = BackgroundWorker(short, api, jobs=[], clock=lambda: now[0])
    assert holder.tick() is True
    now[0] += timedelta(seconds=3.5)
    assert other.tick() is False
    now[0] += timedelta(seconds=1)  # 4.5 s without a renewal: past the 4 s lease, long before the default 30
    assert other.tick() is True
