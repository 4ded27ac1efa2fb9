"""Step 4: anonymous or named, and the name and phone of a named reporter."""

from __future__ import annotations

import re

from bot.context import Context, Reply
from bot.intents.report.draft import draft_data, goto, hint, picked_number, prompt_for, said_skip
from bot.intents.report.media import add_media
from bot.intents.report.story import more_story
from bot.reading.normal_form import normalise
from bot.reading.step_answers import means
from cases.intake import report_drafts
from cases.validation import (
    CHANNEL_RULES,
    MAX_NAME,
    Channel,
    EvidenceKind,
    name_problem,
    phone_problem,
)
from storage.models.cases import ReportDraft

# Words around a name and a phone sent in one message (我叫马有才，电话139…): not part of the name.
_LEAD_IN = re.compile(r"^(我叫|我是|叫我|我的名字是|我的名字叫|名字是|名字叫|名字|姓名是|姓名|本人)[:：是]?")
_LABELS = re.compile(r"(我的)?(手机号码|手机号|电话号码|联系电话|电话|手机|号码|联系方式)[:：是]?")
_EDGES = " ，,。.：:；;、\n\t"
_WITHHELD = re.compile(r"不想|不愿|不留|不给|不方便|不要|不写|没有|没")


def name_said(text: str) -> str:
    """The name in a contact answer, without the digits, a lead-in (我叫) or a phone's label (电话)."""
    words = "".join(ch for ch in text if not ch.isdigit()).strip(_EDGES)
    words = _LABELS.sub(" ", _LEAD_IN.sub("", words)).strip(_EDGES)
    return re.sub(r"[\s，,。：:；;、]+", " ", words).strip()


def identity_step(ctx: Context, draft: ReportDraft) -> Reply:
    if ctx.message.kind == "image":  # the photo promised at the evidence step (等下发): kept with the others
        refused = add_media(ctx, draft, EvidenceKind.IMAGE)
        if refused is not None:
            return refused
        n = report_drafts.count_media(ctx.session, draft_id=draft.draft_id, kind=EvidenceKind.IMAGE)
        return Reply(f"已收到第 {n} 张照片。\n\n" + prompt_for(ctx, draft))
    choice = 2 if means(ctx.text, "anonymous") else 1 if means(ctx.text, "real_name") else None
    choice = choice or picked_number(ctx, ["实名", "匿名"])
    if choice is None:
        return more_story(ctx, draft) or hint(ctx, draft)
    data = draft_data(draft)
    data["anonymous"] = choice == 2
    if choice == 2:
        data.pop("name", None)
        data.pop("phone", None)
        return goto(ctx, draft, "confirm", data)
    return goto(ctx, draft, "contact", data)


def contact_step(ctx: Context, draft: ReportDraft) -> Reply:
    if ctx.message.kind != "text" or not ctx.text:
        return hint(ctx, draft)
    data = draft_data(draft)
    said = normalise(ctx.text)
    if (
        not any(ch.isdigit() for ch in ctx.text)
        and means(ctx.text, "anonymous")
        and ("电话" not in said or "名" in said)
    ):
        # A change of mind (名字还是不留了 匿名吧): anonymous after all, nothing kept; 电话不想留 only leaves
        # the phone out.
        data["anonymous"] = True
        data.pop("name", None)
        data.pop("phone", None)
        return goto(ctx, draft, "confirm", data)
    if said_skip(ctx) and not CHANNEL_RULES[Channel.CHAT].contact_required:  # the chat lets both be left out
        data["name"], data["phone"], data["contact_skipped"] = None, None, True
        return goto(ctx, draft, "confirm", data)
    digits = "".join(ch for ch in ctx.text if ch.isdigit())
    name = name_said(ctx.text)
    if not digits and _WITHHELD.search(name):  # 电话不想留: not a name
        return Reply("好的，电话可以不留。请只发您的姓名；姓名也不想留请回复“跳过”。")
    if digits and (problem := phone_problem(digits)):
        return Reply(f"{problem}您发的是 {len(digits)} 位。请重新发送，或回复“跳过”。")
    if name_problem(name):
        return Reply(f"姓名最多 {MAX_NAME} 个字，请重新发送。")
    data["name"], data["phone"] = name or None, digits or None
    return goto(ctx, draft, "confirm", data)
