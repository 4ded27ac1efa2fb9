"""The question in a long story: villagers tell what happened before they ask (娃得了白血病花了二十多万
合作医疗报了一部分 还欠着亲戚的钱 还有啥办法). The search weighs the asking clauses and those naming a
policy above the rest, which stays as context."""

from __future__ import annotations

import re
from collections.abc import Callable

_CLAUSE_BREAK = re.compile(r"[\s,，。.!！?？;；、:：…~～]+")
# 几 asks (几天, 几个), but not in a time told (前几年, 这几天, 近几年: some years ago, these days)
_ASKING = re.compile(
    r"吗|不$|没$|没有$|啥|咋|怎么|怎样|如何|多少|(?<![前这近])几|哪|谁|能不能|能否|可不可以|可以不|有没有|么|呢|是不是|算不算|给不给|中不中|行不行"
)
# A sum of money told (花了二十多万, 欠了3万块): what the story's trouble costs, kept with the question
_MONEY = re.compile(r"[0-9零一二两三四五六七八九十百千几多]+(?:万|千|块|元)")
# Two sums and a problem (说给三万 到手两万 剩下的哪去了): money promised against money received, the
# shape of a complaint about public money even when no programme is named
SHORTFALL_SUMS = 2
LONG_STORY = 20  # characters of text (without breaks) from which a question is read as a story
MIN_CLAUSES = 3


def tells_shortfall(text: str, trouble: bool) -> bool:
    """A problem told with two sums of money in it (补三万 到手一万五)."""
    return trouble and len(_MONEY.findall(text)) >= SHORTFALL_SUMS


def clauses(text: str) -> list[str]:
    return [part for part in _CLAUSE_BREAK.split(text) if part]


def focus(text: str, names_policy: Callable[[str], bool]) -> str | None:
    """The asking clauses of a long story and those that name a policy, in order; None when the
    text is short, or every clause would be kept anyway."""
    parts = clauses(text)
    if len(parts) < MIN_CLAUSES or sum(map(len, parts)) < LONG_STORY:
        return None
    kept = [
        p
        for i, p in enumerate(parts)
        if _ASKING.search(p) or names_policy(p) or _MONEY.search(p) or i == len(parts) - 1
    ]
    if len(kept) == len(parts) or not any(map(names_policy, kept)):
        return None  # nothing dropped, or the question names nothing the story would not tell better
    return " ".join(kept)


# Words that only join a second question to the first (还有医保交不起咋办: 还有 is "and also")
_JOINING = re.compile(r"^(?:还有就是|还有|另外|再就是|再问一下|再问|还想问|还问|那么|那(?![个些里边儿样]))(?=..)")


def asked_apart(text: str, topics_of: Callable[[str], frozenset[str]]) -> list[str]:
    """Two questions in one message (低保咋申请 还有医保交不起咋办): the asking clauses, when each names
    a policy of a topic the others do not, without the words joining them; otherwise []."""
    parts = [_JOINING.sub("", p) for p in clauses(text) if _ASKING.search(p)]
    if len(parts) < 2:
        return []
    seen: set[str] = set()
    for part in parts:
        topics = topics_of(part)
        if not topics or topics <= seen:
            return []
        seen |= topics
    return parts


def asking_part(text: str) -> str | None:
    """The clauses that ask, when some of the message's clauses do and others only tell (俺儿子出去务工了
    低保还给不给: the policy asked about is 低保, 务工 is what happened); None otherwise."""
    parts = clauses(text)
    asking = [p for p in parts if _ASKING.search(p)]
    if not asking or len(asking) == len(parts):
        return None
    return " ".join(asking)
