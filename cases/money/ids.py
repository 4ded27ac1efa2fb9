"""ID numbers (身份证号), account numbers and names: validation, keyed hashes and masked forms.

Only the keyed hash (config.privacy.keyed_hash under the identity key) and the mask are ever stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from operator import mul

from config.privacy import keyed_hasher
from config.settings import get_settings

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_ZEROS = ord("0") * sum(_WEIGHTS)
_ID_RE = re.compile(r"\d{17}[\dX]")
_ACCOUNT_RE = re.compile(r"\d{8,30}")


def check_digit(first17: str) -> str:
    """The 18th character of a GB 11643 citizen ID number."""
    if len(first17) != 17:
        raise ValueError("check_digit needs the first 17 characters")
    if first17.isascii():  # the digits' bytes less 48 * the weights' sum, without an int() per digit
        return _CHECK[(sum(map(mul, first17.encode(), _WEIGHTS)) - _ZEROS) % 11]
    return _CHECK[sum(map(mul, map(int, first17), _WEIGHTS)) % 11]


@lru_cache(maxsize=1 << 18)
def id_problem(value: str) -> str | None:
    """Why `value` is not a valid 18-digit ID number, in Chinese, or None."""
    if not _ID_RE.fullmatch(value):
        return "身份证号应为 18 位（前 17 位数字，最后一位数字或 X）"
    if not _is_date(value[6:14]):
        return "身份证号中的出生日期不存在"
    if check_digit(value[:17]) != value[17]:
        return "身份证号校验位不对，请核对是否抄错"
    return None


@lru_cache(maxsize=1 << 16)
def _is_date(yyyymmdd: str) -> bool:
    """Cached: a register of many people holds a few tens of thousands of birth dates."""
    try:
        date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:]))
    except ValueError:
        return False
    return True


def normalise_id(value: str) -> str:
    return value.strip().upper()


def person_hash(id_number: str) -> str:
    return hasher("money-person")(id_number)


def account_hash(account: str) -> str:
    return hasher("money-account")(account)


def hasher(purpose: str) -> Callable[[str], str]:
    """`keyed_hash(purpose, value)` as a function of `value`, made once per purpose and identity key (a
    changed key, in tests or a rotation, gets a hasher of its own)."""
    return _hasher(purpose, get_settings().identity_key)


@lru_cache(maxsize=64)
def _hasher(purpose: str, key: str) -> Callable[[str], str]:
    del key  # keys the cache only
    return keyed_hasher(purpose)


def link_hash(name: str, last_six: str) -> str:
    """What a villager proves to link a household: the name and the ID number's last six characters."""
    return hasher("money-link")(f"{name.strip()}\x1f{last_six.strip().upper()}")


@lru_cache(maxsize=1 << 18)
def mask_id(id_number: str) -> str:
    return id_number[:6] + "*" * 8 + id_number[-4:]


@lru_cache(maxsize=1 << 18)
def account_problem(value: str) -> str | None:
    return None if _ACCOUNT_RE.fullmatch(value) else "账号应为 8 到 30 位数字"


@lru_cache(maxsize=1 << 18)
def mask_account(account: str) -> str:
    return f"{account[:4]} **** **** {account[-4:]}"


@lru_cache(maxsize=1 << 18)
def mask_name(name: str) -> str:
    """张*明, 张*, 欧**明: the first and last characters stay (a single one stays whole)."""
    name = name.strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
