"""Step 4b: an anonymous report whose story tells who the reporter is (我就住他家隔壁, 我是五社的马老三): those
clauses are shown and the villager chooses to delete them (1) or keep them (2) before the summary. Nothing here
logs the clauses; the draft keeps only a fingerprint of those kept, so they are not asked about again."""

from __future__ import annotations

import re

from bot import report_prompts as p
from bot.context import Context, Reply
from bot.intents.report.draft import draft_data, hint, picked_number, prompt_for
from bot.intents.report.identity import identity_step
from bot.intents.report.story import more_story
from bot.reading.self_told import fingerprint, without
from bot.reading.step_answers import means
from cases.intake import report_drafts
from cases.intake.report_drafts import DraftData
from storage.models.cases import ReportDraft

_KEEP = re.compile(r"不(用|要|必)?删|别删|保留|留着|不改|就这样留|原样")
_DELETE = re.compile(r"删|去掉|拿掉|不要这几句|不要这些")


def _choice(ctx: Context) -> int | None:
    if ctx.message.kind not in ("text", "voice"):
        return None
    norm = ctx.intent.norm
    if len(norm) <= 10 and _KEEP.search(norm):
        return 2
    if len(norm) <= 10 and _DELETE.search(norm):
        return 1
    return picked_number(ctx, ["删掉", "保留"])


def self_check_step(ctx: Context, draft: ReportDraft) -> Reply:
    data = draft_data(draft)
    told = p.self_told_pending(data)
    if not told:
        return _summary(ctx, draft, data, "")
    if ctx.message.kind in ("text", "voice") and means(ctx.text, "real_name"):
        data["editing"] = True  # 还是实名吧: a named report is never asked; the identity step takes it
        report_drafts.save(draft, step="identity", data=data, now=ctx.now)
        return identity_step(ctx, draft)
    choice = _choice(ctx)
    if choice == 1:
        data["parts"] = without([str(x) for x in data.get("parts", [])], told)
        return _summary(ctx, draft, data, "已删掉这几句。")
    if choice == 2:
        data["self_kept"] = [*data.get("self_kept", []), *(fingerprint(t) for t in told)]
        return _summary(ctx, draft, data, "好的，这几句保留。")
    return more_story(ctx, draft) or hint(ctx, draft)


def _summary(ctx: Context, draft: ReportDraft, data: DraftData, lead: str) -> Reply:
    """On to the summary; 返回 there goes back past this question, to the identity step."""
    data.pop("editing", None)
    report_drafts.save(draft, step="confirm", data=data, now=ctx.now)
    return Reply((lead + "\n\n" if lead else "") + prompt_for(ctx, draft))
