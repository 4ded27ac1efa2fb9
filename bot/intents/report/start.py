"""Starting a report: asked for (菜单 3, 我要反映), or offered when a message already tells a story."""

from __future__ import annotations

import re
import unicodedata

from bot import report_prompts as p
from bot import safety, shapes
from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.intents.report.draft import HARDSHIP, OFFER, STATE, draft_data, goto, meaningful, prompt_for
from bot.intents.report.hardship import hardship_go
from bot.intents.report.story import after_description
from bot.intents.safety import OFFER as SAFETY_OFFER
from bot.menu import menu_text
from bot.reading.benefit_wrongs import own_payment_missing
from bot.reading.choices import agreed_pick, choice_of, pick
from bot.reading.normal_form import clauses, normalise
from bot.reading.step_answers import means
from bot.reading.wrongs import guess_category
from bot.understand import classify
from cases.categories import by_code, categories
from cases.intake import report_drafts
from cases.intake.report_drafts import DraftData
from cases.validation import (
    MAX_DESCRIPTION,
)
from storage.models.cases import ReportDraft
from storage.repos.users import ConversationState

router = Router()


@router.menu_item("3")
@router.intent("report")
@router.command("举报", "反映", "投诉", "我要反映")
def start(ctx: Context) -> Reply:
    if ctx.place is None:
        ctx.go(ConversationState.BIND)
        return Reply("反映问题前，请先告诉我们您所在的村。\n请回复村名（如“土观村”）。")
    # 能不能匿名举报 会不会被村里知道: the fear is answered first and never kept as the report's words.
    asked, rest = safety.split(ctx.text) if ctx.message.kind in ("text", "voice") else (False, "")
    answer = safety.ANSWER + "\n\n" if asked else ""
    if ctx.intent.name == "report" and ctx.intent.detail == "where":
        answer += HERE  # 请问在哪里检举: the answer is here, and the report starts
    beside = classify(rest) if asked and rest else None
    if beside is not None and beside.name == "report" and beside.told:
        # 我要举报 村会计扣了补助 能不能匿名: the ask and the story, started with the category they name.
        return Reply(answer + start_with(ctx, rest[:MAX_DESCRIPTION], _guessed(beside.detail)).text)
    if beside is not None and (beside.name == "story" or beside.told):
        # 村主任拿加油卡给自家车加油 我举报了会不会被知道: the fear answered, the story beside it offered as any
        # story told alone is, with the category it names.
        code = beside.detail if beside.name == "story" and beside.detail else guess_category(beside.norm)
        ctx.go(OFFER, text=rest[:MAX_DESCRIPTION], category=code)
        category = by_code(code)
        return Reply(answer + p.story_offer(category.label if category else "其他意见建议"))
    if asked and rest and shapes.flat_statement(normalise(rest)):
        # 低保名单里有开饭馆的 … 我举报的话会不会被报复: the fear answered, the story beside it offered.
        code = guess_category(normalise(rest))
        ctx.go(OFFER, text=rest[:MAX_DESCRIPTION], category=code)
        category = by_code(code)
        return Reply(answer + p.story_offer(category.label if category else "其他意见建议"))
    if not asked and ctx.intent.name == "report" and ctx.intent.told:
        # 我要投诉 村上啥都不管: keep the words; the category is guessed from them when they name one.
        return start_with(ctx, ctx.text[:MAX_DESCRIPTION], _guessed(ctx.intent.detail))
    draft = report_drafts.load(ctx.session, openid=ctx.user.openid, now=ctx.now)
    ctx.go(STATE)
    if draft is not None and draft.step != "category":
        return Reply(answer + _resumed(ctx, draft))
    if draft is None:
        report_drafts.start(ctx.session, openid=ctx.user.openid, now=ctx.now)
    return Reply(answer + p.category_prompt())


def _guessed(code: str) -> str | None:
    """A category guessed from the villager's words, or None when they name none (the category is asked)."""
    return code if code not in ("", "other", HARDSHIP) and by_code(code) is not None else None


# The answer to "where (or how) do I report", given as the report starts.
HERE = "在这里就能反映，按提示一步步回答就行，可以匿名。也可以拨打 12388 纪检监察举报电话。\n\n"


def _resumed(ctx: Context, draft: ReportDraft) -> str:
    """A draft taken up again shows what was kept (shortened) before its step; in the story step it asks to add."""
    data = draft_data(draft)
    said = p.description_of(data).strip()
    if not said:
        return "继续您上次没有提交的反映。\n\n" + prompt_for(ctx, draft)
    shown = said if len(said) <= RESUME_SHOWN else said[:RESUME_SHOWN] + "……"
    head = f"继续您上次没有提交的反映。已记下的（共 {len(said)} 字）：\n{shown}"
    if draft.step in ("description", "h_story"):
        return head + "\n\n" + p.story_saved(len(said), hardship=data.get("category") == HARDSHIP)
    return head + "\n\n" + prompt_for(ctx, draft)


