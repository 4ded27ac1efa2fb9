"""Where a webhook message's time goes: `python -m bench.breakdown` (not part of `make bench`).

The app runs in this process with timers around each stage of `handlers.webhook.route`:

- parse: finding the Encrypt part, decryption, the XML parse;
- ledger: the nonce claim, the serialising lock, the earlier-reply look-up and the ledger row; on
  PostgreSQL also the batch's asking ahead (Webhook._ask_ahead: those and the user's look-up, for every
  message of the batch in one round trip);
- state: the user, the held outbox rows, the conversation and the place (bot.conversation.handle
  less the dispatcher);
- answer: the dispatcher (here a policy question, answered from the cache after the first);
- commit: opening the session and transaction, and COMMIT (on SQLite once per batch);
- reply: the reply XML and its encryption;
- edge: the rest of the request: middleware, routing, signature and freshness, reading the body, the
  hand-off to the worker thread and back, metrics and the log line (in-process only: the request's
  time less the stages above).

In-process, messages go one at a time straight to the ASGI app (no HTTP). Under load the same app is
served by uvicorn in this process, the load generator (bench.load) in another; stage times are wall
time per message and overlap between threads, so the process CPU per message is printed beside them.
Every message is a policy question from a pre-bound villager, with its own MsgId, timestamp and nonce.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import secrets
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode

from bench import pg
from bench.load import Options, RequestSpec, bind_villagers, run_phase, villager_openids
from bench.webhook import HOST, VILLAGE, free_port
from config.settings import Settings
from handlers.cli.chat import prepare_database
from handlers.runtime import Runtime
from wechat.simulator import Simulator

STAGES = ("edge", "parse", "ledger", "state", "answer", "commit", "reply")
PG_SCHEMA = f"qf_bench_breakdown_{os.getpid()}"  # one per run, as in bench.webhook
IN_PROCESS_MESSAGES = 1500
VILLAGERS = 500
T = TypeVar("T")


class Stopwatch:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.totals: dict[str, float] = dict.fromkeys((*STAGES, "handle", "request"), 0.0)
        self.cpu: dict[str, float] = dict.fromkeys((*STAGES, "handle", "request"), 0.0)
        self.requests = 0

    def add(self, name: str, seconds: float, cpu: float = 0.0) -> None:
        with self.lock:
            self.totals[name] += seconds
            self.cpu[name] += cpu

    def timed(self, name: str, fn: Callable[..., T]) -> Callable[..., T]:
        def wrapper(*args: Any, **kwargs: Any) -> T:
            started, cpu = time.perf_counter(), time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.add(name, time.perf_counter() - started, time.thread_time() - cpu)

        return wrapper

    def per_message_us(self, *, process_cpu: float, in_process: bool) -> dict[str, dict[str, float]]:
        """Wall and CPU time per message and stage; `process_cpu` is the whole process's CPU time."""
        n = max(self.requests, 1)
        out: dict[str, dict[str, float]] = {}
        for kind, totals in (("wall", dict(self.totals)), ("cpu", dict(self.cpu))):
            totals["state"] = totals["handle"] - totals["answer"]
            named = sum(totals[s] for s in STAGES if s != "edge")
            whole = totals["request"] if kind == "wall" else process_cpu
            if kind == "wall" and not in_process:
                whole = float("nan")  # requests overlap under load: their wall time is mostly waiting
            totals["edge"] = whole - named
            out[kind] = {s: round(totals[s] / n * 1e6, 1) for s in STAGES}
            out[kind]["total"] = round(whole / n * 1e6, 1)
        return out


def instrument(watch: Stopwatch) -> None:
    """Wrap the stages of handlers.webhook.route and .processing (this process only: a bench, never the served app)."""
    import handlers.webhook.processing as work
    import handlers.webhook.route as wh
    from bot.dispatcher import Dispatcher
    from storage.repos import nonces
    from wechat.crypto import SafeMode

    wrapped: tuple[tuple[Any, str, str], ...] = (
        (wh, "parse", "parse"),
        (wh, "encrypted_part", "parse"),
        (SafeMode, "decrypt", "parse"),
        (SafeMode, "encrypt", "reply"),
        (wh, "text_reply_xml", "reply"),
        (nonces, "claim", "ledger"),
        (work, "earlier_reply", "ledger"),
        (work, "record", "ledger"),
        (work.Webhook, "_ask_ahead", "ledger"),
        (work, "handle", "handle"),
        (Dispatcher, "dispatch", "answer"),
    )
    for owner, attr, stage in wrapped:
        setattr(owner, attr, watch.timed(stage, getattr(owner, attr)))
    inner = getattr(work, "transaction")  # noqa: B009 - not re-exported; a bench may reach in

    @contextmanager
    def transaction(factory: Any) -> Iterator[Any]:
        started, cpu = time.perf_counter(), time.thread_time()
        with inner(factory) as session:
            watch.add("commit", time.perf_counter() - started, time.thread_time() - cpu)
            yield session
            started, cpu = time.perf_counter(), time.thread_time()
        watch.add("commit", time.perf_counter() - started, time.thread_time() - cpu)

    setattr(work, "transaction", transaction)  # noqa: B010


def counted(app: Any, watch: Stopwatch) -> Any:
    async def asgi(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != "/wechat":
            await app(scope, receive, send)
            return
        started = time.perf_counter()
        await app(scope, receive, send)
        watch.add("request", time.perf_counter() - started)
        with watch.lock:
            watch.requests += 1

    return asgi


async def _post(app: Any, query: dict[str, str], body: bytes) -> int:
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/wechat", "raw_path": b"/wechat", "root_path": "", "query_string": urlencode(query).encode(),
        "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"text/xml"),
                    (b"content-length", str(len(body)).encode())],
        "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80), "state": {},
    }  # fmt: skip
    sent = False
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            await asyncio.sleep(3600)
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


