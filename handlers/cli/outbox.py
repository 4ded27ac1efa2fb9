"""`qingfeng outbox`: what waits to go out to WeChat and what failed, and retrying by hand."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlalchemy.exc import DBAPIError

from cases.interop import hook_failure
from handlers.admin.ops_alert import age_text
from handlers.jobs.worker import LEASE_NAME
from handlers.runtime import Runtime
from storage.db import transaction
from storage.repos import outbox_ops
from storage.types import utcnow


def register(sub: Any) -> None:
    box = sub.add_parser("outbox", help="deliveries to WeChat: pending, failed, retry")
    box.set_defaults(func=cmd_status)
    bsub = box.add_subparsers(dest="outbox_command")
    retry = bsub.add_parser("retry", help="try failed rows again now")
    which = retry.add_mutually_exclusive_group(required=True)
    which.add_argument("--id", type=int, help="one row (its number on the operations page)")
    which.add_argument("--kind", help="every given-up row of this kind (e.g. kefu_text, media_download)")
    retry.set_defaults(func=cmd_retry)


def cmd_status(_args: argparse.Namespace) -> int:
    rt = Runtime.from_settings()
    now = utcnow()
    try:
        with transaction(rt.sessions) as session:
            kinds = outbox_ops.summary(session, now=now)
            lease = outbox_ops.lease_state(session, name=LEASE_NAME, now=now)
            failing = outbox_ops.failing_for_s(session, now=now)
    except DBAPIError:
        print("数据库未就绪，请先运行 qingfeng setup / database not ready", file=sys.stderr)
        return 1
    finally:
        rt.engine.dispose()
    print(f"worker lease: {'held by ' + (lease.holder or '') if lease.held else 'NOT HELD: nothing is delivered'}")
    print(f"failing for: {age_text(failing) if failing is not None else 'nothing failing'}")
    if not kinds:
        print("outbox: nothing pending or failed")
        return 0
    print(f"{'kind':<16}{'pending':>8}{'failing':>8}{'held':>6}{'dead':>6}  oldest    last error")
    for k in kinds:
        raw = " ".join((k.last_error or "").split())[:80]
        reason = f"{hook_failure.explain(k.kind, k.last_error)} [{raw}]" if k.last_error else ""
        oldest = age_text(k.oldest_pending_s)
        print(f"{k.kind:<16}{k.pending:>8}{k.failing:>8}{k.held:>6}{k.dead:>6}  {oldest:<9} {reason}")
    return 0


def cmd_retry(args: argparse.Namespace) -> int:
    rt = Runtime.from_settings()
    now = utcnow()
    try:
        with transaction(rt.sessions) as session:
            if args.id is not None:
                if not outbox_ops.retry_row(session, row_id=args.id, now=now):
                    print(f"no failed or pending row {args.id}", file=sys.stderr)
                    return 1
                print(f"row {args.id} queued again")
            else:
                print(f"{outbox_ops.retry_kind(session, kind=args.kind, now=now)} {args.kind} rows queued again")
    except DBAPIError:
        print("数据库未就绪，请先运行 qingfeng setup / database not ready", file=sys.stderr)
        return 1
    finally:
        rt.engine.dispose()
    return 0
