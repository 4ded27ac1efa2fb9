"""Traditional characters read as simplified, for matching only (OpenCC's t2s tables, Apache-2.0).

Villagers whose phone or habit writes traditional characters (謝謝, 檢舉, 說完了) mean the same words as
everyone else; every word list and entry here is simplified. The villager's own text is never rewritten:
only the matching forms (the chat's normal form, a question's analysis) are.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import opencc
from opencc import OpenCC

_TABLES = Path(opencc.__file__).parent / "dictionary"


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _traditional() -> frozenset[str]:
    """Every character the tables may change: most messages have none and skip the conversion (a set test,
    a few µs, against 30 to 150 µs for converting a simplified message for nothing)."""
    chars = {line.split("\t", 1)[0] for line in _lines("TSCharacters.txt")}
    for line in _lines("TSPhrases.txt"):
        phrase, _, target = line.partition("\t")
        # 沈默 -> 沉默: a phrase may change a character that is no key of its own
        chars.update(a for a, b in zip(phrase, target.split(" ")[0], strict=False) if a != b)
    return frozenset(c for c in chars if len(c) == 1)


def _lines(name: str) -> list[str]:
    return [line.rstrip("\n") for line in (_TABLES / name).read_text(encoding="utf-8").splitlines() if line]


def simplified(text: str) -> str:
    """The text with traditional characters as simplified (謝謝你們 -> 谢谢你们); a simplified text unchanged."""
    if _traditional().isdisjoint(text):
        return text
    converted = _converter().convert(text)
    return converted if isinstance(converted, str) else text
