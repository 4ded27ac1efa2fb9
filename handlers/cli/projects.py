"""`qingfeng projects import FILE.csv [--demo]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from handlers.runtime import in_one_transaction
from storage.types import utcnow
from villages.projects.load import import_projects
from villages.projects.parse import HEADER


def register(sub: Any) -> None:
    projects = sub.add_parser("projects", help="village projects and funds (项目公开)")
    psub = projects.add_subparsers(dest="projects_command", required=True)
    imp = psub.add_parser("import", help="validate and upsert a projects CSV (unique by village, name and year)")
    imp.add_argument("file", type=Path, help="columns: " + ",".join(HEADER))
    imp.add_argument("--demo", action="store_true", help="mark the rows as invented demo data")
    imp.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    report = in_one_transaction(lambda session: import_projects(session, path=path, now=utcnow(), demo=args.demo))
    c = report.counts
    print(f"projects: {c.inserted} inserted, {c.updated} updated, {c.unchanged} unchanged")
    for bad in report.bad_rows:
        print(f"line {bad.line}: {bad.reason}", file=sys.stderr)
    if not report.ok:
        print(f"{len(report.bad_rows)} bad rows in {path}; the other rows were imported", file=sys.stderr)
        return 1
    return 0
