"""Step 5: the summary, submitted or changed (修改) one thing at a time."""

from __future__ import annotations

import unicodedata

from bot import report_prompts as p
from bot.context import Context, Reply
from bot.intents.report.draft import HARDSHIP, draft_data, goto, hint, picked_number
from bot.intents.report.identity import identity_step, name_said
from bot.intents.report.submit import submit_hardship, submit_report
from bot.menu import menu_text
from bot.reading.step_answers import means
from cases.intake import report_drafts
from cases.validation import name_problem, phone_problem
from storage.models.cases import ReportDraft


def confirm_step(ctx: Context, draft: ReportDraft) -> Reply:
    text = ctx.text if ctx.message.kind in ("text", "voice") else ""
    choice = picked_number(ctx, ["提交", "修改"])
    if choice is None and ctx.intent.name == "choice" and ctx.intent.choice == 0:
        hardship = draft_data(draft).get("category") == HARDSHIP
        report_drafts.discard(ctx.session, draft=draft)
        ctx.reset()
        return Reply((p.HARDSHIP_CANCELLED if hardship else p.CANCELLED) + "\n\n" + menu_text())
    if choice == 2 or means(text, "edit"):
        return goto(ctx, draft, "edit", draft_data(draft))
    said_identity = text and (means(text, "real_name") or means(text, "anonymous"))
    if choice is None and said_identity and draft_data(draft).get("category") != HARDSHIP:
        data = draft_data(draft)  # 实名 at the summary changes the identity, as 修改 → 身份 would
        data["editing"] = True
        report_drafts.save(draft, step="identity", data=data, now=ctx.now)
        return identity_step(ctx, draft)
    if choice is None and (added := _contact_added(ctx, draft)) is not None:
        return added
    if choice != 1 and not means(text, "confirm"):
        return hint(ctx, draft)
    data = draft_data(draft)
    if data.get("category") == HARDSHIP:
        return submit_hardship(ctx, draft)
    return submit_report(ctx, draft)


def _contact_added(ctx: Context, draft: ReportDraft) -> Reply | None:
    """A named reporter who sent the name and then the phone in a second message (马阿訇, then 139…) at the
    summary: the phone is added, not refused, and the summary shown again. None if it is not that."""
    data = draft_data(draft)
    if data.get("anonymous", True) or data.get("category") == HARDSHIP or data.get("phone"):
        return None
    said = unicodedata.normalize("NFKC", ctx.text) if ctx.message.kind == "text" else ""
    digits = "".join(ch for ch in said if ch.isdigit())
    if len(digits) < 7 or phone_problem(digits) is not None:
        return None
    name = name_said(said)
    if name and not data.get("name") and name_problem(name) is None:
        data["name"] = name
    data["phone"] = digits
    return goto(ctx, draft, "confirm", data, "已补上手机号。")


def edit_step(ctx: Context, draft: ReportDraft) -> Reply:
    """Change one thing; the rest stays, and steps already answered are not asked again."""
    data = draft_data(draft)
    fields = p.hardship_fields() if data.get("category") == HARDSHIP else p.EDIT_FIELDS
    choice = picked_number(ctx, [label for label, _step in fields])
    if choice is None and fields is p.EDIT_FIELDS:
        choice = _edit_by_words(ctx.intent.norm)
        anonymous = bool(data.get("anonymous", True))
        said_new = (means(ctx.text, "real_name") and anonymous) or (means(ctx.text, "anonymous") and not anonymous)
        if choice == 4 and said_new:
            data["editing"] = True  # 改成实名 says the new value too: answered as the identity step
            report_drafts.save(draft, step="identity", data=data, now=ctx.now)
            return identity_step(ctx, draft)
    if choice is None:
        return hint(ctx, draft)
    step = fields[choice - 1][1]
    data["editing"] = True
    if step in ("description", "h_story"):
        said = p.description_of(data)
        lead = f"原来记下的：\n{said[:300]}{'……' if len(said) > 300 else ''}\n\n" + p.EDIT_DESCRIPTION
        return goto(ctx, draft, step, data, lead, force=True, plain=True)
    return goto(ctx, draft, step, data, force=True)


def _edit_by_words(norm: str) -> int | None:
    """The field a message names by its words or one of its values (改成实名 -> 身份); None if not one only."""
    named = [i for i, (_label, step) in enumerate(p.EDIT_FIELDS, 1) if any(w in norm for w in p.EDIT_WORDS[step])]
    return named[0] if len(named) == 1 else None
