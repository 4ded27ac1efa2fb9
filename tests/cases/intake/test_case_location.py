"""A case's position on its page: coordinates with their datum, map links (OpenStreetMap in WGS-84,
Amap in GCJ-02), and an embedded map of tiles only when QF_MAP_TILE_URL is set."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy import Engine

from cases.intake import datum
from cases.validation import LocationInput
from config.settings import Settings
from handlers.admin import location
from storage.db import make_sessionmaker
from tests.cases_support import KEYS, report, submit_once
from tests.staff_support import PASSWORD, load_org
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Widely published reference pairs of the GCJ-02 offset: (WGS-84 lat, lng, GCJ-02 lat, lng).
PAIRS = [
    (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),  # Shanghai
    (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),  # Shenzhen
    (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),  # Beijing
]
TILES = "https://tiles.example.org/{z}/{x}/{y}.png"


@pytest.mark.parametrize(("w_lat", "w_lng", "g_lat", "g_lng"), PAIRS)
def test_gcj02_offset_both_ways_on_reference_points(w_lat: float, w_lng: float, g_lat: float, g_lng: float) -> None:
    assert datum.wgs84_to_gcj02(w_lat, w_lng) == pytest.approx((g_lat, g_lng), abs=1e-9)
    assert datum.gcj02_to_wgs84(g_lat, g_lng) == pytest.approx((w_lat, w_lng), abs=1e-7)


def test_no_offset_outside_mainland_china_and_datum_names() -> None:
    assert datum.gcj02_to_wgs84(51.5, -0.12) == (51.5, -0.12)
    assert datum.to_wgs84(36.5, 102.0, "wgs84") == (36.5, 102.0)
    assert datum.to_wgs84(36.5, 102.0, "gcj02") != (36.5, 102.0)
    assert datum.to_gcj02(36.5, 102.0, "gcj02") == (36.5, 102.0)


def test_tiles_cover_the_box_and_put_the_point_in_its_middle() -> None:
    lat, lng = 36.84, 101.95
    tiles = location.tiles_around(TILES, lat, lng)
    assert 4 <= len(tiles) <= 9
    fx, fy = location._tile_xy(lat, lng, location.ZOOM)
    for t in tiles:
        z, x, y = (int(p) for p in re.findall(r"/(\d+)/(\d+)/(\d+)\.png", t.url)[0])
        assert z == location.ZOOM
        # the point's pixel inside this tile, seen from the box, is the box's centre
        assert t.left + (fx - x) * 256 == pytest.approx(location.WIDTH / 2, abs=1)
        assert t.top + (fy - y) * 256 == pytest.approx(location.HEIGHT / 2, abs=1)
        assert t.left < location.WIDTH and t.left + 256 > 0 and t.top < location.HEIGHT and t.top + 256 > 0


def test_tile_url_setting_is_checked() -> None:
    assert Settings(map_tile_url="").map_tile_url == ""
    assert Settings(map_tile_url=f" {TILES} ").map_tile_url == TILES
    for bad in ("javascript:alert(1)/{z}/{x}/{y}", "https://tiles.example.org/{z}/{x}.png"):
        with pytest.raises(ValidationError):
            Settings(map_tile_url=bad)


def _page(engine: Engine, tmp_path: Path, loc: LocationInput, key: str, **settings: object) -> str:
    c: TestClient = make_client(engine, identity_key=KEYS.current, media_dir=tmp_path / "media", **settings)
    load_org(make_sessionmaker(engine))
    sub = submit_once(make_sessionmaker(engine), report(f"o-{key}", location=loc), key)
    c.cookies.clear()
    token = re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/login").text).group(1)  # type: ignore[union-attr]
    c.post("/admin/login", data={"csrf": token, "username": "jw_huzhu", "password": PASSWORD})
    page = c.get(f"/admin/cases/{sub.case_id}")
    assert page.status_code == 200
    return page.text


def _link(text: str, anchor: str) -> str:
    found = re.search(rf'id="{anchor}" href="([^"]+)"', text)
    assert found, anchor
    return html.unescape(found.group(1))


def test_wechat_position_shows_its_datum_links_to_both_maps_and_no_map_without_a_tile_server(
    engine: Engine, tmp_path: Path
) -> None:
    g_lat, g_lng = 36.84412, 101.95763
    text = _page(engine, tmp_path, LocationInput(lat=g_lat, lng=g_lng, source="message"), "loc-gcj")
    assert "纬度 36.844120，经度 101.957630（GCJ-02（微信、国内地图））" in text
    w_lat, w_lng = datum.gcj02_to_wgs84(g_lat, g_lng)
    osm = urlsplit(_link(text, "map-osm"))
    assert osm.netloc == "www.openstreetmap.org"
    assert parse_qs(osm.query) == {"mlat": [f"{w_lat:.6f}"], "mlon": [f"{w_lng:.6f}"]}
    amap = urlsplit(_link(text, "map-amap"))
    assert amap.netloc == "uri.amap.com" and parse_qs(amap.query)["position"] == [f"{g_lng:.6f},{g_lat:.6f}"]
    assert 'class="map"' not in text and "tiles.example.org" not in text


def test_browser_position_is_wgs84_and_a_configured_tile_server_draws_the_map(engine: Engine, tmp_path: Path) -> None:
    w_lat, w_lng = 36.84, 101.95
    loc = LocationInput(lat=w_lat, lng=w_lng, source="browser", datum="wgs84", accuracy_m=20)
    text = _page(engine, tmp_path, loc, "loc-wgs", map_tile_url=TILES)
    assert "（WGS-84（卫星定位））" in text
    assert parse_qs(urlsplit(_link(text, "map-osm")).query)["mlat"] == [f"{w_lat:.6f}"]
    g_lat, g_lng = datum.wgs84_to_gcj02(w_lat, w_lng)
    assert parse_qs(urlsplit(_link(text, "map-amap")).query)["position"] == [f"{g_lng:.6f},{g_lat:.6f}"]
    tiles = re.findall(r'<image href="(https://tiles\.example\.org/16/\d+/\d+\.png)"', text)
    assert len(tiles) == len(location.tiles_around(TILES, w_lat, w_lng)) and 'class="map-pin"' in text
    assert "底图来自 tiles.example.org" in text
