"""The webhook benchmark: the whole app under uvicorn against two references, served the same way.

For each server (ceiling, naive, qingfeng on SQLite, and the same app on PostgreSQL in a throw-away
schema, for information) in turn, alone on the machine, it measures two scenarios,
a safe-mode text message and a scan (subscribe with `qrscene_<village>`), each with a fresh MsgId
and openid per request:

- throughput with `connections` connections in a closed loop, after a warm-up;
- p50/p99 latency at a fixed open-loop rate.

The load generator runs in a separate process (bench.load). Results go to `<out_dir>/webhook.json`.
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
from contextlib import contextmanager
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Literal

import httpx

from bench import pg
from bench.load import Options, RequestSpec, run_phase
from config.settings import Settings
from handlers.cli_chat import prepare_database
from handlers.runtime import Runtime
from wechat.simulator import Simulator, SimulatorError

HOST = "127.0.0.1"
VILLAGE = "630223106213"
VILLAGE_NAME = "互助土族自治县 五十镇 土观村委会"
# (name, app factory, database). The goals are judged on `qingfeng`, the prefecture setup (SQLite);
# `qingfeng-pg` is the same app on PostgreSQL, for information (a province runs several processes).
SERVERS: tuple[tuple[str, str, str], ...] = (
    ("ceiling", "bench.references:ceiling_app", "sqlite"),
    ("naive", "bench.references:naive_app", "sqlite"),
    ("qingfeng", "handlers.asgi:create", "sqlite"),
    ("qingfeng-pg", "handlers.asgi:create", "postgres"),
)
PG_SCHEMA = "qf_bench_webhook"
SCENARIOS: tuple[Literal["text", "scan"], ...] = ("text", "scan")
MODES: tuple[Literal["closed", "open"], ...] = ("closed", "open")
THROUGHPUT_GOAL = 0.5  # × the naive webhook
P99_GOAL_MS = 50.0
STARTUP_TIMEOUT_S = 60.0


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
    databases = {"sqlite": f"sqlite:///{workdir / 'bench.db'}", "postgres": pg.fresh_schema(PG_SCHEMA)}
    for url in databases.values():
        runtime = Runtime.from_settings(Settings(database_url=url))
        prepare_database(runtime)
        runtime.engine.dispose()
    env = {
        **os.environ,
        "QF_ENV": "dev",
        "QF_WECHAT_TOKEN": token,
        "QF_WECHAT_APPID": appid,
        "QF_WECHAT_AES_KEY": aes_key,
        "QF_WECHAT_AES_KEY_PREVIOUS": "",
        "QF_WECHAT_API_BASE": "http://127.0.0.1:9",  # nothing leaves the machine
    }
    specs = {
        "text": RequestSpec(kind="text", token=token, appid=appid, aes_key=aes_key),
        "scan": RequestSpec(kind="scan", token=token, appid=appid, aes_key=aes_key, scene=VILLAGE),
    }
    checker = Simulator(token=token, appid=appid, aes_key=aes_key, safe=True)
    results: dict[str, dict[str, dict[str, Any]]] = {}
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as load:
        for name, target, database in SERVERS:
            results[name] = {}
            server_env = {**env, "QF_DATABASE_URL": databases[database]}
            with serve(target, env=server_env, log=workdir / f"{name}.log") as port:
                for scenario in SCENARIOS:
                    row: dict[str, Any] = {}
                    for mode in MODES:
                        row[mode] = load.submit(run_phase, HOST, port, specs[scenario], mode, options).result()
                    row["replies_ok"] = _replies_ok(name, scenario, row, checker)
                    results[name][scenario] = row
    return {
        "options": {
            "seconds": options.seconds,
            "warmup": options.warmup,
            "connections": options.connections,
            "rate": options.rate,
        },
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "results": results,
        "ratios": _ratios(results),
        "ratios_postgres": _ratios(results, "qingfeng-pg"),
        "goals": _goals(results),
    }


def _replies_ok(server: str, scenario: str, row: dict[str, Any], checker: Simulator) -> bool:
    """Every request answered 200, and the sampled replies decrypt and say the right thing."""
    for mode in MODES:
        phase = row[mode]
        if phase["errors"] or set(phase["statuses"]) - {"200"} or not phase["completed"]:
            return False
    if server == "ceiling":
        return True  # a fixed plain reply by design
    for phase in (row["closed"], row["open"]):
        for body in phase["samples"]:
            try:
                reply = checker.parse_reply(200, body)
            except SimulatorError:
                return False
            ours = server.startswith("qingfeng")
            if not reply.text or (ours and scenario == "scan" and VILLAGE_NAME not in reply.text):
                return False
    return True


def _ratios(results: dict[str, dict[str, dict[str, Any]]], ours_name: str = "qingfeng") -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for scenario in SCENARIOS:
        ours = results[ours_name][scenario]["closed"]["throughput"]
        out[scenario] = {
            ref: round(ours / results[ref][scenario]["closed"]["throughput"], 3)
            if results[ref][scenario]["closed"]["throughput"]
            else 0.0
            for ref in ("ceiling", "naive")
        }
    return out


def _goals(results: dict[str, dict[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    goals: dict[str, dict[str, Any]] = {}
    ratios = _ratios(results)
    for scenario in SCENARIOS:
        ours = results["qingfeng"][scenario]
        ratio = ratios[scenario]["naive"]
        p99 = ours["open"]["p99_ms"]
        goals[scenario] = {
            "throughput_vs_naive": ratio,
            "throughput_pass": ratio >= THROUGHPUT_GOAL and ours["replies_ok"],
            "p99_ms": p99,
            "p99_pass": p99 <= P99_GOAL_MS and ours["replies_ok"],
        }
    return goals


def render(report: dict[str, Any]) -> str:
    o = report["options"]
    lines = [
        f"webhook bench · closed loop {o['connections']} conns {o['seconds']:g} s · open loop {o['rate']:g} req/s "
        f"{o['seconds']:g} s · warm-up {o['warmup']:g} s · uvicorn 1 worker · {report['machine']['cpus']} CPUs",
        f"{'scenario':<9}{'server':<12}{'req/s':>9}{'p50':>8}{'p99':>8} │{'p50@rate':>10}{'p99@rate':>10}"
        f"{'max':>8}{'late':>6}  ok",
    ]
    for scenario in SCENARIOS:
        for server, _, _ in SERVERS:
            row = report["results"][server][scenario]
            c, p = row["closed"], row["open"]
            ok = "yes" if row["replies_ok"] else "NO"
            late = c["success_bodies"] + p["success_bodies"]
            lines.append(
                f"{scenario:<9}{server:<12}{c['throughput']:>9.0f}{c['p50_ms']:>8.1f}{c['p99_ms']:>8.1f} │"
                f"{p['p50_ms']:>10.1f}{p['p99_ms']:>10.1f}{p['max_ms']:>8.1f}{late:>6}  {ok}"
            )
    lines.append(
        "latencies in ms; late = answered `success` (past the reply budget, sent via the outbox); "
        "ok = all 200 and sampled replies decrypt and are right"
    )
    for scenario in SCENARIOS:
        r = report["ratios"][scenario]
        lines.append(f"{scenario}: qingfeng = {r['ceiling']:.2f}× ceiling, {r['naive']:.2f}× naive")
    for scenario in SCENARIOS:
        r = report["ratios_postgres"][scenario]
        lines.append(f"{scenario}: qingfeng-pg = {r['naive']:.2f}× naive (PostgreSQL, one process, for information)")
    for scenario in SCENARIOS:
        g = report["goals"][scenario]
        lines.append(
            f"goal {scenario}: ≥ {THROUGHPUT_GOAL}× naive: {g['throughput_vs_naive']:.2f}× "
            f"{'PASS' if g['throughput_pass'] else 'MISS'} · p99 ≤ {P99_GOAL_MS:g} ms at {o['rate']:g}/s: "
            f"{g['p99_ms']:.1f} ms {'PASS' if g['p99_pass'] else 'MISS'}"
        )
    return "\n".join(lines)


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
