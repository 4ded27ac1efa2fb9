"""Case numbers (630223-2026-000123) and query codes (6 digits, stored as argon2 hashes)."""

from __future__ import annotations

import functools
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models.cases import CaseCounter

NUMBER_RE = re.compile(r"(\d{6})-(\d{4})-(\d{6})")
# OWASP's minimum argon2id setting: cheap enough for a busy webhook, and codes also lock after 5 misses.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def next_number(session: Session, *, county_code: str, year: int) -> str:
    """The next number for the county and year. The counter row's lock makes it unique across processes."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(CaseCounter).values(county_code=county_code, year=year, value=0).on_conflict_do_nothing())
    value = session.execute(
        update(CaseCounter)
        .where(CaseCounter.county_code == county_code, CaseCounter.year == year)
        .values(value=CaseCounter.value + 1)
        .returning(CaseCounter.value)
    ).scalar_one()
    return f"{county_code}-{year}-{value:06d}"


def normalise_number(text: str) -> str | None:
    """A case number found in `text` (full-width digits and dashes accepted), or None."""
    cleaned = text.translate(_FULL_WIDTH).replace(" ", "")
    match = NUMBER_RE.search(cleaned)
    return match.group(0) if match else None


_FULL_WIDTH = str.maketrans("０１２３４５６７８９－—", "0123456789--")


def new_query_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def hash_code(code: str) -> str:
    return _HASHER.hash(code)


def code_matches(code_hash: str | None, code: str) -> bool:
    """Whether `code` is the one hashed. No hash (no such case) still costs one verification, against a
    dummy hash of the same cost, so an unknown case number answers as late as a wrong code."""
    try:
        return _HASHER.verify(code_hash or _dummy_hash(), code) and code_hash is not None
    except (VerificationError, InvalidHashError):
        return False


@functools.cache
def _dummy_hash() -> str:
    return _HASHER.hash(secrets.token_hex(16))
