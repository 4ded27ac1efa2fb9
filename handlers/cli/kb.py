"""`qingfeng kb check`, `qingfeng kb ask "问题" [--county CODE] [--json]`."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from handlers.jobs.kb_live import checked_reload, entries_dir
from handlers.runtime import Runtime
from knowledge.base import KnowledgeBase, format_reply
from knowledge.check import check
from knowledge.loader import ENTRIES_DIR, TOPICS_FILE
from storage.db import transaction
from storage.migrate import upgrade
from storage.types import utcnow


def register(sub: Any) -> None:
    kb = sub.add_parser("kb", help="policy knowledge base")
    kbsub = kb.add_subparsers(dest="kb_command", required=True)
    chk = kbsub.add_parser("check", help="validate the entries; non-zero exit on problems")
    chk.add_argument("--entries", type=Path, default=ENTRIES_DIR, help="entries directory")
    chk.add_argument("--topics", type=Path, default=TOPICS_FILE, help="topic vocabulary file")
    chk.set_defaults(func=cmd_check)
    ask = kbsub.add_parser("ask", help="search the knowledge base as a villager would")
    ask.add_argument("question")
    ask.add_argument("--county", default=None, help="6-digit county code of the villager")
    ask.add_argument("--json", action="store_true", help="print the hits as JSON")
    ask.add_argument("--entries", type=Path, default=ENTRIES_DIR, help="entries directory")
    ask.set_defaults(func=cmd_ask)
    reload = kbsub.add_parser("reload", help="check the entries, then make every process switch to them")
    reload.set_defaults(func=cmd_reload)


def cmd_check(args: argparse.Namespace) -> int:
    report = check(args.entries, args.topics)
    for problem in report.problems:
        print(f"problem: {problem}")
    if report.unverified:
        print(f"{len(report.unverified)} unverified figures (answers end with 具体以当地公布为准):")
        for item in report.unverified:
            print(f"  {item.entry_id}: {item.figure}")
    for warning in report.warnings:
        print(f"warning: {warning}")
    verdict = "ok" if report.ok else f"{len(report.problems)} problems"
    print(f"{report.entries} entries checked: {verdict}")
    return 0 if report.ok else 1


def cmd_ask(args: argparse.Namespace) -> int:
    kb = KnowledgeBase.load(args.entries)
    if args.json:
        result = kb.search(args.question, county_code=args.county)
        payload = {
            "query": args.question,
            "hits": [asdict(hit) | {"topics": list(hit.topics)} for hit in result.hits],
            "confident": result.confident,
            "out_of_scope": result.out_of_scope,
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    print(format_reply(kb.ask(args.question, county_code=args.county)))
    return 0


def cmd_reload(args: argparse.Namespace) -> int:
    """Refuse entries that fail `kb check`; otherwise bump the version row every process polls."""
    rt = Runtime.from_settings()
    try:
        directory = entries_dir(rt)
        upgrade(rt.engine)
        with transaction(rt.sessions) as session:
            result = checked_reload(session, directory, now=utcnow())
    finally:
        rt.engine.dispose()
    if not result.ok:
        for problem in result.problems:
            print(f"problem: {problem}")
        print(f"not reloaded: {len(result.problems)} problems in {directory}")
        return 1
    print(f"knowledge base version {result.version}: {result.entries} entries from {directory}")
    print(f"every process switches within {rt.settings.kb_poll_s:g} s of its next request")
    return 0
