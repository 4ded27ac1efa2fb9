"""Step 3: evidence (photos, voice notes, a place)."""

from __future__ import annotations

from bot import report_prompts as p
from bot.context import Context, Reply
from bot.intents.report.draft import draft_data, goto, hint, said_done, said_skip
from bot.intents.report.media import add_media, set_location
from bot.intents.report.story import more_story
from cases.intake import report_drafts
from cases.validation import (
    EvidenceKind,
    LocationSource,
)
from storage.models.cases import ReportDraft


def evidence_step(ctx: Context, draft: ReportDraft) -> Reply:
    msg = ctx.message
    data = draft_data(draft)
    if msg.kind == "image" or msg.kind == "voice":
        refused = add_media(ctx, draft, EvidenceKind(msg.kind))
        if refused is not None:
            return refused
        n = report_drafts.count_media(ctx.session, draft_id=draft.draft_id, kind=EvidenceKind(msg.kind))
        what = f"第 {n} 张照片" if msg.kind == "image" else f"第 {n} 条语音"
        return Reply(f"已收到{what}。可以继续发送，发完请回复“好了”。")
    if msg.kind == "location":
        set_location(data, ctx, source=LocationSource.MESSAGE)
        report_drafts.save(draft, step=draft.step, data=data, now=ctx.now)
        return Reply("位置已收到。还可以发照片，发完请回复“好了”。")
    if msg.kind == "text" and ctx.text in p.ENTRY_LOCATION_WORDS:
        if ctx.user.last_lat is None or ctx.user.last_lng is None:
            return Reply("没有您打开公众号时的位置。请点“+”再点“位置”发送；没有请回复“跳过”。")
        set_location(data, ctx, source=LocationSource.EVENT)
        report_drafts.save(draft, step=draft.step, data=data, now=ctx.now)
        return Reply("已用上您打开公众号时手机给的位置。还可以发照片，发完请回复“好了”。")
    if msg.kind in ("text", "voice") and (said_done(ctx) or said_skip(ctx)):
        return goto(ctx, draft, "identity", data)
    return more_story(ctx, draft) or hint(ctx, draft)
