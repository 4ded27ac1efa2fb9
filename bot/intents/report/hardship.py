"""Hardship: an application for help with its own script (whose household, what, when, how many, what help, phone)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Literal

from bot import report_prompts as p
from bot.context import Context, Reply
from bot.hardship_story import fill_from_story, is_bare_number, taken_text, when_answer
from bot.intents.report.draft import (
    append_story,
    draft_data,
    goto,
    hint,
    is_answered,
    meaningful,
    picked_number,
    said_done,
    said_skip,
)
from bot.reading.choices import leading_choice
from cases.intake import report_drafts
from cases.intake.report_drafts import DraftData
from cases.validation import (
    MAX_DESCRIPTION,
    MAX_NAME,
    phone_problem,
)
from storage.models.cases import ReportDraft


def _next_hardship(data: DraftData) -> str:
    for step in p.HARDSHIP_ORDER:
        if not is_answered(step, data):
            return step
    return "confirm"


def hardship_go(ctx: Context, draft: ReportDraft, data: DraftData, lead: str = "") -> Reply:
    """The first step not yet answered; what the story already tells is taken, not asked again."""
    told = taken_text(fill_from_story(data))
    return goto(ctx, draft, _next_hardship(data), data, "\n".join(x for x in (lead, told) if x))


def _hardship_next(ctx: Context, draft: ReportDraft, data: DraftData, lead: str = "") -> Reply:
    if data.get("editing"):
        return goto(ctx, draft, "confirm", data, lead)
    return hardship_go(ctx, draft, data, lead)


# Saying one has no phone (没手机, 我没有电话, 不会用手机), and the words naming whose number it is (社长的电话是).
# The phone named first is the same (电话 我 没有, 手机嘛 莫得, 电话号也没有的).
_NO_PHONE = re.compile(
    r"(我|俺|老汉|家里|这户)?\s*(也)?\s*(没有|没得|莫得|莫有|没|不会用|不用|用不来)\s*(个)?\s*(手机|电话)(号)?"
    r"|(手机|电话)(号|号码)?\s*(嘛|么|呢)?\s*(我|俺|老汉|家里|这户)?\s*(也|都)?\s*(没有|没得|莫得|莫有|没)(的|了)?"
)
_NUMBER_WORDS = re.compile(r"(的)?(电话|手机|号码|手机号|电话号)+(号码|号)?(是|为|:|：)?|打给|打|找")


# Whose household, said in words: 我替她登记, 是邻居家 (another's); 就是我家 (one's own).
_OTHERS = re.compile(r"替|别人|邻居|隔壁|亲戚家|他家|她家|人家的|帮(他|她)|代(他|她|人)")
_OWN = re.compile(r"自己|我家|我们家|本人|自家|俺家|俺们家|咱家|咱们家")
# A kin's or a named family's household is another's (俺老丈人家, 我姐家, 丈母娘那边, 老马家); in-laws live apart
# even without 家. Parents or children alone (我爸) may live in the same house: not read, the step asks again.
_KIN_HOUSE = re.compile(
    r"(老丈人|丈人|丈母娘|岳父|岳母|公公|婆婆|亲家|舅舅|舅妈|姑姑|姑妈|姨妈|小姨|叔叔|婶婶|伯伯|大爷|哥哥|姐姐|妹妹|弟弟"
    r"|侄子|侄女|外甥|闺女|女儿|儿子|孙子|兄弟|表哥|表姐|表弟|表妹|堂哥|堂弟|朋友|同学|老乡|舅|姑|姨|叔|伯|哥|姐|妹|弟)"
    r"(家|那边|那里|那儿)"
    r"|老丈人|丈母娘|岳父|岳母|亲家|娘家|婆家"
    r"|(老|隔壁|对门|村里)?(马|韩|李|王|张|刘|陈|杨|赵|祁|冶|喇|铁|何|朱|孙|胡|郭|周|吴|鲁|白|苏|冯|谢|蔡|董|汪|安|星|索)家的?"
)
# Oneself, alone: 我, 俺们, 是我自己的, 就我家的 (normalised: 俺 -> 我, 咱 -> 我).
_SELF = re.compile(r"(是|就是|就)?(我|咱|自己)(们)?(自己)?(家|家里)?(的)?(人)?")
# An answer to 谁家 this long or shorter names whose household by a kin's; a longer one is a story.
_SHORT_ANSWER = 12
# Saying whose it is not: 不是别人家 (one's own), 不是我家的 (another's).
_NOT_OTHERS = re.compile(r"不是(别人|人家|邻居|亲戚|他|她)")
_NOT_OWN = re.compile(r"不是(我|自己|自|咱)")


def _whose_in_words(norm: str) -> int | None:
    """Whose household a short answer names: 1 one's own, 2 another's, None when it does not say."""
    if _NOT_OTHERS.search(norm):
        return 1
    if _NOT_OWN.search(norm) or _OTHERS.search(norm) or (len(norm) <= _SHORT_ANSWER and _KIN_HOUSE.search(norm)):
        return 2  # a kin named inside a longer story (我家老汉病了 他姐家也难) is not whose household it is
    return 1 if _OWN.search(norm) or _SELF.fullmatch(norm) else None


def h_whose(ctx: Context, draft: ReportDraft) -> Reply:
    choice = picked_number(ctx, ["自己家", "别人家"])
    if choice is None and ctx.message.kind in ("text", "voice"):
        first = leading_choice(ctx.text)  # 2 俺老丈人家: the number picks, the words after it say whose
        choice = first[0] if first is not None and first[0] in (1, 2) else _whose_in_words(ctx.intent.norm)
    data = draft_data(draft)
    if _whole_story(ctx):
        # The whole story told here: kept as the household's story; whose it is read from it when said.
        data["parts"] = [*list(data.get("parts", [])), ctx.text[:MAX_DESCRIPTION]]
        if choice is not None:
            data["household"] = "own" if choice == 1 else "other"
        return _hardship_next(ctx, draft, data, "已记下您说的情况。")
    if choice is None:
        return hint(ctx, draft)
    data["household"] = "own" if choice == 1 else "other"
    return _hardship_next(ctx, draft, data)


def _whole_story(ctx: Context) -> bool:
    """More than an answer to 谁家: a story (我娘去年得了脑梗 住院花了三万多), not 1, 我家, 不知道."""
    if ctx.message.kind not in ("text", "voice") or ctx.intent.name in ("choice", "smalltalk"):
        return False
    return len(meaningful(ctx.text)) >= H_STORY_TOLD and not is_bare_number(ctx.text)


def h_story(ctx: Context, draft: ReportDraft) -> Reply:
    data = draft_data(draft)
    if ctx.message.kind == "text" and said_done(ctx):
        if len(meaningful(p.description_of(data))) < p.MIN_DESCRIPTION:
            return Reply(p.HARDSHIP_TOO_SHORT)
        return _hardship_next(ctx, draft, data)
    if ctx.message.kind == "voice" and ctx.message.recognition:
        return append_story(ctx, draft, data, ctx.message.recognition, "已记下。")
    if ctx.message.kind != "text" or not ctx.text:
        return hint(ctx, draft)
    if ctx.text in p.REWRITE_WORDS:
        data["parts"] = []
        report_drafts.save(draft, step=draft.step, data=data, now=ctx.now)
        return Reply("之前记下的内容已清空。\n" + p.H_STORY)
    named = _trouble_named(ctx, draft, data)
    if named is not None:
        return named
    scrap = ctx.intent.name in ("smalltalk", "choice") or len(meaningful(ctx.text)) < 3
    if said_skip(ctx) or scrap:
        if len(meaningful(p.description_of(data))) < p.MIN_DESCRIPTION:
            return Reply(p.HARDSHIP_TOO_SHORT)
        if said_skip(ctx):
            return _hardship_next(ctx, draft, data)
        return Reply(p.story_saved(len(p.description_of(data)), hardship=True))
    text = ctx.message.content.strip()
    reply = append_story(ctx, draft, data, text, "已记下。")
    switch = p.SWITCH_TO_REPORT if ctx.intent.name in ("story", "report") else ""
    # 掌柜的透析 钱没有了: shorter, but naming a kind of trouble the script knows, it is told as well.
    kind_told = len(meaningful(text)) >= H_STORY_NAMED and not any(ch.isdigit() for ch in text)
    told = len(meaningful(text)) >= H_STORY_TOLD or (kind_told and bool(p.troubles_of(text)))
    if told and len(p.description_of(data)) < MAX_DESCRIPTION:
        # The script asks the rest (what kind, when, how many, what help): go on without waiting for 好了.
        return _hardship_next(ctx, draft, data, "\n".join(x for x in ("已记下家里的情况。", switch) if x))
    return Reply(reply.text + "\n" + switch) if switch else reply


# A household's story this long (characters, normalised) is enough to go on with the script's questions.
H_STORY_TOLD = 12
H_STORY_NAMED = 7


def _trouble_named(ctx: Context, draft: ReportDraft, data: DraftData) -> Reply | None:
    """出了什么事 answered with the kind of trouble alone (大病, 遭灾了): that answers 遇到的是哪类事, so the
    script goes on; the household's story is what its answers say, and a visit hears the rest."""
    norm = meaningful(ctx.text)
    if ctx.intent.name in ("choice", "smalltalk") or len(norm) > 6 or any(ch.isdigit() for ch in norm):
        return None
    picked = p.troubles_of(ctx.text)
    if not picked:
        return None
    data["parts"] = [*list(data.get("parts", [])), ctx.message.content.strip()]
    data["troubles"] = picked
    return _hardship_next(ctx, draft, data, f"已记下：{'、'.join(picked)}。")


