"""The report conversation's turn: flood limit, leaving, 返回, safety questions, switching paths, then the step."""

from __future__ import annotations

import re
from datetime import timedelta

from bot import report_prompts as p
from bot import safety
from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.intents.report.cadre import cadre_step
from bot.intents.report.category import category_step, category_story
from bot.intents.report.draft import (
    HARDSHIP,
    STATE,
    append_story,
    draft_data,
    go_back,
    goto,
    meaningful,
    prompt_for,
    said_skip,
)
from bot.intents.report.evidence import evidence_step
from bot.intents.report.hardship import h_free, h_people, h_phone, h_story, h_what, h_whose, hardship_go
from bot.intents.report.identity import contact_step, identity_step
from bot.intents.report.review import confirm_step, edit_step
from bot.intents.report.self_check import self_check_step
from bot.intents.report.story import description_step
from bot.menu import menu_text
from bot.reading.normal_form import clauses, normalise
from bot.reading.step_answers import means
from bot.understand import classify
from cases.intake import ratelimit, report_drafts
from cases.intake.ratelimit import RateLimited
from cases.timeutil import chinese_time
from config.privacy import user_key
from storage.models.cases import ReportDraft

router = Router()
FLOOD_LIMIT = 30


def _flooding(ctx: Context) -> Reply | None:
    """At most FLOOD_LIMIT report messages a minute per villager, counted in the database."""
    minute = ctx.now.replace(second=0, microsecond=0)
    try:
        ratelimit.take(
            ctx.session,
            bucket=f"flood:{user_key(ctx.user.openid)[:32]}:{minute:%Y%m%d%H%M}",
            limit=FLOOD_LIMIT,
            expires_at=minute + timedelta(minutes=1),
        )
    except RateLimited as exc:
        return Reply(f"您发得太快了，请在 {chinese_time(exc.retry_at)} 后再发。已记下的内容都还在。")
    return None


@router.state(STATE, navigates=True)
def on_message(ctx: Context) -> Reply:
    flooding = _flooding(ctx)
    if flooding is not None:
        return flooding
    draft = report_drafts.load(ctx.session, openid=ctx.user.openid, now=ctx.now)
    if draft is None:
        ctx.reset()
        return Reply("上次的反映已超过 24 小时，草稿已清除。需要时回复 3 重新反映。")
    intent = ctx.intent.name if ctx.message.kind in ("text", "voice") else "none"
    if draft.step in ("evidence", "contact") and said_skip(ctx):
        intent = "none"  # 不用了 here means no photos, not "cancel the report"
    if intent == "person" and draft.step in _FREE_TEXT and len(ctx.intent.norm) > PERSON_WORDS_MAX:
        intent = "none"  # 找个人照顾 in the help asked for is what was said, not a call for a person
    if intent == "none" and draft.step not in ("description", "h_story") and ctx.message.kind == "text":
        intent = _clause_exit(ctx.text) or intent  # 电话不留 算了不弄了
    if intent == "cancel" and (answer := _mind_changed(ctx.text, draft.step)) is not None:
        ctx.read_again(answer)  # 算了 名字还是不留了 匿名吧: this step answered otherwise, not leaving
        intent = ctx.intent.name
    if intent == "cancel":
        left = p.HARDSHIP_CANCELLED if draft_data(draft).get("category") == HARDSHIP else p.CANCELLED
        report_drafts.discard(ctx.session, draft=draft)
        ctx.reset()
        return Reply(left + "\n\n" + menu_text())
    if intent in ("menu", "help", "person"):
        ctx.reset()
        return PASS  # the draft stays; menu item 3 resumes it
    if intent == "restart":
        report_drafts.discard(ctx.session, draft=draft)
        ctx.reset()
        return Reply("好的，重新开始，没有提交的内容已清除。\n\n" + menu_text())
    if intent == "back":
        reply = go_back(ctx, draft)
    elif (answered := _safety(ctx, draft)) is not None:
        reply = answered
    else:
        switched = _switch(ctx, draft)
        if switched is not None:
            return switched
        handler = _STEPS.get(draft.step, category_step)
        reply = handler(ctx, draft)
    if ctx.state == STATE and not any(word in reply.text for word in ("取消", "菜单")):
        return Reply(reply.text + "\n" + p.FOOTER)  # every reply in the flow says how to get out
    return reply


@router.repeat(STATE)
def say_step_again(ctx: Context) -> Reply:
    """再说一遍 at a step of the report: the step's prompt again, nothing kept."""
    draft = report_drafts.load(ctx.session, openid=ctx.user.openid, now=ctx.now)
    if draft is None:
        return PASS
    prompt = prompt_for(ctx, draft)
    return Reply(prompt if any(word in prompt for word in ("取消", "菜单")) else prompt + "\n" + p.FOOTER)


