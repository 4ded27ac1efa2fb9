"""Text normalisation shared by the index and the queries: NFKC, case, punctuation, spacing."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# A space between two characters of which at least one is not ASCII carries no meaning in Chinese.
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) (?=.)|(?<=.) (?=[^\x00-\x7f])")


_DROPPED = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Fold `text` for matching: full-width to half-width (NFKC), lower case, punctuation and
    symbols dropped, whitespace collapsed and removed between Chinese characters."""
    folded = unicodedata.normalize("NFKC", text).lower()
    collapsed = _SPACES.sub(" ", _DROPPED.sub(" ", folded)).strip()
    return _CJK_SPACE.sub("", collapsed)
