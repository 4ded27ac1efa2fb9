"""A picked option: a number (4, 四, 第四个), a number with words after it, an option named by its words,
or a main-menu item named by its words."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from bot.reading.normal_form import data, normalise, trimmed

_NUMERALS = {"零": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# A pick may come after a word that settles it (那就2, 还是选二吧, 那我选第二个), or after saying yes in any
# voice (哦呀 1 in Qinghai, 嗯呐 1, 要得 1, 没问题 2): the yes is the pick's, the number says which.
_ASSENT = (
    "哦呀|噢呀|哦耶|嗯呐|嗯哪|嗯嗯|好嘞|好滴|好哒|好呀|好吧|行呀|行啊|行行|要得|中中|对头|对的|对着|是的|是呢|是啊"
    "|可以的|可以|没问题|没错|得行|妥了|中|是"
    # a go-ahead verb (整 1 in the northeast, normalised to 弄; 办吧 1, 搞 2)
    "|弄吧|弄|搞吧|搞|办吧|办"
)
_CHOICE = re.compile(
    rf"^(?:{_ASSENT}|哦|噢|嗯|啊|好|好的|行|对|那|那就|那还是|还是|那我|我就|那我就)*(?:我选|选择|选|我要|要|看|就)?"
    r"第?([0-9]{1,3}|[零一二两俩三四五六七八九十]{1,3})(?:个|号|项|条|页|种|位)?(?:吧|的)?"
    # a spoken particle after the pick (第一个呀, 2嘛, 第三个哈, 就四个噻): still the pick
    r"(?:呀|嘛|哈|啦|噻|撒|哦|喔|咯|喽|呗|呢|嘞|哟|哇|啊)?$"
)


def chinese_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _NUMERALS.get(tens, -1) if tens else 1
        o = _NUMERALS.get(ones, -1) if ones else 0
        return t * 10 + o if t >= 0 and o >= 0 else None
    if len(text) == 1:
        return _NUMERALS.get(text)
    return None


def choice_of(text: str) -> int | None:
    """A picked number: 4, ４, 四, 第四个, 4号, 选4 -> 4; anything else None."""
    norm = normalise(text)
    match = _CHOICE.match(norm)
    return chinese_number(match.group(1)) if match else None


# A pick with words after it: 2 就是低保那个, 第二个 村上偏向自家人, 3、他天天不来.
_LEADING_CHOICE = re.compile(
    r"^(?:我选|选择|选|就)?第?([0-9]{1,2}|[一二两三四五六七八九十])(?:个|号|项|条|种)?(?:吧|的)?[\s,，。.、:：;；!！]+(\S.*)$",
    re.S,
)


def leading_choice(text: str) -> tuple[int, str] | None:
    """A number picked first and words told after it (2 就是低保那个 村上偏向自家人): the number and the
    villager's own words after it; None when the message is not such a pick."""
    match = _LEADING_CHOICE.match(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        return None
    number = chinese_number(match.group(1))
    rest = match.group(2).strip()
    return (number, rest) if number is not None and rest else None


# A pick said last, after a few words on who types (我是他媳妇 他打字慢 我来 选3): 选 or 第 settles it.
_TRAILING_PICK = re.compile(
    r"(?:我选|选择|选|就选|第)(?:第)?([0-9]{1,2}|[一二两三四五六七八九])(?:个|号|项|条|种)?(?:吧|的)?$"
)
# Longer words before it would be a story: those are no pick, and the step keeps them.
_BEFORE_PICK_MAX = 12


def _trailing_pick(text: str) -> int | None:
    norm = normalise(text)
    match = _TRAILING_PICK.search(norm)
    if (
        match is None
        or not 0 < match.start() <= _BEFORE_PICK_MAX
        or re.search(r"[0-9]|[不别没]选", norm[: match.start(1)])
    ):
        return None  # 不选3 is no pick, and a number before it belongs to the story
    return chinese_number(match.group(1))


def pick(text: str, labels: tuple[str, ...] | list[str]) -> int | None:
    """1-based index of the option the villager meant, by number or by (nearly) its own words."""
    number = choice_of(text)
    if number is None:
        number = _trailing_pick(text)
    if number is not None:
        return number if 1 <= number <= len(labels) else None
    norm = trimmed(normalise(text))
    if len(norm) < 2 or norm[0] in "不非":
        return None  # 不实名 is not 实名: a negated option is asked again, never picked
    scores = [(_label_score(norm, normalise(label)), i) for i, label in enumerate(labels, 1)]
    best, index = max(scores, default=(0.0, 0))
    tied = sum(1 for s, _ in scores if s == best)
    return index if best >= 80 and tied == 1 else None


def _label_score(norm: str, label: str) -> float:
    if not label:
        return 0.0
    if norm == label or (len(norm) >= 2 and norm in label) or (len(label) >= 2 and label in norm):
        return 100.0
    if len(norm) >= 3 and LCSseq.similarity(norm, label) >= 0.8 * len(norm):
        return 90.0  # most of what was typed, in order, is in the label (评定不公的)
    return float(fuzz.ratio(norm, label))


def menu_number(norm: str) -> str | None:
    """The main-menu item a message names by its words (项目公开 -> 2)."""
    for number, words in data()["menu_words"].items():
        if norm in (str(w) for w in words):
            return str(number)
    return None
