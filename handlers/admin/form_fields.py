"""Small readers the admin pages share: a stripped form field, and where each case is, by name."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from storage.models.cases import Case
from storage.repos.villages import places_by_code


def field(form: FormData, key: str) -> str:
    value = form.get(key)
    return value.strip() if isinstance(value, str) else ""


def places(session: Session, cases: Iterable[Case]) -> dict[int, str]:
    """Case id → where it is, by name only: county, town and village ('' when the case names none or the
    registry does not know its village). Never the village's code: staff pages show no internal codes."""
    rows = list(cases)
    found = places_by_code(session, (c.village_code or "" for c in rows))
    return {c.id: found[c.village_code].full_name for c in rows if c.village_code in found}
