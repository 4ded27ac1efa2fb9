"""Poster downloads for staff (/admin/villages): each village's posters as PDF, PNG or SVG, and a
town's posters in one PDF. Printed from the stored poster rows, so a download reprints the very code
on the wall; villages without rows are listed as waiting for `qingfeng qr create`."""

from __future__ import annotations

import io
from urllib.parse import quote

from sqlalchemy import select
from starlette.responses import Response

from handlers.admin.views import StaffCtx
from storage.models import County, Town
from storage.repos.posters import PosterRow, list_posters
from storage.repos.villages import Place, list_places
from villages.places.hotlines import load_hotlines
from villages.posters.poster_layout import PosterPage
from villages.posters.poster_pdf import write_posters
from villages.posters.qr_image import encode, to_image, to_svg


def _prefix(ctx: StaffCtx) -> str:
    """The code prefix this viewer may print: a county's staff their county, the city everything."""
    v = ctx.viewer
    return "" if v.role in ("city", "admin") else (v.county_code or "-")[:6]


def _places(ctx: StaffCtx, prefix: str) -> list[Place]:
    return [p for p in list_places(ctx.session) if p.is_village and p.code.startswith(prefix)]


async def village_list(ctx: StaffCtx) -> Response:
    prefix = _prefix(ctx)
    q = ctx.request.query_params
    county = (q.get("county") or "").strip()[:6]
    if not county.isdigit() or not county.startswith(prefix):
        county = prefix
    counties = [c for c in ctx.session.scalars(select(County).order_by(County.code)) if c.code.startswith(prefix)]
    places = _places(ctx, county) if county else []
    rows = list_posters(ctx.session, village_codes=[p.code for p in places])
    by_village: dict[str, list[PosterRow]] = {}
    for row in rows:
        by_village.setdefault(row.village_code, []).append(row)
    towns: dict[str, list[Place]] = {}
    for place in places:
        towns.setdefault(place.town_code, []).append(place)
    town_names = {t.code: t.name for t in ctx.session.scalars(select(Town).where(Town.code.in_(list(towns))))}
    return ctx.render(
        "villages.html",
        counties=counties,
        county=county,
        towns=[(code, town_names.get(code, code), towns[code]) for code in sorted(towns)],
        posters=by_village,
    )


def _pdf(ctx: StaffCtx, places: list[Place], filename: str) -> Response:
    chosen = {p.code: p for p in places}
    pages = [
        PosterPage(place=chosen[r.village_code], scene=r.scene, kind=r.kind, content=r.content)
        for r in list_posters(ctx.session, village_codes=list(chosen))
        if r.content is not None
    ]
    if not pages:
        return ctx.render("error.html", status=404, message="这里还没有可打印的海报，请先运行 qingfeng qr create。")
    out = io.BytesIO()
    write_posters(iter(pages), out, size="A4", hotlines=load_hotlines(), places=places)
    ctx.audit("download_posters", scope=filename, pages=len(pages))
    return _download(out.getvalue(), "application/pdf", filename)


async def village_pdf(ctx: StaffCtx) -> Response:
    code = str(ctx.request.path_params["code"])
    places = [p for p in _places(ctx, _prefix(ctx)) if p.code == code]
    if not places:
        return ctx.render("error.html", status=404, message="没有这个村，或不在您的范围内。")
    return _pdf(ctx, places, f"posters-{code}.pdf")


async def town_pdf(ctx: StaffCtx) -> Response:
    code = str(ctx.request.path_params["code"])
    places = [p for p in _places(ctx, _prefix(ctx)) if p.town_code == code]
    if not places:
        return ctx.render("error.html", status=404, message="没有这个乡镇，或不在您的范围内。")
    return _pdf(ctx, places, f"posters-{code}.pdf")


async def poster_image(ctx: StaffCtx) -> Response:
    scene, fmt = str(ctx.request.path_params["scene"]), str(ctx.request.path_params["fmt"])
    prefix = _prefix(ctx)
    row = next(
        (r for r in list_posters(ctx.session, village_codes=[scene[:12]]) if r.scene == scene),
        None,
    )
    if row is None or row.content is None or not row.village_code.startswith(prefix) or fmt not in ("png", "svg"):
        return ctx.render("error.html", status=404, message="没有这张海报的二维码。")
    code = encode(row.content)
    if fmt == "svg":
        return _download(to_svg(code).encode(), "image/svg+xml", f"{scene}.svg")
    buffer = io.BytesIO()
    to_image(code).save(buffer, format="PNG")
    return _download(buffer.getvalue(), "image/png", f"{scene}.png")


def _download(body: bytes, media_type: str, filename: str) -> Response:
    disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
    return Response(
        body, media_type=media_type, headers={"Content-Disposition": disposition, "Cache-Control": "no-store"}
    )
