"""The webhook benchmark: the whole app under uvicorn against two reference echoes, in one run.

Rows, each a server started alone on the machine, one process unless said:

- plain mode, then safe mode: the naive wechatpy + FastAPI echo (uvicorn), the WeRoBot echo (gunicorn,
  one sync worker, as WeRoBot is served) and Qingfeng on SQLite, the prefecture setup;
- Qingfeng on PostgreSQL (a throw-away schema at QF_TEST_POSTGRES_URL), plain mode, with one and with
  two `qingfeng serve`-like processes (two uvicorn processes on one schema, the load spread over both).

Every request is a policy question from one of `VILLAGERS` villagers bound to a village beforehand,
with its own MsgId, a fresh timestamp and its own nonce, as WeChat sends them: nothing can take a
shortcut on a repeated query string. Each row gets the closed-loop throughput (`connections`
connections, after a warm-up); the Qingfeng rows on SQLite also the p50/p99 at a fixed open-loop rate.
The load generator runs in a separate process (bench.load). Results go to `<out_dir>/webhook.json`;
`run` returns the report; `passed(report)` says whether every goal was met.
"""

from __future__ import annotations

import base64
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Literal

import httpx

from bench import cpu_share, pg
from bench.load import Options, RequestSpec, bind_villagers, run_phase
from config.settings import Settings
from handlers.cli.chat import prepare_database
from handlers.runtime import Runtime
from wechat.simulator import Simulator, SimulatorError

HOST = "127.0.0.1"
VILLAGE = "630223106213"
VILLAGE_NAME = "互助土族自治县 五十镇 土观村委会"
QUESTION = "低保怎么申请？"
VILLAGERS = 500
# One per run: two runs at once on one machine (several people share it) must not drop each other's tables.
PG_SCHEMA = f"qf_bench_webhook_{os.getpid()}"
STARTUP_TIMEOUT_S = 60.0
SERVER_PIDS: dict[int, int] = {}  # port: pid of each uvicorn server `serve` runs
Mode = Literal["plain", "safe"]


@dataclass(frozen=True)
class Row:
    mode: Mode
    server: Literal["naive", "werobot", "qingfeng"]
    database: Literal["", "sqlite", "postgres"] = ""
    processes: int = 1

    @property
    def name(self) -> str:
        if self.server != "qingfeng":
            return {"naive": "naive (wechatpy)", "werobot": "WeRoBot (gunicorn)"}[self.server]
        db = {"sqlite": "SQLite", "postgres": "PostgreSQL"}[self.database]
        return f"qingfeng ({db}{', ' + str(self.processes) + ' processes' if self.processes > 1 else ''})"

    @property
    def key(self) -> str:
        return f"{self.mode}/{self.server}" + (f"/{self.database}x{self.processes}" if self.database else "")

    @property
    def open_loop(self) -> bool:
        return self.database == "sqlite"  # the p99 goals are judged on the prefecture setup


ROWS: tuple[Row, ...] = (
    Row("plain", "naive"),
    Row("plain", "werobot"),
    Row("plain", "qingfeng", "sqlite"),
    Row("safe", "naive"),
    Row("safe", "werobot"),
    Row("safe", "qingfeng", "sqlite"),
    Row("plain", "qingfeng", "postgres", 1),
    Row("plain", "qingfeng", "postgres", 2),
)
THROUGHPUT_GOALS: dict[Mode, float] = {"plain": 0.5, "safe": 0.65}  # × the naive echo in the same mode
P99_GOAL_MS = 50.0
PG_ONE_GOAL = 0.3  # PostgreSQL, one process: × the naive echo (plain)
PG_TWO_GOAL = 1.7  # PostgreSQL, two processes: × one process


