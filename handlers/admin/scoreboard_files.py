"""What the scoreboard page draws and downloads beside its tables: the twelve-month trend as bar heights
(inline SVG, no script), the .xlsx workbook (frozen header rows, months as real dates, rates as numbers
shown as percentages, widths that fit the text) and the printable A4 monthly report in Chinese (reportlab,
as the posters use, embedding a subset of the machine's Chinese TrueType font (config/fonts.py) so any reader
shows it; only without one does it name the CID font STSong-Light, which needs the reader's Asian font pack)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFError, TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cases.reading import scoreboard
from config.fonts import CJK_SUBFONT, cjk_font_path
from handlers.admin.exports import neutralise

FALLBACK_FONT = "STSong-Light"  # reportlab's built-in CID font: named, never embedded
EMBEDDED_FONT = "QingfengCJK"  # the registered name of the embedded TrueType font
BAR_HEIGHT = 60  # px of the tallest bar in a trend chart


@dataclass(frozen=True)
class Bar:
    month: str
    label: str  # the value as the page prints it
    height: float  # 0..BAR_HEIGHT


@dataclass(frozen=True)
class TrendRow:
    key: str
    name: str
    bars: list[Bar]


def value(figures: scoreboard.Figures, key: str) -> float | int | None:
    found: float | int | None = getattr(figures, key)
    return found


def shown(raw: float | int | None, kind: str) -> str:
    if raw is None:
        return "—"
    if kind == "pct":
        return f"{raw * 100:.1f}%"
    if kind == "days":
        return f"{raw:.1f}"
    return str(raw)


def trend_rows(board: scoreboard.Board) -> list[TrendRow]:
    out = []
    for key, name, kind in scoreboard.FIGURES:
        values = [value(f, key) for _m, f in board.trend]
        top = max([v for v in values if v is not None] + [1.0 if kind == "pct" else 0.0]) or 1.0
        bars = [
            Bar(m, shown(v, kind), round((v or 0) / top * BAR_HEIGHT, 1))
            for (m, _f), v in zip(board.trend, values, strict=True)
        ]
        out.append(TrendRow(key, name, bars))
    return out


def _row(name: str, f: scoreboard.Figures) -> list[Any]:
    return [name, *(value(f, key) for key, _n, _k in scoreboard.FIGURES)]


def _month_date(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


def _fit(sheet: Any, header: list[str], rows: list[list[Any]]) -> None:
    """Column widths from the longest text (a Chinese character counts two)."""
    for i, title in enumerate(header, start=1):
        texts = [title, *(shown(r[i - 1], "pct") if isinstance(r[i - 1], float) else str(r[i - 1] or "") for r in rows)]
        width = max(sum(2 if ord(ch) > 0x2E80 else 1 for ch in t) for t in texts)
        sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)


def _sheet(book: Workbook, title: str, header: list[str], rows: list[list[Any]], kinds: list[str]) -> None:
    sheet = book.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralise(v) if isinstance(v, str) else v for v in row])
    for col, kind in enumerate(kinds, start=1):
        fmt = {"pct": "0.0%", "days": "0.0", "count": "0", "month": "yyyy-mm"}.get(kind)
        if fmt:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.number_format = fmt
    sheet.freeze_panes = "B2"
    _fit(sheet, header, rows)


def workbook(board: scoreboard.Board) -> bytes:
    """Three sheets: the units of the month ranked (with the totals), the twelve-month trend, the definitions."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    names = [n for _k, n, _t in scoreboard.FIGURES]
    kinds = [k for _k, _n, k in scoreboard.FIGURES]
    rows = [[r.rank or "", *_row(r.name, r.figures), "排名靠后" if r.flagged else ""] for r in board.units]
    rows += [["", *_row(f"{c.name}合计", c.figures), ""] for c in board.counties]
    rows.append(["", *_row(f"{board.choice_name}合计", board.total), ""])
    _sheet(book, f"{board.month} 单位", ["名次", "单位", *names, "提示"], rows, ["count", "text", *kinds, "text"])
    trend = [[_month_date(m), *(value(f, key) for key, _n, _k in scoreboard.FIGURES)] for m, f in board.trend]
    _sheet(book, "近十二个月", ["月份", *names], trend, ["month", *kinds])
    _sheet(book, "口径", ["指标", "计算方法"], [list(d) for d in scoreboard.DEFINITIONS], ["text", "text"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# Column heads short enough for an A4 table of eleven columns (the page and the workbook use the full names).
PDF_HEADERS = {
    "received": "收到",
    "sign_rate": "签收及时",
    "on_time_rate": "按期办结",
    "resolve_rate": "解决率",
    "satisfaction": "满意率",
    "redo_rate": "重办率",
    "return_rate": "退单率",
    "avg_response_days": "响应天数",
    "avg_close_days": "办结天数",
}


def pdf_font() -> str:
    """The registered name of the font the report is written in: the Chinese TrueType font of this machine
    (reportlab embeds the subset used, as /FontFile2), or STSong-Light when there is none or it cannot be read."""
    path = cjk_font_path()
    if path is not None:
        if EMBEDDED_FONT in pdfmetrics.getRegisteredFontNames():
            return EMBEDDED_FONT
        try:
            pdfmetrics.registerFont(TTFont(EMBEDDED_FONT, str(path), subfontIndex=CJK_SUBFONT))
            return EMBEDDED_FONT
        except (TTFError, OSError):
            pass
    if FALLBACK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    return FALLBACK_FONT


def _wrap(text: str, width: float, size: float, font: str | None = None) -> list[str]:
    """The text in lines of at most `width` points (a unit's long name takes two lines, never loses its end)."""
    font = font or pdf_font()
    lines, line = [], ""
    for ch in text:
        if line and pdfmetrics.stringWidth(line + ch, font, size) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


class _Pdf:
    """A top-down writer on A4 pages (points; 1 cm ≈ 28.35)."""

    def __init__(self, out: io.BytesIO, title: str) -> None:
        self.font = pdf_font()
        self.c = Canvas(out, pagesize=A4)
        self.c.setTitle(title)
        self.width, self.height = A4
        self.y = self.height - 50

    def need(self, space: float) -> None:
        if self.y - space < 40:
            self.c.showPage()
            self.y = self.height - 50

    def text(self, x: float, s: str, size: float = 9) -> None:
        self.c.setFont(self.font, size)
        self.c.drawString(x, self.y, s)

    def line(self, s: str, size: float = 9, gap: float = 14) -> None:
        self.need(gap)
        self.text(40, s, size)
        self.y -= gap

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
        self.need(30)
        for i, cells in enumerate([header, *rows]):
            self.need(14)
            x = 40.0
            size = 7.0 if i else 6.5
            wrapped = [_wrap(cell, w - 3, size, self.font) for cell, w in zip(cells, widths, strict=True)]
            extra = 9.0 * (max(len(lines) for lines in wrapped) - 1)
            self.need(14 + extra)
            for lines, w in zip(wrapped, widths, strict=True):
                for k, part in enumerate(lines):
                    self.c.setFont(self.font, size)
                    self.c.drawString(x, self.y - 9 * k, part)
                x += w
            if i == 0:
                self.c.line(40, self.y - 3, self.width - 40, self.y - 3)
            self.y -= 13 + extra
        self.y -= 6

    def bars(self, row: TrendRow) -> None:
        self.need(95)
        self.text(40, row.name, 9)
        base, x = self.y - 78, 40.0
        for bar in row.bars:
            self.c.setFillColorRGB(0.18, 0.49, 0.36)
            self.c.rect(x, base + 12, 28, bar.height, stroke=0, fill=1)
            self.c.setFillColorRGB(0, 0, 0)
            self.c.setFont(self.font, 6)
            self.c.drawString(x, base + 14 + bar.height, bar.label)
            self.c.drawString(x, base + 2, bar.month[2:])
            x += 40
        self.y = base - 10


def monthly_pdf(board: scoreboard.Board, viewer_unit: str) -> bytes:
    """The month's report of one county or unit: totals, the units ranked, the categories and villages with
    the most cases, spikes, the twelve-month trend of every figure, and how each is counted."""
    out = io.BytesIO()
    title = f"{board.choice_name}{board.month[:4]}年{int(board.month[5:])}月办理情况通报"
    pdf = _Pdf(out, title)
    pdf.line(title, 15, 24)
    pdf.line(f"统计范围：{board.choice_name}（{viewer_unit}可查看）；按收到月份统计。", 9, 18)
    names = [PDF_HEADERS.get(k, n) for k, n, _t in scoreboard.FIGURES]
    widths = [20.0, 135.0] + [40.0] * len(names)

    def cells(f: scoreboard.Figures) -> list[str]:
        return [shown(value(f, key), kind) for key, _n, kind in scoreboard.FIGURES]

    rows = [[str(r.rank or ""), r.name + ("（靠后）" if r.flagged else ""), *cells(r.figures)] for r in board.units]
    rows.append(["", "合计", *cells(board.total)])
    pdf.line("一、各单位指标与排名", 11, 18)
    pdf.table(["名次", "单位", *names], rows, widths)
    pdf.line("响应天数、办结天数按工作日计；“靠后”为排名最后的五分之一。", 7.5, 16)
    pdf.line("二、案件较多的类别和村", 11, 18)
    pdf.line("类别：" + ("；".join(f"{c} {n} 件" for c, n in board.categories) or "无"))
    pdf.line("村：" + ("；".join(f"{v} {n} 件" for v, n in board.villages) or "无"))
    for s in board.spikes:
        pdf.line(f"提示：{s.text}")
    pdf.line("三、近十二个月趋势", 11, 18)
    for row in trend_rows(board):
        pdf.bars(row)
    pdf.line("四、指标口径", 11, 18)
    for name, how in scoreboard.DEFINITIONS:
        pdf.line(f"{name}：{how}"[:60], 8, 12)
        rest = f"{name}：{how}"[60:]
        while rest:
            pdf.line("    " + rest[:58], 8, 12)
            rest = rest[58:]
    pdf.c.save()
    return out.getvalue()
