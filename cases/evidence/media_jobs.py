"""Evidence downloads through the outbox: queued in the submit transaction, done by the worker.

The worker fetches the file with the media API, checks its size and type, stores it by SHA-256
and records the result on the evidence row. Failures retry with backoff until WeChat's 3-day expiry;
then the evidence is marked failed for good, which the case shows.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from cases.evidence.media_store import MediaStore
from cases.evidence.photo_privacy import UnsafeImage, clean_image
from storage.db import transaction
from storage.models.cases import CaseEvidence
from storage.repos import outbox
from wechat.api import WechatApi
from wechat.delivery import KindHandler, PermanentFailure, register_kind

MEDIA_DOWNLOAD = "media_download"

# Magic numbers of the formats WeChat sends, by evidence kind.
_SIGNATURES: dict[str, tuple[tuple[bytes, str, str], ...]] = {
    "image": (
        (b"\xff\xd8\xff", "image/jpeg", "jpg"),
        (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
        (b"GIF8", "image/gif", "gif"),
        (b"RIFF", "image/webp", "webp"),
    ),
    "voice": (
        (b"#!AMR", "audio/amr", "amr"),
        (b"OggS", "audio/ogg", "ogg"),
        (b"#!SILK", "audio/silk", "silk"),
        (b"ID3", "audio/mpeg", "mp3"),
    ),
}


def enqueue_download(session: Session, *, evidence: CaseEvidence, now: datetime) -> None:
    expires = evidence.media_expires_at or now
    outbox.enqueue(
        session,
        key=f"media:{evidence.id}",
        kind=MEDIA_DOWNLOAD,
        payload={
            "evidence_id": evidence.id,
            "media_id": evidence.media_id,
            "kind": evidence.kind,
            "retry_until": max(expires, now).isoformat(),
        },
        now=now,
    )


def sniff(kind: str, content: bytes) -> tuple[str, str]:
    """(content type, file extension) from the bytes; PermanentFailure if not a photo/voice format."""
    for magic, content_type, ext in _SIGNATURES.get(kind, ()):
        if content.startswith(magic):
            return content_type, ext
    raise PermanentFailure(f"unexpected content for {kind}: {content[:8]!r}")


def _clean(kind: str, content: bytes, content_type: str) -> bytes:
    """A photo without GPS or device traces, cut at its end and known to decode; voice as it came."""
    if kind != "image":
        return content
    try:
        return clean_image(content, content_type)
    except UnsafeImage as exc:
        raise PermanentFailure(f"unusable image: {exc}") from exc


class MediaDownloader:
    def __init__(self, *, sessions: sessionmaker[Session], store: MediaStore, max_bytes: int) -> None:
        self.sessions = sessions
        self.store = store
        self.max_bytes = max_bytes

    def run(self, api: WechatApi, payload: dict[str, Any]) -> None:
        evidence_id = int(payload["evidence_id"])
        kind = str(payload.get("kind", "image"))
        media = api.download_media(media_id=str(payload["media_id"]))
        if len(media.content) > self.max_bytes:
            raise PermanentFailure(f"file too large: {len(media.content)} bytes")
        declared = media.content_type.split(";")[0].strip().lower()
        if declared.startswith(("application/json", "text/")):
            raise PermanentFailure(f"not a media file: {declared}")
        content_type, ext = sniff(kind, media.content)
        content = _clean(kind, media.content, content_type)
        digest = hashlib.sha256(content).hexdigest()
        key = f"{digest[:2]}/{digest}.{ext}"
        self.store.put(key=key, content=content)
        with transaction(self.sessions) as session:
            row = session.get(CaseEvidence, evidence_id)
            if row is not None:
                row.download_status = "stored"
                row.sha256, row.content_type, row.size_bytes = digest, content_type, len(content)
                row.storage_key, row.error = key, None

    @staticmethod
    def on_dead(session: Session, payload: dict[str, Any], error: str) -> None:
        row = session.get(CaseEvidence, int(payload.get("evidence_id", 0)))
        if row is not None and row.download_status != "stored":
            row.download_status = "failed"
            row.error = error[:500]

    @staticmethod
    def on_retry(session: Session, payload: dict[str, Any], error: str) -> None:
        """The last failure stays on the evidence, so the case page says why it is still missing."""
        row = session.get(CaseEvidence, int(payload.get("evidence_id", 0)))
        if row is not None and row.download_status == "pending":
            row.error = error[:500]


def install(*, sessions: sessionmaker[Session], store: MediaStore, max_bytes: int) -> MediaDownloader:
    """Let the outbox worker deliver media downloads (call once per process that runs the worker)."""
    downloader = MediaDownloader(sessions=sessions, store=store, max_bytes=max_bytes)
    register_kind(
        MEDIA_DOWNLOAD, KindHandler(run=downloader.run, on_dead=downloader.on_dead, on_retry=downloader.on_retry)
    )
    return downloader
