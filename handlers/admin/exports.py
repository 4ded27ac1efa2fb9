"""Spreadsheet exports shared by the CSV and .xlsx downloads: one neutralising rule against formula
injection, and the .xlsx writer (openpyxl, write-only). The .xlsx routes reuse the CSV's row builders,
scope and audit (handlers/admin/reports.py); no reporter identity is ever a column."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from starlette.responses import Response
from starlette.routing import Route

from cases.reading import queue, stats
from cases.timeutil import BEIJING
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import Admin, Ctx

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STAFF = ("city", "county_discipline", "department", "town")


def neutralise(value: Any) -> str:
    """A cell's text; one that starts like a formula gets a leading ' so a spreadsheet shows it as text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _xlsx_value(value: Any) -> Any:
    # Numbers stay numbers; every text is neutralised and loses the control characters XML refuses.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ILLEGAL_CHARACTERS_RE.sub("", neutralise(value))
    return value


def xlsx_bytes(title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append([neutralise(h) for h in header])
    for row in rows:
        sheet.append([_xlsx_value(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def download(body: bytes, stem: str, ext: str, media_type: str) -> Response:
    name = f"{stem}-{utcnow().astimezone(BEIJING):%Y%m%d-%H%M}.{ext}"
    return Response(
        body,
        media_type=media_type,
        headers={
            "Content-Disposition": f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}",
            "Cache-Control": "no-store",
        },
    )


async def queue_xlsx(ctx: Ctx) -> Response:
    from handlers.admin import reports

    v = ctx.viewer
    assert v is not None
    f = queue.without_cursor(queue.parse(ctx.request.query_params))
    now = utcnow()
    cases = ctx.session.scalars(queue.page_statement(v, f, now=now, limit=reports.EXPORT_MAX)).all()
    ctx.audit("export_queue", filters=f.params(), rows=len(cases), format="xlsx")
    body = xlsx_bytes("案件", reports.QUEUE_HEADER, reports.queue_rows(ctx.session, cases, now))
    return download(body, "qingfeng-cases", "xlsx", XLSX_TYPE)


async def stats_xlsx(ctx: Ctx) -> Response:
    from handlers.admin import reports

    v = ctx.viewer
    assert v is not None
    f = queue.parse(ctx.request.query_params)
    header, rows = reports.stats_rows(stats.compute(ctx.session, v, f, now=utcnow()))
    ctx.audit("export_stats", filters=f.params(), rows=len(rows), format="xlsx")
    return download(xlsx_bytes("统计", header, rows), "qingfeng-stats", "xlsx", XLSX_TYPE)


def routes(admin: Admin) -> list[Route]:
    return [
        Route("/admin/cases.xlsx", admin.page(queue_xlsx, roles=STAFF), methods=["GET"]),
        Route("/admin/stats.xlsx", admin.page(stats_xlsx, roles=STAFF), methods=["GET"]),
    ]
