"""Pinyin syllables with near-sounds folded, so homophones and voice-recognition slips match.

Folding: zh/z, ch/c, sh/s, n/l, and -ang/-an, -eng/-en, -ing/-in. Each character is read on its own
(its most common reading) so the index and the query always agree.
"""

from __future__ import annotations

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


# Folded syllable per character: a plain dict (no lru_cache call overhead), since the index build
# looks up every character of every variant. Bounded by the number of distinct characters seen.
_SYLLABLE: dict[str, str] = {}


def char_syllable(ch: str) -> str:
    """The folded syllable of one CJK character, or the character itself when it has none."""
    cached = _SYLLABLE.get(ch)
    if cached is None:
        reading = lazy_pinyin(ch, style=Style.NORMAL, errors="default")
        cached = fold(reading[0]) if reading and reading[0] != ch else ch
        _SYLLABLE[ch] = cached
    return cached


def syllables(text: str) -> list[str]:
    """Folded syllables of a normalised text; runs of ASCII letters/digits stay single tokens."""
    if text.isascii():
        return text.split()
    out: list[str] = []
    run: list[str] = []
    syllable = _SYLLABLE.get
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
        out.append(syllable(ch) or char_syllable(ch))
    if run:
        out.append("".join(run))
    return out


def exact_syllable(ch: str) -> str:
    """The unfolded, toneless syllable of a character (for the same-pinyin noise of the eval)."""
    reading = lazy_pinyin(ch, style=Style.NORMAL, errors="default")
    return reading[0] if reading else ch
