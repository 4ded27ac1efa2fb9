"""`qingfeng backup` copies a live SQLite database with its media; `qingfeng restore` brings back every case."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import tarfile
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from cases.evidence.media_store import FileMediaStore
from cases.validation import EvidenceInput
from storage.db import make_engine, make_sessionmaker
from storage.migrate import upgrade
from tests.cases_support import load_registry, report, submit_once

QINGFENG = str(Path(sys.executable).parent / "qingfeng")


@dataclass
class Place:
    db: Path
    media: Path

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("QF_")}
        env.update(QF_DATABASE_URL=f"sqlite:///{self.db}", QF_MEDIA_DIR=str(self.media))
        return env


@dataclass
class Load:
    """Submits cases with a photo each, from a thread, recording every case whose commit returned."""

    sessions: sessionmaker[Session]
    store: FileMediaStore
    acknowledged: list[tuple[str, str, str]] = field(default_factory=list)  # number, media key, sha256
    stop: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None

    def run(self) -> None:
        try:
            i = 0
            while not self.stop.is_set():
                self._one(i)
                i += 1
        except BaseException as exc:
            self.error = exc

    def _one(self, i: int) -> None:
        content = f"photo {i} ".encode() * 2000
        digest = hashlib.sha256(content).hexdigest()
        key = f"{digest[:2]}/{digest}.jpg"
        self.store.put(key=key, content=content)  # as the H5 form does: the file first, then the case
        photo = EvidenceInput(
            kind="image",
            media_id="",
            storage_key=key,
            sha256=digest,
            content_type="image/jpeg",
            size_bytes=len(content),
        )
        done = submit_once(self.sessions, report(f"o-load-{i}", evidence=(photo,)), key=f"load-{i}")
        self.acknowledged.append((done.number, key, digest))


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[Place, sessionmaker[Session]]]:
    place = Place(db=tmp_path / "live" / "qingfeng.db", media=tmp_path / "live" / "media")
    engine = make_engine(f"sqlite:///{place.db}")
    upgrade(engine)
    sessions = make_sessionmaker(engine)
    load_registry(sessions)
    yield place, sessions
    engine.dispose()


def qingfeng(place: Place, *args: str) -> subprocess.CompletedProcess[str]:
    place.db.parent.mkdir(parents=True, exist_ok=True)  # the working folder: no stray .env is read
    return subprocess.run(
        [QINGFENG, *args], env=place.env(), capture_output=True, text=True, timeout=120, cwd=place.db.parent
    )


def restored_cases(db: Path) -> dict[str, str | None]:
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute(
            "SELECT c.number, e.storage_key FROM cases c LEFT JOIN case_evidence e ON e.case_id = c.id"
        ).fetchall()
    return {number: key for number, key in rows}


def test_backup_under_load_restores_every_acknowledged_case_and_its_photo(
    live: tuple[Place, sessionmaker[Session]], tmp_path: Path
) -> None:
    place, sessions = live
    load = Load(sessions=sessions, store=FileMediaStore(place.media))
    thread = threading.Thread(target=load.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while len(load.acknowledged) < 20 and time.monotonic() < deadline and load.error is None:
            time.sleep(0.05)
        before = list(load.acknowledged)  # acknowledged before the backup starts
        backup = qingfeng(place, "backup", str(tmp_path / "b" / "qingfeng.tar.gz"))
        during = len(load.acknowledged) - len(before)
    finally:
        load.stop.set()
        thread.join(timeout=60)
    assert load.error is None, load.error
    assert backup.returncode == 0, backup.stderr
    assert len(before) >= 20
    assert during > 0, "no case was submitted while the backup ran: the test did not test a live database"

    fresh = Place(db=tmp_path / "fresh" / "db" / "qingfeng.db", media=tmp_path / "fresh" / "media")
    restored = qingfeng(fresh, "restore", str(tmp_path / "b" / "qingfeng.tar.gz"))
    assert restored.returncode == 0, restored.stderr

    cases = restored_cases(fresh.db)
    missing = [number for number, _, _ in before if number not in cases]
    assert missing == []
    for number, key, digest in before:
        assert cases[number] == key
        assert hashlib.sha256((fresh.media / key).read_bytes()).hexdigest() == digest
    # Cases the load committed during the backup may or may not be in it; any that is has its photo too.
    for stored in cases.values():
        assert stored is not None and (fresh.media / stored).is_file(), stored
    assert f"{len(cases)} cases" in restored.stdout


def test_restore_refuses_a_database_in_use_unless_forced(
    live: tuple[Place, sessionmaker[Session]], tmp_path: Path
) -> None:
    place, sessions = live
    load = Load(sessions=sessions, store=FileMediaStore(place.media))
    load._one(1)
    archive = tmp_path / "one.tar.gz"
    assert qingfeng(place, "backup", str(archive)).returncode == 0
    load._one(2)  # written after the backup: a restore over this database would lose it

    refused = qingfeng(place, "restore", str(archive))
    assert refused.returncode == 2
    assert "is not empty" in refused.stderr and "--force" in refused.stderr
    assert len(restored_cases(place.db)) == 2

    forced = qingfeng(place, "restore", "--force", str(archive))
    assert forced.returncode == 0, forced.stderr
    assert list(restored_cases(place.db)) == [load.acknowledged[0][0]]


def test_restore_refuses_a_database_a_running_service_holds(
    live: tuple[Place, sessionmaker[Session]], tmp_path: Path
) -> None:
    place, _ = live
    archive = tmp_path / "empty.tar.gz"
    assert qingfeng(place, "backup", str(archive)).returncode == 0
    with closing(sqlite3.connect(place.db)) as conn, conn:
        conn.execute(
            "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)",
            ("background", "host-1:4242", "2999-01-01 00:00:00.000000"),
        )
    refused = qingfeng(place, "restore", str(archive))
    assert refused.returncode == 2
    assert "running service" in refused.stderr and "host-1:4242" in refused.stderr


def test_restore_says_clearly_what_is_not_a_backup(tmp_path: Path) -> None:
    fresh = Place(db=tmp_path / "db" / "qingfeng.db", media=tmp_path / "media")
    missing = qingfeng(fresh, "restore", str(tmp_path / "nothing.tar.gz"))
    assert missing.returncode == 2 and "no backup file" in missing.stderr

    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tar file at all")
    assert "not a readable Qingfeng backup" in qingfeng(fresh, "restore", str(junk)).stderr

    other = tmp_path / "other.tar.gz"
    (tmp_path / "x.txt").write_text("x")
    with tarfile.open(other, "w:gz") as tar:
        tar.add(tmp_path / "x.txt", arcname="x.txt")
    result = qingfeng(fresh, "restore", str(other))
    assert result.returncode == 2 and "not a Qingfeng backup" in result.stderr
    assert not fresh.db.exists()


def test_restore_keeps_archive_paths_inside_the_media_folder(tmp_path: Path) -> None:
    source = Place(db=tmp_path / "src" / "qingfeng.db", media=tmp_path / "src" / "media")
    engine = make_engine(f"sqlite:///{source.db}")
    upgrade(engine)
    engine.dispose()
    archive = tmp_path / "good.tar.gz"
    assert qingfeng(source, "backup", str(archive)).returncode == 0
    evil = tmp_path / "evil.tar.gz"
    (tmp_path / "payload").write_text("x")
    with tarfile.open(archive) as good, tarfile.open(evil, "w:gz") as out:
        for member in good:
            out.addfile(member, good.extractfile(member))
        out.add(tmp_path / "payload", arcname="media/../../escaped.txt")
    fresh = Place(db=tmp_path / "fresh" / "qingfeng.db", media=tmp_path / "fresh" / "media")
    result = qingfeng(fresh, "restore", str(evil))
    assert result.returncode == 2 and "outside the media folder" in result.stderr
    assert not (tmp_path / "escaped.txt").exists()


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_postgres_is_pointed_at_its_own_tools(command: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QF_")}
    env.update(QF_DATABASE_URL="postgresql://qingfeng@db.invalid/qingfeng", QF_MEDIA_DIR=str(tmp_path / "media"))
    result = subprocess.run(
        [QINGFENG, command, str(tmp_path / "x.tar.gz")], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert ("pg_dump" if command == "backup" else "pg_restore") in result.stderr
    assert "QF_MEDIA_DIR" in result.stderr
