"""The H5 page behind every poster, `/v/<scene>`: policy search, the village's projects, a report form
and tracking by case number plus query code. Works without JavaScript; every POST carries a CSRF token
bound to the device cookie; rate limits per IP (keyed hash, never stored raw) and per device are counted
in the database; a report goes through the one submit service (channel h5) exactly once per form."""

from __future__ import annotations

import hashlib
import hmac
import io
import logging
import math
import re
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route, Router

from bot import kb_feedback
from bot.context import Services
from cases import lifecycle
from cases.categories import CADRE_LEVELS, by_code, categories
from cases.evidence.media_store import FileMediaStore
from cases.evidence.photo_privacy import UnsafeImage, clean_image
from cases.handling import case_steps
from cases.intake import ratelimit, staging
from cases.intake.submit import SubmitPolicy, submit
from cases.reading import tracking
from cases.timeutil import chinese_date, chinese_time, local_date, next_local_midnight
from cases.validation import (
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_PHOTOS,
    EvidenceInput,
    InvalidReport,
    LocationInput,
    ReportInput,
    check,
    phone_problem,
)
from handlers.runtime import Runtime
from handlers.web import staff_auth
from handlers.web.page_threads import off_loop
from handlers.web.params import whole
from knowledge.holder import KnowledgeHolder
from storage.db import transaction
from storage.models import Poster
from storage.models.cases import Case, CaseEvent
from storage.repos.projects import list_projects
from storage.repos.scans import count_scan
from storage.repos.villages import Place
from storage.types import utcnow
from villages.places.scene import parse_scene
from villages.posters import qr_image
from villages.projects.text import yuan

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
DEVICE_COOKIE = "qf_dev"
DEVICE_MAX_AGE_S = 365 * 24 * 3600
# Requests that do work (search, every POST) per hour, and new reports per Beijing day. Many villagers
# share one carrier IP, so the IP limits are looser than the device limits.
ACTIONS_PER_HOUR_IP = 300
ACTIONS_PER_HOUR_DEVICE = 60
REPORTS_PER_DAY_IP = 30
# Photo uploads (staged until a report takes them) per device and per IP, each per hour and per Beijing
# day: (what, hourly, photos, kilobytes). A full report is 9 photos of a few MB; the IP shares are for
# many villagers behind one carrier address.
UPLOAD_QUOTAS = (
    ("dev", True, 40, 100 * 1024),
    ("dev", False, 100, 300 * 1024),
    ("ip", True, 300, 1024 * 1024),
    ("ip", False, 1000, 4 * 1024 * 1024),
)
# Wrong query codes per clock hour: per device, and per IP (looser, as above).
TRACK_MISSES_DEVICE = tracking.MAX_CODE_FAILURES
TRACK_MISSES_IP = 30
# A poster's H5 scans count each device once a day; an IP adds at most this many devices a day per poster,
# so reloading without a cookie does not inflate the count either.
SCANS_PER_DAY_IP = 100
# Browsers report accuracy in metres; a fix coarser than 100 km cannot tell one village from another.
MAX_ACCURACY_M = 100_000.0
MAX_QUERY = 200
IMAGE_TYPES: dict[str, tuple[bytes, ...]] = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),
}
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}
FORM_FIELDS = ("key", "category", "cadre_level", "description", "anonymous", "name", "phone", "lat", "lng", "accuracy")
_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")
_NUMBER = re.compile(r"[0-9]{6}-[0-9]{4}-[0-9]{6}")
_CODE = re.compile(r"[0-9]{6}")
_HEADERS = {"Cache-Control": "no-store"}  # the security headers: handlers/web/security_headers.py

_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
_env.filters["t"] = lambda v: chinese_time(v) if isinstance(v, datetime) else ""
_env.filters["d"] = lambda v: chinese_date(v) if isinstance(v, datetime) else ""
_env.filters["yuan"] = lambda v: yuan(v) if isinstance(v, Decimal) else ""
_env.globals.update(STATUS=lifecycle.LABELS, RATINGS=case_steps.RATINGS, CADRE_LEVELS=CADRE_LEVELS)


class _UploadQuota(Exception):
    """The device's or the IP's photo quota is used up; `message` is for the villager."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Refused(Exception):
    """A request we answer with a page, not an error: `status` and a plain Chinese message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


