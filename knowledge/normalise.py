"""Text normalisation shared by the index and the queries: NFKC, case, punctuation, spacing."""

from __future__ import annotations

import re
import unicodedata

# A space between two characters of which at least one is not ASCII carries no meaning in Chinese.
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) (?=.)|(?<=.) (?=[^\x00-\x7f])")
_WORD = re.compile(r"\w")


class _Dropping(dict[int, str]):
    """A str.translate table built as characters are met: punctuation, symbols, `_` and whitespace
    become a space, word characters stay (cached, so translating is one pass in C)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        kept = ch if ch != "_" and _WORD.match(ch) else " "
        self[code] = kept
        return kept


_TABLE = _Dropping()


def normalise(text: str) -> str:
    """Fold `text` for matching: full-width to half-width (NFKC), lower case, punctuation and
    symbols dropped, whitespace collapsed and removed between Chinese characters."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.lower()
    if text.isalnum():  # most question variants: nothing to drop
        return text
    collapsed = " ".join(text.translate(_TABLE).split())
    return _CJK_SPACE.sub("", collapsed) if " " in collapsed else collapsed
