"""A case's position on its page: the coordinates and their datum, links to web maps, and, when a tile
server is configured (QF_MAP_TILE_URL), a small map of a few tiles around the point (plain <img>s, no
script). Tile servers are taken to be Web Mercator in WGS-84, like OpenStreetMap's; a GCJ-02 point from
WeChat is converted before it is placed. Amap works in GCJ-02, so its link gets the GCJ-02 point."""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from cases.intake import datum

ZOOM = 16
TILE = 256
WIDTH, HEIGHT = 480, 320


@dataclass(frozen=True)
class Tile:
    url: str
    left: int
    top: int


@dataclass(frozen=True)
class Location:
    lat: float
    lng: float
    datum_label: str
    wgs_lat: float
    wgs_lng: float
    osm_url: str
    amap_url: str
    tiles: tuple[Tile, ...]
    tile_host: str
    width: int = WIDTH
    height: int = HEIGHT


def _tile_xy(lat: float, lng: float, zoom: int) -> tuple[float, float]:
    """Fractional Web Mercator tile coordinates of a WGS-84 point."""
    n = 2.0**zoom
    lat = max(min(lat, 85.05112878), -85.05112878)
    x = (lng + 180.0) / 360.0 * n
    y = (1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n
    return x, y


def tiles_around(template: str, lat: float, lng: float, *, zoom: int = ZOOM) -> tuple[Tile, ...]:
    """The tiles covering a WIDTH x HEIGHT box centred on the point, with their offsets in the box."""
    fx, fy = _tile_xy(lat, lng, zoom)
    n = 2**zoom
    half_w, half_h = WIDTH / 2 / TILE, HEIGHT / 2 / TILE
    out = []
    for ty in range(math.floor(fy - half_h), math.floor(fy + half_h) + 1):
        if not 0 <= ty < n:
            continue
        for tx in range(math.floor(fx - half_w), math.floor(fx + half_w) + 1):
            url = template.replace("{z}", str(zoom)).replace("{x}", str(tx % n)).replace("{y}", str(ty))
            out.append(Tile(url, round((tx - fx) * TILE + WIDTH / 2), round((ty - fy) * TILE + HEIGHT / 2)))
    return tuple(out)


def describe(lat: float | None, lng: float | None, datum_code: str | None, *, tile_url: str) -> Location | None:
    if lat is None or lng is None:
        return None
    wgs_lat, wgs_lng = datum.to_wgs84(lat, lng, datum_code)
    gcj_lat, gcj_lng = datum.to_gcj02(lat, lng, datum_code)
    code = (datum_code or datum.GCJ02).lower()
    osm = "https://www.openstreetmap.org/?" + urlencode({"mlat": f"{wgs_lat:.6f}", "mlon": f"{wgs_lng:.6f}"})
    osm += f"#map=17/{wgs_lat:.6f}/{wgs_lng:.6f}"
    amap = "https://uri.amap.com/marker?" + urlencode(
        {"position": f"{gcj_lng:.6f},{gcj_lat:.6f}", "name": "反映位置", "src": "qingfeng", "coordinate": "gaode"}
    )
    return Location(
        lat=lat,
        lng=lng,
        datum_label=datum.LABELS.get(code, code),
        wgs_lat=wgs_lat,
        wgs_lng=wgs_lng,
        osm_url=osm,
        amap_url=amap,
        tiles=tiles_around(tile_url, wgs_lat, wgs_lng) if tile_url else (),
        tile_host=urlsplit(tile_url).hostname or "" if tile_url else "",
    )
