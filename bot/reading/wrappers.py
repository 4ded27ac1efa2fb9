"""Politeness and hotline openers around what a villager means (你好，2号，谢谢; 12345吗 <a story>; 喂 是12345不
转人工): the words inside, read as if said alone. And 在吗 after a short preamble (值夜班哩 你们也还在吗): small talk.

Villagers who call a hotline or write to an office wrap every message in a greeting and thanks. The wrapper says
nothing; what it wraps (a command, a choice, a step's answer, a story) keeps its meaning at every step. Only whole
clauses at the message's two ends are taken away, and 你好 / 您好 / 喂 before, or 谢谢 after, with no pause; a
message of nothing but wrapper (你好，谢谢) is left as it is, and so is a story that says 谢谢 inside it.
"""

from __future__ import annotations

import re
import unicodedata

from bot import shapes
from bot.reading.hardship import hardship, troubled
from bot.reading.normal_form import clauses, has, normalise, trimmed, word_list
from bot.reading.smalltalk import smalltalk_kind
from bot.reading.wrongs import misconduct

# Asking whether this is the hotline one rang (12345吗, 是12345不, 这是不是政务热线, 喂 市长热线是吧): no matter said.
_HOTLINE = re.compile(
    r"(喂|你好|您好)*(请问)?(这|这里|这儿|这边|那边|你们|您这|你这)?(里)?(是不是|是|就是)?"
    r"(12345|一二三四五|幺二三四五|市长热线|政务热线|便民热线|服务热线|市民热线|热线电话|热线|监督热线|举报热线)"
    r"(热线|电话|吗|么|嘛|不|没|没有|是吧|对吧|是不是|对不对|对不|吧|啊|呀)*"
)
# Said before the matter with no pause (你好说完了, 喂转人工), or after it (说完了谢谢).
_GLUED_BEFORE = re.compile(r"^(你好|您好|你们好|喂)+(?=.)")
_GLUED_AFTER = re.compile(r"(?<=.)(谢谢(你们|你|您|啦|了)?|多谢|麻烦(你们|你|您)?了)$")
_WRAPPING_KINDS = ("greet", "thanks")


def _wrapper(clause: str) -> bool:
    """A clause that is only a greeting, thanks, or asking whether this is the hotline."""
    norm = normalise(clause)
    if not norm:
        return True  # emoji or punctuation alone
    if _HOTLINE.fullmatch(norm):
        return not norm.isdigit()  # 12345 alone may be a number the villager gives; 12345吗 asks
    return smalltalk_kind(trimmed(norm), norm) in _WRAPPING_KINDS


def unwrapped(text: str) -> str | None:
    """What the wrapper holds (你好，说完了，谢谢 -> 说完了; 12345吗 过年发的… -> 过年发的…), its clauses joined by
    a space; None when nothing wraps the message or nothing is left inside (谢谢, 你好 谢谢)."""
    parts = clauses(unicodedata.normalize("NFKC", text))
    start, end = 0, len(parts)
    while start < end and _wrapper(parts[start]):
        start += 1
    while end > start and _wrapper(parts[end - 1]):
        end -= 1
    inner = parts[start:end]
    if not inner:
        return None
    inner[0] = _GLUED_BEFORE.sub("", inner[0])
    inner[-1] = _GLUED_AFTER.sub("", inner[-1])
    said = " ".join(p for p in inner if p)
    if not normalise(said) or normalise(said) == normalise(text):
        return None
    return said


# Asking whether anyone is still there (你们也还在吗, 还有人在不, 都还在没): a greeting, whatever time of day.
_STILL_THERE = re.compile(
    r"(你们|您|你|大家|工作人员|人)?(也|还|都|这会|这会儿|现在|这么晚)*(有人)?(在|上班)(吗|么|嘛|不|没|没有|不在|呢|没在)"
)
# The preamble may say what the speaker is doing (值夜班哩, 刚下地回来): short, and telling nothing else.
_PREAMBLE_MAX = 10


def still_there(text: str) -> bool:
    """在吗 with a short preamble that asks nothing and tells no wrong, trouble or matter of the village
    (值夜班哩 你们也还在吗, 刚忙完 还有人在不): small talk. 在吗 alone is read by the small-talk words."""
    parts = [p for p in clauses(text) if normalise(p)]
    if not parts or len(parts) > 3:
        return False
    last = trimmed(normalise(parts[-1]))
    if not _STILL_THERE.fullmatch(last):
        return False
    before = normalise("".join(parts[:-1]))
    if len(before) > _PREAMBLE_MAX:
        return False
    return not (
        shapes.asks(before)
        or shapes.speaks_of_village(before)
        or misconduct(before)
        or hardship(before)
        or troubled(before)
        or has(before, word_list("report_words"))
    )
