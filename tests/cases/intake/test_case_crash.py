"""Crash safety: SIGKILL `qingfeng serve` in the middle of a stream of reports, restart it, and find every
case number a villager was given, with its evidence downloads queued. WeChat's retries (the same
request again) carry the villagers over the crash."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, select

from config.settings import Settings
from storage.db import make_sessionmaker
from storage.models import OutboxMessage
from storage.models.cases import Case, CaseEvidence
from tests.cases_support import VILLAGE, load_registry
from tests.report_support import NUMBER_RE
from wechat.simulator import SimRequest, Simulator

QF = [sys.executable, "-m", "handlers.cli.main"]
VILLAGERS = 40
THREADS = 8
KILL_AFTER = 8  # acknowledged cases before the SIGKILL


def url_of(engine: Engine) -> str:
    url = engine.url.render_as_string(hide_password=False)
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            schema = conn.exec_driver_sql("SHOW search_path").scalar()
        url += f"{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    return url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Server:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log_path = env, log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                [*QF, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--no-worker"],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while True:
            assert self.proc.poll() is None, self.log_path.read_text()
            assert time.monotonic() < deadline, "qingfeng serve did not become healthy"
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.05)

    def kill(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def conversation(sim: Simulator, n: int) -> list[Callable[[], SimRequest]]:
    return [
        lambda: sim.subscribe(scene=VILLAGE),
        lambda: sim.text("3"),
        lambda: sim.text("1"),
        lambda: sim.text(f"第{n}号村民：村会计截留补助 {n} 百元"),
        lambda: sim.text("好了"),
        lambda: sim.text("1"),
        lambda: sim.image(pic_url="http://mmbiz/p.jpg", media_id=f"crash-{n}-a"),
        lambda: sim.image(pic_url="http://mmbiz/p.jpg", media_id=f"crash-{n}-b"),
        lambda: sim.text("好了"),
        lambda: sim.text("2"),
        lambda: sim.text("1"),
    ]


@pytest.mark.slow
def test_sigkill_in_a_stream_of_reports_loses_no_acknowledged_case(engine: Engine, tmp_path: Path) -> None:
    import re

    sessions = make_sessionmaker(engine)
    load_registry(sessions)
    env = {
        **os.environ,
        "QF_DATABASE_URL": url_of(engine),
        "QF_RUN_BACKGROUND": "false",
        "QF_MEDIA_DIR": str(tmp_path / "media"),
    }
    settings = Settings()
    server = Server(env, tmp_path / "serve.log")
    started = time.monotonic()
    server.start()
    print(f"\nserver up in {time.monotonic() - started:.1f}s")
    acknowledged: list[str] = []
    lock = threading.Lock()
    up = threading.Event()
    up.set()
    retries = [0]

    def post(client: httpx.Client, sim: Simulator, request: SimRequest) -> str | None:
        while True:
            up.wait(60)
            try:
                response = client.post(server.url + "/wechat", params=request.query, content=request.body)
                return sim.parse_reply(response.status_code, response.content).text
            except httpx.TransportError:
                with lock:
                    retries[0] += 1
                time.sleep(0.2)  # WeChat retries the same request a little later

    def villager(n: int) -> None:
        sim = Simulator(
            token=settings.wechat_token, appid=settings.wechat_appid, aes_key=settings.wechat_aes_key, safe=True
        )
        with httpx.Client(timeout=30) as client:
            reply = None
            for make in conversation(sim, n):
                reply = post(client, sim, make())
        match = re.search(NUMBER_RE, reply or "")
        assert match, reply
        with lock:
            acknowledged.append(match.group(1))

    threads = [
        threading.Thread(target=lambda k=k: [villager(n) for n in range(k, VILLAGERS, THREADS)]) for k in range(THREADS)
    ]
    try:
        for t in threads:
            t.start()
        deadline = time.monotonic() + 120
        while len(acknowledged) < KILL_AFTER and time.monotonic() < deadline:
            time.sleep(0.01)
        up.clear()
        server.kill()
        before_kill = len(acknowledged)
        server.start()
        up.set()
        for t in threads:
            t.join(180)
    finally:
        up.set()
        server.stop()
    assert len(acknowledged) == VILLAGERS and len(set(acknowledged)) == VILLAGERS
    with sessions() as s:
        cases = {c.number: c for c in s.scalars(select(Case))}
        evidence = s.scalars(select(CaseEvidence)).all()
        jobs = {j.key for j in s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "media_download"))}
    missing = [n for n in acknowledged if n not in cases]
    assert missing == [] and len(cases) == VILLAGERS
    ids = {cases[n].id for n in acknowledged}
    assert len([e for e in evidence if e.case_id in ids]) == 2 * VILLAGERS
    assert all(f"media:{e.id}" in jobs for e in evidence)
    print(
        f"\n[{engine.dialect.name}] crash test: {before_kill} acknowledged before SIGKILL, {len(acknowledged)} in all, "
        f"{len(acknowledged) - len(missing)} found, {retries[0]} requests retried, {time.monotonic() - started:.1f}s"
    )
