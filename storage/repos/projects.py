"""Village projects and their funds (项目公开): idempotent upsert on (village, name, year), and reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models import Project, Village

_KEY = ("village_code", "name", "year")


@dataclass(frozen=True)
class ProjectRow:
    village_code: str
    name: str
    year: int
    fund_source: str
    amount_yuan: Decimal
    implementing_unit: str
    status: str
    start_date: date | None
    completion_date: date | None
    beneficiaries: int | None
    is_demo: bool = False


_COLUMNS = tuple(f.name for f in fields(ProjectRow))


@dataclass(frozen=True)
class ProjectCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


def upsert_projects(session: Session, *, rows: Sequence[ProjectRow], now: datetime) -> ProjectCounts:
    """Insert new projects and update changed ones; an identical re-import writes nothing."""
    if not rows:
        return ProjectCounts()
    codes = sorted({r.village_code for r in rows})
    stored = {
        (p.village_code, p.name, p.year): p
        for p in session.execute(
            select(*(getattr(Project, c) for c in _COLUMNS)).where(Project.village_code.in_(codes))
        )
    }
    changed: list[dict[str, Any]] = []
    inserted = 0
    for row in rows:
        values = {c: getattr(row, c) for c in _COLUMNS}
        old = stored.get((row.village_code, row.name, row.year))
        if old is not None and all(_same(getattr(old, c), values[c]) for c in _COLUMNS):
            continue
        inserted += old is None
        changed.append(values | {"updated_at": now})
    if changed:
        _execute_upsert(session, changed)
    return ProjectCounts(inserted=inserted, updated=len(changed) - inserted, unchanged=len(rows) - len(changed))


def _same(stored: Any, new: Any) -> bool:
    if isinstance(new, Decimal):
        return stored is not None and Decimal(stored) == new
    return bool(stored == new)


def _execute_upsert(session: Session, values: list[dict[str, Any]]) -> None:
    # ON CONFLICT keeps a concurrent import correct: the unique key decides, not our earlier SELECT.
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        pg = postgresql.insert(Project)
        stmt: Any = pg.on_conflict_do_update(index_elements=list(_KEY), set_=_update_set(pg.excluded))
    elif dialect == "sqlite":
        lite = sqlite.insert(Project)
        stmt = lite.on_conflict_do_update(index_elements=list(_KEY), set_=_update_set(lite.excluded))
    else:
        raise NotImplementedError(f"upsert not supported on {dialect}")
    session.execute(stmt, values)


def _update_set(excluded: Any) -> dict[str, Any]:
    return {c: excluded[c] for c in (*_COLUMNS, "updated_at") if c not in _KEY}


def existing_village_codes(session: Session, *, codes: Sequence[str]) -> set[str]:
    wanted = sorted(set(codes))
    if not wanted:
        return set()
    return set(session.scalars(select(Village.code).where(Village.code.in_(wanted))))


def list_projects(session: Session, *, village_code: str) -> list[ProjectRow]:
    """A village's projects, newest year first, then by start date and name."""
    stmt = (
        select(*(getattr(Project, c) for c in _COLUMNS))
        .where(Project.village_code == village_code)
        .order_by(Project.year.desc(), Project.start_date.desc().nulls_last(), Project.name)
    )
    return [ProjectRow(**{**row._asdict(), "amount_yuan": Decimal(row.amount_yuan)}) for row in session.execute(stmt)]


def count_projects(session: Session, *, demo: bool | None = None) -> int:
    stmt = select(func.count()).select_from(Project)
    if demo is not None:
        stmt = stmt.where(Project.is_demo.is_(demo))
    return session.scalar(stmt) or 0
