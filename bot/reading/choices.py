"""A picked option: a number (4, 四, 第四个), a number with words after it, an option named by its words,
or a main-menu item named by its words."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from bot.reading.normal_form import data, normalise, trimmed
from bot.reading.wrappers import unwrapped
from bot.reading.wrongs import misconduct

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
    inner = unwrapped(text)  # 您好，1，谢谢: the greeting and thanks say nothing
    if inner is not None and (picked := pick(inner, labels)) is not None:
        return picked
    number = choice_of(text)
    if number is None:
        number = _trailing_pick(text)
    if number is None:
        number = agreed_pick(text, labels)  # 1 交 (提交), 2 这个, 3 要钱的 (干部吃拿卡要)
    if number is not None:
        return number if 1 <= number <= len(labels) else None
    if _number_then_other_words(text, labels):
        return None
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


# A pick said with words that go along with it: a number first (1 就这么办, 2 项目的, 4 查的, 1 交, 3 要钱的), or
# 我选 with the number after a few words that ask nothing (你们这有几个选项 我选二). Words that go against the
# pick (2 不对, 1 不要了) or tell a story (3个月没发工资, 3 个月没发) are no pick: the message keeps its meaning.
_NUMBER_FIRST = re.compile(
    r"^第?([0-9]{1,2}|[一二两三四五六七八九十])(?:个|号|项|条|种)?(?:吧|的)?[\s,，。.、:：;；!！~～]*(\S.*)$", re.S
)
# Words that only go along with the pick: a yes, 就这么办, or the pick said again (1 第一个, 2 这个).
_GOES_ALONG = re.compile(
    rf"(?:{_ASSENT}|这么办|这么弄|这么整|这么定|定了|这样|就按这个|按这个|就这个|这个|那个|这一个|这项|这条|我同意|同意|确定"
    r"|哦|噢|嗯|啊|好|好的|行|对|那|就|我选|选|选这个|要这个|我要这个|吧|了|的|呀|嘛|哈|啦|呢|嘞|哟)+"
)
# Going against it, or a count that begins a story (个月, 块钱, 口人).
_AGAINST = re.compile(r"不|没|别|非|错|否|算了")
_UNIT_FIRST = re.compile(
    r"^(?:个|块|元|万|千|百|亩|年|月|天|日|号|口|岁|次|户|人|斤|米|分|点|家|组|社|队|间|头|只|张|多|遍)"
)
# Characters that name nothing when the words are matched to the options.
_EMPTY_CHARS = frozenset("的了吧呀啊嘛哈呢这那个一是我你他她就选第也都还嗯哦噢好行对啦嘞哟")
_ALONG_MAX = 8  # more words than this are the villager's own (a story), not a word on the pick


def _goes_along(words: str, number: int) -> bool:
    """The words after a picked number only say yes to it or say it again."""
    if not words:
        return True
    said_again = choice_of(words)
    if said_again is not None:
        return said_again == number
    return _GOES_ALONG.fullmatch(words) is not None


def named_option(words: str, labels: tuple[str, ...] | list[str]) -> int | None:
    """The option short words name by its own words (交 -> 提交, 项目的 -> 项目公开, 要钱的 -> 干部吃拿卡要): most
    of the words' characters are in that option's label and fewer in any other."""
    chars = [ch for ch in words if "\u4e00" <= ch <= "\u9fff" and ch not in _EMPTY_CHARS]
    if not chars or len(chars) > 4:
        return None
    scores = [sum(1 for ch in chars if ch in normalise(label)) for label in labels]
    best = max(scores, default=0)
    if best == 0 or 2 * best < len(chars) or scores.count(best) > 1:
        return None
    return scores.index(best) + 1


def agreed_pick(text: str, labels: tuple[str, ...] | list[str] = ()) -> int | None:
    """A number picked first with words that go along with it (1 就这么办, 1 第一个) or, given the options'
    labels, name the same option (1 交 for 提交); or 我选X last after a few words that ask nothing. None when
    the words go against it (2 不对), name another option, or tell more than a word (3个月没发工资)."""
    norm = normalise(text)
    match = _NUMBER_FIRST.match(norm)
    if match is None:
        return _said_pick_last(norm)
    number = chinese_number(match.group(1))
    words = trimmed(match.group(2).strip())
    if number is None or _UNIT_FIRST.match(match.group(2)) or len(words) > _ALONG_MAX:
        return None
    if labels and not 0 <= number <= len(labels):
        return None
    if _goes_along(words, number):
        return number
    if not labels or _against(words, labels[number - 1] if number else ""):
        return None
    return number if named_option(words, labels) == number else None


def _against(words: str, label: str) -> bool:
    """Words going against the pick (不要了, 不提交); the option's own 不 (4 不清楚 for 其他或不清楚) is not."""
    return any(m.group() not in normalise(label) for m in _AGAINST.finditer(words))


def _number_then_other_words(text: str, labels: tuple[str, ...] | list[str]) -> bool:
    """A number first with words going against it or naming another option (1 不提交, 1 修改): no pick, even
    though the words contain an option's label."""
    match = _NUMBER_FIRST.match(normalise(text))
    number = chinese_number(match.group(1)) if match else None
    if match is None or number is None or not 1 <= number <= len(labels):
        return False
    words = trimmed(match.group(2).strip())
    named = named_option(words, labels)
    return _against(words, labels[number - 1]) or (named is not None and named != number)


# 我选X, 选第X个 last, after a few words that are not a story (你们这有几个选项 我选二).
_PICK_LAST = re.compile(r"(?:我选|我就选|就选|选)第?([0-9]|[一二两三四五六七八九])(?:个|号|项|条|种)?(?:吧|的)?$")


def _said_pick_last(norm: str) -> int | None:
    match = _PICK_LAST.search(norm)
    if match is None or not 0 < match.start() <= _BEFORE_PICK_MAX:
        return None
    before = norm[: match.start()]
    if re.search(r"[0-9]|不|没|别", before) or misconduct(before):
        return None  # 不选 and a story are no pick
    return chinese_number(match.group(1))
