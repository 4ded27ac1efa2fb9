"""Step 3: evidence (photos, voice notes, a place)."""

from __future__ import annotations

from bot import report_prompts as p
from bot.context import Context, Reply
from bot.intents.report.draft import append_story, draft_data, goto, hint, said_done, said_skip
from bot.intents.report.media import add_media, set_location
from bot.intents.report.story import more_story
from bot.reading.step_answers import evidence_in_words, evidence_promised
from cases.intake import report_drafts
from cases.intake.report_drafts import DraftData
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
    if msg.kind == "text" and evidence_promised(ctx.text):
        return _promised(ctx, draft, data)
    if msg.kind == "text" and evidence_in_words(ctx.text):
        return _told_in_words(ctx, draft, data)
    if msg.kind in ("text", "voice") and (said_done(ctx) or said_skip(ctx)):
        return goto(ctx, draft, "identity", data)
    return more_story(ctx, draft) or hint(ctx, draft)


def _told_in_words(ctx: Context, draft: ReportDraft, data: DraftData) -> Reply:
    """Evidence told in words, no photo now (有票, 牛在他家圈里拴着哩 你们去看): the words go into the report
    for the staff who check it, and the step is passed; a photo can still come later with 补充材料."""
    before = len(p.description_of(data))
    append_story(ctx, draft, data, "证据：" + ctx.message.content.strip(), "")
    kept = len(p.description_of(data)) > before
    lead = "已把您说的证据情况记进反映内容。" if kept else "内容已经记满，这句没能记下。"
    lead += "有照片的话，提交后可回复“补充材料”发送。"
    return goto(ctx, draft, "identity", data, lead)


def _promised(ctx: Context, draft: ReportDraft, data: DraftData) -> Reply:
    """Evidence held and promised later (我有名单截图 等下发): the words go into the report, the step is passed,
    and the photos are taken at the next steps or, after submitting, with 补充材料."""
    before = len(p.description_of(data))
    append_story(ctx, draft, data, "证据：" + ctx.message.content.strip(), "")
    lead = "好的，已记下您有证据。" if len(p.description_of(data)) > before else "内容已经记满，这句没能记下。"
    lead += "照片随时可以发过来；提交后也可以回复“补充材料”发送。"
    return goto(ctx, draft, "identity", data, lead)
