"""Pinyin syllables with near-sounds folded, so homophones and voice-recognition slips match.

Folding: zh/z, ch/c, sh/s, n/l, and -ang/-an, -eng/-en, -ing/-in. Each character is read on its own
(its most common reading) so the index and the query always agree.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


def fold(syllable: str) -> str:
    s = syllable
    if s[:2] in ("zh", "ch", "sh"):
        s = s[0] + s[2:]
    if s.startswith("n") and len(s) > 1:
        s = "l" + s[1:]
    if len(s) >= 3 and s.endswith("ng") and s[-3] in "aei":
        s = s[:-1]
    return s


@lru_cache(maxsize=65536)
def char_syllable(ch: str) -> str:
    """The folded syllable of one CJK character, or the character itself when it has none."""
    reading = lazy_pinyin(ch, style=Style.NORMAL, errors="default")
    return fold(reading[0]) if reading and reading[0] != ch else ch


def syllables(text: str) -> list[str]:
    """Folded syllables of a normalised text; runs of ASCII letters/digits stay single tokens."""
    out: list[str] = []
    run: list[str] = []
    for ch in text:
        if ch.isascii():
            if ch != " ":
                run.append(ch)
            elif run:
                out.append("".join(run))
                run = []
            continue
        if run:
            out.append("".join(run))
            run = []
        out.append(char_syllable(ch))
    if run:
        out.append("".join(run))
    return out


def exact_syllable(ch: str) -> str:
    """The unfolded, toneless syllable of a character (for the same-pinyin noise of the eval)."""
    reading = lazy_pinyin(ch, style=Style.NORMAL, errors="default")
    return reading[0] if reading else ch
