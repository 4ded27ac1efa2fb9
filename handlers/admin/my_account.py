"""我的账号 (/admin/me): a staff member's own page. They link their WeChat by scanning a temporary QR code
that carries a one-time token (cases/staff/wechat_link.py), unlink it, and choose which work notices reach
them on WeChat and whether one at a time or as a daily digest (cases/staff/alerts.py). Each change is
audited; the page shows only the viewer's own account."""

from __future__ import annotations

import logging

import anyio
import httpx
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from cases.staff import alerts, wechat_link
from handlers.admin.views import Admin, StaffCtx
from handlers.web.page_kernel import Endpoint
from storage.models.staff import StaffUser
from storage.types import utcnow
from villages.posters.qr_image import encode, to_svg
from wechat.api import WechatApiError
from wechat.client import make_api

log = logging.getLogger(__name__)
QR_MARK = "<!-- qingfeng:link-qr -->"  # where the page's QR code goes once WeChat has made it
NO_CODE = "暂时无法从微信生成二维码，请稍后重试。如一直不行，请联系管理员检查公众号设置。"
SAVED = {"prefs": "已保存工作提醒设置。", "unlinked": "已解除微信绑定，工作提醒只显示在案件队列顶部。"}


class MyAccount:
    def __init__(self, admin: Admin) -> None:
        self.runtime = admin.runtime

    async def show(self, ctx: StaffCtx) -> Response:
        done = SAVED.get(str(ctx.request.query_params.get("done", "")), "")
        return self._render(ctx, done=done)

    async def new_code(self, ctx: StaffCtx) -> Response:
        """A fresh one-time code for this account (an earlier unspent one stops working). The page comes back
        with a marker where the QR code goes: `with_qr_code` asks WeChat for it once this transaction has
        committed, since a WeChat call must never hold the database (on SQLite, every writer would wait)."""
        code = wechat_link.new_code(ctx.session, user=self._user(ctx), now=utcnow())
        ctx.audit("wechat_link_code")
        ctx.request.state.link_scene = code.scene
        minutes = int(wechat_link.LINK_TTL.total_seconds()) // 60
        return self._render(ctx, qr_pending=QR_MARK, expires_at=code.expires_at, minutes=minutes)

    def with_qr_code(self, page: Endpoint) -> Endpoint:
        """The endpoint of `new_code`: the page, then the temporary QR code from WeChat put in its place."""

        async def endpoint(request: Request) -> Response:
            response = await page(request)
            scene = getattr(request.state, "link_scene", None)
            if not isinstance(scene, str) or not isinstance(response, HTMLResponse) or response.status_code != 200:
                return response
            html = bytes(response.body).decode("utf-8")
            part = await anyio.to_thread.run_sync(self._qr_part, scene)
            response.body = html.replace(QR_MARK, part, 1).encode("utf-8")
            response.headers["content-length"] = str(len(response.body))  # its other headers and cookies stay
            return response

        return endpoint

    def _qr_part(self, scene: str) -> str:
        expire_s = int(wechat_link.LINK_TTL.total_seconds())
        try:
            with make_api(self.runtime.settings, sessions=self.runtime.sessions) as api:
                ticket = api.create_temp_qr_scene(scene=scene, expire_seconds=expire_s)
        except (WechatApiError, httpx.HTTPError, OSError) as exc:
            log.warning("staff link code: WeChat refused the temporary QR code: %s", exc)
            return f'<div class="error" role="alert">{NO_CODE}</div>'
        return f'<div class="qr" id="link-qr" role="img" aria-label="微信绑定二维码">{to_svg(encode(ticket.url))}</div>'

    async def unlink(self, ctx: StaffCtx) -> Response:
        wechat_link.unlink(ctx.session, user=self._user(ctx), now=utcnow())
        return RedirectResponse("/admin/me?done=unlinked", status_code=303)

    async def save_prefs(self, ctx: StaffCtx) -> Response:
        form = ctx.request.state.form
        kinds = [str(k) for k in form.getlist("kinds")] if form is not None else []
        mode = str(form.get("mode", "")) if form is not None else ""
        if mode not in ("single", "digest"):
            return self._render(ctx, error="请选择“逐条提醒”或“每日汇总”。", status=400)
        prefs = alerts.save_prefs(
            ctx.session, user_id=ctx.viewer.user_id, kinds=kinds, digest=mode == "digest", now=utcnow()
        )
        ctx.audit("notice_prefs", kinds=len(prefs.kinds), digest=prefs.digest)
        return RedirectResponse("/admin/me?done=prefs", status_code=303)

    # -- helpers ----------------------------------------------------------------------------------

    def _user(self, ctx: StaffCtx) -> StaffUser:
        user = ctx.session.get(StaffUser, ctx.viewer.user_id)
        assert user is not None, "the staff gate hands over a signed-in, existing account"
        return user

    def _render(self, ctx: StaffCtx, *, status: int = 200, **values: object) -> Response:
        user = self._user(ctx)
        prefs = alerts.describe(alerts.prefs_of(ctx.session, user.id), role=user.role)
        return ctx.render(
            "my_account.html",
            status,
            user=user,
            linked_at=wechat_link.linked_at(ctx.session, user.id),
            prefs=prefs,
            digest_hour=self.runtime.settings.staff_digest_hour,
            **values,
        )
