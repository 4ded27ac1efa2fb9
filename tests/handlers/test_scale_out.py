"""A province runs several stateless `qingfeng serve` processes on one PostgreSQL: two real processes here.

A villager's conversation alternates between them; one message delivered to both at once has one effect;
a knowledge-base reload reaches both; exactly one holds the worker's lease, and when it is killed with
SIGKILL the other takes over within the lease time. Requests are built by wechat.simulator: signed in
safe mode with a fresh timestamp and a random nonce each, as WeChat sends them.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, func, select, text

from storage.db import make_engine, make_sessionmaker, transaction
from storage.migrate import upgrade
from storage.models import Lease, ProcessedMessage
from storage.models.cases import Case
from tests.cases_support import VILLAGE
from tests.conftest import IN_CI, pg_engine_for, postgres_base_url
from tests.db_url import url_of
from tests.report_support import NUMBER_RE
from tests.webhook_support import AES_KEY, APPID, MINI_REGISTRY, TOKEN
from villages.places.importer import import_registry
from wechat.simulator import SimRequest, Simulator
from wechat.standin import StandinWechat

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

QINGFENG = str(Path(sys.executable).parent / "qingfeng")
LEASE_S = 3.0  # QF_WORKER_LEASE_S for these processes (30 by default)
KB_POLL_S = 1.0  # QF_KB_POLL_S (5 by default)
TICK_S = 1.0  # the worker renews or tries to take the lease this often
BUILD_S = 30.0  # building the packaged knowledge base in a running process, on a loaded 2-core machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(check: Callable[[], bool], timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return False


@dataclass
class Server:
    name: str
    proc: subprocess.Popen[bytes]
    base: str
    log: Path

    def post(self, request: SimRequest) -> httpx.Response:
        return httpx.post(self.base + "/wechat", params=request.query, content=request.body, timeout=60)

    def kb_version(self) -> int:
        response = httpx.get(self.base + "/api/kb/search", params={"q": "低保"}, timeout=60)
        return int(response.json()["kb_version"])

    def healthy(self) -> bool:
        assert self.proc.poll() is None, f"{self.name} exited:\n{self.log.read_text()[-3000:]}"
        try:
            return httpx.get(self.base + "/healthz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False


def server_env(engine: Engine, wx: StandinWechat, tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QF_")}
    env.update(
        QF_ENV="dev",
        QF_DATABASE_URL=url_of(engine),
        QF_MEDIA_DIR=str(tmp / "media"),  # shared storage, as on a province's file server
        QF_WECHAT_TOKEN=TOKEN,
        QF_WECHAT_AES_KEY=AES_KEY,
        QF_WECHAT_APPID=wx.appid,
        QF_WECHAT_APPSECRET=wx.secret,
        QF_WECHAT_API_BASE=wx.url,
        QF_WORKER_LEASE_S=str(LEASE_S),
        QF_KB_POLL_S=str(KB_POLL_S),
        QF_REPLY_BUDGET_S="30",  # a loaded test machine must not turn replies into `success`
    )
    return env


@dataclass
class Province:
    engine: Engine
    a: Server
    b: Server
    env: dict[str, str]
    tmp: Path


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A throw-away PostgreSQL schema of its own (as tests/conftest.py makes), migrated, with villages."""
    url, schema = postgres_base_url(), f"qf_scale_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        admin = make_engine(url, pool_size=1)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL suite cannot run in CI: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {url}")
    engine = pg_engine_for(url, schema)
    try:
        upgrade(engine)
        with transaction(make_sessionmaker(engine)) as session:
            import_registry(session, path=MINI_REGISTRY)
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="module")
def province(database: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Province]:
    """Two `qingfeng serve` processes on the one database, started once for this module's tests."""
    tmp = tmp_path_factory.mktemp("province")
    with StandinWechat(appid=APPID) as wx:
        env = server_env(database, wx, tmp)
        started: list[Server] = []
        try:
            for name in ("A", "B"):
                port = free_port()
                log = tmp / f"serve-{name}.log"
                with log.open("wb") as out:
                    proc = subprocess.Popen(
                        [QINGFENG, "serve", "--host", "127.0.0.1", "--port", str(port)],
                        env=env,
                        cwd=tmp,
                        stdout=out,
                        stderr=subprocess.STDOUT,
                    )
                started.append(Server(name, proc, f"http://127.0.0.1:{port}", log))
            for server in started:
                assert wait_for(server.healthy, timeout=120, step=0.3), f"{server.name} did not become healthy"
            yield Province(database, started[0], started[1], env, tmp)
        finally:
            for server in started:
                if server.proc.poll() is None:
                    server.proc.terminate()
            for server in started:
                try:
                    server.proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    server.proc.kill()
                    server.proc.wait()


