"""Text normalisation shared by the index and the queries: NFKC, case, punctuation, spacing."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

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
# For texts joined by newlines (normalise_joined): what the table drops, a run at a time; a space
# beside a newline; and _CJK_SPACE written to start with its space, so the regex engine can skip
# to the spaces instead of trying its lookbehinds at every character.
_DROPPED_RUNS = re.compile(r"(?:[^\w\n]|_)+")
_SPACE_AT_LINE_EDGE = re.compile(r" (?:(?=\n)|(?<=\n ))")
_CJK_SPACE_FAST = re.compile(r" (?:(?<=[^\x00-\x7f] )(?=.)|(?<=. )(?=[^\x00-\x7f]))")


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


def normalise_joined(texts: Sequence[str]) -> str:
    """`"\\n".join(normalise(t) for t in texts)`, in a few passes over one string rather than a call
    per text (an index build has a hundred thousand texts; tests hold the two equal).

    Each step keeps a newline as a text boundary: lower case sees no cased letter in it, and the
    patterns never match across it. A newline inside a text is whitespace, which normalising turns
    into a space anyway. NFKC stays per text, and only for the texts that need it.
    """
    is_normalized, normalize = unicodedata.is_normalized, unicodedata.normalize
    folded = [text if is_normalized("NFKC", text) else normalize("NFKC", text) for text in texts]
    joined = "\n".join(folded)
    if joined.count("\n") != max(len(texts) - 1, 0):
        joined = "\n".join(text.replace("\n", " ") for text in folded)
    dropped = _DROPPED_RUNS.sub(" ", joined.lower())
    return _CJK_SPACE_FAST.sub("", _SPACE_AT_LINE_EDGE.sub("", dropped).strip(" "))
