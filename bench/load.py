"""The load generator: raw asyncio streams over HTTP/1.1 keep-alive, with pre-built requests.

It runs in its own process (`run_phase` is the entry point, called through a spawn pool) so the
server's process keeps its core. Every request is built and signed before its timed window starts,
each with a fresh MsgId and openid. Two shapes:

- closed loop: N connections, each sends its next request as soon as the previous answer arrives;
- open loop: requests start on a fixed schedule (rate/s); latency counts from the scheduled start, so
  a slow server cannot hide its queueing (no coordinated omission).

With `villagers` set, the messages come from that many known villagers (openids derived from `seed`),
bound to a village beforehand by `bind_villagers`, as a real account's questions mostly do; every
request still has its own MsgId, timestamp and nonce. A closed loop may spread its connections over
several ports (several server processes behind one address, as a load balancer would).

Loops are bounded by time and by the number of requests built; only loopback addresses are used.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
import math
import time
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal
from urllib.parse import urlencode

from bench.cpu_share import CpuWatch
from wechat.simulator import SimRequest, Simulator, new_openid

REQUEST_TIMEOUT_S = 10.0
# Servers close a keep-alive connection idle for 5 s (uvicorn's default); one idle for longer than this
# is not reused, or a request written as the server closes it would be reset.
IDLE_REUSE_S = 3.0
MAX_OPEN_CONNECTIONS = 256
SAMPLES_KEPT = 5


@dataclass(frozen=True)
class Options:
    """Shared by every bench section."""

    seconds: float = 10.0
    warmup: float = 2.0
    connections: int = 32
    rate: float = 200.0
    out_dir: str = "var/bench"


@dataclass(frozen=True)
class RequestSpec:
    """What to send: a safe- or plain-mode text message, or a subscribe event with a QR scene."""

    kind: Literal["text", "scan"]
    token: str
    appid: str
    aes_key: str
    safe: bool = True
    scene: str = ""
    text: str = "低保怎么申请？"
    villagers: int = 0  # 0: a new villager per request; else messages from this many pre-bound villagers
    seed: str = ""  # names the villagers, so the binding and the load phases pick the same openids


@dataclass
class PhaseResult:
    mode: str
    connections: int
    target_rate: float | None
    seconds: float  # the measured window, as it actually ran
    completed: int
    throughput: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    success_bodies: int = 0  # plain `success` answers: the reply went to the outbox
    exhausted: bool = False  # ran out of pre-built requests before the window ended
    samples: list[str] = field(default_factory=list)
    cpu_s: dict[str, float] = field(default_factory=dict)  # CPU seconds per watched group in the window

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def build_requests(spec: RequestSpec, *, host: str, port: int, count: int) -> list[bytes]:
    """`count` raw HTTP/1.1 requests, each with a fresh openid and MsgId, signed (and encrypted)."""
    sim = Simulator(token=spec.token, appid=spec.appid, aes_key=spec.aes_key, safe=spec.safe)
    out: list[bytes] = []
    known = itertools.cycle(villager_openids(spec)) if spec.villagers else None
    for _ in range(count):
        openid = next(known) if known else new_openid()
        req = sim.subscribe(spec.scene, openid=openid) if spec.kind == "scan" else sim.text(spec.text, openid=openid)
        out.append(raw_http(req, host=host, port=port))
    return out


def villager_openids(spec: RequestSpec) -> list[str]:
    """The pool's openids, shaped like WeChat's, the same for every process given the same seed."""
    return ["o" + hashlib.sha256(f"{spec.seed}:{i}".encode()).hexdigest()[:27] for i in range(spec.villagers)]


def bind_villagers(host: str, port: int, spec: RequestSpec) -> int:
    """Each pool villager scans `spec.scene` (a subscribe with the village's QR scene); returns how many
    were answered 200. Runs in the load process, before any timed phase."""
    sim = Simulator(token=spec.token, appid=spec.appid, aes_key=spec.aes_key, safe=spec.safe)
    raws = [raw_http(sim.subscribe(spec.scene, openid=o), host=host, port=port) for o in villager_openids(spec)]

    async def bind() -> int:
        conns = [await Connection.open(host, port) for _ in range(8)]
        pending = iter(raws)
        ok = 0

        async def worker(conn: Connection) -> None:
            nonlocal ok
            for raw in pending:
                status, _ = await conn.send(raw)
                ok += status == 200

        try:
            await asyncio.gather(*(worker(c) for c in conns))
        finally:
            for c in conns:
                c.close()
        return ok

    with asyncio.Runner(loop_factory=_loop_factory()) as runner:
        return runner.run(bind())


def raw_http(req: SimRequest, *, host: str, port: int, path: str = "/wechat") -> bytes:
    head = (
        f"POST {path}?{urlencode(req.query)} HTTP/1.1\r\n"
        f"Host: {host}:{port}\r\n"
        "User-Agent: Mozilla/4.0\r\n"
        "Accept: */*\r\n"
        "Content-Type: text/xml\r\n"
        f"Content-Length: {len(req.body)}\r\n\r\n"
    )
    return head.encode("ascii") + req.body


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.last_used = time.perf_counter()

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise ValueError("the load generator only talks to loopback")
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer)

    async def send(self, raw: bytes) -> tuple[int, bytes]:
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        lower = head.lower()
        at = lower.find(b"\r\ncontent-length:")
        if at < 0:
            raise ConnectionError("response without Content-Length")
        end = lower.index(b"\r\n", at + 2)
        length = int(lower[at + 17 : end])
        body = await self.reader.readexactly(length)
        if b"\r\nconnection: close" in lower:
            self.close()
        self.last_used = time.perf_counter()
        return status, body

    @property
    def closed(self) -> bool:
        # An idle keep-alive connection the server has since closed (uvicorn: after 5 s) reads EOF.
        return self.writer.is_closing() or self.reader.at_eof()

    def close(self) -> None:
        self.writer.close()


class _Tally:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.errors = 0
        self.error_kinds: dict[str, int] = {}
        self.statuses: dict[str, int] = {}
        self.success_bodies = 0
        self.samples: list[str] = []

    def error(self, exc: BaseException) -> None:
        self.errors += 1
        kind = type(exc).__name__
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1

    def record(self, status: int, body: bytes, latency: float) -> None:
        self.latencies.append(latency)
        self.statuses[str(status)] = self.statuses.get(str(status), 0) + 1
        if body == b"success":
            self.success_bodies += 1
        if len(self.samples) < SAMPLES_KEPT:
            self.samples.append(body.decode("utf-8", "replace"))


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return math.nan
    rank = max(0, math.ceil(q / 100 * len(sorted_values)) - 1)
    return sorted_values[rank]


def _result(
    mode: str, tally: _Tally, *, seconds: float, connections: int, rate: float | None, exhausted: bool
) -> PhaseResult:
    lat = sorted(tally.latencies)
    return PhaseResult(
        mode=mode,
        connections=connections,
        target_rate=rate,
        seconds=round(seconds, 3),
        completed=len(lat),
        throughput=round(len(lat) / seconds, 1) if seconds > 0 else 0.0,
        p50_ms=round(percentile(lat, 50) * 1000, 2),
        p99_ms=round(percentile(lat, 99) * 1000, 2),
        max_ms=round(lat[-1] * 1000, 2) if lat else math.nan,
        errors=tally.errors,
        error_kinds=tally.error_kinds,
        statuses=tally.statuses,
        success_bodies=tally.success_bodies,
        exhausted=exhausted,
        samples=tally.samples,
    )


async def _closed_window(
    host: str, ports: list[int], conns: list[Connection], requests: list[bytes], seconds: float, tally: _Tally | None
) -> tuple[int, float, bool]:
    """Every connection sends back to back until the deadline; returns (completed, elapsed, exhausted)."""
    queue = iter(requests)
    start = time.perf_counter()
    deadline = start + seconds
    done = 0
    exhausted = False

    async def worker(i: int) -> None:
        nonlocal done, exhausted
        while time.perf_counter() < deadline:
            raw = next(queue, None)
            if raw is None:
                exhausted = True
                return
            t0 = time.perf_counter()
            try:
                if conns[i].closed:
                    conns[i] = await Connection.open(host, ports[i % len(ports)])
                async with asyncio.timeout(REQUEST_TIMEOUT_S):
                    status, body = await conns[i].send(raw)
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ValueError) as exc:
                conns[i].close()
                if tally is not None:
                    tally.error(exc)
                continue
            done += 1
            if tally is not None:
                tally.record(status, body, time.perf_counter() - t0)

    await asyncio.gather(*(worker(i) for i in range(len(conns))))
    return done, time.perf_counter() - start, exhausted


async def closed_loop(
    host: str,
    port: int | list[int],
    build: Callable[[int], list[bytes]],
    *,
    connections: int,
    seconds: float,
    warmup: float,
    watch: CpuWatch | None = None,
) -> PhaseResult:
    ports = port if isinstance(port, list) else [port]
    conns = [await Connection.open(host, ports[i % len(ports)]) for i in range(connections)]
    try:
        # Warm up on a first batch, then size the measured batch from the warm-up rate (×2 headroom),
        # so every request in the window is fresh without building far more than will be sent.
        warm = build(max(connections * 4, int(4000 * max(warmup, 0.1))))
        done, elapsed, _ = await _closed_window(host, ports, conns, warm, warmup, None)
        rate = done / elapsed if elapsed > 0 else 1000.0
        batch = build(int(max(rate, 200.0) * seconds * 2) + connections * 4)
        tally = _Tally()
        if watch is not None:
            watch.start()
        _, elapsed, exhausted = await _closed_window(host, ports, conns, batch, seconds, tally)
        if watch is not None:
            watch.stop()
        result = _result("closed", tally, seconds=elapsed, connections=connections, rate=None, exhausted=exhausted)
        result.cpu_s = watch.seconds() if watch is not None else {}
        return result
    finally:
        for c in conns:
            c.close()


async def open_loop(
    host: str, port: int, build: Callable[[int], list[bytes]], *, rate: float, seconds: float, warmup: float
) -> PhaseResult:
    requests = build(math.ceil(rate * (warmup + seconds)))
    idle = [await Connection.open(host, port) for _ in range(8)]
    limit = asyncio.Semaphore(MAX_OPEN_CONNECTIONS)
    tally = _Tally()
    # perf_counter, not loop.time(): uvloop's clock ticks in whole milliseconds.
    t0 = time.perf_counter() + 0.05
    measure_from = t0 + warmup

    def reusable() -> Connection | None:
        while idle:
            conn = idle.pop()
            if time.perf_counter() - conn.last_used < IDLE_REUSE_S:
                return conn
            conn.close()
        return None

    async def one(raw: bytes, scheduled: float) -> None:
        async with limit:
            conn = reusable()
            try:
                if conn is None or conn.closed:
                    conn = await Connection.open(host, port)
                async with asyncio.timeout(REQUEST_TIMEOUT_S):
                    status, body = await conn.send(raw)
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ValueError) as exc:
                if conn is not None:
                    conn.close()
                if scheduled >= measure_from:
                    tally.error(exc)
                return
            idle.append(conn)
            if scheduled >= measure_from:
                tally.record(status, body, time.perf_counter() - scheduled)

    tasks: list[asyncio.Task[None]] = []
    for i, raw in enumerate(requests):
        scheduled = t0 + i / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.ensure_future(one(raw, scheduled)))
    await asyncio.gather(*tasks)
    for c in idle:
        c.close()
    measured = len(requests) - math.ceil(rate * warmup)
    return _result("open", tally, seconds=measured / rate, connections=0, rate=rate, exhausted=False)


def run_phase(
    host: str,
    port: int | list[int],
    spec: RequestSpec,
    mode: Literal["closed", "open"],
    options: Options,
    watch_pids: Mapping[str, Sequence[int]] | None = None,
    watch_names: Sequence[str] = (),
) -> dict[str, Any]:
    """Entry point in the load process: build, run one phase, return a JSON-able result.

    Several ports (closed loop only) spread the connections over several servers. With processes to
    watch (closed loop only), the result's cpu_s has each group's CPU seconds in the measured window."""
    first = port[0] if isinstance(port, list) else port

    def build(n: int) -> list[bytes]:
        return build_requests(spec, host=host, port=first, count=n)

    coro: Coroutine[Any, Any, PhaseResult]
    if mode == "closed":
        watch = CpuWatch(watch_pids or {}, watch_names) if watch_pids or watch_names else None
        coro = closed_loop(
            host,
            port,
            build,
            connections=options.connections,
            seconds=options.seconds,
            warmup=options.warmup,
            watch=watch,
        )
    else:
        coro = open_loop(host, first, build, rate=options.rate, seconds=options.seconds, warmup=options.warmup)
    with asyncio.Runner(loop_factory=_loop_factory()) as runner:
        return runner.run(coro).to_dict()


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    with contextlib.suppress(ImportError):
        import uvloop

        return uvloop.new_event_loop
    return None