def in_process(app: Any, watch: Stopwatch, spec: RequestSpec, count: int) -> dict[str, dict[str, float]]:
    sim = Simulator(token=spec.token, appid=spec.appid, aes_key=spec.aes_key, safe=spec.safe)
    openids = villager_openids(spec)

    async def go() -> float:
        for openid in openids:  # bind every villager first
            assert await _post(app, *sim.subscribe(VILLAGE, openid=openid)) == 200
        for i in range(count // 5):  # warm-up
            await _post(app, *sim.text(spec.text, openid=openids[i % len(openids)]))
        requests = [sim.text(spec.text, openid=openids[i % len(openids)]) for i in range(count)]
        watch.reset()
        cpu = time.process_time()
        for query, body in requests:
            assert await _post(app, query, body) == 200
        return time.process_time() - cpu

    process_cpu = asyncio.run(go())
    return watch.per_message_us(process_cpu=process_cpu, in_process=True)


def under_load(app: Any, watch: Stopwatch, spec: RequestSpec, options: Options) -> dict[str, Any]:
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host=HOST, port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as load:
            load.submit(bind_villagers, HOST, port, spec).result()
            watch.reset()
            cpu = time.process_time()
            phase = load.submit(run_phase, HOST, port, spec, "closed", options).result()
            cpu = time.process_time() - cpu
    finally:
        server.should_exit = True
        thread.join(timeout=15)
    return {
        "throughput": phase["throughput"],
        "p99_ms": phase["p99_ms"],
        "errors": phase["errors"],
        **watch.per_message_us(process_cpu=cpu, in_process=False),
    }


RUNS = ("sqlite/plain", "sqlite/safe", "postgres/plain")


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.breakdown [RUN ...]`: the runs named (default: all of RUNS)."""
    chosen = argv if argv is not None else sys.argv[1:]
    unknown = [name for name in chosen if name not in RUNS]
    if unknown:
        print(f"unknown run {', '.join(unknown)}; runs: {', '.join(RUNS)}", file=sys.stderr)
        return 2
    options = Options(seconds=5.0, warmup=1.0)
    workdir = Path(tempfile.mkdtemp(prefix="qf-breakdown-"))
    watch = Stopwatch()
    instrument(watch)
    token, appid = "bench-" + secrets.token_hex(8), "wx" + secrets.token_hex(8)
    aes_key = base64.b64encode(secrets.token_bytes(32)).decode("ascii").rstrip("=")
    report: dict[str, Any] = {}
    runs = [tuple(name.split("/")) for name in (chosen or RUNS)]
    try:
        for database, mode in runs:
            url = f"sqlite:///{workdir / f'{mode}.db'}" if database == "sqlite" else pg.fresh_schema(PG_SCHEMA)
            report[f"{database}/{mode}"] = _measure(url, mode, token, appid, aes_key, watch, options)
            print(f"{database}/{mode}: {json.dumps(report[f'{database}/{mode}'])}", flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        pg.drop_schema(PG_SCHEMA)
    print(render(report))
    out = Path(options.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "breakdown.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


def _measure(
    url: str, mode: str, token: str, appid: str, aes_key: str, watch: Stopwatch, options: Options
) -> dict[str, Any]:
    from handlers.app import create_app
    from handlers.asgi import settle_heap

    env = {
        "QF_ENV": "dev", "QF_DATABASE_URL": url, "QF_WECHAT_TOKEN": token, "QF_WECHAT_APPID": appid,
        "QF_WECHAT_AES_KEY": aes_key, "QF_WECHAT_AES_KEY_PREVIOUS": "", "QF_WECHAT_MODE": mode,
        "QF_WECHAT_API_BASE": "http://127.0.0.1:9", "QF_RUN_BACKGROUND": "false",
    }  # fmt: skip
    os.environ.update(env)
    runtime = Runtime.from_settings(Settings())
    prepare_database(runtime)
    results: dict[str, Any] = {}
    seed = secrets.token_hex(4)
    for where in ("in_process", "under_load"):
        spec = RequestSpec(
            kind="text", token=token, appid=appid, aes_key=aes_key, safe=mode == "safe",
            scene=VILLAGE, villagers=VILLAGERS, seed=f"{seed}-{where}",
        )  # fmt: skip
        app = counted(create_app(runtime), watch)
        settle_heap()
        if where == "in_process":
            results[where] = in_process(app, watch, spec, IN_PROCESS_MESSAGES)
        else:
            results[where] = under_load(app, watch, spec, options)
    runtime.engine.dispose()
    return results


def render(report: dict[str, Any]) -> str:
    head = f"{'run':<30}" + "".join(f"{s:>8}" for s in (*STAGES, "total")) + f"{'req/s':>8}"
    lines = ["webhook breakdown · µs per message (wall: elapsed; cpu: this process's CPU)", head]
    for name, row in report.items():
        for where in ("in_process", "under_load"):
            r = row[where]
            for kind in ("cpu", "wall"):
                stages = r[kind]
                cells = "".join(
                    f"{stages[s]:>8.0f}" if stages[s] == stages[s] else f"{'·':>8}" for s in (*STAGES, "total")
                )
                rate = f"{r['throughput']:>8.0f}" if where == "under_load" else ""
                lines.append(f"{name + ' ' + where.replace('_', ' ') + ' ' + kind:<30}{cells}{rate}")
    return "\n".join(lines)


def _cell(value: float) -> str:
    return f"{value:>8.0f}" if value == value else f"{'·':>8}"  # NaN: not measured


if __name__ == "__main__":
    raise SystemExit(main())
