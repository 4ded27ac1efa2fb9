"""Step 1: the category, picked by number or words, or guessed from a story told at this step."""

from __future__ import annotations

import re

from bot import report_prompts as p
from bot.context import Context, Reply
from bot.intents.report.draft import HARDSHIP, append_story, draft_data, goto, hint, meaningful, picked_number
from bot.intents.report.hardship import hardship_go
from bot.intents.report.story import after_description
from bot.reading.choices import leading_choice
from bot.reading.step_answers import means
from bot.reading.wrongs import guess_category
from bot.understand import classify
from cases.categories import by_code, categories
from cases.routing import cadres
from storage.models.cases import ReportDraft


def category_step(ctx: Context, draft: ReportDraft) -> Reply:
    cats = categories()
    choice = picked_number(ctx, [c.label for c in cats])
    if choice is None:
        topic = _topic_named(ctx, draft)
        if topic is not None:
            return topic
        choice = _category_by_words(ctx, [c.code for c in cats])
    if choice is None:
        return (
            _category_with_words(ctx, draft)
            or category_story(ctx, draft, ctx.text)
            or _went_on(ctx)
            or hint(ctx, draft)
        )
    data = draft_data(draft)
    data["category"] = cats[choice - 1].code
    lead = f"您选择了：{cats[choice - 1].label}"
    if cats[choice - 1].code == HARDSHIP:
        return hardship_go(ctx, draft, data, lead + "\n" + p.HARDSHIP_INTRO)
    if p.description_of(data).strip():
        lead += "\n之前说的内容都还在。"
    return goto(ctx, draft, "description", data, lead)


def _category_with_words(ctx: Context, draft: ReportDraft) -> Reply | None:
    """A category picked by number with words after it (2 就是低保那个 村上偏向自家人): the pick is taken and
    the words are kept as the story's first part; a long one goes on, a short one is asked to say more."""
    said = leading_choice(ctx.text) if ctx.message.kind in ("text", "voice") else None
    cats = categories()
    if said is None or not 1 <= said[0] <= len(cats):
        return None
    number, words = said
    data = draft_data(draft)
    data["category"] = cats[number - 1].code
    lead = f"您选择了：{cats[number - 1].label}"
    if len(meaningful(words)) < p.MIN_DESCRIPTION or classify(words).name in ("smalltalk", "choice"):
        words = ""  # 2 对, 2 好的: only the pick
    if words:
        append_story(ctx, draft, data, words, "")
    if cats[number - 1].code == HARDSHIP:
        return hardship_go(ctx, draft, data, lead + "\n" + p.HARDSHIP_INTRO)
    told = p.description_of(data)
    if len(meaningful(told)) >= p.LONG_STORY:
        return after_description(ctx, draft, data, lead + "\n" + p.story_taken(len(told)))
    if words:
        lead += f"\n已记下您说的（共 {len(told)} 字）。"
    return goto(ctx, draft, "description", data, lead)


def category_story(ctx: Context, draft: ReportDraft, text: str) -> Reply | None:
    """A story told at the category step (我要举报 then what happened) is kept as the description's first
    part; the category is guessed from it for the villager to confirm, or asked again keeping the words."""
    if ctx.message.kind not in ("text", "voice") or not text or text in p.REWRITE_WORDS:
        return None
    said = ctx.intent if text == ctx.text else classify(text)
    norm = meaningful(text)
    if said.name in ("choice", "menu_item", "smalltalk") or len(norm) < CATEGORY_STORY_MIN:
        return None
    code = said.detail if said.name == "story" and said.detail else guess_category(norm)
    if code in ("other", HARDSHIP) and p.description_of(draft_data(draft)).strip():
        code = guess_category(meaningful(p.description_of(draft_data(draft)) + text))  # 草山的事, then the story
    if code == HARDSHIP or by_code(code) is None:
        code = "other"
    told = said.name in ("story", "money", "hardship") or (said.name == "report" and said.told)
    told = told or (said.name == "none" and len(norm) >= p.MORE_STORY and not _ASKING_WORDS.search(norm))
    if not told and code == "other" and cadres.strongest(text) is None:
        return None  # 我不知道选哪个: not a story
    data = draft_data(draft)
    append_story(ctx, draft, data, text, "")
    category = by_code(code)
    if code == "other" or category is None:
        return Reply("已记下您说的话。请选一下类别：\n\n" + p.category_prompt())
    data["category"] = code
    lead = f"已把您的话记为反映内容，类别像是：{category.label}（不对请回复“返回”重选）。"
    if len(meaningful(p.description_of(data))) >= p.LONG_STORY:
        return after_description(ctx, draft, data, lead + "\n" + p.story_taken(len(p.description_of(data))))
    return goto(ctx, draft, "description", data, lead + "\n" + p.DESCRIPTION_MORE, plain=True)


