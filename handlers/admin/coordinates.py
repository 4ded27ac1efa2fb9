"""Village positions for the administrator (/admin/coordinates): pick a county and town (or search by
name), then set or clear a village's latitude, longitude and datum (gcj02 from WeChat maps, wgs84 from
GPS). A report's distance from its village uses these at once. Every change is audited with the old
and the new value."""

from __future__ import annotations

import math

from sqlalchemy import select
from starlette.responses import RedirectResponse, Response

from handlers.admin.views import StaffCtx
from storage.models import County, Town, Village
from villages.places.registry import DATUMS

# The coordinate systems in the clerk's words (the stored codes stay gcj02 / wgs84).
DATUM_NAMES = {"gcj02": "国测局坐标（微信、国内地图）", "wgs84": "GPS坐标（卫星定位）"}

MAX_ROWS = 300


async def coordinates_page(ctx: StaffCtx, error: str | None = None, status: int = 200) -> Response:
    q = ctx.request.query_params
    form = ctx.request.state.form
    county = (q.get("county") or (str(form.get("county") or "") if form else "")).strip()[:12]
    town = (q.get("town") or (str(form.get("town") or "") if form else "")).strip()[:12]
    name = (q.get("q") or "").strip()[:32]
    counties = ctx.session.scalars(select(County).order_by(County.code)).all()
    towns = (
        ctx.session.scalars(select(Town).where(Town.county_code == county).order_by(Town.code)).all() if county else []
    )
    stmt = select(Village).order_by(Village.code).limit(MAX_ROWS)
    if name:
        stmt = stmt.where(Village.name.contains(name))
        if county:
            stmt = stmt.where(Village.county_code == county)
    elif town:
        stmt = stmt.where(Village.town_code == town)
    else:
        stmt = stmt.where(Village.code == "-")
    villages = ctx.session.scalars(stmt).all()
    town_names = {
        t.code: t.name for t in ctx.session.scalars(select(Town).where(Town.code.in_({v.town_code for v in villages})))
    }
    return ctx.render(
        "coordinates.html",
        status,
        counties=counties,
        towns=towns,
        county=county,
        town=town,
        query=name,
        villages=villages,
        town_names=town_names,
        datums=[(code, DATUM_NAMES.get(code, code)) for code in sorted(DATUMS)],
        error=error,
        done=_village_name(ctx, q.get("done", "")[:12]),
    )


def _village_name(ctx: StaffCtx, code: str) -> str:
    village = ctx.session.get(Village, code) if code else None
    return village.name if village is not None else ""


def _float(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


async def coordinates_post(ctx: StaffCtx) -> Response:
    form = ctx.request.state.form

    def get(key: str) -> str:
        value = form.get(key)
        return value.strip() if isinstance(value, str) else ""

    village = ctx.session.get(Village, get("code"))
    if village is None:
        return await coordinates_page(ctx, "没有这个村。", 404)
    lat_text, lng_text, datum = get("lat"), get("lng"), get("datum").lower()
    old = {"lat": village.lat, "lng": village.lng, "datum": village.datum}
    if not lat_text and not lng_text:
        village.lat = village.lng = village.datum = None
    else:
        lat, lng = _float(lat_text), _float(lng_text)
        if lat is None or lng is None:
            return await coordinates_page(ctx, f"{village.name}：纬度和经度请填写数字（如 36.8437 和 102.0316）。", 400)
        if not (-90 <= lat <= 90 and -180 <= lng <= 180):
            return await coordinates_page(
                ctx, f"{village.name}：纬度应在 -90 到 90 之间，经度在 -180 到 180 之间。", 400
            )
        if datum not in DATUMS:
            return await coordinates_page(ctx, f"{village.name}：请选择坐标系（国测局坐标或GPS坐标）。", 400)
        village.lat, village.lng, village.datum = lat, lng, datum
    ctx.audit(
        "village_coordinates",
        village=village.code,
        old=old,
        new={"lat": village.lat, "lng": village.lng, "datum": village.datum},
    )
    return RedirectResponse(
        f"/admin/coordinates?county={village.county_code}&town={village.town_code}&done={village.code}", status_code=303
    )
