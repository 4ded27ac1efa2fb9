"""The H5 edge on the page kernel: its gate (device cookie → the poster's village → CSRF → rate limits),
its wording of refusals, and what its pages share (settings, the media store, the submit policy)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from bot.context import Services
from cases.evidence.media_store import FileMediaStore
from cases.intake.submit import SubmitPolicy
from cases.validation import MAX_PHOTOS
from handlers.h5 import limits
from handlers.h5.device_ctx import DeviceCtx
from handlers.h5.render import mb, page_error
from handlers.runtime import Runtime
from handlers.web.db_errors import lost_race
from handlers.web.gates import DeviceGate
from handlers.web.page_kernel import Endpoint, FormRules, PageFn, PageKernel, Wording
from knowledge.holder import KnowledgeHolder
from storage.models import Poster
from storage.repos.villages import Place
from villages.places.scene import parse_scene

DEVICE_COOKIE = "qf_dev"
DEVICE_MAX_AGE_S = 365 * 24 * 3600


class H5:
    def __init__(self, runtime: Runtime, services: Services, knowledge: KnowledgeHolder) -> None:
        self.runtime, self.services, self.knowledge = runtime, services, knowledge
        s = runtime.settings
        self.secret, self.secure = s.secret_key, s.cookie_secure
        self.max_bytes = s.media_max_bytes
        self.store = FileMediaStore(s.media_dir)
        assert services.case_policy is not None, "install_cases sets the submit policy first"
        self.policy: SubmitPolicy = services.case_policy
        self.reports_per_day = s.reports_per_day
        self.tags = limits.Tags(self.secret)
        wording = Wording(
            too_big=f"上传的内容太大。照片最多 {MAX_PHOTOS} 张，每张不超过 {mb(self.max_bytes)}。",
            too_big_read="上传的内容太大，请少选几张照片后重试。",
            bad_form="提交的内容格式不正确，请返回上一页刷新后重试。",
            db_down="系统繁忙（数据库暂时不可用），请稍后再试。",
            unexpected="系统出现问题，已记录，请稍后再试，或拨打 12388 反映。",
        )
        form = FormRules(max_body=MAX_PHOTOS * self.max_bytes + 1024 * 1024, max_files=MAX_PHOTOS + 1, max_fields=50)
        # A lost race (two posts of one form) is tried again.
        self.kernel = PageKernel(
            runtime.sessions, edge="h5", wording=wording, error_page=page_error, form=form, retry=lost_race
        )

    def page(self, fn: PageFn[DeviceCtx], *, scene: bool = True, action: bool = False) -> Endpoint:
        """A page under /v: of a poster's village (`scene`), rate-limited on reads too when an `action`."""
        return self.kernel.page(fn, _H5Gate(self, scene=scene, counted=action))

    def device_tag(self, ctx: DeviceCtx) -> str:
        return self.tags.device(ctx.device)

    def ip_tag(self, request: Request) -> str:
        return self.tags.ip(request)

    def take(self, ctx: DeviceCtx, what: str, ip_limit: int, device_limit: int, *, hourly: bool) -> None:
        limits.take(
            ctx.session,
            what=what,
            ip_tag=self.ip_tag(ctx.request),
            device_tag=self.device_tag(ctx),
            ip_limit=ip_limit,
            device_limit=device_limit,
            hourly=hourly,
        )

    def place_for(self, session: Session, raw: str) -> Place | None:
        parsed = parse_scene(raw)
        if parsed is None:
            return None
        place = self.services.place(session, parsed.village_code)
        if place is None or not place.is_village:
            return None
        if parsed.poster_no is not None and parsed.poster_no > 1:
            known = session.scalar(select(Poster.id).where(Poster.scene == raw))
            if known is None:
                return None
        return place


class _H5Gate(DeviceGate[DeviceCtx]):
    def __init__(self, h5: H5, *, scene: bool, counted: bool) -> None:
        super().__init__(
            h5.secret, secure=h5.secure, cookie=DEVICE_COOKIE, path="/v", max_age_s=DEVICE_MAX_AGE_S, counted=counted
        )
        self.h5, self.scene = h5, scene

    def context(
        self, request: Request, session: Session, form: FormData | None, device: str, new_device: bool, csrf: str
    ) -> DeviceCtx:
        return DeviceCtx(request, session, csrf, form, device, new_device)

    def enter(self, ctx: DeviceCtx) -> Response | None:
        if not self.scene:
            return None
        raw = str(ctx.request.path_params.get("scene", ""))
        ctx.place = self.h5.place_for(ctx.session, raw)
        if ctx.place is None:
            return ctx.render("notfound.html", 404, matches=[], q="")
        ctx.scene = raw
        return None

    def refuse_csrf(self, ctx: DeviceCtx) -> Response:
        return ctx.render(
            "message.html",
            403,
            title="安全校验失败",
            message="安全校验失败（CSRF）。请返回上一页，刷新后再提交；请确认浏览器允许 Cookie。",
        )

    def limit(self, ctx: DeviceCtx) -> None:
        self.h5.take(ctx, "act", limits.ACTIONS_PER_HOUR_IP, limits.ACTIONS_PER_HOUR_DEVICE, hourly=True)