# A topic named and nothing told (草山的事, 关于宅基地的问题, 是低保上的事): what the matter is about, said the way
# a villager answers "which kind".
_TOPIC_ONLY = re.compile(
    r"^(?:就是|是|关于|说|说的是|我说的是|俺说的是|反映|我要反映|俺要反映|俺们|我们|咱们)?(?:村上|村里|组上|社里)?的?"
    r"(?P<topic>[\u4e00-\u9fff]{1,8}?)(?:上|里|方面|这块|那块)?的?(?:事|事情|事儿|问题|情况)(?:呢|哩|嘛|啊|呀|嘞)?$"
)

_NO_TOPIC = frozenset({"这个", "那个", "一个", "这些", "那些", "别的", "其他", "其它", "一些", "好多", "这点", "那点"})


def _topic_named(ctx: Context, draft: ReportDraft) -> Reply | None:
    """A topic named at the category step and nothing told yet (草山的事, 宅基地的事): the words are kept as
    the story's first part. A category the topic names is taken as a guess to confirm and the story is asked
    for; a topic naming none (草山) asks for the story, the category to be guessed from it."""
    match = _TOPIC_ONLY.match(ctx.intent.norm) if ctx.message.kind in ("text", "voice") else None
    topic = match.group("topic") if match is not None else ""
    if len(topic.strip("的")) < 2 or topic in _NO_TOPIC or _ASKING_WORDS.search(topic):
        return None  # 村上的事, 这个事, 啥事: no topic named
    if ctx.intent.name in ("choice", "menu_item"):
        return None
    code = guess_category(ctx.intent.norm)
    if code == HARDSHIP:
        return None  # 看病的事: the household's path, as the category's own words take it
    data = draft_data(draft)
    words = ctx.text.strip()
    append_story(ctx, draft, data, words, "")
    category = by_code(code)
    if code == "other" or category is None:
        return Reply(
            f"已记下“{words}”。请说说是怎么回事：谁、做了什么、什么时候。说完我帮您归类；"
            "知道是哪一类，也可以直接回复数字。\n\n" + p.category_prompt()
        )
    data["category"] = code
    lead = f"已记下“{words}”，类别像是：{category.label}（不对请回复“返回”重选）。"
    return goto(ctx, draft, "description", data, lead + "\n" + p.DESCRIPTION, plain=True)


def _went_on(ctx: Context) -> Reply | None:
    """A yes or an ask to report said at the category step (能成 那就反映, 开始反映, 中): the villager is going on;
    the list is shown again as the next thing to answer, not as a mistake."""
    if ctx.message.kind not in ("text", "voice"):
        return None
    if means(ctx.text, "agree") or (ctx.intent.name == "report" and not ctx.intent.told):
        return Reply("好的，先选一下类别：\n\n" + p.category_prompt())
    return None


# A message at the category step shorter than this (normalised) is never taken as a story.
CATEGORY_STORY_MIN = 6
# A longer message naming nothing is a story unless it asks (选哪个, 怎么弄, 是啥意思).
_ASKING_WORDS = re.compile(r"吗|么|嘛|哪|什么|怎么|咋|啥|为何|能不能|是不是|可不可以|不会|不懂|不知道")


def _category_by_words(ctx: Context, codes: list[str]) -> int | None:
    """A short answer in the category's own words that are not its label (扶贫的钱 -> funds)."""
    if ctx.message.kind not in ("text", "voice") or len(ctx.intent.norm) > 8:
        return None
    code = guess_category(ctx.intent.norm)
    return codes.index(code) + 1 if code != "other" and code in codes else None