def switched(server: Server) -> bool:
    return server.kb_version() == 1


def said(villager: Simulator, server: Server, request: SimRequest) -> str:
    response = server.post(request)
    reply = villager.parse_reply(response.status_code, response.content)
    assert reply.text is not None, f"{server.name} answered `success` instead of a reply"
    return reply.text


def ledger_rows(engine: Engine) -> int:
    with make_sessionmaker(engine)() as s:
        return int(s.scalar(select(func.count()).select_from(ProcessedMessage)) or 0)


def lease_holder_pid(engine: Engine) -> int | None:
    """The pid in the live lease's holder (`host:pid:random`), None when nobody holds it."""
    with make_sessionmaker(engine)() as s:
        lease = s.get(Lease, "background")
    if lease is None or lease.expires_at <= datetime.now(UTC):
        return None
    return int(lease.holder.split(":")[-2])


def test_a_conversation_continues_across_processes_and_a_duplicate_has_one_effect(province: Province) -> None:
    a, b, engine = province.a, province.b, province.engine
    villager = Simulator(token=TOKEN, appid=APPID, aes_key=AES_KEY, safe=True)
    turn = itertools.cycle((a, b))  # every message goes to the other process than the one before

    def say(text: str) -> str:
        return said(villager, next(turn), villager.text(text))

    said(villager, next(turn), villager.subscribe(VILLAGE))
    assert "请选择您要反映的问题" in say("3")
    assert "发生了什么" in say("1")
    say("村会计把危房补助扣了 3000 元")
    if "哪一级的干部" in say("好了"):
        say("1")
    say("跳过")
    assert "身份：匿名" in say("2")

    # WeChat retries a message it got no answer for; here the same signed request reaches both at once.
    confirm = villager.text("1")
    before = ledger_rows(engine)
    with ThreadPoolExecutor(max_workers=2) as pool:
        replies = list(pool.map(lambda server: said(villager, server, confirm), (a, b)))
    numbers = {match.group(1) for match in (re.search(NUMBER_RE, r) for r in replies) if match}
    assert len(numbers) == 1, replies
    assert replies[0] == replies[1]
    assert ledger_rows(engine) == before + 1
    with make_sessionmaker(engine)() as s:
        assert s.scalars(select(Case.number)).all() == list(numbers)


def test_a_knowledge_base_reload_reaches_both_processes(province: Province) -> None:
    a, b = province.a, province.b
    assert (a.kb_version(), b.kb_version()) == (0, 0)
    reload = subprocess.run(
        [QINGFENG, "kb", "reload"], env=province.env, cwd=province.tmp, capture_output=True, text=True, timeout=300
    )
    assert reload.returncode == 0, reload.stdout + reload.stderr
    assert "knowledge base version 1" in reload.stdout
    reloaded_at = time.monotonic()
    # A request after the poll time starts the check; the new index is built beside the old one, which
    # keeps answering, and then swapped in. So each process switches within the poll time plus one build.
    for server in (a, b):
        assert wait_for(partial(switched, server), timeout=KB_POLL_S + BUILD_S, step=0.2), server.name
    assert time.monotonic() - reloaded_at <= KB_POLL_S + BUILD_S


# Last in this module: it kills one of the two processes.
def test_one_process_holds_the_worker_lease_and_the_other_takes_over_after_a_kill(province: Province) -> None:
    a, b, engine = province.a, province.b, province.engine
    by_pid = {a.proc.pid: a, b.proc.pid: b}
    assert wait_for(lambda: lease_holder_pid(engine) in by_pid, timeout=LEASE_S + 10)
    holder = by_pid[lease_holder_pid(engine)]  # type: ignore[index]
    other = b if holder is a else a
    for _ in range(int(2 * LEASE_S / TICK_S)):  # renewed by its holder, never handed back and forth
        assert lease_holder_pid(engine) == holder.proc.pid
        time.sleep(TICK_S)

    holder.proc.send_signal(signal.SIGKILL)  # no shutdown, no release: the lease must run out
    holder.proc.wait(timeout=10)
    killed_at = time.monotonic()
    assert wait_for(lambda: lease_holder_pid(engine) == other.proc.pid, timeout=LEASE_S + TICK_S + 5)
    took_over = time.monotonic() - killed_at
    assert took_over <= LEASE_S + TICK_S + 1.5, took_over  # a margin for a loaded machine's scheduling
    assert other.healthy()
    health = httpx.get(other.base + "/healthz", timeout=5).json()
    assert health["worker_lease_held"] is True
