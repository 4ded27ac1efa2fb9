"""`qingfeng serve` and `qingfeng setup`."""

from __future__ import annotations

import argparse
import os
from typing import Any

import uvicorn

from cases.staff.accounts import DEMO_PASSWORD, ensure_demo_staff
from config.settings import Settings, UnsafeSettings, check_for_prod, get_settings
from handlers.cli.demo_money import DEMO_VILLAGE, ensure_demo_money
from handlers.cli.org import seed_org
from handlers.devphone.boot import start_local_wechat
from handlers.runtime import Runtime
from handlers.web import slow_hash
from storage.db import transaction
from storage.migrate import upgrade
from storage.repos.villages import count_villages
from storage.types import utcnow
from villages.places.importer import import_registry
from villages.places.registry import PACKAGED_REGISTRY
from villages.projects.load import load_demo_projects


def register(sub: Any) -> None:
    serve = sub.add_parser("serve", help="apply migrations and serve HTTP")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--no-worker", action="store_true", help="do not run the outbox drainer and scheduler here")
    serve.set_defaults(func=cmd_serve)
    setup = sub.add_parser("setup", help="migrate and load the registry (and dev demo data); safe to repeat")
    # Only for the URLs it prints: where `serve` will listen (make run passes its HOST and PORT).
    setup.add_argument("--host", default="127.0.0.1")
    setup.add_argument("--port", type=int, default=8000)
    setup.set_defaults(func=cmd_setup)


def follow_the_port(settings: Settings, host: str, port: int) -> Settings:
    """In dev, with no QF_PUBLIC_BASE_URL given, links and codes point where this server listens.

    `make run PORT=8111` would otherwise hand out links to :8000. The variable is set in the environment
    so that uvicorn's worker processes, which read their settings afresh, see the same origin.
    """
    if settings.is_prod or "public_base_url" in settings.model_fields_set:
        return settings
    shown = "127.0.0.1" if host in {"0.0.0.0", "::", ""} else host  # noqa: S104 - only compared, never bound
    if ":" in shown:
        shown = f"[{shown}]"
    os.environ["QF_PUBLIC_BASE_URL"] = f"http://{shown}:{port}"
    get_settings.cache_clear()
    return get_settings()


def cmd_serve(args: argparse.Namespace) -> int:
    settings = follow_the_port(get_settings(), args.host, args.port)
    try:
        check_for_prod(settings)
    except UnsafeSettings as exc:
        print(f"错误 / error: {exc}")
        return 2
    upgrade(Runtime.from_settings(settings).engine)
    if args.no_worker:
        os.environ["QF_RUN_BACKGROUND"] = "false"
    standin = start_local_wechat(settings, port=args.port + 1 if 0 < args.port < 65535 else 0)
    if standin is not None:
        print(f"dev: WeChat API stand-in on {standin.url}; chat as a villager at /dev/phone", flush=True)
        print(f"     other commands reach it with QF_WECHAT_API_BASE={standin.url}", flush=True)
    print(f"清风 serving on http://{args.host}:{args.port}  (webhook: /wechat, health: /healthz)", flush=True)
    uvicorn.run(
        "handlers.asgi:create",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="warning",
        proxy_headers=True,
    )
    return 0


def cmd_setup(args: argparse.Namespace) -> int:
    rt = Runtime.from_settings(follow_the_port(get_settings(), args.host, args.port))
    demo_logins: list[tuple[str, str, str]] = []
    try:
        upgrade(rt.engine)
        with transaction(rt.sessions) as session:
            if count_villages(session) == 0:
                report = import_registry(session, path=PACKAGED_REGISTRY)
                v = report.villages
                print(
                    f"village registry loaded: {v.inserted} new, {v.updated} updated, {len(report.bad_rows)} bad rows"
                )
            else:
                print(f"village registry present: {count_villages(session)} units")
            if rt.settings.env == "dev":
                demo = load_demo_projects(session, now=utcnow()).counts
                print(f"demo projects (invented, dev only): {demo.inserted} new, {demo.updated} updated")
                tried = ensure_demo_money(session, now=utcnow())
                if tried is not None:
                    print(
                        f"demo households and payments (synthetic, dev only) in {DEMO_VILLAGE}: try 我家补贴 (menu 5)"
                        f" as {tried.name}, ID last six {tried.last_six}, 家庭码 {tried.code}"
                    )
        units, rules = seed_org(rt)
        print(f"units: {units.inserted} new, {units.updated} updated; routing rules added: {rules}")
        if rt.settings.env == "dev":
            with transaction(rt.sessions) as session:
                demo_logins = ensure_demo_staff(session, now=utcnow(), run=slow_hash.run)
    finally:
        rt.engine.dispose()
    base = f"http://{args.host}:{args.port}"
    print(f"ready. webhook {base}/wechat  health {base}/healthz  metrics {base}/metrics")
    if rt.settings.public_base_url.rstrip("/") != base:
        print(f"links and QR codes point to QF_PUBLIC_BASE_URL={rt.settings.public_base_url}")
    if rt.settings.env == "dev":
        print(f"start here {base}/  (the dev phone: {base}/dev/phone)")
        print(f"admin {base}/admin  demo logins (dev only), password {DEMO_PASSWORD}:")
        for username, role, unit in demo_logins:
            print(f"  {username:<12} {role:<18} {unit}")
    print("try: .venv/bin/qingfeng chat --village 630223106213")
    return 0
