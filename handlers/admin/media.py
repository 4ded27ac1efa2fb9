"""A case's photos and voice notes for staff: the stored originals and the browser-playable copies of
voice notes (cases.evidence.media_audio), under the case's own URL.

Every request goes through cases.access.scoped_case, so a case outside the viewer's scope is a 404, and
so is evidence of another case or evidence not stored. Each view is audited (`view_media`); the
follow-up range requests a browser makes while playing are not counted again."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.responses import Response

from cases import access
from cases.evidence import media_audio
from cases.evidence.media_store import FileMediaStore
from handlers.web.params import whole
from storage.models.cases import CaseEvidence

if TYPE_CHECKING:
    from handlers.admin.views import Admin, StaffCtx

INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp", media_audio.PLAYABLE_TYPE})
# ASCII digits only, at most 18: a longer or stranger range is ignored and the whole body sent.
_RANGE = re.compile(r"bytes=([0-9]{0,18})-([0-9]{0,18})$")


@dataclass(frozen=True)
class Voice:
    """What the case page shows for one stored voice note."""

    evidence_id: int
    playable: bool


def _send(ctx: StaffCtx, row: CaseEvidence, data: bytes, media_type: str, disposition: str, copy: str) -> Response:
    """Serve one stored file privately, audited once per view (not for the player's follow-up ranges)."""
    headers = {"Cache-Control": "private, no-store"}
    headers["Content-Disposition"] = disposition
    range_header = ctx.request.headers.get("range")
    if not _continuation(range_header):
        ctx.audit("view_media", row.case_id, evidence_id=row.id, kind=row.kind, copy=copy)
    return _ranged(range_header, data, media_type, headers)


def _ranged(range_header: str | None, body: bytes, media_type: str, headers: dict[str, str]) -> Response:
    """The whole body, or the one byte range asked for (media elements seek with Range requests)."""
    headers = {**headers, "Accept-Ranges": "bytes"}
    size = len(body)
    match = _RANGE.match((range_header or "").strip())
    if match is None or size == 0 or (not match.group(1) and not match.group(2)):
        return Response(body, media_type=media_type, headers=headers)
    first, last = match.group(1), match.group(2)
    if first:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    else:  # the last N bytes
        start, end = max(size - int(last), 0), size - 1
    if start >= size or start > end:
        return Response(b"", status_code=416, headers={**headers, "Content-Range": f"bytes */{size}"})
    headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    return Response(body[start : end + 1], status_code=206, media_type=media_type, headers=headers)


def _continuation(range_header: str | None) -> bool:
    """A range request past the first byte: the same view going on, not a new one."""
    match = _RANGE.match((range_header or "").strip())
    return match is not None and match.group(1) not in ("", "0")


class CaseMedia:
    def __init__(self, admin: Admin) -> None:
        self.admin = admin
        self.store = FileMediaStore(admin.runtime.settings.media_dir)

    def voices(self, evidence: Sequence[CaseEvidence]) -> dict[int, Voice]:
        """Each stored voice note of the page, converted once (cached) for the browser; a conversion that
        fails shows as not playable, never as an error page."""
        out = {}
        for e in evidence:
            if e.kind == "voice" and e.download_status == "stored" and e.storage_key:
                done = media_audio.ensure_playable(self.store, original_key=e.storage_key, content_type=e.content_type)
                out[e.id] = Voice(e.id, done.key is not None)
        return out

    def _evidence(self, ctx: StaffCtx) -> CaseEvidence | None:
        case_id = whole(ctx.request.path_params.get("case_id"))
        evidence_id = whole(ctx.request.path_params.get("evidence_id"))
        if case_id is None or evidence_id is None:
            return None
        case = access.scoped_case(ctx.session, ctx.viewer, case_id)
        row = ctx.session.get(CaseEvidence, evidence_id)
        if case is None or row is None or row.case_id != case.id:
            return None
        if row.download_status != "stored" or not row.storage_key:
            return None
        return row

    def _not_found(self, ctx: StaffCtx) -> Response:
        return ctx.render("error.html", 404, message="没有找到这份材料，或您无权查看。")

    async def original(self, ctx: StaffCtx) -> Response:
        row = self._evidence(ctx)
        if row is None or not self.store.exists(key=row.storage_key or ""):
            return self._not_found(ctx)
        key = row.storage_key or ""
        media_type = row.content_type or "application/octet-stream"
        ext = key.rsplit(".", 1)[-1] if "." in key else "bin"
        disposition = "inline" if media_type in INLINE_TYPES else "attachment"
        filename = f"evidence-{row.case_id}-{row.id}.{ext}"
        return _send(ctx, row, self.store.get(key=key), media_type, f'{disposition}; filename="{filename}"', "original")

    async def playable(self, ctx: StaffCtx) -> Response:
        row = self._evidence(ctx)
        if row is None or row.kind != "voice":
            return self._not_found(ctx)
        done = media_audio.ensure_playable(
            self.store, original_key=row.storage_key or "", content_type=row.content_type
        )
        if done.key is None:
            return ctx.render("error.html", 404, message="这条语音无法转换为网页可播放的格式，请下载原始文件收听。")
        disposition = f'inline; filename="voice-{row.case_id}-{row.id}.ogg"'
        return _send(ctx, row, self.store.get(key=done.key), media_audio.PLAYABLE_TYPE, disposition, "playable")
