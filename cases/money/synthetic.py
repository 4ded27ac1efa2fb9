"""Synthetic (合成数据) ID and account numbers: valid in form, and never a real person's.

ID numbers use the region code 990000, which GB/T 2260 does not assign (provinces run 11..82), so no real
ID number can match; the birth date and sequence come from `n`, and the check digit is computed. Account
numbers start 9999, which no Chinese bank's card BIN uses.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from cases.money.ids import check_digit

FAKE_REGION = "990000"
_EPOCH = date(1940, 1, 1)


@lru_cache(maxsize=1 << 20)
def fake_id(n: int) -> str:
    """The n-th synthetic ID number: distinct for n < 30,000 days * 1,000 sequences. Cached: a data set
    names each person in every payment."""
    born = _EPOCH + timedelta(days=(n // 1000) % 30000)
    first17 = f"{FAKE_REGION}{born:%Y%m%d}{n % 1000:03d}"
    return first17 + check_digit(first17)


def fake_account(n: int) -> str:
    return f"9999{n:015d}"
