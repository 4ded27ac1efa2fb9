"""Step 2: what happened, told in parts; more story sent at later steps; then who is reported, or evidence."""

from __future__ import annotations

import re

from bot import report_prompts as p
from bot.context import Context, Reply
from bot.intents.report.draft import (
    HARDSHIP,
    append_story,
    draft_data,
    goto,
    hint,
    meaningful,
    prompt_for,
    said_done,
    said_skip,
)
from bot.intents.report.media import add_media, set_location
from bot.reading.normal_form import normalise
from bot.reading.step_answers import done_then_remark
from cases.categories import by_code, categories
from cases.intake import report_drafts
from cases.intake.report_drafts import DraftData
from cases.routing import cadres
from cases.validation import (
    EvidenceKind,
    LocationSource,
)
from storage.models.cases import ReportDraft


def description_step(ctx: Context, draft: ReportDraft) -> Reply:
    msg = ctx.message
    data = draft_data(draft)
    if msg.kind == "text" and said_done(ctx):
        if not p.description_of(data).strip():
            return Reply("还没有记下内容。" + p.DESCRIPTION)
        if len(meaningful(p.description_of(data))) < p.MIN_DESCRIPTION:
            return Reply(p.TOO_SHORT)
        return after_description(ctx, draft, data)
    remark = done_then_remark(ctx.message.content) if msg.kind == "text" else None
    if remark is not None and len(meaningful(p.description_of(data))) >= p.MIN_DESCRIPTION:
        append_story(ctx, draft, data, remark, "")  # 差不多就这些 账本我见过: the remark kept, the story done
        return after_description(ctx, draft, data)
    if msg.kind == "voice":
        media_reply = add_media(ctx, draft, EvidenceKind.VOICE)
        if media_reply is not None:
            return media_reply
        if not msg.recognition:
            return Reply("语音已保存，但没能识别出文字。请再打字写下要点：谁、做了什么、什么时候、多少钱。")
        return _story_part(ctx, draft, data, msg.recognition, "已识别并记下您的语音，语音也已保存。")
    if msg.kind == "text":
        return _described(ctx, draft, data)
    if msg.kind == "image":
        return add_media(ctx, draft, EvidenceKind.IMAGE) or Reply(
            "照片已收到。请再用文字说说发生了什么，说完回复“好了”。"
        )
    if msg.kind == "location":
        set_location(data, ctx, source=LocationSource.MESSAGE)
        report_drafts.save(draft, step=draft.step, data=data, now=ctx.now)
        return Reply("位置已收到。请再用文字说说发生了什么，说完回复“好了”。")
    return hint(ctx, draft)


def _described(ctx: Context, draft: ReportDraft, data: DraftData) -> Reply:
    """A text in the description step: command words and scraps are never stored as the story."""
    if not ctx.text:
        return Reply(p.DESCRIPTION)
    if ctx.text in p.REWRITE_WORDS:
        data["parts"] = []
        report_drafts.save(draft, step=draft.step, data=data, now=ctx.now)
        return Reply("之前记下的内容已清空。\n" + p.DESCRIPTION)
    recategorised = _category_retold(ctx, draft, data)
    if recategorised is not None:
        return recategorised
    saved = len(meaningful(p.description_of(data))) >= p.MIN_DESCRIPTION
    if said_skip(ctx):
        if saved:  # nothing more to add: the story is there, go on
            return after_description(ctx, draft, data)
        return Reply("这一步不能跳过：不知道发生了什么，就没法核实。\n" + p.EXAMPLE + "\n说完请回复“好了”。")
    if ctx.intent.name in ("smalltalk", "choice", "menu_item") or len(meaningful(ctx.text)) < 3:
        if saved:
            return Reply(p.story_saved(len(p.description_of(data))))
        return Reply(f"只有“{ctx.text[:10]}”，看不出发生了什么。\n" + p.EXAMPLE + "\n说完请回复“好了”。")
    return _story_part(ctx, draft, data, ctx.message.content.strip(), "已记下。")


