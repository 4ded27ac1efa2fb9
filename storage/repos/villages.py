"""Counties, towns and village-level units: bulk upsert from the registry, and read-only place lookups."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute, Session

from storage.models import County, Town, Village, table


@dataclass(frozen=True)
class CountyRow:
    code: str
    name: str


@dataclass(frozen=True)
class TownRow:
    code: str
    county_code: str
    name: str


@dataclass(frozen=True)
class VillageRow:
    code: str
    town_code: str
    county_code: str
    name: str
    urban_rural_code: str | None
    is_village: bool
    lat: float | None = None
    lng: float | None = None
    datum: str | None = None


@dataclass(frozen=True)
class UpsertCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    town_code: str
    town_name: str
    county_code: str
    county_name: str
    is_village: bool

    @property
    def full_name(self) -> str:
        return f"{self.county_name} {self.town_name} {self.name}"


def upsert_counties(session: Session, *, rows: Sequence[CountyRow]) -> UpsertCounts:
    return _upsert(session, County, County.code, [{"code": r.code, "name": r.name} for r in rows])


def upsert_towns(session: Session, *, rows: Sequence[TownRow]) -> UpsertCounts:
    values = [{"code": r.code, "county_code": r.county_code, "name": r.name} for r in rows]
    return _upsert(session, Town, Town.code, values)


def upsert_villages(session: Session, *, rows: Sequence[VillageRow]) -> UpsertCounts:
    """Insert or update the registry columns only: lat/lng/datum set later by people are kept."""
    values = [
        {
            "code": r.code,
            "town_code": r.town_code,
            "county_code": r.county_code,
            "name": r.name,
            "urban_rural_code": r.urban_rural_code,
            "is_village": r.is_village,
        }
        for r in rows
    ]
    counts = _upsert(session, Village, Village.code, values)
    located = [{"b_code": r.code, "lat": r.lat, "lng": r.lng, "datum": r.datum} for r in rows if r.lat is not None]
    if located:
        # Only rows that carry a position set one; a registry file without positions keeps those stored.
        villages = table(Village)
        session.execute(update(villages).where(villages.c.code == bindparam("b_code")), located)
    return counts


def _upsert(
    session: Session, model: type[Any], key: InstrumentedAttribute[str], values: list[dict[str, Any]]
) -> UpsertCounts:
    if not values:
        return UpsertCounts()
    columns = list(values[0])
    # One SELECT of what is stored lets us write only new or changed rows and report honest counts.
    stored = {row[0]: tuple(row) for row in session.execute(select(*(getattr(model, c) for c in columns)))}
    changed = [v for v in values if stored.get(v["code"]) != tuple(v[c] for c in columns)]
    inserted = sum(1 for v in changed if v["code"] not in stored)
    if changed:
        _execute_upsert(session, model, key.key, columns, changed)
    updated = len(changed) - inserted
    return UpsertCounts(inserted=inserted, updated=updated, unchanged=len(values) - len(changed))


def _execute_upsert(
    session: Session, model: type[Any], key: str, columns: list[str], values: list[dict[str, Any]]
) -> None:
    # ON CONFLICT keeps the write correct even if another importer inserted the row since our SELECT.
    dialect = session.get_bind().dialect.name
    table = model.__table__
    if dialect == "postgresql":
        pg = postgresql.insert(table)
        stmt: Any = pg.on_conflict_do_update(index_elements=[key], set_=_excluded(pg.excluded, columns, key))
    elif dialect == "sqlite":
        lite = sqlite.insert(table)
        stmt = lite.on_conflict_do_update(index_elements=[key], set_=_excluded(lite.excluded, columns, key))
    else:
        raise NotImplementedError(f"upsert not supported on {dialect}")
    # Core executemany: SQLAlchemy batches it into multi-row INSERTs ("insertmanyvalues").
    session.execute(stmt, values)


def _excluded(excluded: Any, columns: list[str], key: str) -> Mapping[str, Any]:
    return {c: excluded[c] for c in columns if c != key}


_PLACE_QUERY = (
    select(
        Village.code,
        Village.name,
        Town.code,
        Town.name,
        County.code,
        County.name,
        Village.is_village,
    )
    .join(Town, Village.town_code == Town.code)
    .join(County, Village.county_code == County.code)
)


def get_place(session: Session, *, code: str) -> Place | None:
    row = session.execute(_PLACE_QUERY.where(Village.code == code)).first()
    return None if row is None else Place(*row)


def places_by_code(session: Session, codes: Iterable[str]) -> dict[str, Place]:
    """The places of these village codes, by code; a code the registry does not know is left out."""
    wanted = sorted({c for c in codes if c})
    if not wanted:
        return {}
    return {row[0]: Place(*row) for row in session.execute(_PLACE_QUERY.where(Village.code.in_(wanted)))}


def list_places(session: Session) -> list[Place]:
    return [Place(*row) for row in session.execute(_PLACE_QUERY.order_by(Village.code))]


def count_villages(session: Session, *, include_parks: bool = True) -> int:
    """All village-level units; include_parks=False leaves out industrial-park units."""
    stmt = select(func.count()).select_from(Village)
    if not include_parks:
        stmt = stmt.where(Village.is_village.is_(True))
    return session.scalar(stmt) or 0
