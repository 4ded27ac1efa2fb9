"""Load a registry CSV into the database. The caller owns the transaction and commits once per file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from storage.repos import villages as repo
from villages.places.registry import BadRow, RegistryRow, read_registry


@dataclass(frozen=True)
class ImportReport:
    counties: repo.UpsertCounts
    towns: repo.UpsertCounts
    villages: repo.UpsertCounts
    bad_rows: tuple[BadRow, ...]

    @property
    def ok(self) -> bool:
        return not self.bad_rows


def import_registry(session: Session, *, path: Path) -> ImportReport:
    """Upsert every valid row; bad rows are reported, not fatal, so one typo never blocks a county."""
    parsed = read_registry(path)
    rows = parsed.rows
    counties = repo.upsert_counties(session, rows=_counties(rows))
    towns = repo.upsert_towns(session, rows=_towns(rows))
    villages = repo.upsert_villages(session, rows=[_village(r) for r in rows])
    return ImportReport(counties=counties, towns=towns, villages=villages, bad_rows=parsed.bad)


def _counties(rows: tuple[RegistryRow, ...]) -> list[repo.CountyRow]:
    # The registry already rejected rows that name a code differently, so the first name is the name.
    seen: dict[str, repo.CountyRow] = {}
    for r in rows:
        seen.setdefault(r.county_code, repo.CountyRow(code=r.county_code, name=r.county_name))
    return list(seen.values())


def _towns(rows: tuple[RegistryRow, ...]) -> list[repo.TownRow]:
    seen: dict[str, repo.TownRow] = {}
    for r in rows:
        town = repo.TownRow(code=r.town_code, county_code=r.county_code, name=r.town_name)
        seen.setdefault(r.town_code, town)
    return list(seen.values())


def _village(r: RegistryRow) -> repo.VillageRow:
    return repo.VillageRow(
        code=r.village_code,
        town_code=r.town_code,
        county_code=r.county_code,
        name=r.village_name,
        urban_rural_code=r.urban_rural_code,
        is_village=r.is_village,
        lat=r.lat,
        lng=r.lng,
        datum=r.datum,
    )
