"""`qingfeng db upgrade`, `qingfeng setup`."""

from __future__ import annotations

import argparse
from typing import Any

from handlers.runtime import Runtime
from storage.migrate import current_revision, upgrade


def register(sub: Any) -> None:
    db = sub.add_parser("db", help="database migrations")
    dbsub = db.add_subparsers(dest="db_command", required=True)
    up = dbsub.add_parser("upgrade", help="apply all migrations")
    up.set_defaults(func=cmd_upgrade)


def cmd_upgrade(args: argparse.Namespace) -> int:
    rt = Runtime.from_settings()
    upgrade(rt.engine)
    print(f"database at revision {current_revision(rt.engine)}")
    return 0
