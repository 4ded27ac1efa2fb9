"""The villages page (/admin/villages) and its poster downloads: find a village or town by name or code,
a page of villages at a time, and each village's, town's or county's posters as PDF (a village's also as
PNG or SVG). Printed from the stored poster rows, so a download reprints the very code on the wall. A
download with nothing to print yet offers to create the posters (handlers/admin/poster_making.py)."""

from __future__ import annotations

import io
from urllib.parse import quote, urlsplit

from sqlalchemy import select
from starlette.responses import Response

from config.public_url import public_url_problem
from config.settings import Settings
from handlers.admin.poster_scope import (
    PosterScope,
    chosen,
    counties_in,
    matches,
    paged,
    place_name,
    poster_scope,
    villages_in,
)
from handlers.admin.views import Admin, StaffCtx
from handlers.web.params import whole
from storage.models import Town
from storage.repos.posters import PosterRow, list_posters
from storage.repos.villages import Place
from villages.places.hotlines import load_hotlines
from villages.posters.poster_layout import PosterPage
from villages.posters.poster_pdf import write_posters
from villages.posters.qr_image import encode, to_image, to_svg

_LEVEL_WORDS = {"village": "村", "town": "乡镇", "county": "县（区）"}


class PosterPages:
    def __init__(self, admin: Admin) -> None:
        self.settings: Settings = admin.runtime.settings

    async def village_list(self, ctx: StaffCtx) -> Response:
        scope = poster_scope(ctx.session, ctx.viewer)
        q = ctx.request.query_params
        counties = counties_in(ctx.session, scope)
        county = (q.get("county") or "").strip()[:6]
        if not any(c.code[:6] == county for c in counties):
            county = counties[0].code[:6] if len(counties) == 1 else ""
        text = (q.get("q") or "").strip()[:30]
        everything = [p for p in villages_in(ctx.session, scope) if p.code.startswith(county)] if county else []
        found = [p for p in everything if matches(p, text)]
        page = paged(found, whole(q.get("page"), low=1, high=100_000) or 1)
        counts = _counts(list_posters(ctx.session, village_codes=[p.code for p in everything]))
        rows_by_village: dict[str, list[PosterRow]] = {}
        for row in list_posters(ctx.session, village_codes=[p.code for p in page.rows]):
            rows_by_village.setdefault(row.village_code, []).append(row)
        towns = _towns(ctx, found if text else everything, counts)
        problem = public_url_problem(self.settings.public_base_url)
        return ctx.render(
            "villages.html",
            counties=counties,
            county=county,
            county_name=next((c.name for c in counties if c.code[:6] == county), ""),
            town_only=scope.town is not None,
            q=text,
            page=page,
            towns=towns,
            posters=rows_by_village,
            total_villages=len(everything),
            total_with=sum(1 for p in everything if counts.get(p.code)),
            url_problem=(problem or "").split(" / ")[0],
            allow_local_offered=self._allow_local_offered(),
            public_url=self.settings.public_base_url,
        )

    async def village_pdf(self, ctx: StaffCtx) -> Response:
        return self._pdf(ctx, "village", str(ctx.request.path_params["code"]))

    async def town_pdf(self, ctx: StaffCtx) -> Response:
        return self._pdf(ctx, "town", str(ctx.request.path_params["code"]))

    async def county_pdf(self, ctx: StaffCtx) -> Response:
        return self._pdf(ctx, "county", str(ctx.request.path_params["code"]))

    def _pdf(self, ctx: StaffCtx, level: str, code: str) -> Response:
        scope = poster_scope(ctx.session, ctx.viewer)
        places = chosen(villages_in(ctx.session, scope), level, code) if scope.allows(level) else []
        if not places:
            return ctx.render("error.html", status=404, message=f"没有这个{_LEVEL_WORDS[level]}，或不在您的范围内。")
        rows = list_posters(ctx.session, village_codes=[p.code for p in places])
        by_code = {p.code: p for p in places}
        pages = [
            PosterPage(place=by_code[r.village_code], scene=r.scene, kind=r.kind, content=r.content)
            for r in rows
            if r.content is not None
        ]
        if not pages:
            return ctx.render(
                "posters_missing.html",
                level=level,
                code=code,
                place=place_name(places, level),
                count=len(places),
                request_county=code[:6],
                allow_local_offered=self._allow_local_offered(),
            )
        refused = self._refused_origin(rows)
        if refused:
            return ctx.render("error.html", status=409, message=refused)
        out = io.BytesIO()
        write_posters(iter(pages), out, size="A4", hotlines=load_hotlines(), places=places)
        filename = f"posters-{code}.pdf"
        ctx.audit("download_posters", scope=filename, name=place_name(places, level), pages=len(pages))
        return _download(out.getvalue(), "application/pdf", filename)

    def _allow_local_offered(self) -> bool:
        """Outside production a local address may be allowed for a test, as `qr create --allow-local`."""
        return public_url_problem(self.settings.public_base_url) is not None and not self.settings.is_prod

    def _refused_origin(self, rows: list[PosterRow]) -> str:
        """As `qingfeng qr posters`: in production, no poster whose link leads to a local address."""
        if not self.settings.is_prod:
            return ""
        for origin in sorted({_origin(r.content) for r in rows if r.kind == "h5" and r.content}):
            problem = public_url_problem(origin)
            if problem is not None:
                return f"这些海报的链接是本机或内网地址，村民扫码打不开，不能打印（{problem.split(' / ')[0]}）。"
        return ""

    async def poster_image(self, ctx: StaffCtx) -> Response:
        scene, fmt = str(ctx.request.path_params["scene"]), str(ctx.request.path_params["fmt"])
        scope = poster_scope(ctx.session, ctx.viewer)
        row = next(
            (r for r in list_posters(ctx.session, village_codes=[scene[:12]]) if r.scene == scene),
            None,
        )
        if row is None or row.content is None or not _holds(scope, ctx, row.village_code) or fmt not in ("png", "svg"):
            return ctx.render("error.html", status=404, message="没有这张海报的二维码。")
        if self._refused_origin([row]):
            return ctx.render("error.html", status=409, message=self._refused_origin([row]))
        code = encode(row.content)
        if fmt == "svg":
            return _download(to_svg(code).encode(), "image/svg+xml", f"{scene}.svg")
        buffer = io.BytesIO()
        to_image(code).save(buffer, format="PNG")
        return _download(buffer.getvalue(), "image/png", f"{scene}.png")


def _holds(scope: PosterScope, ctx: StaffCtx, village_code: str) -> bool:
    return any(p.code == village_code for p in villages_in(ctx.session, scope))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _counts(rows: list[PosterRow]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.village_code] = counts.get(row.village_code, 0) + 1
    return counts


def _towns(ctx: StaffCtx, places: list[Place], counts: dict[str, int]) -> list[tuple[str, str, int, int]]:
    """(code, name, villages, villages with posters) of each town these places lie in."""
    seen: dict[str, list[Place]] = {}
    for p in places:
        seen.setdefault(p.town_code, []).append(p)
    names = {t.code: t.name for t in ctx.session.scalars(select(Town).where(Town.code.in_(list(seen))))}
    return [
        (code, names.get(code, ""), len(seen[code]), sum(1 for p in seen[code] if counts.get(p.code)))
        for code in sorted(seen)
    ]


def _download(body: bytes, media_type: str, filename: str) -> Response:
    disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
    return Response(
        body, media_type=media_type, headers={"Content-Disposition": disposition, "Cache-Control": "no-store"}
    )