# A category named in its own words instead of the story (吃拿卡要, 是优亲厚友那类, 类别改成项目质量).
_CATEGORY_LEAD = re.compile(r"^(我|我的|这个|这)?(类别|类型)?(就|应该|应)?(是|选|改成|改为|换成|属于|算)?")
_CATEGORY_TAIL = re.compile(r"(的|那一?类|这一?类|一类|那个|这个|类|问题)*$")
_LABEL_PARTS = re.compile(r"[、，（）()或]")


def _category_retold(ctx: Context, draft: ReportDraft, data: DraftData) -> Reply | None:
    """A category's own words said where the story goes (the category was open, or guessed wrong): the
    category changes, nothing is stored as the story, and the story is asked for."""
    if ctx.message.kind != "text" or data.get("category") == HARDSHIP:
        return None
    bare = _CATEGORY_LEAD.sub("", ctx.intent.norm)
    said = [n for n in {bare, _CATEGORY_TAIL.sub("", bare)} if 4 <= len(n) <= 8]
    parts = {c.code: [x for x in _LABEL_PARTS.split(normalise(c.label)) if len(x) >= 4] for c in categories()}
    named = [c for c in categories() if c.code != HARDSHIP and any(n in x for n in said for x in parts[c.code])]
    if len(named) != 1:
        return None
    data["category"] = named[0].code
    report_drafts.save(draft, step=draft.step, data=data, now=ctx.now)
    told = p.description_of(data).strip()
    return Reply(f"类别已改为：{named[0].label}。\n" + (p.DESCRIPTION_MORE if told else p.DESCRIPTION))


def _story_part(ctx: Context, draft: ReportDraft, data: DraftData, text: str, lead: str) -> Reply:
    """Add a part of the story. A long one has clearly been told: go on without waiting for 好了 (more can
    still be sent at the next steps); a hardship told here is offered its own path."""
    before = len(p.description_of(data))
    reply = append_story(ctx, draft, data, text, lead)
    kept = len(p.description_of(data)) - before
    switch = p.SWITCH_TO_HARDSHIP if ctx.intent.name == "hardship" else ""
    if kept >= len(text) and not data.get("editing") and len(meaningful(text)) >= p.LONG_STORY:
        told = p.story_taken(len(p.description_of(data)))
        return after_description(ctx, draft, data, "\n".join(x for x in (told, switch) if x))
    return Reply(reply.text + "\n" + switch) if switch else reply


def after_description(ctx: Context, draft: ReportDraft, data: DraftData, lead: str = "") -> Reply:
    """Ask who is reported in the categories about cadres, and in any other whose words name a cadre:
    the answer keeps the case away from the accused town (the router also reads the words)."""
    category = by_code(str(data.get("category", "")))
    if category is not None and category.about_cadres:
        return goto(ctx, draft, "cadre", data, lead)
    named = cadres.strongest(p.description_of(data))
    if named is None:
        return goto(ctx, draft, "evidence", data, lead)
    return goto(ctx, draft, "cadre", data, "\n".join(x for x in (lead, f"您说的内容提到了“{named.word}”。") if x))


def more_story(ctx: Context, draft: ReportDraft) -> Reply | None:
    """A text at a later step that answers nothing there and is long enough to be more of the story (the
    story moved on without 好了): it is added, and the step is asked again."""
    if ctx.message.kind != "text" or ctx.intent.name not in ("none", "story", "report", "hardship", "money"):
        return None
    data = draft_data(draft)
    if len(meaningful(ctx.text)) < p.MORE_STORY or data.get("category") == HARDSHIP:
        return None
    text = ctx.message.content.strip()
    before = len(p.description_of(data))
    reply = append_story(ctx, draft, data, text, "")
    if len(p.description_of(data)) - before < len(text):
        return Reply(reply.text + "\n\n" + prompt_for(ctx, draft))  # the story is full: told what was kept
    return Reply(p.story_added(len(p.description_of(data))) + "\n\n" + prompt_for(ctx, draft))