def _safety(ctx: Context, draft: ReportDraft) -> Reply | None:
    """A question about the reporter's safety at any step: answered truly, never kept as content, and the
    step is asked again; the rest of the message (a story beside the question) is kept where a story goes."""
    if ctx.message.kind not in ("text", "voice") or not ctx.text:
        return None
    asked, rest = safety.split(ctx.text)
    if not asked:
        return None
    data = draft_data(draft)
    answer = safety.HARDSHIP_ANSWER if data.get("category") == HARDSHIP else safety.ANSWER
    if rest and len(meaningful(rest)) >= 3 and draft.step in ("category", "description", "h_story"):
        kept = category_story(ctx, draft, rest) if draft.step == "category" else None
        if kept is None and draft.step != "category":
            kept = append_story(ctx, draft, data, rest, "其余的话已记下。")
        if kept is not None:
            return Reply(answer + "\n\n" + kept.text)
    return Reply(answer + "\n\n" + prompt_for(ctx, draft))


# Steps that take free text: a message there that mentions a person (找个人照顾) is an answer.
_FREE_TEXT = frozenset({"description", "h_story", "h_when", "h_help", "contact", "h_phone"})
PERSON_WORDS_MAX = 8
# The last clause of a longer answer that leaves outright (算了不弄了, 不登记了): 算了 or 不用了 alone is not
# enough there (照片没有 算了 means no photos).
_OUTRIGHT_EXITS = (
    *("不弄", "不办", "不要了", "退出", "不反映", "不登记"),
    *("不申请", "不举报", "不搞", "不整", "取消", "放弃"),
)


def _clause_exit(text: str) -> str | None:
    said = clauses(text)
    if len(said) < 2:
        return None
    last = said[-1]
    name = classify(last).name
    if name == "cancel" and any(w in normalise(last) for w in _OUTRIGHT_EXITS):
        return name
    return name if name in ("menu", "restart") else None


# A first clause that gives up what was being said (算了, 那算了, 还是算了), with no outright leaving in it.
_GIVE_UP = re.compile(r"(哎|唉|嗯|那|还是|那还是)?算了(算了)?(吧|啊)?")
# The answers of a step a villager may turn to after 算了: a change of mind (算了 匿名吧, 算了 没有照片, 算了 就这些).
_ANSWERS_AFTER_GIVING_UP = {
    "identity": ("anonymous", "real_name"),
    "contact": ("anonymous", "skip"),
    "evidence": ("skip",),
    "description": ("done",),
    "confirm": ("confirm", "edit"),
}
_PICKED_AFTER_GIVING_UP = frozenset({"category", "cadre", "identity", "confirm"})


def _mind_changed(text: str, step: str) -> str | None:
    """算了 名字还是不留了 匿名吧: a first 算了 and then this step's own answer is a change of mind, not leaving; the
    answer after it, or None."""
    said = clauses(text)
    if len(said) < 2 or not _GIVE_UP.fullmatch(normalise(said[0])):
        return None
    rest = " ".join(said[1:])
    meant = classify(rest)
    if meant.name in ("cancel", "menu", "restart", "person"):
        return None  # 算了 不弄了, 算了 找人工: leaving still
    if meant.name == "choice" and step in _PICKED_AFTER_GIVING_UP:
        return rest
    return rest if any(means(rest, kind) for kind in _ANSWERS_AFTER_GIVING_UP.get(step, ())) else None


def _switch(ctx: Context, draft: ReportDraft) -> Reply | None:
    """Hardship told as misconduct, or the other way round: change paths and keep what was said."""
    if ctx.message.kind not in ("text", "voice"):
        return None
    said = [ctx.intent.norm, *(normalise(c) for c in clauses(ctx.text))]
    # 这个是要告村上的 改为反映问题: the switch may be one clause of the message (never inside a story's clause).
    target = p.switch_to(ctx.intent.norm, whole=True)
    target = target or next((t for c in said if (t := p.switch_to(c)) is not None), None)
    data = draft_data(draft)
    if target == "hardship" and data.get("category") != HARDSHIP:
        data["category"] = HARDSHIP
        data.pop("cadre_level", None)
        return hardship_go(ctx, draft, data, "已改为困难帮扶登记，您说过的话都保留了。")
    if target == "report" and data.get("category") == HARDSHIP:
        data.pop("category", None)
        return goto(ctx, draft, "category", data, "已改为反映问题，您说过的话都保留了。")
    return None


_STEPS = {
    "category": category_step,
    "description": description_step,
    "cadre": cadre_step,
    "evidence": evidence_step,
    "identity": identity_step,
    "contact": contact_step,
    "self_check": self_check_step,
    "confirm": confirm_step,
    "edit": edit_step,
    "h_whose": h_whose,
    "h_story": h_story,
    "h_what": h_what,
    "h_when": h_free("when", 1),
    "h_people": h_people,
    "h_help": h_free("help", 2),
    "h_phone": h_phone,
}
