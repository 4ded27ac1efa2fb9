"""The matching form of a message, and the small word tests every reading uses.

Messages are normalised first: full-width characters become ASCII, traditional characters simplified, dialect
words and common homophones their standard form, and punctuation, emoji and trailing particles go. The villager's
own text is what reports store; the normalised copy is only for matching. Word lists are data (bot/data/intents.yaml).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.phonetic import syllables
from knowledge.simplified import simplified

DATA = Path(__file__).parent.parent / "data" / "intents.yaml"

# Anything that is neither a letter, a digit nor a CJK character: punctuation, symbols, emoji.
_NOISE = re.compile(r"[^\w\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    loaded = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def word_list(*path: str) -> tuple[str, ...]:
    node: Any = data()
    for key in path:
        node = node[key]
    return tuple(str(w) for w in node)


@lru_cache(maxsize=1)
def _replacements() -> tuple[tuple[str, str], ...]:
    # Longest first, so 俺们 is read before 俺 and 尕娃 before 娃.
    pairs = {**data()["homophones"], **data()["dialect"]}
    return tuple(sorted(((str(k), str(v)) for k, v in pairs.items()), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=512)
def normalise(text: str) -> str:
    """The matching form of a message: NFKC, simplified characters, lower case, dialect and homophones read,
    noise removed.

    Remembered: a message and its clauses are read by several rules (the safety check, the story pieces, the
    classifier), each normalising the same text; it is a pure function of the text over word lists read once.
    """
    out = simplified(unicodedata.normalize("NFKC", text)).lower()
    if out.strip() == "?":
        return "?"  # a lone question mark asks for help
    out = without_fillers(out)
    out = _LATIN_RUN.sub(_pinyin_read, out)
    out = _MO_ASKING.sub("没", out)  # 有人莫, 吃了莫: 莫 ending a clause asks 没 (莫高窟, 莫名其妙 stay)
    for old, new in _replacements():
        out = out.replace(old, new)
    return _NOISE.sub("", _features_heard(out))


# The menu's feature names, which villagers type by voice and so by sound (象木公开, 查寻进度, 政策咨寻).
_FEATURE_NAMES = ("项目公开", "村务公开", "财务公开", "政策咨询", "查询进度", "进度查询", "反映问题")


def _features_heard(out: str) -> str:
    """A feature's name typed with a same-sound slip in one half (象木公开, 查寻进度) read as the name: only four
    characters that sound exactly like it, one half of them as written, so no other words change."""
    for name in _FEATURE_NAMES:
        if name in out:
            continue
        for half, start in ((name[:2], 0), (name[2:], 2)):
            at = out.find(half)
            while at >= 0:
                window = out[at - start : at - start + 4] if at >= start else ""
                if len(window) == 4 and window != name and sound(window) == sound(name):
                    out = out[: at - start] + name + out[at - start + 4 :]
                at = out.find(half, at + 1)
    return out


# Hesitation words said as clauses of their own (那个 就是说 嗯 反映一下 那个): they mean nothing, at any step.
_FILLER_CLAUSE = re.compile(r"(那个|那啥|就是说|就是|然后呢|嗯|呃|额|唔|啊|哎|诶|欸)+")
_CLAUSE_SPLIT = re.compile(r"([\s,，。.!！?？;；、~～…]+)")


def without_fillers(text: str) -> str:
    """The message without clauses that are nothing but hesitation (那个 就是 3 -> 3, 那个 匿名 -> 匿名,
    嗯 那个 就是说 就这些 没了 -> 就这些 没了). Only whole clauses go, and only when something else is said:
    那个人 stays, and 嗯 or 就是 alone are still answers."""
    pieces = _CLAUSE_SPLIT.split(text)
    words = [p for i, p in enumerate(pieces) if i % 2 == 0 and p]
    if not any(_FILLER_CLAUSE.fullmatch(w) for w in words) or all(_FILLER_CLAUSE.fullmatch(w) for w in words):
        return text
    kept = [p if i % 2 else ("" if _FILLER_CLAUSE.fullmatch(p) else p) for i, p in enumerate(pieces)]
    return re.sub(r"^[\s,，。.!！?？;；、~～…]+", "", "".join(kept))


_LATIN_RUN = re.compile(r"[a-z]+")
# 莫 after a character and before the clause's end: the Qinghai question 没 (有人莫 = 有人没).
_MO_ASKING = re.compile(r"(?<=[\u4e00-\u9fff])莫(?=$|[^\w\u4e00-\u9fff])")


@lru_cache(maxsize=1)
def _pinyin_words() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((str(k), str(v)) for k, v in data()["pinyin"].items()), key=lambda kv: -len(kv[0])))


def _pinyin_read(run: re.Match[str]) -> str:
    """A whole run of Latin letters that is one or more of the commonest service words in pinyin (xiexie,
    xiexiehaode): their Chinese. Any other run (hello, ok, a name) is left as typed."""
    letters = run.group(0)
    words = _pinyin_words()
    out: list[str] = []
    at = 0
    while at < len(letters):
        for py, hanzi in words:
            if letters.startswith(py, at):
                out.append(hanzi)
                at += len(py)
                break
        else:
            return letters
    return "".join(out)


def trimmed(norm: str) -> str:
    """Without leading wants and trailing particles: 我要回主菜单啊 -> 回主菜单."""
    particles = word_list("particles")
    changed = True
    while changed and norm:
        changed = False
        for p in particles:
            if norm.endswith(p) and len(norm) > len(p):
                norm, changed = norm[: -len(p)], True
        for lead in sorted(word_list("lead_ins"), key=len, reverse=True):
            if norm.startswith(lead) and len(norm) > len(lead):
                norm, changed = norm[len(lead) :], True
                break
    return norm


def made_of(norm: str, phrases: tuple[str, ...]) -> bool:
    """Whether the message is nothing but these phrases, repeated or joined (算了算了, 好的谢谢)."""
    if not norm:
        return False
    ordered = sorted(phrases, key=len, reverse=True)
    reachable = [True] + [False] * len(norm)
    for i in range(len(norm)):
        if reachable[i]:
            for p in ordered:
                if p and norm.startswith(p, i):
                    reachable[i + len(p)] = True
    return reachable[len(norm)]


def has(norm: str, words: tuple[str, ...]) -> bool:
    return any(w in norm for w in words)


def sounds_like(norm: str, words: tuple[str, ...]) -> bool:
    """A short message that sounds exactly like one of the words (pinyin with near-sounds folded):
    转人公 is 转人工, 挑过 is 跳过. Only words of two syllables or more, so a lone character is never read
    as another."""
    if not 2 <= len(norm) <= 6 or not all("\u4e00" <= ch <= "\u9fff" for ch in norm):
        return False
    return sound(norm) in _sounds(words)


def sound(text: str) -> str:
    return " ".join(syllables(text))


@lru_cache(maxsize=64)
def _sounds(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(sound(w) for w in words if len(w) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w))


def with_politeness(form: str, words: tuple[str, ...], *, alone: bool = True) -> bool:
    """The answer with thanks or an ok around it (不用了谢谢, 好的麻烦了): still the answer. Unless `alone`,
    a message of nothing but politeness does not count (好的谢谢 is not a way out)."""
    polite = tuple(str(w) for kind in ("thanks", "ok", "bye") for w in data()["smalltalk"][kind])
    return has(form, words) and made_of(form, words + polite) and (alone or not made_of(form, polite))


def alternatives(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def clauses(text: str) -> list[str]:
    """The message's clauses, split at spaces and punctuation: 电话不留 算了不弄了 -> 电话不留, 算了不弄了."""
    return [c for c in re.split(r"[\s,，。.!！?？;；、~～]+", unicodedata.normalize("NFKC", text)) if c]
