"""`qingfeng backup FILE` and `qingfeng restore FILE`: the SQLite database and the media store in one file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from config.settings import get_settings
from storage.backup import BackupError, Summary, backup, restore, sqlite_path
from storage.types import utcnow

POSTGRES_BACKUP = (
    "QF_DATABASE_URL is PostgreSQL: back it up with its own tool, e.g.\n"
    "  pg_dump --format=custom --file=qingfeng.dump DBNAME\n"
    "and copy the media folder QF_MEDIA_DIR ({media}) after the dump (docs/operations.md)."
)
POSTGRES_RESTORE = (
    "QF_DATABASE_URL is PostgreSQL: restore it with its own tool, e.g.\n"
    "  pg_restore --clean --if-exists --dbname=DBNAME qingfeng.dump\n"
    "and copy the media folder back to QF_MEDIA_DIR ({media}) first (docs/operations.md)."
)


def register(sub: Any) -> None:
    back = sub.add_parser("backup", help="copy the live SQLite database and the media store into one .tar.gz")
    back.add_argument("file", type=Path, help="the backup to write, e.g. qingfeng-2026-12-06.tar.gz")
    back.set_defaults(func=cmd_backup)
    put = sub.add_parser("restore", help="put a backup's database and media files back")
    put.add_argument("file", type=Path, help="a file `qingfeng backup` wrote")
    put.add_argument("--force", action="store_true", help="replace a database or media store that is in use")
    put.set_defaults(func=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    settings = get_settings()
    try:
        db_path = sqlite_path(settings.database_url)
        if db_path is None:
            print(POSTGRES_BACKUP.format(media=settings.media_dir), file=sys.stderr)
            return 2
        summary = backup(db_path=db_path, media_dir=settings.media_dir, dest=args.file)
    except BackupError as exc:
        print(f"backup failed: {exc}", file=sys.stderr)
        return 2
    print(f"backup written to {args.file}: {describe(summary)}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    settings = get_settings()
    try:
        db_path = sqlite_path(settings.database_url)
        if db_path is None:
            print(POSTGRES_RESTORE.format(media=settings.media_dir), file=sys.stderr)
            return 2
        summary = restore(
            archive=args.file, db_path=db_path, media_dir=settings.media_dir, force=args.force, now=utcnow()
        )
    except BackupError as exc:
        print(f"restore refused: {exc}", file=sys.stderr)
        return 2
    print(f"restored {db_path} and {settings.media_dir}: {describe(summary)}")
    return 0


def describe(summary: Summary) -> str:
    megabytes = summary.media_bytes / 1_000_000
    return (
        f"{summary.cases} cases, {summary.media_files} media files ({megabytes:.1f} MB), "
        f"schema revision {summary.revision or 'none'}"
    )
