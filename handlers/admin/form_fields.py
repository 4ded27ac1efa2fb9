"""Small readers the admin pages share: a stripped form field, and the village name of each case."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from storage.models import Village
from storage.models.cases import Case


def field(form: FormData, key: str) -> str:
    value = form.get(key)
    return value.strip() if isinstance(value, str) else ""


def places(session: Session, cases: Iterable[Case]) -> dict[int, str]:
    """Case id → its village's name ('' when the case names none)."""
    rows = list(cases)
    codes = {c.village_code for c in rows if c.village_code}
    if not codes:
        return {}
    names = {v.code: v.name for v in session.scalars(select(Village).where(Village.code.in_(codes)))}
    return {c.id: names.get(c.village_code or "", "") for c in rows}
