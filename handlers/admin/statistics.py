"""The statistics page (/admin/stats): received, closed, on time, overdue, findings and ratings by county
and by unit, scoped by cases.access through cases.reading.stats, and audited. Its downloads: exports.py."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from starlette.responses import Response

from cases.categories import categories
from cases.reading import queue, stats
from handlers.admin.filter_choices import filter_options
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import StaffCtx


async def stats_page(ctx: StaffCtx) -> Response:
    v = ctx.viewer
    f = queue.parse(ctx.request.query_params)
    data = stats.compute(ctx.session, v, f, now=utcnow())
    ctx.audit("view_stats", filters=f.params())
    return ctx.render(
        "stats.html",
        data=data,
        filters=f,
        options=filter_options(ctx.session, v, f),
        categories=categories(),
        max_unit=max([r.received for r in data.by_unit] or [1]),
        max_county=max([r.received for r in data.by_county] or [1]),
        query=urlencode(f.params()),
        weights_text=stats.WEIGHTS_TEXT,
        three_levels_text=stats.THREE_LEVELS_TEXT,
    )
