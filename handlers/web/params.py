"""Numbers from the outside (path segments, query and form fields, headers), read without surprises.

`str.isdigit()` is true for "²" and for a 5,000-digit string, and `int()` refuses both; a 20-digit id
overflows SQLite's 64-bit INTEGER. `whole` accepts only ASCII digits, at most 18 of them (always below
2**63), within the bounds asked for, and says None for anything else. `has_nul` finds the NUL
character that PostgreSQL refuses in any text.
"""

from __future__ import annotations

import re

from starlette.datastructures import FormData
from starlette.requests import Request

_DIGITS = re.compile(r"[0-9]{1,18}")


def whole(text: object, *, low: int = 0, high: int = 10**18 - 1) -> int | None:
    """`text` as an int if it is 1-18 ASCII digits (an optional leading "-" when `low` < 0) within
    [low, high]; otherwise None."""
    if not isinstance(text, str):
        return None
    negative = text.startswith("-") and low < 0
    digits = text[1:] if negative else text
    if not _DIGITS.fullmatch(digits):
        return None
    value = -int(digits) if negative else int(digits)
    return value if low <= value <= high else None


def has_nul(request: Request, form: FormData | None = None) -> bool:
    """Whether a NUL character hides in the path, the query or a text field of the form. No text a
    person types contains one, and PostgreSQL refuses to store it or even compare with it."""
    texts: list[object] = [*request.path_params.values()]
    texts += [item for pair in request.query_params.multi_items() for item in pair]
    if form is not None:
        texts += [item for pair in form.multi_items() for item in pair]
    return any(isinstance(t, str) and "\x00" in t for t in texts)
