"""Posters: one row per printed code. Kind and content are written once and never changed."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models import Poster

# Stay well below SQLite's 32,766 bound parameters per statement.
_IN_CHUNK = 500


@dataclass(frozen=True)
class PosterRow:
    id: int
    village_code: str
    poster_no: int
    scene: str
    kind: str
    content: str | None
    ticket: str | None


@dataclass(frozen=True)
class NewPoster:
    village_code: str
    poster_no: int
    scene: str
    kind: str
    content: str | None


_COLUMNS = (Poster.id, Poster.village_code, Poster.poster_no, Poster.scene, Poster.kind, Poster.content, Poster.ticket)


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]


def list_posters(session: Session, *, village_codes: Collection[str]) -> list[PosterRow]:
    """The posters of these villages, by village code then poster number."""
    rows: list[PosterRow] = []
    for chunk in _chunks(sorted(set(village_codes))):
        stmt = select(*_COLUMNS).where(Poster.village_code.in_(chunk))
        rows.extend(PosterRow(*r) for r in session.execute(stmt))
    rows.sort(key=lambda r: (r.village_code, r.poster_no))
    return rows


def add_posters(session: Session, *, rows: Sequence[NewPoster], now: datetime) -> int:
    """Insert posters that do not exist yet (same village and number, or same scene); return how many."""
    if not rows:
        return 0
    values = [
        {
            "village_code": r.village_code,
            "poster_no": r.poster_no,
            "scene": r.scene,
            "kind": r.kind,
            "content": r.content,
            "ticket": None,
            "created_at": now,
        }
        for r in rows
    ]
    dialect = session.get_bind().dialect.name
    stmt: Any
    if dialect == "postgresql":
        stmt = postgresql.insert(Poster).on_conflict_do_nothing()
    elif dialect == "sqlite":
        stmt = sqlite.insert(Poster).on_conflict_do_nothing()
    else:
        raise NotImplementedError(f"posters not supported on {dialect}")
    before = count_posters(session)
    session.execute(stmt, values)
    return count_posters(session) - before


def set_ticket(session: Session, *, poster_id: int, ticket: str, content: str) -> bool:
    """Record a WeChat ticket and the url it encodes, only on a poster that has none (never overwrite)."""
    stmt = (
        update(Poster)
        .where(Poster.id == poster_id, Poster.ticket.is_(None), Poster.kind == "wechat")
        .values(ticket=ticket, content=content)
    )
    result: Any = session.execute(stmt)
    return bool(result.rowcount == 1)


def count_posters(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Poster)) or 0


def count_tickets(session: Session) -> int:
    """Permanent WeChat codes this account has used (posters holding a ticket)."""
    return session.scalar(select(func.count()).select_from(Poster).where(Poster.ticket.is_not(None))) or 0
