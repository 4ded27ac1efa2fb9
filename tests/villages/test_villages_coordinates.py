"""Optional village positions in the registry file: validated, imported with their datum, never erased."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from storage.db import transaction
from storage.models import Village
from villages.places.importer import import_registry
from villages.places.registry import parse_registry

HEADER = "county_code,county_name,town_code,town_name,village_code,village_name,urban_rural_code"
ROW = "630223000000,互助土族自治县,630223106000,五十镇,630223106213,土观村委会,"


def test_positions_are_optional_and_validated() -> None:
    data = "\n".join(
        [
            HEADER + ",lat,lng,datum",
            ROW + ",36.84,101.95,gcj02",
            ROW.replace("106213", "106201").replace("土观", "班彦") + ",,,",
            ROW.replace("106213", "106202") + ",95,101.9,gcj02",
            ROW.replace("106213", "106203") + ",36.8,101.9,bd09",
            ROW.replace("106213", "106204") + ",north,101.9,wgs84",
        ]
    ).encode()
    parsed = parse_registry(data)
    assert [(r.village_code, r.lat, r.lng, r.datum) for r in parsed.rows] == [
        ("630223106213", 36.84, 101.95, "gcj02"),
        ("630223106201", None, None, None),
    ]
    assert [(b.line, b.reason.split(":")[0].split(",")[0]) for b in parsed.bad] == [
        (4, "lat/lng out of range"),
        (5, "datum must be gcj02 or wgs84"),
        (6, "lat/lng must be numbers"),
    ]


def test_import_sets_positions_and_a_file_without_them_keeps_them(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    with_position = tmp_path / "with.csv"
    with_position.write_text(HEADER + ",lat,lng,datum\n" + ROW + ",36.84,101.95,wgs84\n", encoding="utf-8")
    without = tmp_path / "without.csv"
    without.write_text(HEADER + "\n" + ROW + "\n", encoding="utf-8")
    with transaction(sessions) as s:
        import_registry(s, path=with_position)
    with transaction(sessions) as s:
        import_registry(s, path=without)
    with sessions() as s:
        village = s.get(Village, "630223106213")
        assert village is not None and (village.lat, village.lng, village.datum) == (36.84, 101.95, "wgs84")
