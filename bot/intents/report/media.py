"""Photos, voice notes and a place kept on the draft."""

from __future__ import annotations

from bot.context import Context, Reply
from cases.intake import report_drafts
from cases.intake.report_drafts import DraftData
from cases.validation import (
    MAX_PHOTOS,
    MAX_VOICES,
    EvidenceKind,
    LocationSource,
)
from storage.models.cases import ReportDraft


def add_media(ctx: Context, draft: ReportDraft, kind: EvidenceKind) -> Reply | None:
    """Keep a photo or voice note as its own row; a reply only when it is refused."""
    msg = ctx.message
    if not msg.media_id:
        return Reply("这条没有收到文件（缺少 MediaId），请重新发送。")
    report_drafts.lock(ctx.session, draft_id=draft.draft_id)
    limit = MAX_PHOTOS if kind == EvidenceKind.IMAGE else MAX_VOICES
    if report_drafts.count_media(ctx.session, draft_id=draft.draft_id, kind=kind) >= limit:
        what = f"照片最多 {MAX_PHOTOS} 张" if kind == EvidenceKind.IMAGE else f"语音最多 {MAX_VOICES} 条"
        return Reply(f"{what}，这一条没有保存。发完请回复“好了”。")
    report_drafts.add_media(
        ctx.session,
        draft_id=draft.draft_id,
        msg_key=msg.dedup_key,
        kind=kind,
        media_id=msg.media_id,
        media_format=msg.voice_format or None,
        now=ctx.now,
    )
    return None


def set_location(data: DraftData, ctx: Context, *, source: LocationSource) -> None:
    msg, user = ctx.message, ctx.user
    if source == LocationSource.MESSAGE and msg.lat is not None and msg.lng is not None:
        data["location"] = {"lat": msg.lat, "lng": msg.lng, "source": LocationSource.MESSAGE, "label": msg.label[:200]}
    elif user.last_lat is not None and user.last_lng is not None:
        data["location"] = {
            "lat": user.last_lat,
            "lng": user.last_lng,
            "source": LocationSource.EVENT,
            "label": "",
            "accuracy_m": user.last_precision_m,
        }
