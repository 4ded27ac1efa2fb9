"""Reading a case number and query code out of what a villager typed.

Numbers arrive with spaces, full-width digits, missing or extra dashes, Chinese punctuation, on two lines,
and with the code before or after. Digits are only ever regrouped at the number's own boundaries
(6 + 4 + 6): a number that does not fit is never padded or cut into another one; the villager is asked.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_RUN = re.compile(r"\d+")
NUMBER_LEN = 16  # 630223 2026 000123
CODE_LEN = 6
_BOUNDARIES = {0, 6, 10, 16}
# Three dashed groups, the shape of a case number, whatever their lengths (630223-226-000001).
_DASHED = re.compile(r"(?<!\d)\d{5,7}\s*[-—–_]\s*\d{2,6}\s*[-—–_]\s*\d{3,8}(?!\d)")


@dataclass(frozen=True)
class CaseInput:
    number: str | None = None
    code: str | None = None
    # Something that looks like a case number but is not one (too short a serial, a wrong year...).
    doubtful: str | None = None
    codes_found: int = 0


def _plausible(digits: str) -> bool:
    return len(digits) == NUMBER_LEN and digits[0] in "123456" and digits[6:8] == "20"


def _dashed(digits: str) -> str:
    return f"{digits[:6]}-{digits[6:10]}-{digits[10:]}"


def _number_at(runs: list[str]) -> tuple[int, int] | None:
    """(first, last+1) of consecutive runs that make one plausible number, split only at its boundaries."""
    for i in range(len(runs)):
        total, cuts = 0, set()
        for j in range(i, len(runs)):
            total += len(runs[j])
            cuts.add(total)
            if total > NUMBER_LEN:
                break
            if total == NUMBER_LEN:
                joined = "".join(runs[i : j + 1])
                if cuts <= _BOUNDARIES and _plausible(joined):
                    return i, j + 1
                break
    return None


def _glued(run: str) -> tuple[str, str] | None:
    """A number and a code typed with nothing between them, in either order, when only one reading fits."""
    if len(run) != NUMBER_LEN + CODE_LEN:
        return None
    readings = []
    if _plausible(run[:NUMBER_LEN]):
        readings.append((run[:NUMBER_LEN], run[NUMBER_LEN:]))
    if _plausible(run[CODE_LEN:]):
        readings.append((run[CODE_LEN:], run[:CODE_LEN]))
    return readings[0] if len(readings) == 1 else None


def _looks_like_number(runs: list[str], cleaned: str) -> str | None:
    """The start of a case number (county code then a year) that does not complete into one, or anything
    written in its dashed shape."""
    dashed = _DASHED.search(cleaned)
    if dashed is not None:
        return re.sub(r"\s+", "", dashed.group(0))
    for i in range(len(runs) - 1):
        if len(runs[i]) == 6 and runs[i][0] in "123456" and re.fullmatch(r"20\d\d", runs[i + 1][:4] or ""):
            tail = runs[i + 2] if i + 2 < len(runs) else ""
            return "-".join(x for x in (runs[i], runs[i + 1], tail) if x)
        if len(runs[i]) in (10, 11, 12, 13, 14, 15, 17, 18) and runs[i][6:8] == "20":
            return runs[i]
    return None


def _split_code(runs: list[str]) -> list[str]:
    """[code] when short runs together make the 6 digits of a query code (123 456, 12 34 56), else []."""
    joined = "".join(runs)
    return [joined] if 2 <= len(runs) <= 3 and len(joined) == CODE_LEN and all(len(r) >= 2 for r in runs) else []


def read(text: str) -> CaseInput:
    cleaned = unicodedata.normalize("NFKC", text)
    runs = _RUN.findall(cleaned)
    for run in runs:
        glued = _glued(run)
        if glued is not None:
            return CaseInput(number=_dashed(glued[0]), code=glued[1], codes_found=1)
    found = _number_at(runs)
    if found is None:
        doubtful = _looks_like_number(runs, cleaned)
        codes = [r for r in runs if len(r) == CODE_LEN] or _split_code(runs)
        return CaseInput(doubtful=doubtful, code=codes[0] if len(codes) == 1 and not doubtful else None)
    start, end = found
    number = _dashed("".join(runs[start:end]))
    codes = [r for k, r in enumerate(runs) if not start <= k < end and len(r) == CODE_LEN]
    others = [r for k, r in enumerate(runs) if not start <= k < end and len(r) != CODE_LEN]
    code = codes[0] if len(codes) == 1 and not others else None
    if code is None and not codes:
        # A code typed in groups (123 456), all on one side of the number.
        before, after = runs[:start], runs[end:]
        split = _split_code(after) if not before else _split_code(before) if not after else []
        code = split[0] if split else None
    return CaseInput(number=number, code=code, codes_found=len(codes) + len(others))


def read_code(text: str) -> str | None:
    """The 6-digit query code in a field of its own: full-width digits and spaces accepted (７３９ ６７３),
    nothing else around it."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if re.fullmatch(r"[\d\s-]+", cleaned) is None:
        return None
    runs: list[str] = _RUN.findall(cleaned)
    if len(runs) == 1 and len(runs[0]) == CODE_LEN:
        return runs[0]
    split = _split_code(runs)
    return split[0] if split else None


def read_number(text: str) -> CaseInput:
    """A case number typed in a field of its own (spaces, full-width digits, missing dashes): the number, or
    what looked like one (doubtful) so the villager can be told; never a different number made up."""
    found = read(text)
    return CaseInput(number=found.number, doubtful=None if found.number else found.doubtful)
