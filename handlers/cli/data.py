"""`qingfeng data import KIND FILE`, `qingfeng data check [--county CODE] [--json]`: follow the money (#21)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.identity import IdentityKeys
from cases.intake.submit import SubmitPolicy
from cases.money import clues, demo
from cases.money import household as hh
from cases.money.checks import rules
from cases.money.files import KINDS, BadFile
from cases.money.importer import import_file, import_rows
from cases.timeutil import local_date
from config.settings import get_settings
from handlers.runtime import in_one_transaction
from storage.models import Village
from storage.types import utcnow


def register(sub: Any) -> None:
    data = sub.add_parser("data", help="benefit payments and the registers they are checked against")
    dsub = data.add_subparsers(dest="data_command", required=True)
    imp = dsub.add_parser("import", help="validate and load a CSV (UTF-8) or .xlsx file; see docs/money.md")
    imp.add_argument("kind", choices=KINDS)
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_import)
    check = dsub.add_parser("check", help="run every cross-check rule; findings become clues in the case queue")
    check.add_argument("--county", help="a county code (6 or 12 digits); default: every county")
    check.add_argument("--json", action="store_true", help="one JSON object per line per clue")
    check.set_defaults(func=cmd_check)
    codes = dsub.add_parser("codes", help="print each household's code for linking in WeChat (issued once, kept)")
    codes.add_argument("--village", required=True, help="12-digit village code")
    codes.add_argument("--reissue", metavar="HOUSEHOLD_ID", help="replace this household's code (a lost card)")
    codes.set_defaults(func=cmd_codes)
    demo = dsub.add_parser("demo", help="load a synthetic (合成数据) data set with planted anomalies; dev only")
    demo.add_argument("--county", required=True, help="county code: every village of it gets households")
    demo.add_argument("--people", type=int, default=240, help="people per village (default 240)")
    demo.add_argument("--planted", type=int, default=3, help="planted findings per rule (default 3)")
    demo.set_defaults(func=cmd_demo)


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


def cmd_check(args: argparse.Namespace) -> int:
    county = (args.county or "").strip() or None
    if county is not None and not (county.isdigit() and len(county) in (6, 12)):
        print("--county 应为 6 位或 12 位区划代码", file=sys.stderr)
        return 2
    policy = data_policy()
    found = in_one_transaction(lambda s: clues.run(s, policy=policy, now=utcnow(), county=county))
    if args.json:
        for clue in found:
            print(json.dumps(_as_json(clue), ensure_ascii=False))
        return 0
    names = rules()
    for code, rule in names.items():
        mine = [c for c in found if c.rule == code]
        print(f"{rule.name}：{len(mine)} 条（新 {sum(c.new for c in mine)} 条）")
    for clue in found:
        where = f"{clue.village_code} {clue.person} {clue.item} {clue.period}"
        print(f"  {clue.case_number} {names[clue.rule].name} {where}")
    return 0


def cmd_codes(args: argparse.Namespace) -> int:
    try:
        cards = in_one_transaction(
            lambda s: hh.issue_codes(s, village_code=args.village.strip(), now=utcnow(), reissue=args.reissue)
        )
    except hh.Refused as refused:
        print(str(refused), file=sys.stderr)
        return 1
    if not cards:
        print(f"村 {args.village} 没有已导入的家庭（先运行 qingfeng data import households FILE）", file=sys.stderr)
        return 1
    print("户编号,户主,家庭码")
    for card in cards:
        print(f"{card.household_id},{card.head},{card.code}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    if get_settings().is_prod:
        print("合成数据只能在开发环境（QF_ENV=dev）中加载", file=sys.stderr)
        return 2
    county = args.county.strip()[:6]
    if not 1 <= args.people <= 5000 or not 0 <= args.planted <= 1000:
        print("--people 应在 1 到 5000 之间，--planted 在 0 到 1000 之间", file=sys.stderr)
        return 2
    counts = in_one_transaction(lambda s: _load_demo(s, county, args.people, args.planted))
    if counts is None:
        print(f"村名录中没有县区 {county} 的村（先运行 qingfeng villages import）", file=sys.stderr)
        return 1
    print("已加载合成数据（synthetic，不含任何真实个人信息）：")
    for line in counts:
        print("  " + line)
    return 0


def _load_demo(session: Session, county: str, people: int, planted: int) -> list[str] | None:
    villages = session.scalars(
        select(Village.code).where(Village.county_code.startswith(county), Village.is_village.is_(True))
    ).all()
    if not villages:
        return None
    data = demo.build(villages, people_per_village=people, planted=planted, today=local_date(utcnow()))
    now = utcnow()
    lines = []
    for kind, rows in (
        ("households", data.households),
        ("payments", data.payments),
        ("deaths", data.deaths),
        ("cadres", data.cadres),
    ):
        lines.append(import_rows(session, kind=kind, rows=rows, now=now).summary())
    lines.append("埋入的异常：" + "，".join(f"{rules()[r].name} {n}" for r, n in data.planted.items()))
    return lines


def data_policy() -> SubmitPolicy:
    s = get_settings()
    return SubmitPolicy(keys=IdentityKeys(s.identity_key, s.identity_key_previous))


def _as_json(clue: clues.ClueOut) -> dict[str, object]:
    return {
        "rule": clue.rule,
        "village_code": clue.village_code,
        "person": clue.person,
        "item": clue.item,
        "period": clue.period,
        "amount": clue.amount,
        "evidence": list(clue.evidence),
        "case_number": clue.case_number,
    }


def main_check(argv: list[str]) -> int:
    """`qingfeng data check ARGS` as a function, for tests and the admin page's button."""
    parser = argparse.ArgumentParser(prog="qingfeng")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["data", "check", *argv])
    return cmd_check(args)