def run(options: Options) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="qf-bench-"))
    try:
        report = _run(options, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        pg.drop_schema(PG_SCHEMA)
    out = Path(options.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "webhook.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(render(report))
    print(f"figures written to {out / 'webhook.json'}")
    return report


def _run(options: Options, workdir: Path) -> dict[str, Any]:
    token = "bench-" + secrets.token_hex(8)
    appid = "wx" + secrets.token_hex(8)
    aes_key = base64.b64encode(secrets.token_bytes(32)).decode("ascii").rstrip("=")
    env = {
        **os.environ,
        "QF_ENV": "dev",
        "QF_WECHAT_TOKEN": token,
        "QF_WECHAT_APPID": appid,
        "QF_WECHAT_AES_KEY": aes_key,
        "QF_WECHAT_AES_KEY_PREVIOUS": "",
        "QF_WECHAT_API_BASE": "http://127.0.0.1:9",  # nothing leaves the machine
    }
    results: dict[str, dict[str, Any]] = {}
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as load:
        for i, row in enumerate(ROWS):
            spec = RequestSpec(
                kind="text", token=token, appid=appid, aes_key=aes_key, safe=row.mode == "safe",
                scene=VILLAGE, text=QUESTION, villagers=VILLAGERS, seed=f"{secrets.token_hex(4)}-{i}",
            )  # fmt: skip
            server_env = {**env, "QF_WECHAT_MODE": row.mode, "QF_DATABASE_URL": _fresh_database(row, workdir, i)}
            with _servers(row, server_env, workdir / f"{i}") as ports:
                bound = load.submit(bind_villagers, HOST, ports[0], spec).result() if row.database else VILLAGERS
                # On PostgreSQL, whose one-process row judges the two-process goal, watch who uses the cores.
                watch = {"app": [SERVER_PIDS[p] for p in ports]} if row.database == "postgres" else None
                names = ("postgres",) if watch else ()
                result: dict[str, Any] = {
                    "closed": load.submit(run_phase, HOST, ports, spec, "closed", options, watch, names).result()
                }
                if row.open_loop:
                    result["open"] = load.submit(run_phase, HOST, ports[0], spec, "open", options).result()
            checker = Simulator(token=token, appid=appid, aes_key=aes_key, safe=row.mode == "safe")
            result["replies_ok"] = bound == VILLAGERS and _replies_ok(row, result, checker)
            results[row.key] = result
    return {
        "options": {
            "seconds": options.seconds,
            "warmup": options.warmup,
            "connections": options.connections,
            "rate": options.rate,
            "villagers": VILLAGERS,
        },
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "results": results,
        "goals": _goals(results),
    }


def _fresh_database(row: Row, workdir: Path, i: int) -> str:
    """Every Qingfeng row starts on an empty, migrated database with the registry loaded."""
    if not row.database:
        return f"sqlite:///{workdir / 'unused.db'}"
    url = f"sqlite:///{workdir / f'bench-{i}.db'}" if row.database == "sqlite" else pg.fresh_schema(PG_SCHEMA)
    runtime = Runtime.from_settings(Settings(database_url=url))
    prepare_database(runtime)
    runtime.engine.dispose()
    return url


@contextmanager
def _servers(row: Row, env: dict[str, str], log: Path) -> Iterator[list[int]]:
    with ExitStack() as stack:
        ports = []
        for n in range(row.processes):
            if row.server == "werobot":
                ports.append(stack.enter_context(serve_wsgi("bench.references:werobot_app()", env=env, log=log)))
            else:
                target = "bench.references:naive_app" if row.server == "naive" else "handlers.asgi:create"
                ports.append(stack.enter_context(serve(target, env=env, log=log.with_suffix(f".{n}.log"))))
        yield ports


def _replies_ok(row: Row, result: dict[str, Any], checker: Simulator) -> bool:
    """Every request answered 200, and the sampled replies decrypt (safe mode) and say the right thing:
    the echoes echo, Qingfeng answers the policy question."""
    phases = [result["closed"], *([result["open"]] if "open" in result else [])]
    for phase in phases:
        if phase["errors"] or set(phase["statuses"]) - {"200"} or not phase["completed"]:
            return False
        for body in phase["samples"]:
            try:
                reply = checker.parse_reply(200, body)
            except SimulatorError:
                return False
            expected = QUESTION if row.server != "qingfeng" else "低保"
            if not reply.text or expected not in reply.text:
                return False
    return True


def _throughput(results: dict[str, dict[str, Any]], key: str) -> float:
    value: float = results[key]["closed"]["throughput"]
    return value


def _ratio(ours: float, reference: float) -> float:
    return round(ours / reference, 3) if reference else 0.0


def _goals(results: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    goals: dict[str, dict[str, Any]] = {}
    for mode, goal in THROUGHPUT_GOALS.items():
        naive = _throughput(results, f"{mode}/naive")
        ours = results[f"{mode}/qingfeng/sqlitex1"]
        ratio = _ratio(ours["closed"]["throughput"], naive)
        p99 = ours["open"]["p99_ms"]
        goals[mode] = {
            "throughput_vs_naive": ratio,
            "goal": goal,
            "throughput_pass": ratio >= goal and ours["replies_ok"],
            "werobot_vs_naive": _ratio(_throughput(results, f"{mode}/werobot"), naive),
            "p99_ms": p99,
            "p99_pass": p99 <= P99_GOAL_MS and ours["replies_ok"],
        }
    one, two = results["plain/qingfeng/postgresx1"], results["plain/qingfeng/postgresx2"]
    one_ratio = _ratio(one["closed"]["throughput"], _throughput(results, "plain/naive"))
    two_ratio = _ratio(two["closed"]["throughput"], one["closed"]["throughput"])
    goals["postgres"] = {
        "one_vs_naive": one_ratio,
        "one_pass": one_ratio >= PG_ONE_GOAL and one["replies_ok"],
        "two_vs_one": two_ratio,
        "two_pass": two_ratio >= PG_TWO_GOAL and two["replies_ok"] and one["replies_ok"],
        "ceiling": cpu_share.ceiling(
            one["closed"].get("cpu_s", {}), one["closed"]["completed"], one["closed"]["throughput"], os.cpu_count() or 1
        ),
    }
    return goals


def passed(report: dict[str, Any]) -> bool:
    g = report["goals"]
    checks = [g[m][k] for m in THROUGHPUT_GOALS for k in ("throughput_pass", "p99_pass")]
    return all([*checks, g["postgres"]["one_pass"], g["postgres"]["two_pass"]])


def render(report: dict[str, Any]) -> str:
    o = report["options"]
    verdict = {True: "PASS", False: "MISS"}
    lines = [
        f"webhook bench · closed loop {o['connections']} conns {o['seconds']:g} s after {o['warmup']:g} s warm-up · "
        f"open loop {o['rate']:g} req/s {o['seconds']:g} s · {report['machine']['cpus']} CPUs · every request a "
        f"policy question from one of {o['villagers']} bound villagers, its own MsgId, timestamp and nonce",
        f"{'mode':<7}{'server':<36}{'req/s':>8}{'p50':>8}{'p99':>8} │{'p50@rate':>10}{'p99@rate':>10}{'max':>8}  ok",
    ]
    for row in ROWS:
        r = report["results"][row.key]
        c = r["closed"]
        at_rate = (
            f"{r['open']['p50_ms']:>10.1f}{r['open']['p99_ms']:>10.1f}{r['open']['max_ms']:>8.1f}"
            if "open" in r
            else f"{'·':>10}{'·':>10}{'·':>8}"
        )
        lines.append(
            f"{row.mode:<7}{row.name:<36}{c['throughput']:>8.0f}{c['p50_ms']:>8.1f}{c['p99_ms']:>8.1f} │{at_rate}"
            f"  {'yes' if r['replies_ok'] else 'NO'}"
        )
    lines.append("latencies in ms; ok = every request 200, sampled replies decrypt and answer (echo or policy answer)")
    lines.extend(_side_by_side(report))
    g = report["goals"]
    for mode, goal in THROUGHPUT_GOALS.items():
        m = g[mode]
        lines.append(
            f"goal {mode}: qingfeng ≥ {goal}× naive: {m['throughput_vs_naive']:.2f}× {verdict[m['throughput_pass']]} · "
            f"p99 ≤ {P99_GOAL_MS:g} ms at {o['rate']:g}/s: {m['p99_ms']:.1f} ms {verdict[m['p99_pass']]}"
            f"   (WeRoBot: {m['werobot_vs_naive']:.2f}× naive)"
        )
    p = g["postgres"]
    lines.append(
        f"goal PostgreSQL, one process ≥ {PG_ONE_GOAL}× naive (plain): {p['one_vs_naive']:.2f}× "
        f"{verdict[p['one_pass']]}"
    )
    lines.append(
        f"goal PostgreSQL, two processes ≥ {PG_TWO_GOAL}× one: {p['two_vs_one']:.2f}× {verdict[p['two_pass']]}"
    )
    ceiling = cpu_share.ceiling_line(p.get("ceiling"), report["machine"]["cpus"] or 1)
    lines += [ceiling] if ceiling else []
    return "\n".join(lines)


def _side_by_side(report: dict[str, Any]) -> list[str]:
    """Plain and safe mode in two columns: each server's rate, and its ratio to the naive echo of that mode."""
    results = report["results"]
    modes = tuple(THROUGHPUT_GOALS)
    lines = [(f"{'side by side':<24}" + "".join(f"{mode:<22}" for mode in modes)).rstrip()]
    for server, name in (
        ("naive", "naive (wechatpy)"),
        ("werobot", "WeRoBot (gunicorn)"),
        ("qingfeng", "qingfeng (SQLite)"),
    ):
        cells = []
        for mode in modes:
            key = f"{mode}/{server}" + ("/sqlitex1" if server == "qingfeng" else "")
            rate = _throughput(results, key)
            ratio = "" if server == "naive" else f" = {_ratio(rate, _throughput(results, f'{mode}/naive')):.2f}×"
            cells.append(f"{rate:,.0f}/s{ratio}")
        lines.append((f"{name:<24}" + "".join(f"{cell:<22}" for cell in cells)).rstrip())
    p99s = [f"{results[f'{mode}/qingfeng/sqlitex1']['open']['p99_ms']:.1f} ms" for mode in modes]
    lines.append((f"{'qingfeng p99 at rate':<24}" + "".join(f"{cell:<22}" for cell in p99s)).rstrip())
    return lines


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def serve(target: str, *, env: dict[str, str], log: Path) -> Iterator[int]:
    """Run `target` (an app factory) under uvicorn on loopback with the same flags for every server."""
    port = free_port()
    cmd = [
        sys.executable, "-m", "uvicorn", target, "--factory",
        "--host", HOST, "--port", str(port), "--workers", "1", "--log-level", "warning",
    ]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
        SERVER_PIDS[port] = proc.pid
        try:
            _wait_healthy(proc, port, log)
            yield port
        finally:
            SERVER_PIDS.pop(port, None)
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@contextmanager
def serve_wsgi(target: str, *, env: dict[str, str], log: Path) -> Iterator[int]:
    """Run a WSGI app under gunicorn on loopback: one sync worker, as WeRoBot's documentation serves it."""
    port = free_port()
    cmd = [
        sys.executable, "-m", "gunicorn", target, "--bind", f"{HOST}:{port}", "--workers", "1",
        "--log-level", "warning",
    ]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            _wait_healthy(proc, port, log)
            yield port
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_healthy(proc: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"http://{HOST}:{port}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server not healthy after {STARTUP_TIMEOUT_S:g} s:\n{log.read_text(errors='replace')[-2000:]}")
