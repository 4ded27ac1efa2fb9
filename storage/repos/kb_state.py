"""The knowledge-base version row: a reload bumps it, every process polls it and swaps its index."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models import KbState

NAME = "knowledge"


def get_version(session: Session, *, name: str = NAME) -> int:
    """0 until the first reload."""
    return session.scalar(select(KbState.version).where(KbState.name == name)) or 0


def bump(session: Session, *, now: datetime, name: str = NAME) -> int:
    """Add one to the version in a single statement (safe when two reloads race); return the new value."""
    dialect = session.get_bind().dialect.name
    insert: Any
    if dialect == "postgresql":
        insert = postgresql.insert(KbState)
    elif dialect == "sqlite":
        insert = sqlite.insert(KbState)
    else:
        raise NotImplementedError(f"upsert not supported on {dialect}")
    stmt = insert.values(name=name, version=1, updated_at=now).on_conflict_do_update(
        index_elements=["name"], set_={"version": KbState.version + 1, "updated_at": now}
    )
    session.execute(stmt)
    return get_version(session, name=name)