@dataclass
class Ctx:
    request: Request
    session: Session
    place: Place | None
    scene: str
    device: str
    new_device: bool
    csrf: str
    form: FormData | None = None
    cookies: dict[str, str] = field(default_factory=dict)

    def render(self, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        html = _env.get_template(name).render(place=self.place, scene=self.scene, csrf=self.csrf, **values)
        return HTMLResponse(html, status_code=status, headers=_HEADERS)

    def field(self, key: str, limit: int = 200) -> str:
        value = self.form.get(key) if self.form is not None else None
        return value.strip()[:limit] if isinstance(value, str) else ""


Handler = Callable[[Ctx], Awaitable[Response]]


@dataclass(frozen=True)
class Photo:
    storage_key: str
    sha256: str
    content_type: str
    size_bytes: int
    sig: str = ""


class H5:
    def __init__(self, runtime: Runtime, services: Services, knowledge: KnowledgeHolder) -> None:
        self.runtime, self.services, self.knowledge = runtime, services, knowledge
        s = runtime.settings
        self.secret, self.secure = s.secret_key, s.cookie_secure
        self.max_bytes = s.media_max_bytes
        self.store = FileMediaStore(s.media_dir)
        self.policy: SubmitPolicy = services.extras["case_policy"]
        self.reports_per_day = s.reports_per_day

    # -- plumbing ---------------------------------------------------------------------------------

    def page(
        self, fn: Handler, *, scene: bool = True, action: bool = False
    ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            nonce = request.cookies.get(DEVICE_COOKIE) or ""
            new_device = not _KEY.fullmatch(nonce)
            if new_device:
                nonce = secrets.token_urlsafe(16)
            try:
                form = None
                if request.method == "POST":
                    self._check_size(request)
                    try:
                        form = await request.form(max_files=MAX_PHOTOS + 1, max_fields=50)
                    except HTTPException as exc:  # Starlette's answer to a malformed or overlong multipart body
                        if exc.status_code == 413:
                            raise Refused(413, "上传的内容太大，请少选几张照片后重试。") from exc
                        raise Refused(400, "提交的内容格式不正确，请返回上一页刷新后重试。") from exc
                try:
                    # Off the event loop: the webhook shares it (see handlers.web.page_threads).
                    response = await off_loop(
                        lambda: self._attempts(fn, request, form, nonce, new_device, scene=scene, action=action)
                    )
                finally:
                    if form is not None:
                        await form.close()
            except Refused as exc:
                response = _page_error(exc.message, exc.status)
            except OperationalError:
                log.exception("h5: database unavailable")
                response = _page_error("系统繁忙（数据库暂时不可用），请稍后再试。", 503)
            except Exception:
                log.exception("h5: unexpected error")
                response = _page_error("系统出现问题，已记录，请稍后再试，或拨打 12388 反映。", 503)
            if new_device:
                response.set_cookie(
                    DEVICE_COOKIE,
                    nonce,
                    max_age=DEVICE_MAX_AGE_S,
                    httponly=True,
                    samesite="lax",
                    secure=self.secure,
                    path="/v",
                )
            return response

        return endpoint

    async def _attempts(
        self,
        fn: Handler,
        request: Request,
        form: FormData | None,
        nonce: str,
        new_device: bool,
        *,
        scene: bool,
        action: bool,
    ) -> Response:
        """One transaction per attempt; a lost race (two posts of one form) is tried again."""
        for attempt in range(3):
            try:
                with transaction(self.runtime.sessions) as session:
                    ctx = Ctx(request, session, None, "", nonce, new_device, staff_auth.device_csrf(self.secret, nonce))
                    ctx.form = form
                    return await self._run(fn, ctx, scene=scene, action=action)
            except (IntegrityError, OperationalError):
                if attempt == 2:
                    raise
                log.info("h5: transaction lost a race; trying again", exc_info=True)
        raise AssertionError("unreachable")

    async def _run(self, fn: Handler, ctx: Ctx, *, scene: bool, action: bool) -> Response:
        if scene:
            raw = str(ctx.request.path_params.get("scene", ""))
            ctx.place = self._place_for(ctx.session, raw)
            if ctx.place is None:
                return self._not_found(ctx)
            ctx.scene = raw
        if ctx.form is not None:
            token = ctx.field("csrf")
            if ctx.new_device or not token or not staff_auth.same_token(token, ctx.csrf):
                return ctx.render(
                    "message.html",
                    403,
                    title="安全校验失败",
                    message="安全校验失败（CSRF）。请返回上一页，刷新后再提交；请确认浏览器允许 Cookie。",
                )
        if action or ctx.form is not None:
            self._take(ctx, "act", ACTIONS_PER_HOUR_IP, ACTIONS_PER_HOUR_DEVICE, hourly=True)
        return await fn(ctx)

    def _check_size(self, request: Request) -> None:
        length = request.headers.get("content-length")
        if length is not None and (whole(length) or 0) > MAX_PHOTOS * self.max_bytes + 1024 * 1024:
            raise Refused(413, f"上传的内容太大。照片最多 {MAX_PHOTOS} 张，每张不超过 {_mb(self.max_bytes)}。")

    def _place_for(self, session: Session, raw: str) -> Place | None:
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

    def _ip_tag(self, request: Request) -> str:
        ip = request.client.host if request.client else "unknown"
        return hmac.new(self.secret.encode(), b"h5-ip:" + ip.encode(), hashlib.sha256).hexdigest()[:24]

    def _device_tag(self, ctx: Ctx) -> str:
        return hmac.new(self.secret.encode(), b"h5-device:" + ctx.device.encode(), hashlib.sha256).hexdigest()[:24]

    def _take(self, ctx: Ctx, what: str, ip_limit: int, device_limit: int, *, hourly: bool) -> None:
        now = utcnow()
        if hourly:
            period = now.strftime("%Y%m%d%H")
            expires = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        else:
            period = local_date(now).isoformat()
            expires = next_local_midnight(now)
        try:
            with ctx.session.begin_nested():
                ip_bucket = f"h5:{what}:ip:{self._ip_tag(ctx.request)}:{period}"
                ratelimit.take(ctx.session, bucket=ip_bucket, limit=ip_limit, expires_at=expires)
                ratelimit.take(
                    ctx.session,
                    bucket=f"h5:{what}:dev:{self._device_tag(ctx)}:{period}",
                    limit=device_limit,
                    expires_at=expires,
                )
        except ratelimit.RateLimited as exc:
            when = chinese_time(exc.retry_at)
            message = "今天提交的反映已达上限" if what == "report" else "操作太频繁了"
            raise Refused(429, f"{message}，请在 {when} 以后再试。急事请拨打 12388。") from exc

    def _not_found(self, ctx: Ctx) -> Response:
        return ctx.render("notfound.html", 404, matches=[], q="")

    # -- pages --------------------------------------------------------------------------------------

    async def home(self, ctx: Ctx) -> Response:
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
            projects=projects,
            total=sum((p.amount_yuan for p in projects), Decimal(0)),
            years=[(y, len(a), sum(a, Decimal(0))) for y, a in sorted(years.items(), reverse=True)],
            demo=any(p.is_demo for p in projects),
            wechat_code=self._wechat_poster(ctx) if in_wechat else None,
        )

    def _first_visit_today(self, ctx: Ctx, now: datetime) -> bool:
        """Whether this device opens this poster's page for the first time today (Beijing), within its IP's share."""
        day, expires = local_date(now).isoformat(), next_local_midnight(now)
        seen = f"h5:seen:{self._device_tag(ctx)}:{ctx.scene}:{day}"
        if ratelimit.take(ctx.session, bucket=seen, limit=2**31 - 1, expires_at=expires) > 1:
            return False
        try:
            bucket = f"h5:scans:ip:{self._ip_tag(ctx.request)}:{ctx.scene}:{day}"
            ratelimit.take(ctx.session, bucket=bucket, limit=SCANS_PER_DAY_IP, expires_at=expires)
        except ratelimit.RateLimited:
            return False
        return True

    def _wechat_poster(self, ctx: Ctx) -> str | None:
        assert ctx.place is not None
        rows = ctx.session.execute(
            select(Poster.scene, Poster.content)
            .where(Poster.village_code == ctx.place.code, Poster.kind == "wechat", Poster.content.is_not(None))
            .order_by(Poster.poster_no)
        ).all()
        for scene, content in rows:
            if scene == ctx.scene:
                return str(content)
        return str(rows[0][1]) if rows else None

    async def wechat_code(self, ctx: Ctx) -> Response:
        content = self._wechat_poster(ctx)
        if content is None:
            return _page_error("本村还没有公众号二维码。", 404)
        buf = io.BytesIO()
        qr_image.to_image(qr_image.encode(content), scale=8).save(buf, format="PNG")
        return Response(buf.getvalue(), media_type="image/png", headers={"Cache-Control": "max-age=3600"})

    async def search(self, ctx: Ctx) -> Response:
        assert ctx.place is not None
        q = (ctx.request.query_params.get("q") or "").strip()[:MAX_QUERY]
        q = "".join(c for c in q if c >= " ")
        if not q:
            return ctx.render("search.html", q="", answer=None, error="请输入想了解的政策，例如“低保怎么申请”。")
        try:
            answer = self.knowledge.get().ask(q, county_code=ctx.place.county_code[:6])
        except Exception:
            log.exception("h5: policy search failed for a %d-character query", len(q))
            return ctx.render("search.html", 503, q=q, answer=None, error="政策查询暂时不可用，请稍后再试。")
        # the maintainers' page of unanswered questions and hit counts (#19), as from the chat
        kb_feedback.note(ctx.session, q, answer, county_code=ctx.place.county_code[:6], now=utcnow())
        return ctx.render("search.html", q=q, answer=answer, error=None)

    # -- report -------------------------------------------------------------------------------------

    async def report_form(self, ctx: Ctx) -> Response:
        return self._form(ctx, values={"key": secrets.token_urlsafe(18), "anonymous": "1"}, problems=[], photos=[])

    def _form(
        self, ctx: Ctx, *, values: dict[str, str], problems: list[str], photos: list[Photo], status: int = 200
    ) -> HTMLResponse:
        return ctx.render(
            "report.html",
            status,
            v=values,
            problems=problems,
            photos=photos,
            categories=categories(),
            max_photos=MAX_PHOTOS,
            max_mb=_mb(self.max_bytes),
            max_description=MAX_DESCRIPTION,
        )

    async def report_post(self, ctx: Ctx) -> Response:
        assert ctx.place is not None
        values = {n: ctx.field(n, MAX_DESCRIPTION + 100 if n == "description" else 64) for n in FORM_FIELDS}
        if not _KEY.fullmatch(values["key"]):
            values["key"] = secrets.token_urlsafe(18)
        photos = self._kept_photos(ctx)
        assert ctx.form is not None
        swept = min(len(ctx.form.getlist("photo")), MAX_PHOTOS) - len(photos)
        problems = [f"有 {swept} 张照片选好后超过 2 小时没有提交，已被清除，请重新选择。"] if swept else []
        step = ctx.field("step")
        if step == "edit":
            return self._form(ctx, values=values, problems=problems, photos=photos)
        try:
            photos += await self._uploads(ctx, problems, room=MAX_PHOTOS - len(photos))
        except _UploadQuota as exc:
            return self._form(ctx, values=values, problems=[exc.message], photos=photos, status=429)
        try:
            report = self._report(ctx.place, values, photos)
        except InvalidReport as exc:
            problems += exc.problems
            report = None
        if problems or report is None:
            return self._form(ctx, values=values, problems=problems, photos=photos, status=400)
        category = by_code(report.category)
        if step != "submit":
            return ctx.render(
                "confirm.html",
                v=values,
                photos=photos,
                category=category,
                cadre=dict(CADRE_LEVELS).get(report.cadre_level or "", ""),
            )
        return self._submit(ctx, report, "h5:" + values["key"])

    def _report(self, place: Place, v: dict[str, str], photos: list[Photo]) -> ReportInput:
        problems: list[str] = []
        category = by_code(v["category"])
        if category is not None and category.about_cadres and not v["cadre_level"]:
            problems.append("请选择被反映人是哪一级干部。")
        anonymous = v["anonymous"] != "0"
        if not anonymous:
            if not v["name"]:
                problems.append("实名反映请填写姓名。")
            elif len(v["name"]) > MAX_NAME:
                problems.append(f"姓名最多 {MAX_NAME} 个字。")
            if not v["phone"]:
                problems.append("实名反映请填写手机号，方便办理单位联系您。")
            elif p := phone_problem(v["phone"]):
                problems.append(p)
        location = None
        if v["lat"] or v["lng"]:
            try:
                location = LocationInput(
                    lat=float(v["lat"]),
                    lng=float(v["lng"]),
                    source="browser",
                    accuracy_m=_accuracy(v["accuracy"]),
                    datum="wgs84",
                )
            except ValueError:
                problems.append("位置坐标或精度不正确，请重新获取位置，或不提供位置。")
        report = ReportInput(
            category=v["category"],
            description=v["description"],
            village_code=place.code,
            reporter_openid=None,
            anonymous=anonymous,
            name=None if anonymous else v["name"] or None,
            phone=None if anonymous else v["phone"] or None,
            cadre_level=v["cadre_level"] or None,  # kept in every category: it routes the case
            location=location,
            evidence=tuple(
                EvidenceInput(
                    kind="image",
                    media_id="",
                    media_format=EXTENSIONS.get(p.content_type),
                    storage_key=p.storage_key,
                    sha256=p.sha256,
                    content_type=p.content_type,
                    size_bytes=p.size_bytes,
                )
                for p in photos
            ),
            channel="h5",
        )
        try:
            check(report)
        except InvalidReport as exc:
            problems += [p for p in exc.problems if p not in problems]
        if problems:
            raise InvalidReport(problems)
        return report

    def _sign(self, key: str, content_type: str, size: int) -> str:
        body = f"{key}|{content_type}|{size}".encode()
        return hmac.new(self.secret.encode(), b"h5-photo:" + body, hashlib.sha256).hexdigest()[:32]

    def _kept_photos(self, ctx: Ctx) -> list[Photo]:
        """Photos uploaded on an earlier step, carried in signed hidden fields (never a path we did not write)."""
        kept: list[Photo] = []
        if ctx.form is None:
            return kept
        for raw in ctx.form.getlist("photo")[:MAX_PHOTOS]:
            parts = raw.split("|") if isinstance(raw, str) else []
            size = whole(parts[2]) if len(parts) == 4 else None
            if size is None:
                continue
            key, content_type, sig = parts[0], parts[1], parts[3]
            if not staff_auth.same_token(sig, self._sign(key, content_type, size)) or not self.store.exists(key=key):
                continue
            kept.append(Photo(key, key.split("/")[-1].split(".")[0], content_type, size, sig))
        return kept

    async def _uploads(self, ctx: Ctx, problems: list[str], *, room: int) -> list[Photo]:
        assert ctx.form is not None
        files = [f for f in ctx.form.getlist("photos") if isinstance(f, UploadFile) and f.filename]
        if len(files) > room:
            problems.append(f"照片最多 {MAX_PHOTOS} 张，这次多了 {len(files) - room} 张，请少选几张。")
            return []
        accepted: list[tuple[bytes, str]] = []
        for f in files:
            name = (f.filename or "照片")[:40]
            declared = (f.content_type or "").split(";")[0].strip().lower()
            content = await f.read(self.max_bytes + 1)
            if not content:
                problems.append(f"照片“{name}”是空文件。")
                continue
            if len(content) > self.max_bytes:
                problems.append(f"照片“{name}”太大，每张不超过 {_mb(self.max_bytes)}。")
                continue
            magic = IMAGE_TYPES.get(declared)
            webp_ok = declared != "image/webp" or content[8:12] == b"WEBP"
            if magic is None or not content.startswith(magic) or not webp_ok:
                problems.append(f"“{name}”不是照片（只收 JPG、PNG、GIF、WEBP 格式）。")
                continue
            try:
                content = clean_image(content, declared)  # no GPS or device traces, nothing after the picture
            except UnsafeImage as exc:
                log.info("h5: photo refused: %s", exc)
                problems.append(f"照片“{name}”无法识别（文件损坏或像素太多），请换一张。")
                continue
            accepted.append((content, declared))
        self._take_uploads(ctx, accepted)
        photos: list[Photo] = []
        for content, declared in accepted:
            digest = hashlib.sha256(content).hexdigest()
            key = staging.stage(self.store, content=content, digest=digest, ext=EXTENSIONS[declared])
            photos.append(Photo(key, digest, declared, len(content), self._sign(key, declared, len(content))))
        return photos

    def _take_uploads(self, ctx: Ctx, accepted: list[tuple[bytes, str]]) -> None:
        """Count the photos and their kilobytes against the device's and the IP's quotas, or count nothing."""
        if not accepted:
            return
        kib = sum(-(-len(content) // 1024) for content, _ in accepted)
        now = utcnow()
        tags = {"dev": self._device_tag(ctx), "ip": self._ip_tag(ctx.request)}
        try:
            with ctx.session.begin_nested():
                for who, hourly, photo_limit, kib_limit in UPLOAD_QUOTAS:
                    period, expires = _period(now, hourly=hourly)
                    base = f"h5:up:{who}:{tags[who]}:{period}"
                    for unit, limit, amount in ((":n", photo_limit, len(accepted)), (":kb", kib_limit, kib)):
                        ratelimit.take(ctx.session, bucket=base + unit, limit=limit, expires_at=expires, amount=amount)
        except ratelimit.RateLimited as exc:
            raise _UploadQuota(
                f"上传的照片太多了，请在 {chinese_time(exc.retry_at)} 以后再上传。已选好的照片和填写的内容都还在。"
            ) from exc

    def _submit(self, ctx: Ctx, report: ReportInput, key: str) -> Response:
        """Submit in the page's transaction: the response (number and code) leaves only after the commit."""
        repeated = ctx.session.scalar(select(Case.id).where(Case.submit_key == key)) is not None
        if not repeated:
            self._take(ctx, "report", REPORTS_PER_DAY_IP, self.reports_per_day, hourly=False)
        try:
            report = self._promoted(report)
        except FileNotFoundError:  # swept between the page's check and now
            return ctx.render("message.html", 400, title="无法提交", message="照片已过期被清除，请返回重新选择照片。")
        try:
            with ctx.session.begin_nested():
                done = submit(ctx.session, report=report, key=key, policy=self.policy, now=utcnow())
        except InvalidReport as exc:
            return ctx.render("message.html", 400, title="无法提交", message="；".join(exc.problems))
        return ctx.render("done.html", done=done)

    def _promoted(self, report: ReportInput) -> ReportInput:
        """The report with its staged photos stored where the case's evidence will point."""
        evidence = tuple(
            replace(e, storage_key=staging.promote(self.store, key=e.storage_key)) if e.storage_key else e
            for e in report.evidence
        )
        return replace(report, evidence=evidence)

    # -- tracking -----------------------------------------------------------------------------------

    async def track_form(self, ctx: Ctx) -> Response:
        return ctx.render("track.html", number="", error=None)

    def _lookup(self, ctx: Ctx) -> tuple[Case | None, Response | None]:
        number = ctx.field("number", 32).replace(" ", "")
        code = ctx.field("code", 16).replace(" ", "")
        if not _NUMBER.fullmatch(number) or not _CODE.fullmatch(code):
            error = "请填写完整的案件编号（如 630223-2026-000123）和 6 位查询码。"
            return None, ctx.render("track.html", 400, number=number, error=error)
        guesser = tracking.Guesser(
            (
                (f"h5dev:{self._device_tag(ctx)}", TRACK_MISSES_DEVICE),
                (f"h5ip:{self._ip_tag(ctx.request)}", TRACK_MISSES_IP),
            )
        )
        found = tracking.lookup(ctx.session, number=number, code=code, now=utcnow(), guesser=guesser)
        if found.outcome == "ok" and found.case is not None:
            return found.case, None
        if found.outcome == "locked":
            error = f"查询码错误次数过多，请在 {chinese_time(found.retry_at or utcnow())} 以后再试。"
            return None, ctx.render("track.html", 429, number=number, error=error)
        # An unknown number gets this same answer: numbers cannot be tried out.
        error = f"编号或查询码不正确，请核对后再试。还可以再试 {found.tries_left} 次。"
        return None, ctx.render("track.html", 400, number=number, error=error)

    def _show_case(self, ctx: Ctx, case: Case, *, notice: str | None = None, error: str | None = None) -> Response:
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

    async def track_post(self, ctx: Ctx) -> Response:
        case, refused = self._lookup(ctx)
        if case is None:
            assert refused is not None
            return refused
        return self._show_case(ctx, case)

    async def rate_post(self, ctx: Ctx) -> Response:
        case, refused = self._lookup(ctx)
        if case is None:
            assert refused is not None
            return refused
        rating = whole(ctx.field("rating"), high=9)
        if rating is None or rating not in case_steps.RATINGS:
            return self._show_case(ctx, case, error="请选择 满意、基本满意 或 不满意。")
        try:
            with ctx.session.begin_nested():
                case_steps.rate(
                    ctx.session,
                    case=case,
                    rating=rating,
                    reason=ctx.field("reason", 500) or None,
                    actor="villager",
                    now=utcnow(),
                )
        except lifecycle.IllegalTransition:
            ctx.session.refresh(case)
            return self._show_case(ctx, case, error="这件事现在不能评价（已评价过，或还没有办结）。")
        return self._show_case(ctx, case, notice=f"感谢您的评价（{case_steps.RATINGS[rating]}）。")

    # -- village search (the 404 page) --------------------------------------------------------------

    async def find(self, ctx: Ctx) -> Response:
        q = (ctx.request.query_params.get("q") or "").strip()[:40]
        matches = []
        if q:
            index = self.services.extras.get("place_index")
            if index is not None:
                matches = [m.place for m in index.find(q, limit=8) if m.place.is_village]
        return ctx.render("notfound.html", 200, matches=matches, q=q, searched=bool(q))

    def router(self) -> Router:
        scene = "/v/{scene:str}"
        return Router(
            routes=[
                Route("/v/static/h5.css", _static("h5.css", "text/css")),
                Route("/v/static/h5.js", _static("h5.js", "text/javascript")),
                Route("/v", self.page(self.find, scene=False), methods=["GET"]),
                Route("/v/find", self.page(self.find, scene=False, action=True), methods=["GET"]),
                Route(scene, self.page(self.home), methods=["GET"]),
                Route(scene + "/search", self.page(self.search, action=True), methods=["GET"]),
                Route(scene + "/code.png", self.page(self.wechat_code), methods=["GET"]),
                Route(scene + "/report", self.page(self.report_form), methods=["GET"]),
                Route(scene + "/report", self.page(self.report_post), methods=["POST"]),
                Route(scene + "/track", self.page(self.track_form), methods=["GET"]),
                Route(scene + "/track", self.page(self.track_post), methods=["POST"]),
                Route(scene + "/rate", self.page(self.rate_post), methods=["POST"]),
            ]
        )


def _period(now: datetime, *, hourly: bool) -> tuple[str, datetime]:
    """The counting period's name and end: the clock hour, or the Beijing day."""
    if hourly:
        return now.strftime("%Y%m%d%H"), now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return local_date(now).isoformat(), next_local_midnight(now)


def _accuracy(raw: str) -> float | None:
    """The browser's position accuracy in metres; ValueError unless finite and between 0 and MAX_ACCURACY_M."""
    if not raw:
        return None
    value = float(raw)
    if not (math.isfinite(value) and 0 <= value <= MAX_ACCURACY_M):
        raise ValueError(f"accuracy out of range: {raw!r}")
    return value


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB"


def _static(name: str, media_type: str) -> Callable[[Request], Awaitable[Response]]:
    content = (HERE / "static" / name).read_bytes()

    async def serve(_request: Request) -> Response:
        return Response(content, media_type=media_type, headers={"Cache-Control": "max-age=3600"})

    return serve


def _page_error(message: str, status: int) -> HTMLResponse:
    html = _env.get_template("message.html").render(place=None, scene="", csrf="", title="出错了", message=message)
    return HTMLResponse(html, status_code=status, headers=_HEADERS)


def install_h5(app: Any, runtime: Runtime, services: Services, knowledge: KnowledgeHolder) -> None:
    """Add the /v routes (the H5 page behind every poster) to the FastAPI app."""
    h5 = H5(runtime, services, knowledge)
    app.router.routes.extend(h5.router().routes)
    from handlers.h5.money import MoneyPages  # here: that module builds on this one

    app.router.routes.extend(MoneyPages(h5).routes())
