"""Creating posters from the villages page (POST /admin/posters/create): the poster rows of one village,
town or county, made by villages.posters.qr_batch as `qingfeng qr create --kind h5` makes them (an
existing poster is never changed, so a code on a wall stays). The page makes link codes (H5), which
open in WeChat and any camera; WeChat's own codes need its API and stay with the command line.

The public base URL rules of `qingfeng qr create` apply: a loopback or private address is refused, and
outside production it can be allowed for a test, by ticking the box the page shows only then."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.responses import RedirectResponse, Response

from config.public_url import public_url_problem
from config.settings import Settings
from handlers.admin import desk_text
from handlers.admin.poster_scope import LEVELS, chosen, place_name, poster_scope, villages_in
from handlers.admin.views import Admin, StaffCtx
from handlers.web.params import whole
from storage.types import utcnow
from villages.posters.qr_batch import add_missing_posters

MAX_PER_VILLAGE = 10


class PosterMaking:
    def __init__(self, admin: Admin) -> None:
        self.settings: Settings = admin.runtime.settings
        self.secure = admin.secure

    async def create(self, ctx: StaffCtx) -> Response:
        form = ctx.form
        assert form is not None  # a POST always has its form (handlers/web/page_kernel.py)
        level, code = str(form.get("level") or ""), str(form.get("code") or "").strip()
        per_village = whole(str(form.get("per_village") or "1"), low=1, high=MAX_PER_VILLAGE)
        if level not in LEVELS or per_village is None:
            return ctx.render("error.html", status=400, message=f"每村张数请填 1 到 {MAX_PER_VILLAGE}。")
        scope = poster_scope(ctx.session, ctx.viewer)
        places = chosen(villages_in(ctx.session, scope), level, code) if scope.allows(level) else []
        if not places:
            return ctx.render("error.html", status=404, message="没有这个地方，或不在您的范围内。")
        refused = self._url_refused(allowed=form.get("allow_local") == "1")
        if refused:
            return ctx.render("error.html", status=409, message=refused)
        result = add_missing_posters(
            ctx.session,
            places=places,
            per_village=per_village,
            kind="h5",
            public_base_url=self.settings.public_base_url,
            now=utcnow(),
        )
        name = place_name(places, level)
        ctx.audit("create_posters", name=name, villages=len(places), added=result.added)
        if result.added:
            message = f"已为{name}生成 {result.added} 张海报，可以下载打印了。"
        else:
            message = f"{name}的海报都已生成，不用再生成；下载即可重印，二维码不变。"
        back = {k: str(form.get(k) or "") for k in ("county", "q", "page")}
        response = RedirectResponse(
            "/admin/villages?" + urlencode({k: v for k, v in back.items() if v}), status_code=303
        )
        desk_text.set_done(response, message, secure=self.secure)
        return response

    def _url_refused(self, *, allowed: bool) -> str:
        problem = public_url_problem(self.settings.public_base_url)
        if problem is None:
            return ""
        why = f"海报上的网址 {self.settings.public_base_url} 不能用（{problem.split(' / ')[0]}）"
        if self.settings.is_prod:
            return f"不能生成：{why}，请系统管理员改成对外的 https:// 网址。"
        if allowed:
            return ""
        return f"{why}。仅供测试时，请勾选“仅供测试：允许本机地址”后再生成。"
