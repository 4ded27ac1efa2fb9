"""The downloads of the two lists staff export, the case queue and the statistics: one handler per list,
the file format (CSV or .xlsx) a parameter. Scoped like the pages (cases.reading.queue), audited; every
cell goes through one neutralising rule against formula injection; no reporter identity is ever a column."""

from __future__ import annotations

import csv
import io
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from starlette.responses import Response

from cases.reading import queue, stats
from cases.timeutil import BEIJING
from handlers.admin.export_rows import QUEUE_HEADER, queue_rows, stats_rows
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import StaffCtx

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_MAX = 20_000


def neutralise(value: Any) -> str:
    """A cell's text; one that starts like a formula gets a leading ' so a spreadsheet shows it as text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_bytes(_title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; CRLF lines."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _xlsx_value(value: Any) -> Any:
    # Numbers stay numbers; every text is neutralised and loses the control characters XML refuses.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ILLEGAL_CHARACTERS_RE.sub("", neutralise(value))
    return value


def xlsx_bytes(title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """A write-only openpyxl workbook of one sheet named `title`."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.freeze_panes = "A2"  # the header stays in view while scrolling (set before any row is written)
    for i, h in enumerate(header, start=1):  # a Chinese character is about two columns wide
        sheet.column_dimensions[get_column_letter(i)].width = max(10, 2 * len(h) + 2)
    sheet.append([neutralise(h) for h in header])
    for row in rows:
        sheet.append([_xlsx_value(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class Writer:
    """A file format: its extension and media type, how it writes a sheet, and what its audit row adds."""

    ext: str
    media_type: str
    write: Callable[[str, Sequence[str], Iterable[Sequence[Any]]], bytes]
    audit: Mapping[str, str]


CSV = Writer("csv", "text/csv; charset=utf-8", csv_bytes, {})  # the CSV rows predate the format field
XLSX = Writer("xlsx", XLSX_TYPE, xlsx_bytes, {"format": "xlsx"})


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


def queue_export(writer: Writer) -> Callable[[StaffCtx], Awaitable[Response]]:
    """The case queue as filtered on the page, without its paging, up to EXPORT_MAX rows."""

    async def export(ctx: StaffCtx) -> Response:
        v = ctx.viewer
        f = queue.without_cursor(queue.parse(ctx.request.query_params))
        now = utcnow()
        cases = ctx.session.scalars(queue.page_statement(v, f, now=now, limit=EXPORT_MAX)).all()
        detail: dict[str, Any] = {"filters": f.params(), "rows": len(cases), **writer.audit}
        ctx.audit("export_queue", **detail)
        body = writer.write("案件", QUEUE_HEADER, queue_rows(ctx.session, cases, now))
        return download(body, "qingfeng-cases", writer.ext, writer.media_type)

    return export


def stats_export(writer: Writer) -> Callable[[StaffCtx], Awaitable[Response]]:
    """The statistics as filtered on the page."""

    async def export(ctx: StaffCtx) -> Response:
        v = ctx.viewer
        f = queue.parse(ctx.request.query_params)
        header, rows = stats_rows(stats.compute(ctx.session, v, f, now=utcnow()))
        detail: dict[str, Any] = {"filters": f.params(), "rows": len(rows), **writer.audit}
        ctx.audit("export_stats", **detail)
        return download(writer.write("统计", header, rows), "qingfeng-stats", writer.ext, writer.media_type)

    return export