def h_what(ctx: Context, draft: ReportDraft) -> Reply:
    picked = p.troubles_of(ctx.text) if ctx.message.kind in ("text", "voice") else []
    data = draft_data(draft)
    said = ctx.intent.name in ("none", "hardship") and len(meaningful(ctx.text)) >= 2 and not is_bare_number(ctx.text)
    if not picked and said and not (said_skip(ctx) or said_done(ctx)):
        # The trouble in words no kind names (羊死了, 老了): 其他, and the words join the household's story.
        picked = [p.TROUBLES[-1][0]]
        data["parts"] = [*list(data.get("parts", [])), ctx.message.content.strip()]
    if not picked:
        return hint(ctx, draft)
    data["troubles"] = picked
    return _hardship_next(ctx, draft, data)


def h_free(key: Literal["when", "help"], minimum: int) -> Callable[[Context, ReportDraft], Reply]:
    def step(ctx: Context, draft: ReportDraft) -> Reply:
        if ctx.message.kind not in ("text", "voice"):
            return hint(ctx, draft)
        if key == "help" and (is_bare_number(ctx.text) or ctx.intent.name == "choice"):
            return Reply(f"“{ctx.text[:10]}”看不出想要什么帮助。" + p.HINTS["h_help"])
        if len(meaningful(ctx.text)) < minimum:
            return hint(ctx, draft)
        if said_skip(ctx) and key == "when":
            value = "不清楚"
        elif said_skip(ctx) or said_done(ctx):
            return hint(ctx, draft)
        elif key == "when":
            when = when_answer(ctx.text)
            if when is None:
                return Reply(f"“{ctx.text[:10]}”看不出是什么时候。" + p.HINTS["h_when"])
            value = when
        else:
            value = ctx.text[:200]
        data = draft_data(draft)
        data[key] = value
        return _hardship_next(ctx, draft, data)

    return step


