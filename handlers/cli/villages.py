"""`qingfeng villages import [FILE]`, `qingfeng villages find TEXT`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from handlers.runtime import Runtime, in_one_transaction
from storage.migrate import current_revision
from storage.repos.villages import UpsertCounts
from villages.places.importer import import_registry
from villages.places.lookup import PlaceIndex
from villages.places.registry import PACKAGED_REGISTRY


def register(sub: Any) -> None:
    villages = sub.add_parser("villages", help="the village registry")
    vsub = villages.add_subparsers(dest="villages_command", required=True)
    imp = vsub.add_parser("import", help="import or update counties, towns and villages from an NBS CSV")
    imp.add_argument("file", nargs="?", type=Path, default=PACKAGED_REGISTRY, help="default: Haidong")
    imp.set_defaults(func=cmd_import)
    find = vsub.add_parser("find", help="look a village up by name or code")
    find.add_argument("text", nargs="+", help='for example 土观村, "互助 土观" or 630223106213')
    find.add_argument("--limit", type=int, default=5)
    find.set_defaults(func=cmd_find)


def cmd_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    report = in_one_transaction(lambda session: import_registry(session, path=path))
    print(f"counties: {_counts(report.counties)}")
    print(f"towns: {_counts(report.towns)}")
    print(f"villages: {_counts(report.villages)}")
    for bad in report.bad_rows:
        print(f"line {bad.line}: {bad.reason}", file=sys.stderr)
    if not report.ok:
        print(f"{len(report.bad_rows)} bad rows in {path}; the other rows were imported", file=sys.stderr)
        return 1
    return 0


def _counts(c: UpsertCounts) -> str:
    return f"{c.inserted} inserted, {c.updated} updated, {c.unchanged} unchanged"


def cmd_find(args: argparse.Namespace) -> int:
    rt = Runtime.from_settings()
    try:
        if current_revision(rt.engine) is None:
            print("database not set up; run `qingfeng villages import` first", file=sys.stderr)
            return 1
        with rt.sessions() as session:
            index = PlaceIndex.from_session(session)
    finally:
        rt.engine.dispose()
    matches = index.find(" ".join(args.text), limit=args.limit)
    if not matches:
        print("no match", file=sys.stderr)
        return 1
    for m in matches:
        p = m.place
        print(f"{p.code}\t{p.county_name}\t{p.town_name}\t{p.name}")
    return 0
