"""Tracking a case on the H5 page by its number and query code (wrong codes counted per device and per
IP), and the villager's rating of a closed case."""

from __future__ import annotations

from sqlalchemy import select
from starlette.responses import Response

from cases import case_input, lifecycle, ratings
from cases.handling import case_steps
from cases.reading import tracking
from cases.timeutil import chinese_time
from handlers.h5 import limits
from handlers.h5.device_ctx import DeviceCtx
from handlers.h5.edge import H5
from handlers.web.params import whole
from storage.models.cases import Case, CaseEvent
from storage.types import utcnow

_INCOMPLETE = "请填写完整的案件编号（如 630223-2026-000123）和 6 位查询码。"


class TrackPages:
    def __init__(self, h5: H5) -> None:
        self.h5 = h5

    async def track_form(self, ctx: DeviceCtx) -> Response:
        return ctx.render("track.html", number="", error=None)

    def _lookup(self, ctx: DeviceCtx) -> tuple[Case | None, Response | None]:
        typed = ctx.field("number", 40)  # shown back as typed on any failure
        read = case_input.read_number(typed)
        code = case_input.read_code(ctx.field("code", 24))
        if read.number is None:
            error = (
                f"“{read.doubtful}”不是完整的案件编号。编号分三段：6 位、年份、6 位，如 630223-2026-000123。"
                if read.doubtful
                else _INCOMPLETE
            )
            return None, ctx.render("track.html", 400, number=typed, error=error)
        if code is None:
            return None, ctx.render("track.html", 400, number=typed, error="请填写 6 位数字的查询码。")
        number = read.number
        guesser = tracking.Guesser(
            (
                (f"h5dev:{self.h5.device_tag(ctx)}", limits.TRACK_MISSES_DEVICE),
                (f"h5ip:{self.h5.ip_tag(ctx.request)}", limits.TRACK_MISSES_IP),
            )
        )
        found = tracking.lookup(ctx.session, number=number, code=code, now=utcnow(), guesser=guesser)
        if found.outcome == "ok" and found.case is not None:
            return found.case, None
        if found.outcome == "locked":
            error = f"查询码错误次数过多，请在 {chinese_time(found.retry_at or utcnow())} 以后再试。"
            return None, ctx.render("track.html", 429, number=typed, error=error)
        # An unknown number gets this same answer: numbers cannot be tried out.
        error = f"编号或查询码不正确，请核对后再试。还可以再试 {found.tries_left} 次。"
        return None, ctx.render("track.html", 400, number=typed, error=error)

    def _show_case(
        self, ctx: DeviceCtx, case: Case, *, notice: str | None = None, error: str | None = None
    ) -> Response:
        events = ctx.session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case.id, CaseEvent.public.is_(True)).order_by(CaseEvent.id)
        ).all()
        return ctx.render(
            "case.html",
            400 if error else 200,
            case=tracking.view(ctx.session, case),
            raw=case,
            events=events,
            code=ctx.field("code", 16),
            notice=notice,
            error=error,
        )

    async def track_post(self, ctx: DeviceCtx) -> Response:
        case, refused = self._lookup(ctx)
        if case is None:
            assert refused is not None
            return refused
        return self._show_case(ctx, case)

    async def rate_post(self, ctx: DeviceCtx) -> Response:
        case, refused = self._lookup(ctx)
        if case is None:
            assert refused is not None
            return refused
        rating = whole(ctx.field("rating"), high=9)
        if rating is None or rating not in case_steps.RATINGS:
            return self._show_case(ctx, case, error="请选择一项评价：" + "、".join(case_steps.RATINGS.values()) + "。")
        reason = ctx.field("reason", 500) or None
        if rating in ratings.DISSATISFIED and reason is None:  # as the chat asks: the reason goes to the supervisors
            return self._show_case(ctx, case, error="请说说不满意的原因，我们会重新交办、回访整改。")
        try:
            with ctx.session.begin_nested():
                case_steps.rate(
                    ctx.session,
                    case=case,
                    rating=rating,
                    reason=reason,
                    actor="villager",
                    now=utcnow(),
                    calendar=self.h5.policy.calendar,
                )
        except lifecycle.IllegalTransition:
            ctx.session.refresh(case)
            return self._show_case(ctx, case, error="这件事现在不能评价（已评价过，或还没有办结）。")
        if rating in ratings.DISSATISFIED:
            return self._show_case(
                ctx,
                case,
                notice=f"已记下您的评价（{case_steps.RATINGS[rating]}）和意见。此事已重新交办，办理单位会回访您并限期整改。",
            )
        return self._show_case(ctx, case, notice=f"感谢您的评价（{case_steps.RATINGS[rating]}）。")
