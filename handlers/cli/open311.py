"""`qingfeng api-keys` and `qingfeng subscribers`: Open311 keys and case-event subscribers (docs/open311.md)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlalchemy.exc import DBAPIError

from cases.interop import api_keys, case_hooks
from handlers.runtime import Runtime
from storage.db import transaction
from storage.types import utcnow


def register(sub: Any) -> None:
    keys = sub.add_parser("api-keys", help="Open311 API keys of other systems: create, list, revoke")
    ksub = keys.add_subparsers(dest="keys_command", required=True)
    create = ksub.add_parser("create", help="a key for one client system of one unit (shown once)")
    create.add_argument("--name", required=True, help="the client system, e.g. 互助县12345热线")
    create.add_argument("--unit", required=True, help="its unit code, e.g. 630223 or 630223:jw")
    create.add_argument("--rate", type=int, default=api_keys.DEFAULT_RATE_PER_HOUR, help="requests an hour")
    create.set_defaults(func=cmd_key_create)
    ksub.add_parser("list", help="every key, without the keys themselves").set_defaults(func=cmd_key_list)
    revoke = ksub.add_parser("revoke", help="stop a key at once")
    revoke.add_argument("id", type=int)
    revoke.set_defaults(func=cmd_key_revoke)

    subs = sub.add_parser("subscribers", help="URLs that receive a unit's signed case events")
    ssub = subs.add_subparsers(dest="subscribers_command", required=True)
    add = ssub.add_parser("add", help="register a URL for a unit (the signing secret is shown once)")
    add.add_argument("--unit", required=True)
    add.add_argument("--url", required=True)
    add.set_defaults(func=cmd_sub_add)
    ssub.add_parser("list", help="every subscriber").set_defaults(func=cmd_sub_list)
    remove = ssub.add_parser("remove", help="stop sending to a subscriber")
    remove.add_argument("id", type=int)
    remove.set_defaults(func=cmd_sub_remove)
    log = ssub.add_parser("log", help="a subscriber's deliveries, newest first")
    log.add_argument("id", type=int)
    log.set_defaults(func=cmd_sub_log)


def _run(work: Any) -> int:
    rt = Runtime.from_settings()
    try:
        with transaction(rt.sessions) as session:
            work(session)
    except (api_keys.KeyProblem, case_hooks.SubscriptionProblem) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except DBAPIError:
        print("数据库未就绪，请先运行 qingfeng setup / database not ready", file=sys.stderr)
        return 1
    finally:
        rt.engine.dispose()
    return 0


def cmd_key_create(args: argparse.Namespace) -> int:
    def work(session: Any) -> None:
        row, key = api_keys.create(session, name=args.name, unit_code=args.unit, rate_per_hour=args.rate, now=utcnow())
        print(f"key {row.id} for {row.name} at {row.unit_code}, {row.rate_per_hour} requests an hour:")
        print(key)
        print("Give this key to the system's operator now: it is stored only as a hash and cannot be shown again.")

    return _run(work)


def cmd_key_list(_args: argparse.Namespace) -> int:
    def work(session: Any) -> None:
        for r in api_keys.listing(session):
            state = "active" if r.active else f"revoked {r.revoked_at:%Y-%m-%d}" if r.revoked_at else "revoked"
            used = f"{r.last_used_at:%Y-%m-%d %H:%M}" if r.last_used_at else "never"
            print(
                f"{r.id:>4}  {r.key_hint}…  {r.unit_code:<14} {r.rate_per_hour:>6}/h  {state:<18} used {used}  {r.name}"
            )

    return _run(work)


def cmd_key_revoke(args: argparse.Namespace) -> int:
    def work(session: Any) -> None:
        row = api_keys.revoke(session, client_id=args.id, now=utcnow())
        print(f"key {row.id} ({row.name}) revoked")

    return _run(work)


def cmd_sub_add(args: argparse.Namespace) -> int:
    def work(session: Any) -> None:
        row, secret = case_hooks.subscribe(session, unit_code=args.unit, url=args.url, now=utcnow())
        print(f"subscriber {row.id}: {row.url} receives the case events {row.unit_code} may see, signed with:")
        print(secret)

    return _run(work)


def cmd_sub_list(_args: argparse.Namespace) -> int:
    def work(session: Any) -> None:
        for r in case_hooks.listing(session):
            print(f"{r.id:>4}  {r.unit_code:<14} {'active' if r.active else 'removed':<8} {r.url}")

    return _run(work)


def cmd_sub_remove(args: argparse.Namespace) -> int:
    def work(session: Any) -> None:
        row = case_hooks.unsubscribe(session, subscription_id=args.id, now=utcnow())
        print(f"subscriber {row.id} removed")

    return _run(work)


def cmd_sub_log(args: argparse.Namespace) -> int:
    def work(session: Any) -> None:
        for row in case_hooks.deliveries(session, subscription_id=args.id):
            event = (row.payload or {}).get("event", "")
            when = f"{row.sent_at:%Y-%m-%d %H:%M:%S}" if row.sent_at else "-"
            error = " ".join((row.last_error or "").split())[:80]
            print(f"{row.id:>6}  {event:<11} {row.status:<8} tries {row.attempts}  sent {when}  {error}")

    return _run(work)
