"""A small registry for the QR and poster tests: two counties, a park unit that gets no poster."""

from __future__ import annotations

from typing import Any

import zxingcpp
from sqlalchemy.orm import Session, sessionmaker

from storage.db import transaction
from storage.repos.villages import CountyRow, TownRow, VillageRow, upsert_counties, upsert_towns, upsert_villages

COUNTIES = (CountyRow("630223000000", "互助土族自治县"), CountyRow("630202000000", "乐都区"))
TOWNS = (
    TownRow("630223106000", "630223000000", "威远镇"),
    TownRow("630223400000", "630223000000", "互助绿色产业园"),
    TownRow("630202101000", "630202000000", "高庙镇"),
)
VILLAGES = (
    VillageRow("630223106213", "630223106000", "630223000000", "土观村", "220", True),
    VillageRow("630223106214", "630223106000", "630223000000", "小庄村", "220", True),
    VillageRow("630223106215", "630223106000", "630223000000", "卓扎滩村", "220", True),
    VillageRow("630223400498", "630223400000", "630223000000", "产业园虚拟村", "220", False),
    VillageRow("630202101201", "630202101000", "630202000000", "新庄村", "220", True),
    VillageRow("630202101202", "630202101000", "630202000000", "老鸦村", "220", True),
)
REAL = tuple(v for v in VILLAGES if v.is_village)
PARK = "630223400498"


def seed_places(sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as session:
        upsert_counties(session, rows=COUNTIES)
        upsert_towns(session, rows=TOWNS)
        upsert_villages(session, rows=VILLAGES)


def read_qr_codes(image: Any) -> list[Any]:
    """The QR codes a phone would read in `image`; other symbologies are not asked for, because a
    poster's text and borders can pass for a short linear barcode now and then."""
    return list(zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)))
