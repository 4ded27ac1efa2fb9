"""The text pipeline shared by entries and questions: normalise, aliases, bigrams, pinyin, terms."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from knowledge.aliases import AliasTable, default_aliases
from knowledge.normalise import normalise, normalise_joined
from knowledge.phonetic import char_syllable, syllables
from knowledge.simplified import simplified
from knowledge.soundfix import SoundFixer, default_keep
from knowledge.terms import PolicyTerms, default_terms

# Words by which a text describes a problem (a benefit withheld, taken, refused; staff failing):
# a question that names none prefers the entry that is not about one (低保 -> 低保咋申请, not
# 低保被取消). "X不X" / "X没X" are question forms (给不给, 有没有), not problems; "X不了" (领不了,
# 改不了), a benefit not reached (评不上, 领不上), a cadre's kin favoured (干部家亲戚, 把亲戚弄成),
# money held back (扣着), a promise not kept (不是说先看病后交钱吗, 不是不用交吗) and staff insisting against
# a rule (护士非要先交押金, 我说是脱贫户也不行; not 非要本人去吗, which asks), money gone missing (剩下的钱哪去了),
# what is posted not matching what is so (与实际不符, 内容不实; not 符不符合, 不实际) and told it is free but
# made to pay (听说不用先交押金 可医院让先交; not 不用交 可以吗) are problems.
_TROUBLE = re.compile(
    "被|没|不给|不公|不满|不服|不到|不管|不让|不真实|不落实|不在|拖欠|克扣|扣了|异议|缺口|投诉|占了|冒领|"
    "截留|挂名|报复|不准|诬告|乱|不批|取消|停了|停发|不对|少了|假的|不公开|不公示|不了|扣着|扣下|扣钱|不是说|"
    "都知道是|知道是谁举报|泄露|泄密|走漏|"
    "(?:钱|剩下|其余|余下|另外)的?(?:钱)?都?跑?(?:到?哪(?:里|儿)?去了|去哪(?:里|儿)?了)|"
    "不是不(?:用|要|收)|(?:非|硬|偏)要(?![^吗么]*[吗么])|也不行|都不来|从不来|不上门|(?:评|领|吃|拿|批|报|办|享受)不上|(?:干部|村长|书记|主任)(?:家)?的?(?:亲戚|自家人|家里人)|把(?:他|她|自己|自家)?(?:的|家)?亲戚"
)
# ... and these, kept apart so that the characters read by sound (`_trouble_spellings`) stay those above
_TROUBLE_MORE = re.compile(
    "不符(?!合)|(?<!真)不实(?![际在用惠行施])|"
    "(?:不用|不要|免|不收)[^吗么]{0,12}?(?:可|但|却|结果)[^吗么]{0,4}?(?:让|叫|非要|硬要|要求|还让|又让|又要|还收|又收)"
)
# ... and so are asking what might happen (会不会被停) and whether a standard changed (标准降了没有, 涨没涨:
# 降了吗), unlike 钱发了没有
_QUESTION_FORM = re.compile(r"会不会被|(.)[没不]\1|(?:涨|降|变|提高|调整|上调|下调)[了乐勒]?没(?![人发给到])有?")


CUES_FILE = Path(__file__).with_name("scope_cues.txt")


@lru_cache(maxsize=1)
def default_cues() -> tuple[str, ...]:
    """Words of a question about public support that names no policy (scope_cues.txt)."""
    lines = CUES_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(normalise(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


EVERYDAY_FILE = Path(__file__).with_name("everyday_cues.txt")


@lru_cache(maxsize=1)
def default_everyday() -> tuple[tuple[str, ...], frozenset[str]]:
    """Words of everyday matters (a thing bought, repaired, cleaned, a product sold) and the scope cues
    that name a product (lines starting with -), from everyday_cues.txt."""
    words: list[str] = []
    products: set[str] = set()
    for raw in EVERYDAY_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-"):
            products.add(normalise(line[1:].strip()))
        else:
            words.append(normalise(line))
    return tuple(words), frozenset(products)


def describes_trouble(text: str) -> bool:
    told = _QUESTION_FORM.sub("", text)
    return _TROUBLE.search(told) is not None or _TROUBLE_MORE.search(told) is not None


def _trouble_spellings() -> dict[str, str]:
    """Folded syllable -> the one character of the problem words read so (syllables several share are
    left out), for a question typed by voice (钱还眉下来 is 钱还没下来, 村里口了 is 村里扣了)."""
    by_sound: dict[str, set[str]] = {}
    for ch in {ch for ch in _TROUBLE.pattern if ch >= "\u4e00"}:
        by_sound.setdefault(char_syllable(ch), set()).add(ch)
    return {sound: next(iter(found)) for sound, found in by_sound.items() if len(found) == 1}


# Characters that are common words of their own and no slip, though they sound like a problem word:
# 每 (每个月多少) is not 没, 再 (再报一次) is not 在
_NOT_SLIPS = frozenset("每再")
_TROUBLE_SPELLING = _trouble_spellings()


def tells_trouble(question: str) -> bool:
    """`describes_trouble` of a question, as written or as it sounds."""
    if describes_trouble(question):
        return True
    heard = "".join(
        _TROUBLE_SPELLING.get(char_syllable(ch), ch) if ch >= "\u4e00" and ch not in _NOT_SLIPS else ch
        for ch in question
    )
    return heard != question and describes_trouble(heard)


def bigrams(tokens: str | list[str], sep: str = "") -> list[str]:
    """Adjacent pairs; a single token stands for itself."""
    if len(tokens) == 1:
        return [tokens[0]]
    if sep:
        return [a + sep + b for a, b in pairwise(tokens)]
    return [a + b for a, b in pairwise(tokens)]


def char_grams(compact: str) -> list[str]:
    """The character terms of a text without spaces: its bigrams, and each Chinese character on
    its own (a word split differently, 交过保险 / 保险交了, still shares its characters)."""
    if not compact:
        return []
    grams = bigrams(compact)
    if len(compact) > 1:
        grams += [ch for ch in compact if ch >= "\u4e00"]
    return grams


@dataclass(frozen=True)
class Analysed:
    text: str  # normalised and alias-rewritten
    chars: list[str]  # character bigrams and Chinese characters (char_grams)
    sounds: list[str]  # folded pinyin-syllable bigrams
    spoken: str  # folded syllables joined by spaces (for fuzzy matching)
    terms: list[str]  # policy terms found
    trouble: bool = False  # it describes a problem (describes_trouble)
    cue: bool = False  # it holds a word of questions about public support (scope_cues.txt)
    # an everyday matter sharing a word with a policy (拖拉机打不着火咋修): a word of everyday_cues.txt,
    # and no word of public support besides its policy terms and the cues naming a product (贷款, 保险)
    everyday: bool = False


class Analyzer:
    def __init__(
        self, aliases: AliasTable | None = None, terms: PolicyTerms | None = None, cues: Sequence[str] | None = None
    ) -> None:
        self.aliases = aliases if aliases is not None else default_aliases()
        self.terms = terms if terms is not None else default_terms()
        self.cues = tuple(cues) if cues is not None else default_cues()
        self.everyday_words, products = default_everyday()
        self.support_cues = tuple(cue for cue in self.cues if cue not in products)
        self.sounds = SoundFixer(
            self.aliases.words | self.terms.topics_of.keys() | set(self.support_cues), default_keep()
        )

    def index_form(self, raw: str) -> str:
        """An indexed text (an entry's title or question variant), normalised and alias-rewritten;
        the engine derives its bigrams and syllables for all texts at once."""
        return self.aliases.rewrite(normalise(raw))

    def index_forms(self, raws: Sequence[str]) -> list[str]:
        """`index_form` of each text, normalised and alias-rewritten in one pass over them all (an
        index build has a hundred thousand)."""
        return self.aliases.rewrite(normalise_joined(raws)).split("\n") if raws else []

    def analyse(self, raw: str, *, with_terms: bool = True, known: Container[str] = ()) -> Analysed:
        """`with_terms`: a question (voice slips repaired, policy terms found); `known`: character
        bigrams of the indexed text, which the repair leaves alone."""
        clean = normalise(simplified(raw))  # the index is simplified; 低保怎麼申請 asks the same
        if with_terms:  # a question: repair voice slips first
            clean = self.sounds.fix(clean, known)
        text = self.aliases.rewrite(clean)
        compact = text.replace(" ", "")
        sylls = syllables(text)
        terms = self.terms.find(text) if with_terms else []
        return Analysed(
            text=compact,
            chars=char_grams(compact),
            sounds=bigrams(sylls, "_") if sylls else [],
            spoken=" ".join(sylls),
            terms=terms,
            # as typed or heard, and as the aliases read it (Qinghai 还莫发 is 还没发)
            trouble=(tells_trouble(clean) or describes_trouble(compact)) if with_terms else describes_trouble(clean),
            cue=any(cue in clean or cue in compact for cue in self.cues),
            everyday=with_terms and self._everyday(compact, terms),
        )

    def _everyday(self, compact: str, terms: Sequence[str]) -> bool:
        if not any(word in compact for word in self.everyday_words):
            return False
        rest = compact
        for term in sorted(terms, key=len, reverse=True):
            rest = rest.replace(term.replace(" ", ""), "|")
        for word in self.everyday_words:  # 收购价 holds the cue 收购, but asks a market price
            rest = rest.replace(word, "|")
        return not any(cue in rest for cue in self.support_cues)
