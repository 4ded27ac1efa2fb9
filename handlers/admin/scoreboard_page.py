"""The unit scoreboard page (/admin/scoreboard, #20 §4) and its downloads (.xlsx, and the printable monthly
PDF): one month and one pick of the unit picker, within the viewer's scope (cases.reading.scoreboard);
audited. The figures and their definitions come from cases.reading.scoreboard; this file only reads the
query and renders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.responses import Response

from cases.money import confirmations
from cases.reading import scoreboard
from cases.reading.scoreboard_sql import parse_month
from cases.timeutil import local_date
from handlers.admin import scoreboard_files
from handlers.admin.exports import XLSX_TYPE, download
from storage.types import utcnow

if TYPE_CHECKING:
    from handlers.admin.views import StaffCtx

PDF_TYPE = "application/pdf"


def _board(ctx: StaffCtx) -> scoreboard.Board:
    now = utcnow()
    params = ctx.request.query_params
    month = parse_month(str(params.get("month") or ""), local_date(now))
    choice = str(params.get("unit") or "")[:32]
    return scoreboard.compute(ctx.session, ctx.viewer, month=month, choice=choice, now=now)


def _audit(ctx: StaffCtx, action: str, board: scoreboard.Board, file: str = "") -> None:
    detail = {"month": board.month, "unit": board.choice, **({"format": file} if file else {})}
    ctx.audit(action, None, **detail)


async def page(ctx: StaffCtx) -> Response:
    board = _board(ctx)
    _audit(ctx, "view_scoreboard", board)
    return ctx.render(
        "scoreboard.html",
        board=board,
        choices=scoreboard.choices(ctx.session, ctx.viewer),
        figures=scoreboard.FIGURES,
        definitions=scoreboard.DEFINITIONS,
        trend=scoreboard_files.trend_rows(board),
        query=f"month={board.month}&unit={board.choice}",
        confirmed=confirmations.by_village(
            ctx.session,
            ctx.viewer,
            month=board.month,
            choice=board.choice,
            every=ctx.request.query_params.get("confirmed") == "all",
        ),
        confirmed_definition=confirmations.DEFINITION,
    )


async def xlsx(ctx: StaffCtx) -> Response:
    board = _board(ctx)
    _audit(ctx, "export_scoreboard", board, "xlsx")
    return download(scoreboard_files.workbook(board), f"scoreboard-{board.month}", "xlsx", XLSX_TYPE)


async def pdf(ctx: StaffCtx) -> Response:
    board = _board(ctx)
    _audit(ctx, "export_scoreboard", board, "pdf")
    return download(
        scoreboard_files.monthly_pdf(board, ctx.viewer.unit_name), f"scoreboard-{board.month}", "pdf", PDF_TYPE
    )


ROUTES = (("", page), (".xlsx", xlsx), (".pdf", pdf))
