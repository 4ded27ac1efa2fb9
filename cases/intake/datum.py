"""Between the two datums a report's position may carry: WGS-84 (GPS, the H5 page's browser location)
and GCJ-02 (WeChat's location messages and Chinese web maps).

GCJ-02 is WGS-84 with a published, deterministic offset applied inside mainland China (a few hundred
metres). The forward direction is that formula; the inverse has no closed form and is found by
iterating the forward one, which converges to well under a metre in a few steps. Points outside
mainland China carry no offset.
"""

from __future__ import annotations

import math

WGS84 = "wgs84"
GCJ02 = "gcj02"
LABELS = {WGS84: "WGS-84（卫星定位）", GCJ02: "GCJ-02（微信、国内地图）"}

# The Krasovsky 1940 ellipsoid the offset formula is defined on.
_A = 6378245.0
_EE = 0.00669342162296594323


def in_mainland_china(lat: float, lng: float) -> bool:
    """The rough box the offset is applied in (the same box every implementation uses)."""
    return 72.004 <= lng <= 137.8347 and 0.8293 <= lat <= 55.8271


def _offset_lat(x: float, y: float) -> float:
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r


def _offset_lng(x: float, y: float) -> float:
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r


def wgs84_to_gcj02(lat: float, lng: float) -> tuple[float, float]:
    if not in_mainland_china(lat, lng):
        return lat, lng
    d_lat = _offset_lat(lng - 105.0, lat - 35.0)
    d_lng = _offset_lng(lng - 105.0, lat - 35.0)
    rad = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * math.pi)
    d_lng = (d_lng * 180.0) / (_A / sqrt_magic * math.cos(rad) * math.pi)
    return lat + d_lat, lng + d_lng


def gcj02_to_wgs84(lat: float, lng: float) -> tuple[float, float]:
    """The WGS-84 point whose GCJ-02 image is (lat, lng), to about 1e-7 degrees."""
    if not in_mainland_china(lat, lng):
        return lat, lng
    w_lat, w_lng = lat, lng
    for _ in range(30):
        g_lat, g_lng = wgs84_to_gcj02(w_lat, w_lng)
        e_lat, e_lng = g_lat - lat, g_lng - lng
        w_lat, w_lng = w_lat - e_lat, w_lng - e_lng
        if abs(e_lat) < 1e-9 and abs(e_lng) < 1e-9:
            break
    return w_lat, w_lng


def to_wgs84(lat: float, lng: float, datum: str | None) -> tuple[float, float]:
    """A stored point in WGS-84; an unknown datum is taken as GCJ-02, what WeChat sends."""
    return (lat, lng) if (datum or "").lower() == WGS84 else gcj02_to_wgs84(lat, lng)


def to_gcj02(lat: float, lng: float, datum: str | None) -> tuple[float, float]:
    return wgs84_to_gcj02(lat, lng) if (datum or "").lower() == WGS84 else (lat, lng)