# How much of a kept story a resumed draft shows.
RESUME_SHOWN = 80


@router.intent("story", "hardship")
def offer(ctx: Context) -> Reply:
    """The message already tells misconduct or a household's hardship: offer to start with it."""
    code = ctx.intent.detail or "other"
    text = ctx.text
    asked, rest = safety.split(text) if ctx.message.kind in ("text", "voice") and code != HARDSHIP else (False, "")
    if asked:
        if classify(rest).name != "story" and not shapes.flat_statement(normalise(rest)):
            # 俺怕告了以后社长给俺穿小鞋 阿么办: the fear is the message; answered, and the way to report offered.
            return Reply(safety.ANSWER + "\n" + SAFETY_OFFER)
        text = rest  # the story beside the question (…这个事你们能保密吗): the question answered, never kept
    # 想申请防返贫监测 asks to apply and tells nothing of the household yet: its story is asked for.
    told = code != HARDSHIP or ctx.intent.told
    ctx.go(OFFER, text=text[:MAX_DESCRIPTION] if told else "", category=code)
    if code == HARDSHIP:
        return Reply(p.HARDSHIP_OFFER)
    category = by_code(code)
    own = own_payment_missing(ctx.intent.norm)
    offered = p.story_offer(category.label if category else "其他意见建议", own_payment=own)
    return Reply(safety.ANSWER + "\n\n" + offered if asked else offered)


@router.state(OFFER)
def on_offer(ctx: Context) -> Reply:
    intent = ctx.intent
    text, code = str(ctx.data.get("text", "")), str(ctx.data.get("category", "other"))
    if ctx.message.kind in ("text", "voice") and safety.split(ctx.text)[0]:
        category = by_code(code)  # 会不会被知道 before saying yes: answered, and the offer stands
        label = category.label if category else "其他意见建议"
        offered = p.HARDSHIP_OFFER if code == HARDSHIP else p.story_offer(label)
        return Reply((safety.HARDSHIP_ANSWER if code == HARDSHIP else safety.ANSWER) + "\n\n" + offered)
    number = intent.choice if intent.name == "choice" else _yes_then_number(ctx.text)
    if number is None and ctx.message.kind in ("text", "voice"):
        number = agreed_pick(ctx.text, _HARDSHIP_OPTIONS if code == HARDSHIP else _STORY_OPTIONS)  # 1 登记, 2 问政策的
    if number is None and intent.name == "none" and _ONLY_ASKING.search(intent.norm):
        number = 2  # 不是 我就问问: the story was a question
    if number is None and _asked_back_then_yes(ctx):
        number = 1  # 登记了能给啥？那登记吧: a question back, then the yes
    yes = number == 1 or intent.name == "report" or intent.norm in p.YES_WORDS or means(ctx.text, "agree")
    if not yes and code == HARDSHIP and (more := _yes_among_story(ctx)) is not None:
        # 我是他媳妇 登记吧 他右手断了两个指头: the yes, and the rest told joins the household's story.
        return start_with(ctx, "\n".join(x for x in (text, more) if x)[:MAX_DESCRIPTION], code)
    if yes:
        if intent.name == "report" and intent.told and ctx.text.strip() not in text:
            # 这个管理费以前没有过 我要反映: more told beside the ask, kept with what was offered.
            text = "\n".join(x for x in (text, ctx.text.strip()) if x)[:MAX_DESCRIPTION]
        # The ask said in words where the offer guessed no category (其他意见建议): the villager picks it.
        return start_with(ctx, text, None if intent.name == "report" and code == "other" else code)
    if number == 3 and code != HARDSHIP:
        return start_with(ctx, text, None)
    if number == 2:
        from bot.intents.ask import answer  # the question path, only when the villager says so

        return answer(ctx, text, offer=False)
    if number == 0 or intent.norm in p.NO_WORDS or means(ctx.text, "refuse"):
        ctx.reset()
        return Reply("好的，什么也没有提交。\n\n" + menu_text())
    named = _category_named(ctx) if code != HARDSHIP else None
    if named is not None:
        return start_with(ctx, text, named)  # 资金, 土地的事: the report starts in the category it names
    ctx.reset()
    return PASS


