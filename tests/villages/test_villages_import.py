"""Registry import into the database, on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from storage.db import transaction
from storage.models import County, Town, Village
from storage.repos.villages import UpsertCounts, count_villages, get_place, list_places
from villages.places.importer import import_registry
from villages.places.registry import HEADER, PACKAGED_REGISTRY

TUGUAN = "630223106213"


def count(session: Session, model: type[County] | type[Town] | type[Village]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_full_file_imports_fast_and_completely(sessions: sessionmaker[Session]) -> None:
    started = time.perf_counter()
    with transaction(sessions) as session:
        report = import_registry(session, path=PACKAGED_REGISTRY)
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0, f"import took {elapsed:.2f} s"
    assert report.ok
    assert report.villages == UpsertCounts(inserted=1665)
    assert report.towns == UpsertCounts(inserted=98)
    assert report.counties == UpsertCounts(inserted=6)
    with sessions() as session:
        assert count_villages(session) == 1665
        assert count(session, Town) == 98
        assert count(session, County) == 6
        # The four units under NBS 400-range towns, checked against the data (PROVENANCE.txt).
        assert count_villages(session, include_parks=False) == 1661
        parks = session.scalars(select(Village.code).where(Village.is_village.is_(False)).order_by(Village.code))
        assert list(parks) == ["630202400400", "630202400401", "630203400498", "630223400498"]


def test_reimport_is_idempotent(sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as session:
        import_registry(session, path=PACKAGED_REGISTRY)
    with transaction(sessions) as session:
        again = import_registry(session, path=PACKAGED_REGISTRY)
    assert again.villages == UpsertCounts(unchanged=1665)
    assert again.towns == UpsertCounts(unchanged=98)
    assert again.counties == UpsertCounts(unchanged=6)
    with sessions() as session:
        assert count_villages(session) == 1665


def test_reimport_updates_changed_rows_and_keeps_coordinates(sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as session:
        import_registry(session, path=PACKAGED_REGISTRY)
        # A renamed village and a position someone recorded by hand.
        session.execute(
            update(Village).where(Village.code == TUGUAN).values(name="旧名", lat=36.8, lng=102.1, datum="gcj02")
        )
    with transaction(sessions) as session:
        report = import_registry(session, path=PACKAGED_REGISTRY)
    assert report.villages == UpsertCounts(updated=1, unchanged=1664)
    with sessions() as session:
        village = session.get(Village, TUGUAN)
        assert village is not None
        assert (village.name, village.lat, village.lng, village.datum) == ("土观村委会", 36.8, 102.1, "gcj02")


def test_bad_rows_are_reported_and_good_rows_imported(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    good = "630223000000,互助土族自治县,630223106000,五十镇,630223106213,土观村委会,"
    too_short = "630223000000,互助土族自治县,630223106000,五十镇,63022310620,班彦村委会,"
    wrong_town = "630223000000,互助土族自治县,630223106000,五十镇,630223107201,某村委会,"
    park = "630202000000,乐都区,630202400000,海东工业园区乐都工业园,630202400400,类似居委会西区,"
    path = tmp_path / "villages.csv"
    path.write_text("\n".join([",".join(HEADER), good, too_short, wrong_town, park]) + "\n", encoding="utf-8")

    with transaction(sessions) as session:
        report = import_registry(session, path=path)

    assert not report.ok
    assert [b.line for b in report.bad_rows] == [3, 4]
    assert "not 12 digits" in report.bad_rows[0].reason
    assert "first 9 digits differ" in report.bad_rows[1].reason
    assert report.villages == UpsertCounts(inserted=2)
    assert report.towns == UpsertCounts(inserted=2)
    assert report.counties == UpsertCounts(inserted=2)
    with sessions() as session:
        assert [p.code for p in list_places(session)] == ["630202400400", TUGUAN]
        assert [p.is_village for p in list_places(session)] == [False, True]


def test_get_place_full_name(sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as session:
        import_registry(session, path=PACKAGED_REGISTRY)
    with sessions() as session:
        place = get_place(session, code=TUGUAN)
        assert place is not None
        assert place.full_name == "互助土族自治县 五十镇 土观村委会"
        assert (place.town_code, place.county_code, place.is_village) == ("630223106000", "630223000000", True)
        assert get_place(session, code="630223106999") is None
        places = list_places(session)
        assert len(places) == 1665
        assert [p.code for p in places] == sorted(p.code for p in places)
