"""What a question asks for (how to apply, how much, whom to ask, when, who qualifies, where to look it
up, what it is, how it is shared out, what it gives), and which of those each entry answers: the
tie-breaker between entries of one topic (饮水安全报修电话多少: the entry on repairs, not the one on the
standard).

Texts are normalised and alias-rewritten (咋 is 怎么, 啥 is 什么) before they get here. An entry's kinds
come from its own words: its title, which states what it answers, counts most; the share of its
question variants asking each kind adds the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import MappingProxyType

from knowledge.analyzer import describes_trouble
from knowledge.phonetic import char_syllable

# Asks that look like another kind and are not: a phone number's 多少 asks whom to call.
# ... and what one pays (医保交多少) is not what one gets (能赔多少): it asks `pays`.
_NOT_AMOUNT = re.compile(r"(?:电话|号码|热线|手机号)(?:是|号)?多少|(?:交|缴|掏)(?:多少|几)|保费(?:是|要)?多少")
ASKS: MappingProxyType[str, re.Pattern[str]] = MappingProxyType(
    {
        "apply": re.compile(
            r"申请|办理|手续|材料|流程|报名|补报|补办|补录|报销|理赔|怎么报|怎么赔|怎么领|怎么办证|去哪办|在哪办|怎么交|怎么参保|怎么签"
        ),
        "pays": re.compile(r"(?:交|缴|掏)(?:多少|几)|自己交|自己掏|自己出|自付|保费"),
        "amount": re.compile(r"多少|几千|几百|几万|几块|标准|补多少|给多少|多钱"),
        "whom": re.compile(
            r"找谁|问谁|电话|号码|热线|哪个部门|什么部门|去哪|在哪|哪里|找哪|谁管|谁来管|谁负责|归谁|报修|投诉"
        ),
        "when": re.compile(r"什么时候|多久|多长时间|几天|哪年|几月|几号|到期|期限|时间|多会|啥时"),
        "eligible": re.compile(
            r"能不能|谁能|谁可以|条件|什么情况|哪些情况|认定|评定|评上|怎么评|算不算|够不够|符合|资格|可不可以|有没有份|够格|哪些人|什么人|什么样的人|什么家庭"
        ),
        "where": re.compile(r"查|公开|公示|明细|(?<!到)账"),
        "what": re.compile(r"是(?:个)?什么|什么意思|什么叫|叫什么|有哪些(?!人)|包括什么|干什么的|哪几(?!个人)"),
        # how a sum is shared out among people (收益怎么分, 分红咋分配), not how much it is
        "shares": re.compile(r"怎么分(?![开期])|分配"),
        "gives": re.compile(r"有什么帮|有什么用|享受什么|能享受|帮什么|什么好处|什么待遇|有什么政策|给些?什么"),
    }
)
TITLE_WEIGHT = 1.0  # of a kind the title asks
VARIANTS_WEIGHT = 0.5  # ... and of all its variants asking it (each adds its share)


def _spellings() -> dict[str, str]:
    """Folded syllable -> the one character of the ask words read so (syllables several of them share
    are left out): a question typed by voice (典话多烧) is read again with them (电话多少)."""
    chars = {ch for pattern in (*ASKS.values(), _NOT_AMOUNT) for ch in pattern.pattern if ch >= "\u4e00"}
    by_sound: dict[str, set[str]] = {}
    for ch in chars:
        by_sound.setdefault(char_syllable(ch), set()).add(ch)
    return {sound: next(iter(found)) for sound, found in by_sound.items() if len(found) == 1}


_SPELLING = _spellings()


def _kinds(text: str) -> set[str]:
    found = {kind for kind, pattern in ASKS.items() if pattern.search(text)}
    if "amount" in found and not ASKS["amount"].search(_NOT_AMOUNT.sub("", text)):
        found.discard("amount")
    return found


def asks(text: str) -> frozenset[str]:
    """The kinds a (normalised, alias-rewritten) question asks for, as written and as it sounds (a voice
    slip in the asking words: 能察不 is 能查不, 典话多少 is 电话多少, which asks no amount). Not for entries'
    texts, which are written correctly."""
    respelled = "".join(_SPELLING.get(char_syllable(ch), ch) if ch >= "\u4e00" else ch for ch in text)
    heard = _kinds(respelled)
    found = _kinds(text) | heard
    if "amount" not in heard:
        found.discard("amount")
    return frozenset(found)


# Words by which a title asks something (after aliases: 咋 is 怎么, 有没有 is 有), for `_named_only`
_ASKING_WORDS = re.compile(r"怎么|什么|还是|吗|哪|谁|几|能|要不要|会不会|是不是|办|有")


def _named_only(title: str) -> tuple[str, ...]:
    """A title that only names its policy (先诊疗后付费和一站式结算), asking nothing and telling no
    problem, says what the policy is."""
    if _ASKING_WORDS.search(title) or describes_trouble(title):
        return ()
    return ("what",)


def profile(title: str, questions: Sequence[str], declared: Sequence[str] = ()) -> dict[str, float]:
    """How strongly an entry answers each kind: `TITLE_WEIGHT` if its title asks it (or, when the entry
    says what it answers in its `asks:` field, `declared`, for each kind listed there instead of the
    title's), plus the share of its question variants that do. Variants telling a problem do not count:
    what they ask (找谁, 多久) is about the problem (低保被取消了找谁), and the tie-breaker is for
    questions telling none."""
    weights = dict.fromkeys(declared or _kinds(title) or _named_only(title), TITLE_WEIGHT)
    if questions:
        share = VARIANTS_WEIGHT / len(questions)
        for question in questions:
            if describes_trouble(question):
                continue
            for kind in _kinds(question):
                weights[kind] = weights.get(kind, 0.0) + share
    return weights
