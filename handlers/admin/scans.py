"""Scan analytics for staff (/admin/scans): scans and reports per village, town and county, posters with
no scan in N days, and posters never scanned (perhaps missing, or never put up). A county's staff see
their county; the city sees every county or one it picks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from starlette.responses import Response

from cases.access import SUPERVISORS, case_scope
from cases.money.clues import yuan
from cases.money.silence import MONTHS as SILENT_MONTHS
from cases.money.silence import silent_villages
from cases.timeutil import local_date
from handlers.admin.views import StaffCtx
from handlers.web.params import whole
from storage.models import County, Town, Village
from storage.repos.scans import quiet_posters, reports_by_village, scans_by_village
from storage.types import utcnow

DEFAULT_DAYS = 30
MAX_ROWS = 300


@dataclass
class Row:
    code: str
    name: str
    scans: dict[str, int] = field(default_factory=dict)
    reports: dict[str, int] = field(default_factory=dict)

    @property
    def scan_total(self) -> int:
        return sum(self.scans.values())

    @property
    def report_total(self) -> int:
        return sum(self.reports.values())

    def add(self, scans: dict[str, int], reports: dict[str, int]) -> None:
        for k, n in scans.items():
            self.scans[k] = self.scans.get(k, 0) + n
        for k, n in reports.items():
            self.reports[k] = self.reports.get(k, 0) + n


def _days(raw: str | None) -> int:
    return whole(raw, low=1, high=365) or DEFAULT_DAYS


async def scan_analytics(ctx: StaffCtx) -> Response:
    v = ctx.viewer
    q = ctx.request.query_params
    days = _days(q.get("days"))
    counties = ctx.session.scalars(select(County).order_by(County.code)).all()
    if v.role == "city":
        chosen = (q.get("county") or "").strip()[:6]
        prefix = chosen if any(c.code[:6] == chosen for c in counties) else ""
    else:
        prefix = (v.county_code or "-")[:6]
    now = utcnow()
    scans = scans_by_village(ctx.session, since=local_date(now) - timedelta(days=days - 1), prefix=prefix)
    reports = reports_by_village(ctx.session, since=now - timedelta(days=days), scope=case_scope(v), prefix=prefix)
    registry = select(Village)
    if prefix:
        registry = registry.where(Village.code.like(f"{prefix}%"))
    units = ctx.session.scalars(registry).all()  # a poster's unit may be an industrial park: named too
    villages = [u for u in units if u.is_village]
    town_names = {t.code: t.name for t in ctx.session.scalars(select(Town))}
    county_names = {c.code: c.name for c in counties}
    by_village: list[Row] = []
    by_town: dict[str, Row] = {}
    by_county: dict[str, Row] = {}
    for village in villages:
        s, r = scans.get(village.code, {}), reports.get(village.code, {})
        town = by_town.setdefault(village.town_code, Row(village.town_code, town_names.get(village.town_code, "")))
        county = by_county.setdefault(
            village.county_code, Row(village.county_code, county_names.get(village.county_code, ""))
        )
        town.add(s, r)
        county.add(s, r)
        if s or r:
            row = Row(village.code, f"{town.name} {village.name}")
            row.add(s, r)
            by_village.append(row)

    def order(rows: Any) -> list[Row]:
        return sorted(rows, key=lambda x: (-x.scan_total, -x.report_total, x.code))

    quiet, quiet_count = quiet_posters(ctx.session, before=now - timedelta(days=days), prefix=prefix)
    never, never_count = quiet_posters(ctx.session, before=None, prefix=prefix)
    names = {x.code: f"{town_names.get(x.town_code, '')} {x.name}".strip() for x in units if x.name.strip()}
    # Counted over every case, so only for those who see every case of the county (cases/money/silence.py).
    silent = silent_villages(ctx.session, prefix=prefix, now=now) if v.role in SUPERVISORS else []
    ctx.audit("view_scan_analytics", days=days, county=prefix)
    return ctx.render(
        "scans.html",
        days=days,
        counties=counties if v.role == "city" else [],
        county=prefix,
        county_rows=order(by_county.values()),
        town_rows=order(by_town.values()),
        village_rows=order(by_village)[:MAX_ROWS],
        village_more=max(0, len(by_village) - MAX_ROWS),
        quiet=quiet,
        quiet_count=quiet_count,
        never=never,
        never_count=never_count,
        names=names,
        silent=silent,
        silent_months=SILENT_MONTHS,
        yuan=yuan,
    )
