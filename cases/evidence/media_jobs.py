"""Evidence downloads through the outbox: queued in the submit transaction, done by the worker.

The worker fetches the file with the media API, checks its size, hands it to the one evidence intake
(cases.evidence.intake: type by its bytes, photo metadata stripped, stored by SHA-256) and records the
result on the evidence row. Failures retry with backoff until WeChat's 3-day expiry;
then the evidence is marked failed for good, which the case shows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from cases.evidence import intake
from cases.evidence.media_store import MediaStore
from cases.validation import EvidenceKind
from storage.db import transaction
from storage.models.cases import CaseEvidence
from storage.repos import outbox
from wechat.api import WechatApi
from wechat.delivery import KindHandler, PermanentFailure

MEDIA_DOWNLOAD = "media_download"


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


class MediaDownloader:
    def __init__(self, *, sessions: sessionmaker[Session], store: MediaStore, max_bytes: int) -> None:
        self.sessions = sessions
        self.store = store
        self.max_bytes = max_bytes

    def run(self, api: WechatApi, payload: dict[str, Any]) -> None:
        evidence_id = int(payload["evidence_id"])
        try:
            kind = EvidenceKind(str(payload.get("kind", "image")))
        except ValueError:
            raise PermanentFailure(f"not a kind of evidence: {payload.get('kind')!r}") from None
        media = api.download_media(media_id=str(payload["media_id"]))
        if len(media.content) > self.max_bytes:
            raise PermanentFailure(f"file too large: {len(media.content)} bytes")
        declared = media.content_type.split(";")[0].strip().lower()
        if declared.startswith(("application/json", "text/")):
            raise PermanentFailure(f"not a media file: {declared}")
        try:
            accepted, key = intake.take_in(self.store, kind, media.content)
        except intake.NotAccepted as exc:
            raise PermanentFailure(str(exc)) from exc
        with transaction(self.sessions) as session:
            row = session.get(CaseEvidence, evidence_id)
            if row is not None:
                row.download_status = "stored"
                row.sha256, row.content_type = accepted.sha256, accepted.content_type
                row.size_bytes, row.storage_key, row.error = accepted.size_bytes, key, None

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


def outbox_kinds(*, sessions: sessionmaker[Session], store: MediaStore, max_bytes: int) -> dict[str, KindHandler]:
    """The outbox kind that downloads evidence, for the worker's deliver_due (built at composition)."""
    downloader = MediaDownloader(sessions=sessions, store=store, max_bytes=max_bytes)
    return {MEDIA_DOWNLOAD: KindHandler(run=downloader.run, on_dead=downloader.on_dead, on_retry=downloader.on_retry)}
