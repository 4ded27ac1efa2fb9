"""我家补贴 on the H5 page (/v/<scene>/money): the same household view as the chat's menu 5, for a phone
that opened the poster's link. The device (its cookie) is the holder of the link: "dev:" + its keyed tag.

A villager links with a name, the last six ID characters and the household's code; sees 24 months of the
household's payments; answers each one. 没收到 and 金额不对 open a case (channel h5) and show its number and
query code. The household head sees which phones and WeChat users are linked, and may remove them.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import RedirectResponse, Response

from cases.intake import ratelimit
from cases.money import household as hh
from cases.timeutil import chinese_time
from cases.validation import Channel
from handlers.h5.device_ctx import DeviceCtx
from handlers.h5.edge import H5
from handlers.web.page_kernel import Refused
from handlers.web.params import whole
from storage.types import utcnow


class MoneyPages:
    def __init__(self, h5: H5) -> None:
        self.h5 = h5

    def _holder(self, ctx: DeviceCtx) -> str:
        return "dev:" + self.h5.device_tag(ctx)

    def _page(self, ctx: DeviceCtx, status: int = 200, **values: Any) -> Response:
        holder = self._holder(ctx)
        now = utcnow()
        link = hh.linked(ctx.session, holder)
        return ctx.render(
            "money.html",
            status,
            linked=link is not None,
            payments=hh.payments(ctx.session, holder=holder, now=now) if link else [],
            members=hh.members(ctx.session, holder=holder) if link else [],
            head=hh.is_head(ctx.session, holder=holder) if link else False,
            disclosed=hh.disclosed(ctx.session, holder=holder) if link else [],
            words=hh.ANSWER_WORDS,
            **values,
        )

    async def show(self, ctx: DeviceCtx) -> Response:
        notice = {"linked": "关联成功。", "received": "已记下：收到了。谢谢您的核对！", "unlinked": "已解除关联。"}
        return self._page(ctx, notice=notice.get(ctx.request.query_params.get("done", ""), ""))

    async def link(self, ctx: DeviceCtx) -> Response:
        try:
            hh.link(
                ctx.session,
                holder=self._holder(ctx),
                name=ctx.field("name", 20),
                last_six=ctx.field("digits", 6),
                code=ctx.field("code", 16),
                now=utcnow(),
            )
        except hh.Refused as refused:
            locked = "明天" in str(refused)
            return self._page(ctx, 429 if locked else 400, error=str(refused), typed_name=ctx.field("name", 20))
        return RedirectResponse(f"/v/{ctx.scene}/money?done=linked", status_code=303)

    async def answer(self, ctx: DeviceCtx) -> Response:
        answer = ctx.field("answer", 16)
        if answer not in hh.ANSWER_WORDS:
            raise Refused(400, "请选择：收到了、没收到 或 金额不对。")
        try:
            done = hh.answer(
                ctx.session,
                holder=self._holder(ctx),
                payment_id=ctx.field("payment", 64),
                answer=answer,
                openid=None,
                channel=Channel.H5,
                policy=self.h5.policy,
                now=utcnow(),
            )
        except hh.Refused as refused:
            raise Refused(404, str(refused)) from refused
        except ratelimit.RateLimited as exc:
            raise Refused(429, f"今天的反映次数已满，请在 {chinese_time(exc.retry_at)} 以后再试。") from exc
        if done.submitted is None:
            return RedirectResponse(f"/v/{ctx.scene}/money?done=received", status_code=303)
        return ctx.render("done.html", done=done.submitted)

    async def unlink(self, ctx: DeviceCtx) -> Response:
        link_id = whole(ctx.field("link", 12), low=1, high=2**62)
        if link_id is None:
            raise Refused(400, "没有找到这个关联。")
        try:
            hh.unlink(ctx.session, holder=self._holder(ctx), link_id=link_id)
        except hh.Refused as refused:
            raise Refused(403, str(refused)) from refused
        return RedirectResponse(f"/v/{ctx.scene}/money?done=unlinked", status_code=303)
