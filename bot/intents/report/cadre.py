"""Step 2b: which level of cadre is reported (the answer keeps the case away from the accused town)."""

from __future__ import annotations

import re

from bot import report_prompts as p
from bot.context import Context, Reply
from bot.intents.report.draft import draft_data, goto, hint, picked_number
from bot.intents.report.story import more_story
from bot.reading.normal_form import normalise
from cases.categories import CADRE_LEVELS
from cases.routing import cadres
from storage.models.cases import ReportDraft

# Which level a short answer at the "which cadre" step names in the villager's own words (村上的, 乡上的人,
# 县里的部门, 不清楚): a place word, or a title whose level the routing vocabulary knows (社长, 乡政府).
_LEVEL_PLACES = (("village", "村社组队"), ("town", "乡镇"), ("county", "县局"))
_LEVEL_UNKNOWN = re.compile(r"不清楚|不知道|说不清|不确定|不晓得|搞不清|弄不清|不好说|其他")


def _cadre_by_words(text: str, story: str = "") -> int | None:
    level = _level_by_words(text, story)
    return level[0] if level is not None else None


def _level_by_words(text: str, story: str) -> tuple[int, bool] | None:
    """The level's number, and whether it was inferred from the story rather than said by the villager."""
    norm = normalise(text)
    if not norm or len(norm) > 12 or "不是" in norm:
        return None
    levels = [code for code, _label in CADRE_LEVELS]
    if _LEVEL_UNKNOWN.search(norm):
        return levels.index("unknown") + 1, False
    named = cadres.strongest(norm)
    if named is not None and named.level in levels and named.level != "unknown":
        return levels.index(named.level) + 1, False
    if named is not None and named.level == "unknown" and _only_title(norm, named.word):
        # 书记, 主任: a title that tells no level. The story's own mention of it, or the one place it speaks
        # of, tells it (村上说没指标 主任家亲戚); else "unknown", which the router lifts like a town cadre.
        told = _level_in_story(story, named.word)
        return levels.index(told or "unknown") + 1, told is not None
    found = {code for code, marks in _LEVEL_PLACES if any(ch in norm for ch in marks)}
    return (levels.index(found.pop()) + 1, False) if len(found) == 1 else None


# Around a bare title at this step: who it is (他, 那个), a particle or 呗.
_TITLE_AROUND = re.compile(r"(就是|是|他|她|那个|这个|我们|俺们|我们的|的|呗|吧|啊|呀|嘛|了|哩|呢)*")


def _only_title(norm: str, word: str) -> bool:
    head, _, tail = norm.partition(normalise(word))
    return bool(_TITLE_AROUND.fullmatch(head)) and bool(_TITLE_AROUND.fullmatch(tail))


def _level_in_story(story: str, word: str) -> str | None:
    told = {m.level for m in cadres.mentions(story) if m.level != "unknown" and word in m.word}
    if len(told) == 1:
        return told.pop()
    places = {code for code, marks in _LEVEL_PLACES if any(ch in normalise(story) for ch in marks)}
    return places.pop() if len(places) == 1 else None


def cadre_step(ctx: Context, draft: ReportDraft) -> Reply:
    choice = picked_number(ctx, [label for _code, label in CADRE_LEVELS])
    inferred = False
    if choice is None and ctx.message.kind == "text":
        choice, inferred = _level_by_words(ctx.text, p.description_of(draft_data(draft))) or (None, False)
    if choice is None:
        return more_story(ctx, draft) or hint(ctx, draft)
    data = draft_data(draft)
    data["cadre_level"] = CADRE_LEVELS[choice - 1][0]
    data["cadre_inferred"] = inferred  # a bare 书记, its level told by the story: not the villager's choice
    return goto(ctx, draft, "evidence", data)
