"""Step 4: anonymous or named, and the name and phone of a named reporter."""

from __future__ import annotations

from bot.context import Context, Reply
from bot.intents.report.draft import draft_data, goto, hint, picked_number, said_skip
from bot.intents.report.story import more_story
from bot.reading.normal_form import normalise
from bot.reading.step_answers import means
from cases.validation import (
    CHANNEL_RULES,
    MAX_NAME,
    Channel,
    name_problem,
    phone_problem,
)
from storage.models.cases import ReportDraft


def identity_step(ctx: Context, draft: ReportDraft) -> Reply:
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
    name = "".join(ch for ch in ctx.text if not ch.isdigit()).strip(" ，,：:；;\n\t")
    if digits and (problem := phone_problem(digits)):
        return Reply(f"{problem}您发的是 {len(digits)} 位。请重新发送，或回复“跳过”。")
    if name_problem(name):
        return Reply(f"姓名最多 {MAX_NAME} 个字，请重新发送。")
    data["name"], data["phone"] = name or None, digits or None
    return goto(ctx, draft, "confirm", data)
