"""The holiday calendar for the administrator (/admin/holidays): the years in force (shipped files and
years added here), and a form to add the next year from the State Council notice. An added year is a
row in `holiday_years`, checked by the same rules as the files (cases.workdays.from_mapping), counted
by this process at once and by every other within handlers.jobs.holiday_live.POLL_S seconds. A shipped year
cannot be replaced here (change its file and release)."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select
from starlette.responses import RedirectResponse, Response

from cases import workdays
from cases.reading import scoreboard_days
from cases.timeutil import local_date
from handlers.admin.views import StaffCtx
from handlers.web.params import whole
from storage.models.calendar import HolidayYear as HolidayRow
from storage.types import utcnow

DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


class FormProblem(ValueError):
    pass


def _dates(text: str) -> list[date]:
    try:
        return [date.fromisoformat(d) for d in DATE_RE.findall(text)]
    except ValueError as exc:
        raise FormProblem(f"日期无效：{exc}") from None


def parse_holidays(text: str) -> list[list[date]]:
    """One holiday per line: a day, or its first and last day (anything else on the line is a label)."""
    spans = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        days = _dates(line)
        if len(days) not in (1, 2):
            raise FormProblem(f"放假安排第 {number} 行应写一个日期或起止两个日期（如 2027-10-01 2027-10-07 国庆节）")
        spans.append([days[0], days[-1]])
    return spans


def _get(ctx: StaffCtx, key: str) -> str:
    value = ctx.request.state.form.get(key)
    return value.strip() if isinstance(value, str) else ""


class HolidayPages:
    """The page and its form; a saved year is counted at once by `calendar`, the app's (composition builds it)."""

    def __init__(self, calendar: workdays.WorkCalendar) -> None:
        self.calendar = calendar

    async def page(self, ctx: StaffCtx, error: str | None = None, status: int = 200) -> Response:
        rows = {r.year: r for r in ctx.session.scalars(select(HolidayRow).order_by(HolidayRow.year))}
        shipped = workdays.shipped()
        years = sorted({*shipped, *rows})
        listing = []
        for year in years:
            cal = shipped.get(year) or self.calendar.years().get(year)
            row = rows.get(year)
            listing.append({"year": year, "cal": cal, "row": row, "shipped": year in shipped})
        form = ctx.request.state.form
        this_year = local_date(utcnow()).year
        suggested = max([*years, this_year - 1]) + 1
        return ctx.render(
            "holidays.html",
            status,
            listing=listing,
            error=error,
            suggested=suggested,
            form={
                k: str(form.get(k) or "")
                for k in ("year", "notice", "number", "issued", "source", "holidays", "workdays")
            }
            if form
            else {},
            done=ctx.request.query_params.get("done", "")[:8],
        )

    async def post(self, ctx: StaffCtx) -> Response:
        v = ctx.viewer
        year_text, source = _get(ctx, "year"), _get(ctx, "source")
        try:
            year = whole(year_text, low=2000, high=2100)
            if year is None:
                raise FormProblem("请填写年份（如 2027）")
            if year in workdays.shipped():
                raise FormProblem(f"{year} 年的安排随程序发布（cases/data/holidays/{year}.yaml），不能在这里修改")
            if not source:
                raise FormProblem("请填写通知的出处（如 新华社某年某月某日电，或中国政府网的发布页）")
            issued = _dates(_get(ctx, "issued"))
            if len(issued) != 1:
                raise FormProblem("请填写通知的发布日期（如 2026-11-05）")
            spans = parse_holidays(_get(ctx, "holidays"))
            if not spans:
                raise FormProblem("请填写放假安排，每行一个节日")
            raw = {
                "year": year,
                "notice": _get(ctx, "notice"),
                "number": _get(ctx, "number") or None,
                "issued": issued[0],
                "holidays": spans,
                "workdays": _dates(_get(ctx, "workdays")),
            }
            try:
                cal = workdays.from_mapping(raw, f"{year}")
            except workdays.BadHolidayFile as exc:
                message = str(exc)
                if "notice" in message:
                    raise FormProblem("通知名称应以“国务院办公厅关于”开头，照通知原文填写") from None
                if "not a date in" in message:
                    raise FormProblem(f"有日期不在 {year} 年内：{message.split(': ', 1)[-1]}") from None
                if "both" in message:
                    raise FormProblem("同一天不能既放假又调休上班") from None
                raise FormProblem(message) from None
        except FormProblem as exc:
            return await self.page(ctx, f"{exc}。", 400)
        row = ctx.session.get(HolidayRow, year)
        replaced = row is not None
        if row is None:
            row = HolidayRow(year=year)
            ctx.session.add(row)
        row.notice, row.number, row.issued, row.source = cal.notice, cal.number, cal.issued, source[:1000]
        row.holidays = [[a.isoformat(), b.isoformat()] for a, b in spans]
        row.workdays = sorted(d.isoformat() for d in cal.workdays)
        row.added_by, row.added_at = v.username, utcnow()
        ctx.session.flush()
        self.calendar.use_stored({**self.calendar.stored(), year: cal})
        scoreboard_days.refresh(ctx.session, self.calendar)  # the scoreboard's working-day counts follow the year
        ctx.audit(
            "holiday_year_replace" if replaced else "holiday_year_add",
            year=year,
            notice=cal.notice,
            number=cal.number,
            holidays=len(cal.holidays),
            workdays=len(cal.workdays),
        )
        return RedirectResponse(f"/admin/holidays?done={year}", status_code=303)
