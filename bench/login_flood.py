"""The webhook under a login flood: one qingfeng server (uvicorn, one worker, SQLite), its webhook p99 at a
fixed rate measured first alone and then while four clients post bogus staff logins as fast as they can.

Every flood attempt runs a full argon2 check: the server runs with the login throttles raised out of
reach, so this measures the isolation itself (pages off the event loop, in their own few threads), the
worst case of a flood spread over many addresses. The throttles (429 before any argon2) are held by
tests/handlers/web/test_staff_login.py. Webhook requests are real signed safe-mode messages, each with a fresh
timestamp, nonce, MsgId and openid. Loopback only; about 2 × (warm-up + seconds) + start-up.
Results go to `<out_dir>/login_flood.json`.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import secrets
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import httpx

from bench.load import Options, RequestSpec, percentile, run_phase
from bench.webhook import HOST, serve
from config.settings import Settings
from handlers.cli.chat import prepare_database
from handlers.runtime import Runtime

P99_GOAL_MS = 50.0
FLOOD_CLIENTS = 4
MAX_SECONDS = 20.0  # per phase, so the section stays within about a minute
MAX_RATE = 200.0
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def run(options: Options) -> int:
    report = measure(options)
    out = Path(options.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "login_flood.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(render(report))
    print(f"figures written to {out / 'login_flood.json'}")
    return 0 if report["goal"]["pass"] else 1


def measure(options: Options) -> dict[str, Any]:
    phase = replace(options, seconds=min(options.seconds, MAX_SECONDS), rate=min(options.rate, MAX_RATE))
    workdir = Path(tempfile.mkdtemp(prefix="qf-bench-flood-"))
    try:
        return _measure(phase, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _measure(options: Options, workdir: Path) -> dict[str, Any]:
    token, appid = "bench-" + secrets.token_hex(8), "wx" + secrets.token_hex(8)
    aes_key = base64.b64encode(secrets.token_bytes(32)).decode("ascii").rstrip("=")
    url = f"sqlite:///{workdir / 'bench.db'}"
    runtime = Runtime.from_settings(Settings(database_url=url))
    prepare_database(runtime)
    runtime.engine.dispose()
    env = {
        **os.environ,
        "QF_ENV": "dev",
        "QF_DATABASE_URL": url,
        "QF_WECHAT_TOKEN": token,
        "QF_WECHAT_APPID": appid,
        "QF_WECHAT_AES_KEY": aes_key,
        "QF_WECHAT_AES_KEY_PREVIOUS": "",
        "QF_WECHAT_API_BASE": "http://127.0.0.1:9",  # nothing leaves the machine
        "QF_LOGIN_ATTEMPTS_PER_IP": "1000000000",
        "QF_LOGIN_ATTEMPTS_PER_ACCOUNT": "1000000000",
    }
    spec = RequestSpec(kind="text", token=token, appid=appid, aes_key=aes_key)
    flood_s = options.warmup + options.seconds + 0.5
    spawn = get_context("spawn")
    with (
        serve("handlers.asgi:create", env=env, log=workdir / "server.log") as port,
        ProcessPoolExecutor(max_workers=2, mp_context=spawn) as pool,
    ):
        quiet = pool.submit(run_phase, HOST, port, spec, "open", options).result()
        flood_job = pool.submit(flood, HOST, port, FLOOD_CLIENTS, flood_s)
        time.sleep(0.3)  # the flood's clients have fetched their login forms and are posting
        flooded = pool.submit(run_phase, HOST, port, spec, "open", options).result()
        attack = flood_job.result()
    ratio = flooded["p99_ms"] / quiet["p99_ms"] if quiet["p99_ms"] else float("inf")
    webhook_ok = all(p["errors"] == 0 and set(p["statuses"]) == {"200"} for p in (quiet, flooded))
    return {
        "options": {"seconds": options.seconds, "warmup": options.warmup, "rate": options.rate},
        "machine": {"cpus": os.cpu_count()},
        "quiet": quiet,
        "flooded": flooded,
        "flood": attack,
        "ratio": round(ratio, 2),
        "goal": {
            "p99_goal_ms": P99_GOAL_MS,
            "p99_ms": flooded["p99_ms"],
            "pass": flooded["p99_ms"] <= P99_GOAL_MS and webhook_ok and attack["attempts"] > 0,
            "webhook_ok": webhook_ok,
        },
    }


def flood(host: str, port: int, clients: int, seconds: float) -> dict[str, Any]:
    """Entry point in a flood process: `clients` clients post bogus logins back to back for `seconds`."""
    if host not in ("127.0.0.1", "::1", "localhost"):
        raise ValueError("the login flood only talks to loopback")
    return asyncio.run(_flood(f"http://{host}:{port}", clients, seconds))


async def _flood(base: str, clients: int, seconds: float) -> dict[str, Any]:
    statuses: dict[str, int] = {}
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async def client(n: int) -> None:
        async with httpx.AsyncClient(base_url=base, timeout=30.0) as http:
            form = await http.get("/admin/login")
            found = _CSRF.search(form.text)
            token = found.group(1) if found else ""
            while time.perf_counter() < deadline:
                name = f"flood-{n}-{secrets.token_hex(4)}"  # a new name each time: no account limit applies
                t0 = time.perf_counter()
                answer = await http.post(
                    "/admin/login", data={"csrf": token, "username": name, "password": secrets.token_hex(8)}
                )
                latencies.append(time.perf_counter() - t0)
                statuses[str(answer.status_code)] = statuses.get(str(answer.status_code), 0) + 1

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    elapsed = time.perf_counter() - started
    lat = sorted(latencies)
    return {
        "clients": clients,
        "attempts": len(lat),
        "per_second": round(len(lat) / elapsed, 1) if elapsed > 0 else 0.0,
        "statuses": statuses,
        "p50_ms": round(percentile(lat, 50) * 1000, 1) if lat else None,
    }


def render(report: dict[str, Any]) -> str:
    o, q, f, a, g = report["options"], report["quiet"], report["flooded"], report["flood"], report["goal"]
    lines = [
        f"login flood bench · webhook open loop {o['rate']:g} req/s {o['seconds']:g} s (warm-up {o['warmup']:g} s) "
        f"· qingfeng, SQLite, uvicorn 1 worker · {report['machine']['cpus']} CPUs",
        f"{'webhook':<22}{'p50':>8}{'p99':>9}{'max':>9}  statuses",
        f"{'alone':<22}{q['p50_ms']:>8.1f}{q['p99_ms']:>9.1f}{q['max_ms']:>9.1f}  {q['statuses']}",
        f"{'under the login flood':<22}{f['p50_ms']:>8.1f}{f['p99_ms']:>9.1f}{f['max_ms']:>9.1f}  {f['statuses']}",
        f"flood: {a['clients']} clients, {a['attempts']} bogus logins ({a['per_second']:g}/s, each a full argon2 "
        f"check; throttles raised out of reach), answers {a['statuses']}, login p50 {a['p50_ms']} ms",
        f"p99 under the flood / alone: {report['ratio']:.2f}×",
        f"goal: webhook p99 ≤ {g['p99_goal_ms']:g} ms under the flood: {g['p99_ms']:.1f} ms "
        f"{'PASS' if g['pass'] else 'MISS'}" + ("" if g["webhook_ok"] else " (not every webhook request got 200)"),
    ]
    return "\n".join(lines)
