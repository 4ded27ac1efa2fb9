"""`qingfeng org import FILE`, `qingfeng org seed` and `qingfeng users create`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cases import org
from cases.access import ROLES
from cases.staff.accounts import PasswordProblem, create_user
from handlers.runtime import Runtime
from handlers.web import slow_hash
from storage.db import transaction
from storage.migrate import upgrade
from storage.types import utcnow


def register(sub: Any) -> None:
    group = sub.add_parser("org", help="organisation units and routing rules")
    org_sub = group.add_subparsers(dest="org_command", required=True)
    imp = org_sub.add_parser("import", help="upsert units from a CSV file; bad rows are listed with line numbers")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_import)
    seed = org_sub.add_parser("seed", help="units from the village registry, and the packaged rules per county")
    seed.set_defaults(func=cmd_seed)
    users = sub.add_parser("users", help="staff accounts")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    create = users_sub.add_parser("create", help="create or reset a staff account; the password is read from stdin")
    create.add_argument("--username", required=True)
    create.add_argument("--role", required=True, choices=ROLES)
    create.add_argument("--unit", required=True, help="unit code, e.g. 630223:jw")
    create.add_argument("--name", default="")
    create.set_defaults(func=cmd_user_create)


def cmd_import(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"错误：无法读取 {args.file}：{exc}")
        return 2
    rt = Runtime.from_settings()
    try:
        upgrade(rt.engine)
        with transaction(rt.sessions) as session:
            report = org.import_units(session, text)
    finally:
        rt.engine.dispose()
    print(f"units: {report.inserted} new, {report.updated} updated, {len(report.bad_rows)} bad rows")
    for line, problem in report.bad_rows:
        print(f"  第 {line} 行：{problem}")
    return 1 if report.bad_rows else 0


def seed_org(rt: Runtime) -> tuple[org.ImportReport, int]:
    with transaction(rt.sessions) as session:
        report = org.seed_from_registry(session)
        rules = org.seed_rules(session, now=utcnow())
    return report, rules


def cmd_seed(args: argparse.Namespace) -> int:
    rt = Runtime.from_settings()
    try:
        upgrade(rt.engine)
        report, rules = seed_org(rt)
    finally:
        rt.engine.dispose()
    print(f"units: {report.inserted} new, {report.updated} updated; routing rules added: {rules}")
    return 0


def cmd_user_create(args: argparse.Namespace) -> int:
    password = sys.stdin.readline().rstrip("\n")
    rt = Runtime.from_settings()
    try:
        upgrade(rt.engine)
        with transaction(rt.sessions) as session:
            create_user(
                session,
                username=args.username,
                role=args.role,
                unit_code=args.unit,
                display_name=args.name or args.username,
                password=password,
                now=utcnow(),
                run=slow_hash.run,
            )
    except PasswordProblem as exc:
        print(f"错误：{exc}")
        return 2
    finally:
        rt.engine.dispose()
    print(f"user {args.username} ({args.role}, {args.unit}) saved")
    return 0
