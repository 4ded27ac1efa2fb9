"""Voice-slip repair: a run of characters that sounds like a known policy word (folded pinyin) but
is written differently becomes that word, before aliases and retrieval (医报 -> 医保, 特昆 -> 特困,
满病卡 -> 慢病卡, 建当立卡 -> 建档立卡). Speech recognition and pinyin typing pick the wrong
homophone; the word the villager meant is almost always the policy word, since that is what they
are asking about.

Only applied to questions (entries are written correctly). Guards against rewriting ordinary words:
a two-character match must keep one of its characters (医报/医保) and must not be a word the
knowledge base itself uses (`known`: 公司 stays 公司, not 公示), a sound shared by several known
words is left alone, and so is any part of an ordinary word that merely sounds like one (`keep`,
soundfix_keep.txt: 大雪 is snow, not 大学; 办公室 is not 办公示).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from functools import lru_cache
from pathlib import Path

from knowledge.phonetic import char_syllable

KEEP_FILE = Path(__file__).with_name("soundfix_keep.txt")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def parse_keep(lines: Iterable[str]) -> list[str]:
    """Words, one a line (# comments allowed)."""
    return [word for line in lines if (word := line.strip()) and not word.startswith("#")]


@lru_cache(maxsize=1)
def default_keep() -> tuple[str, ...]:
    with KEEP_FILE.open(encoding="utf-8") as fh:
        return tuple(parse_keep(fh))


class SoundFixer:
    def __init__(self, words: Iterable[str], keep: Iterable[str] = ()) -> None:
        by_sound: dict[tuple[str, ...], set[str]] = {}
        for word in words:
            if len(word) >= 2 and all(_is_cjk(ch) for ch in word):
                by_sound.setdefault(tuple(char_syllable(ch) for ch in word), set()).add(word)
        self._by_sound = {key: frozenset(found) for key, found in by_sound.items()}
        self._lengths = sorted({len(key) for key in by_sound}, reverse=True)
        # a word can start only on these sounds, and only on these pairs of sounds
        self._first = frozenset(key[0] for key in by_sound)
        self._pairs = frozenset(key[:2] for key in by_sound)
        kept = sorted({word for word in keep if word}, key=lambda w: (-len(w), w))
        self._keep = re.compile("|".join(map(re.escape, kept))) if kept else None

    def fix(self, text: str, known: Container[str] = ()) -> str:
        """`text` (normalised) with sound-alike runs replaced by the known word, leftmost longest."""
        if not self._lengths or text.isascii():
            return text
        sounds = [char_syllable(ch) if _is_cjk(ch) else "" for ch in text]
        if self._keep is not None:  # the characters of ordinary words are not slips
            for match in self._keep.finditer(text):
                sounds[match.start() : match.end()] = [""] * (match.end() - match.start())
        out: list[str] = []
        i, n = 0, len(text)
        while i < n:
            step = 1
            piece = text[i]
            if sounds[i] in self._first and tuple(sounds[i : i + 2]) in self._pairs:
                for length in self._lengths:
                    if i + length > n:
                        continue
                    found = self._by_sound.get(tuple(sounds[i : i + length]))
                    if found is None:
                        continue
                    segment = text[i : i + length]
                    if segment in found:
                        piece, step = segment, length
                        break
                    if len(found) == 1:
                        (word,) = found
                        if length >= 3 or (
                            segment not in known and any(a == b for a, b in zip(segment, word, strict=True))
                        ):
                            piece, step = word, length
                            break
            out.append(piece)
            i += step
        return "".join(out)
