"""Real voice notes for tests: AMR-NB made by the ffmpeg that imageio-ffmpeg ships (it carries the
libopencore-amrnb encoder), and a stored voice note on a case through the real download job."""

from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cases.evidence.media_audio import ffmpeg_exe
from cases.evidence.media_jobs import MediaDownloader
from cases.evidence.media_store import FileMediaStore
from storage.models.cases import CaseEvidence
from wechat.api import Media


@lru_cache(maxsize=4)
def amr_note(seconds: float = 2.0) -> bytes:
    """A tone of `seconds` as AMR-NB 12.2 kbit/s, 8 kHz mono: the format WeChat voice messages come in."""
    done = subprocess.run(
        [
            ffmpeg_exe(),
            "-hide_banner",
            "-nostdin",
            "-loglevel",
            "error",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=440:duration={seconds}",
            "-ar",
            "8000",
            "-ac",
            "1",
            "-c:a",
            "libopencore_amrnb",
            "-b:a",
            "12.2k",
            "-f",
            "amr",
            "pipe:1",
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert done.stdout.startswith(b"#!AMR\n"), done.stderr
    return done.stdout


# Starts like AMR (so the download job keeps it) but is not: conversion must fail.
BROKEN_AMR = b"#!AMR\n" + bytes(range(256)) * 4


class OneFileApi:
    """Stands in for the WeChat media API with one file."""

    def __init__(self, content: bytes, content_type: str) -> None:
        self.media = Media(content, content_type)

    def download_media(self, *, media_id: str) -> Media:
        return self.media


def store_voice(sessions: sessionmaker[Session], media_dir: Path, *, case_id: int, content: bytes) -> int:
    """Run the real download job for the case's pending voice note; return the evidence id."""
    with sessions() as s:
        row = s.scalars(
            select(CaseEvidence).where(CaseEvidence.case_id == case_id, CaseEvidence.kind == "voice")
        ).first()
        assert row is not None
        evidence_id, media_id = row.id, row.media_id
    job = MediaDownloader(sessions=sessions, store=FileMediaStore(media_dir), max_bytes=1 << 20)
    payload: dict[str, Any] = {"evidence_id": evidence_id, "media_id": media_id, "kind": "voice"}
    job.run(OneFileApi(content, "audio/amr"), payload)  # type: ignore[arg-type]
    return evidence_id
