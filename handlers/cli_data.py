"""`qingfeng data import KIND FILE`, `qingfeng data check [--county CODE] [--json]`: follow the money (#21)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cases.money.files import KINDS, BadFile
from cases.money.importer import import_file
from handlers.runtime import in_one_transaction
from storage.types import utcnow


def register(sub: Any) -> None:
    data = sub.add_parser("data", help="benefit payments and the registers they are checked against")
    dsub = data.add_subparsers(dest="data_command", required=True)
    imp = dsub.add_parser("import", help="validate and load a CSV (UTF-8) or .xlsx file; see docs/money.md")
    imp.add_argument("kind", choices=KINDS)
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        print(f"找不到文件：{path}", file=sys.stderr)
        return 2
    try:
        report = in_one_transaction(lambda s: import_file(s, kind=args.kind, path=path, now=utcnow()))
    except BadFile as exc:
        print(f"{path}：{exc}；未导入任何行", file=sys.stderr)
        return 2
    print(report.summary())
    for bad in report.bad:
        print(f"第 {bad.line} 行：{bad.reason}", file=sys.stderr)
    if not report.ok:
        print(f"{path} 有 {len(report.bad)} 行错误，其余行已导入", file=sys.stderr)
        return 1
    return 0