@router.repeat(OFFER)
def offer_again(ctx: Context) -> Reply:
    """再说一遍 at an offer: the offer again, the story still held."""
    code = str(ctx.data.get("category", "other"))
    if code == HARDSHIP:
        return Reply(p.HARDSHIP_OFFER)
    category = by_code(code)
    return Reply(p.story_offer(category.label if category else "其他意见建议"))


# The offers' options in their own words, for a number said with them (1 登记, 1 开始吧, 2 问政策的).
_STORY_OPTIONS = ("开始反映", "我是来问政策的", "重选类别")
_HARDSHIP_OPTIONS = ("登记困难情况", "我只是问政策")


def _asked_back_then_yes(ctx: Context) -> bool:
    """A question about the offer first, the yes last (这个管用不？那就登记吧, 要多久 行 1): the yes answers."""
    if ctx.message.kind not in ("text", "voice"):
        return False
    said = clauses(ctx.text)
    if len(said) < 2 or not shapes.asks(normalise(" ".join(said[:-1]))):
        return False
    return choice_of(said[-1]) == 1 or means(said[-1], "agree")


def _yes_among_story(ctx: Context) -> str | None:
    """At the hardship offer, a clause that says yes (登记吧, 1) among more told (我是他媳妇 登记吧 他右手断了): the
    rest of the words, to keep; None when no clause says yes, or one refuses or asks."""
    if ctx.message.kind not in ("text", "voice"):
        return None
    said = clauses(ctx.text)
    if len(said) < 2 or shapes.asks(ctx.intent.norm) or any(means(c, "refuse") for c in said):
        return None
    yes = [i for i, c in enumerate(said) if choice_of(c) == 1 or means(c, "agree")]
    if not yes:
        return None
    return " ".join(c for i, c in enumerate(said) if i not in yes)


def _category_named(ctx: Context) -> str | None:
    """A short answer to the offer that names a category, by its label or its words (资金, 优亲厚友)."""
    norm = ctx.intent.norm
    if ctx.message.kind not in ("text", "voice") or not 2 <= len(norm) <= 8 or norm[0] in "不没别":
        return None
    if ctx.intent.name not in ("none", "money", "menu_item", "story"):
        return None
    cats = [c for c in categories() if c.code != HARDSHIP]
    chosen = pick(ctx.text, [c.label for c in cats])
    return cats[chosen - 1].code if chosen is not None else _guessed(guess_category(norm))


# Any way of saying yes, then the option's number (冲 1, 走起 1, 必须的 3): the number says which.
_THEN_NUMBER = re.compile(r"(.+?)[\s,，。.、!！~～]*([0-9])")


def _yes_then_number(text: str) -> int | None:
    match = _THEN_NUMBER.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if match is None or not means(match.group(1), "agree"):
        return None
    return int(match.group(2))


# Saying the story was only a question: 我就问问, 是问政策, 想咨询一下.
_ONLY_ASKING = re.compile(r"(就|只|是|想)(是)?(问问|问一下|问政策|咨询)|问政策|只是问")


def start_with(ctx: Context, text: str, code: str | None) -> Reply:
    """A new draft whose description starts with what the villager already said."""
    if ctx.place is None:
        ctx.go(ConversationState.BIND)
        return Reply("反映问题前，请先告诉我们您所在的村。\n请回复村名（如“土观村”）。")
    old = report_drafts.load(ctx.session, openid=ctx.user.openid, now=ctx.now)
    if old is not None:
        report_drafts.discard(ctx.session, draft=old)
    draft = report_drafts.start(ctx.session, openid=ctx.user.openid, now=ctx.now)
    ctx.go(STATE)
    data: DraftData = {"parts": [text] if text.strip() else []}
    if code is None:
        return goto(ctx, draft, "category", data, "已记下您说的话。请选一下类别：", plain=False)
    data["category"] = code
    category = by_code(code)
    if code == HARDSHIP:
        lead = "已记下您说的情况。\n" if data["parts"] else ""
        return hardship_go(ctx, draft, data, lead + p.HARDSHIP_INTRO)
    label = category.label if category else code
    lead = f"已把您的话记为反映内容，类别：{label}（不对请回复“返回”重选）。"
    data["history"] = ["category"]
    report_drafts.save(draft, step="description", data=data, now=ctx.now)
    if len(meaningful(text)) >= p.LONG_STORY:  # a long story has clearly been told: go on
        told = f"类别：{label}（不对最后核对时可以改）。\n" + p.story_taken(len(text))
        return Reply(after_description(ctx, draft, data, told).text + "\n" + p.FOOTER)
    return Reply(lead + "\n" + p.DESCRIPTION_MORE)
