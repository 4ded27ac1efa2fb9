"""A backup of a SQLite database with its media store in one .tar.gz, and its restore.

The database is copied with SQLite's online backup API in one step, which reads a single snapshot while
the service keeps writing (WAL readers do not block writers). The media files are listed after that
snapshot: a file is written before the row naming it commits and is never changed or moved afterwards,
so every file the snapshot names is already there. PostgreSQL has its own tools (pg_dump, pg_restore).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sqlite3
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from sqlalchemy.engine import make_url

from storage.db import normalise_url

FORMAT = "qingfeng-backup-1"
MANIFEST = "manifest.json"
DATABASE = "qingfeng.db"
MEDIA = "media"
PARTIAL_PREFIX = ".part-"  # a media file still being written (storage's FileMediaStore)
BUSY_TIMEOUT_MS = 30_000


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class Summary:
    cases: int
    media_files: int
    media_bytes: int
    revision: str | None


def sqlite_path(database_url: str) -> Path | None:
    """The file of a SQLite database URL; None for any other database (PostgreSQL)."""
    url = make_url(normalise_url(database_url))
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:":
        raise BackupError("an in-memory SQLite database has nothing to back up")
    return Path(url.database)


def backup(*, db_path: Path, media_dir: Path, dest: Path) -> Summary:
    """Write the database snapshot and the media store to `dest` (.tar.gz), replacing it only when done."""
    if not db_path.is_file():
        raise BackupError(f"no database at {db_path}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".qingfeng-backup-") as tmp:
        snapshot = Path(tmp) / DATABASE
        _online_copy(db_path, snapshot, standalone=True)
        _check_integrity(snapshot)
        files = _media_files(media_dir)  # listed after the snapshot: see the module's docstring
        summary = Summary(
            cases=_count_cases(snapshot),
            media_files=len(files),
            media_bytes=sum(path.stat().st_size for path in files),
            revision=_revision(snapshot),
        )
        partial = Path(tmp) / "backup.tar.gz"
        with tarfile.open(partial, "w:gz") as tar:
            _add_bytes(tar, MANIFEST, json.dumps(_manifest(summary), ensure_ascii=False, indent=2).encode())
            tar.add(snapshot, arcname=DATABASE)
            for path in files:
                tar.add(path, arcname=f"{MEDIA}/{path.relative_to(media_dir).as_posix()}")
        os.replace(partial, dest)
    return summary


def restore(*, archive: Path, db_path: Path, media_dir: Path, force: bool, now: datetime) -> Summary:
    """Put a backup's database at `db_path` and its files under `media_dir`.

    Refuses, unless `force`, a database that has tables or a serving process, and a media store with files.
    """
    with _open_archive(archive) as tar:
        _read_manifest(tar, archive)
        if not force:
            problems = in_use(db_path=db_path, media_dir=media_dir, now=now)
            if problems:
                raise BackupError("; ".join(problems) + ". Stop the service, or restore with --force to replace it")
        with tempfile.TemporaryDirectory(prefix=".qingfeng-restore-") as tmp:
            snapshot = Path(tmp) / DATABASE
            _extract_database(tar, snapshot)
            _check_integrity(snapshot)
            # Files first: once the database is in place, every file it names must be there.
            count, size = _extract_media(tar, media_dir)
            db_path.parent.mkdir(parents=True, exist_ok=True)
            _online_copy(snapshot, db_path)
    return Summary(cases=_count_cases(db_path), media_files=count, media_bytes=size, revision=_revision(db_path))


def in_use(*, db_path: Path, media_dir: Path, now: datetime) -> list[str]:
    """Why restoring over this place would destroy something (empty when it would not)."""
    problems: list[str] = []
    if db_path.is_file() and db_path.stat().st_size > 0:
        with closing(_connect(db_path)) as conn:
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
            holder = _live_lease(conn, now)
        if holder:
            problems.append(f"a running service holds the database {db_path} (worker lease of {holder})")
        elif tables:
            problems.append(f"the database {db_path} is not empty")
    if media_dir.is_dir() and any(path.is_file() for path in media_dir.rglob("*")):
        problems.append(f"the media folder {media_dir} has files")
    return problems


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def _online_copy(source: Path, target: Path, *, standalone: bool = False) -> None:
    """Copy with the online backup API, all pages in one step (so one consistent snapshot)."""
    with closing(_connect(source)) as src, closing(_connect(target)) as dst:
        src.backup(dst)
        if standalone:  # one file that needs no -wal beside it, for the archive
            dst.execute("PRAGMA journal_mode=DELETE")


def _check_integrity(path: Path) -> None:
    with closing(_connect(path)) as conn:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise BackupError(f"the database copy failed its integrity check: {result}")


def _count_cases(path: Path) -> int:
    with closing(_connect(path)) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cases'").fetchone():
            return 0
        return int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])


def _revision(path: Path) -> str | None:
    with closing(_connect(path)) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone():
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _live_lease(conn: sqlite3.Connection, now: datetime) -> str | None:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'leases'").fetchone():
        return None
    # Stored as naive UTC 'YYYY-MM-DD HH:MM:SS[.ffffff]' text, so text order is time order.
    cutoff = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    row = conn.execute("SELECT holder FROM leases WHERE expires_at > ? ORDER BY expires_at DESC", (cutoff,)).fetchone()
    return str(row[0]) if row else None


def _media_files(media_dir: Path) -> list[Path]:
    if not media_dir.is_dir():
        return []
    return sorted(p for p in media_dir.rglob("*") if p.is_file() and not p.name.startswith(PARTIAL_PREFIX))


def _manifest(summary: Summary) -> dict[str, object]:
    return {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "revision": summary.revision,
        "cases": summary.cases,
        "media_files": summary.media_files,
        "media_bytes": summary.media_bytes,
    }


def _add_bytes(tar: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(datetime.now(UTC).timestamp())
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(content))


@contextmanager
def _open_archive(archive: Path) -> Iterator[tarfile.TarFile]:
    if not archive.is_file():
        raise BackupError(f"no backup file at {archive}")
    try:
        with tarfile.open(archive, "r:gz") as tar:
            yield tar
    except (tarfile.TarError, gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise BackupError(f"{archive} is not a readable Qingfeng backup (.tar.gz): {exc}") from exc


def _read_manifest(tar: tarfile.TarFile, archive: Path) -> dict[str, object]:
    try:
        member = tar.extractfile(MANIFEST)
        manifest = json.loads(member.read()) if member else None
    except (KeyError, ValueError, tarfile.TarError) as exc:
        raise BackupError(f"{archive} is not a Qingfeng backup: no readable {MANIFEST}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{archive} is not a Qingfeng backup of format {FORMAT}")
    return manifest


def _extract_database(tar: tarfile.TarFile, target: Path) -> None:
    try:
        member = tar.getmember(DATABASE)
        source = tar.extractfile(member)
    except KeyError as exc:
        raise BackupError(f"the backup has no {DATABASE}") from exc
    if source is None:
        raise BackupError(f"the backup's {DATABASE} is not a file")
    with source, target.open("wb") as out:
        while chunk := source.read(1 << 20):
            out.write(chunk)


def _extract_media(tar: tarfile.TarFile, media_dir: Path) -> tuple[int, int]:
    root = media_dir.resolve()
    # Every name checked before anything is written: a doctored archive changes nothing.
    files = [(member, _media_target(root, member.name)) for member in tar.getmembers() if _is_media(member)]
    for member, target in files:
        source = tar.extractfile(member)
        if source is not None:
            _write_atomically(target, source.read())
    return len(files), sum(member.size for member, _ in files)


def _is_media(member: tarfile.TarInfo) -> bool:
    return member.name.startswith(f"{MEDIA}/") and member.isfile()


def _media_target(root: Path, name: str) -> Path:
    relative = PurePosixPath(name).relative_to(MEDIA)
    target = (root / relative).resolve()
    if ".." in relative.parts or relative.is_absolute() or root not in target.parents:
        raise BackupError(f"the backup names a file outside the media folder: {name}")
    return target


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=PARTIAL_PREFIX)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
