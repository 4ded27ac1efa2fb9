"""An amount of money as villagers type it: 150, 150元, 只到了150, 到手 1,200 块, 一百五, 两千三, 一万二 块钱."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

_DIGITS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,7}(?:\.\d{1,2})?")
_HAN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
# A run of Chinese numerals is an amount when it has a unit (一百五) or money follows it (五块, 八元): 一半 is not.
_HAN_RE = re.compile(r"([零〇一二两三四五六七八九十百千万]+)(元|块|圆)?")


def yuan_said(text: str) -> str | None:
    """The amount in yuan a short answer names, as plain digits ("150", "99.5"), or None."""
    plain = unicodedata.normalize("NFKC", text)
    found = _DIGITS_RE.search(plain)
    if found is not None:
        return _shown(Decimal(found.group(0).replace(",", "")))
    for run in _HAN_RE.finditer(plain):
        numerals, money = run.group(1), run.group(2)
        if money or any(ch in numerals for ch in "十百千万"):
            return _shown(Decimal(_han_number(numerals)))
    return None


def _shown(amount: Decimal) -> str:
    return f"{amount.normalize():f}"


def _han_number(numerals: str) -> int:
    """一百五 = 150 and 两千三 = 2300 (a digit after the last unit is the next place), 一百零五 = 105."""
    total = section = 0
    digit: int | None = None
    last_unit = 1
    for ch in numerals:
        if ch in ("零", "〇"):
            digit, last_unit = None, 1
        elif ch in _HAN_DIGITS:
            digit = _HAN_DIGITS[ch]
        elif ch == "万":
            total += (section + (digit or 0)) * 10000
            section, digit, last_unit = 0, None, 10000
        else:
            unit = _HAN_UNITS[ch]
            section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    if digit is not None:
        section += digit * (last_unit // 10 if last_unit >= 100 else 1)
    return total + section
