"""What the report's steps share: the draft's data, asking its step, moving between steps, keeping the story."""

from __future__ import annotations

from bot import report_prompts as p
from bot.context import Context, Reply
from bot.reading.choices import pick
from bot.reading.normal_form import normalise
from bot.reading.step_answers import means
from cases.intake import report_drafts
from cases.intake.report_drafts import DraftData
from cases.intake.submit import SubmitPolicy
from cases.validation import (
    MAX_DESCRIPTION,
    EvidenceKind,
)
from storage.models.cases import ReportDraft
from storage.repos.users import ConversationState

STATE = ConversationState.REPORT
OFFER = ConversationState.REPORT_OFFER
HARDSHIP = "poverty_risk"


def policy(ctx: Context) -> SubmitPolicy:
    value = ctx.services.case_policy
    assert value is not None, "install_cases sets the submit policy at composition"
    return value


def draft_data(draft: ReportDraft) -> DraftData:
    return report_drafts.data_of(draft)


def media_counts(ctx: Context, draft: ReportDraft) -> dict[str, int]:
    return {k: report_drafts.count_media(ctx.session, draft_id=draft.draft_id, kind=k) for k in EvidenceKind}


def prompt_for(ctx: Context, draft: ReportDraft) -> str:
    entry = ctx.user.last_lat is not None and ctx.user.last_lng is not None
    return p.prompt(draft.step, draft_data(draft), media_counts(ctx, draft), entry_location=entry)


def goto(
    ctx: Context,
    draft: ReportDraft,
    step: str,
    data: DraftData,
    lead: str = "",
    *,
    force: bool = False,
    plain: bool = False,
) -> Reply:
    """Move to `step`; while editing, a step already answered is skipped straight to the summary."""
    if data.get("editing") and not force and is_answered(step, data):
        step = "confirm"
    if step == "confirm" and p.self_told_pending(data):
        step = "self_check"  # anonymous, and the story tells who the reporter is: asked before the summary
    if step == "confirm":
        data.pop("editing", None)
    history = [*list(data.get("history", [])), draft.step][-12:]
    data["history"] = history
    report_drafts.save(draft, step=step, data=data, now=ctx.now)
    if plain:
        return Reply(lead)
    return Reply((lead + "\n\n" if lead else "") + prompt_for(ctx, draft))


def is_answered(step: str, data: DraftData) -> bool:
    if step in ("description", "h_story"):
        return bool(p.description_of(data).strip())
    if step == "cadre":
        return bool(data.get("cadre_level"))
    if step == "identity":
        return "anonymous" in data
    if step == "contact":
        return bool(data.get("name") or data.get("phone")) or bool(data.get("contact_skipped"))
    if step == "evidence":
        return True
    return step in p.HARDSHIP_KEYS and p.HARDSHIP_KEYS[step] in data


def go_back(ctx: Context, draft: ReportDraft) -> Reply:
    data = draft_data(draft)
    history = list(data.get("history", []))
    if not history:
        return Reply("已经是第一步了。回复“取消”可以退出。\n\n" + prompt_for(ctx, draft))
    step = history.pop()
    data["history"] = history
    report_drafts.save(draft, step=step, data=data, now=ctx.now)
    return Reply(prompt_for(ctx, draft))


def hint(ctx: Context, draft: ReportDraft) -> Reply:
    return Reply(p.HINTS.get(draft.step, "") + "\n\n" + prompt_for(ctx, draft))


def picked_number(ctx: Context, options: int | list[str]) -> int | None:
    """The option picked: 2, ２, 二, 第二个, 2号, or (given the labels) the option's own words."""
    if ctx.message.kind not in ("text", "voice"):
        return None
    labels = options if isinstance(options, list) else [""] * options
    return pick(ctx.text, labels)


def said_done(ctx: Context) -> bool:
    if ctx.text in p.DONE_WORDS or means(ctx.text, "done"):
        return True
    return ctx.intent.name == "smalltalk" and ctx.intent.detail in ("ok", "bye")


def said_skip(ctx: Context) -> bool:
    return ctx.text in p.SKIP_WORDS or means(ctx.text, "skip")


def meaningful(text: str) -> str:
    return normalise(text)


def append_story(ctx: Context, draft: ReportDraft, data: DraftData, text: str, lead: str) -> Reply:
    """Add `text` to the story; what goes past the limit is cut, and the villager is told where and why."""
    parts = list(data.get("parts", []))
    room = MAX_DESCRIPTION - len("\n".join(parts)) - (1 if parts else 0)
    if room <= 0:
        return Reply(
            f"已经记满 {MAX_DESCRIPTION} 字，这段没能记下。\n请回复“好了”继续；其余内容可在提交后回复“补充材料”发送。"
        )
    kept = text[:room]
    data["parts"] = [*parts, kept]
    report_drafts.save(draft, step=draft.step, data=data, now=ctx.now)
    if len(kept) < len(text):
        return Reply(
            f"内容最多 {MAX_DESCRIPTION} 字，这段只记下了前 {len(kept)} 字（到“{kept[-8:]}”为止），"
            f"后面 {len(text) - len(kept)} 字没记下。\n提交后可回复“补充材料”把其余内容发过来。说完请回复“好了”。"
        )
    total = len(p.description_of(data))
    return Reply(f"{lead}（共 {total} 字）\n还有要补充的请继续发；说完请回复“好了”。")
