"""The H5 home page of a poster's village (its projects, scan counting), the policy search and the
village search (the page for a poster we do not know)."""

from __future__ import annotations

import logging
from datetime import datetime
from decimal import Decimal

from starlette.responses import Response

from bot import kb_feedback
from cases.intake import ratelimit
from cases.timeutil import local_date, next_local_midnight
from handlers.h5 import limits
from handlers.h5.device_ctx import DeviceCtx
from handlers.h5.edge import H5
from handlers.h5.wechat_code import wechat_poster
from storage.repos.projects import list_projects
from storage.repos.scans import count_scan
from storage.types import utcnow
from villages.projects.fields import acceptance, read_fund_parts, units

log = logging.getLogger(__name__)
MAX_QUERY = 200


class HomePages:
    def __init__(self, h5: H5) -> None:
        self.h5 = h5

    async def home(self, ctx: DeviceCtx) -> Response:
        assert ctx.place is not None
        now = utcnow()
        if self._first_visit_today(ctx, now):
            count_scan(ctx.session, scene=ctx.scene, day=local_date(now), channel="h5", now=now)
        projects = list_projects(ctx.session, village_code=ctx.place.code)
        in_wechat = "MicroMessenger" in ctx.request.headers.get("user-agent", "")
        years: dict[int, list[Decimal]] = {}
        for p in projects:
            years.setdefault(p.year, []).append(p.amount_yuan)
        return ctx.render(
            "home.html",
            projects=[
                (p, read_fund_parts(p.fund_source, p.amount_yuan), units(p.implementing_unit), acceptance(p.status))
                for p in projects
            ],
            total=sum((p.amount_yuan for p in projects), Decimal(0)),
            years=[(y, len(a), sum(a, Decimal(0))) for y, a in sorted(years.items(), reverse=True)],
            demo=any(p.is_demo for p in projects),
            wechat_code=wechat_poster(ctx) if in_wechat else None,
        )

    def _first_visit_today(self, ctx: DeviceCtx, now: datetime) -> bool:
        """Whether this device opens this poster's page for the first time today (Beijing), within its IP's share."""
        day, expires = local_date(now).isoformat(), next_local_midnight(now)
        seen = f"h5:seen:{self.h5.device_tag(ctx)}:{ctx.scene}:{day}"
        if ratelimit.take(ctx.session, bucket=seen, limit=2**31 - 1, expires_at=expires) > 1:
            return False
        try:
            bucket = f"h5:scans:ip:{self.h5.ip_tag(ctx.request)}:{ctx.scene}:{day}"
            ratelimit.take(ctx.session, bucket=bucket, limit=limits.SCANS_PER_DAY_IP, expires_at=expires)
        except ratelimit.RateLimited:
            return False
        return True

    async def search(self, ctx: DeviceCtx) -> Response:
        assert ctx.place is not None
        q = (ctx.request.query_params.get("q") or "").strip()[:MAX_QUERY]
        q = "".join(c for c in q if c >= " ")
        if not q:
            return ctx.render("search.html", q="", answer=None, error="请输入想了解的政策，例如“低保怎么申请”。")
        try:
            answer = self.h5.knowledge.get().ask(q, county_code=ctx.place.county_code[:6])
        except Exception:
            log.exception("h5: policy search failed for a %d-character query", len(q))
            return ctx.render("search.html", 503, q=q, answer=None, error="政策查询暂时不可用，请稍后再试。")
        # the maintainers' page of unanswered questions and hit counts (#19), as from the chat
        kb_feedback.note(ctx.session, q, answer, county_code=ctx.place.county_code[:6], now=utcnow())
        return ctx.render("search.html", q=q, answer=answer, error=None)

    async def find(self, ctx: DeviceCtx) -> Response:
        q = (ctx.request.query_params.get("q") or "").strip()[:40]
        matches = []
        if q:
            index = self.h5.services.place_index
            if index is not None:
                matches = [m.place for m in index.find(q, limit=8) if m.place.is_village]
        return ctx.render("notfound.html", 200, matches=matches, q=q, searched=bool(q))