def h_people(ctx: Context, draft: ReportDraft) -> Reply:
    number = p.people_of(ctx.text) if ctx.message.kind in ("text", "voice") else None
    if number is None:
        return hint(ctx, draft)
    data = draft_data(draft)
    data["people"] = number
    return _hardship_next(ctx, draft, data)


def h_phone(ctx: Context, draft: ReportDraft) -> Reply:
    if ctx.message.kind != "text" or not ctx.text:
        return hint(ctx, draft)
    text = unicodedata.normalize("NFKC", ctx.text)
    digits = "".join(ch for ch in text if ch.isdigit())
    # 没手机 社长的电话 137…: a number beside saying one has none is someone's who can reach the household.
    name = _NO_PHONE.sub("", "".join(ch for ch in text if not ch.isdigit()))
    name = _NUMBER_WORDS.sub("", name).strip(" ，,：:；;-\n\t")
    name = re.sub(r"(的|是)+$", "", name).strip()  # 阿爸的 137…: whose number it is
    name = "" if name in ("我", "俺", "我的", "俺的", "本人", "自己") else name
    if not digits:
        return Reply(p.PHONE_OF_ANOTHER if _NO_PHONE.search(text) else p.PHONE_REQUIRED)
    problem = phone_problem(digits)
    if problem:
        return Reply(f"{problem}您发的是 {len(digits)} 位。请重新发送。")
    data = draft_data(draft)
    data["name"], data["phone"] = name[:MAX_NAME] or None, digits
    return goto(ctx, draft, "confirm", data)
