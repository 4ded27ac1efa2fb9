"""The H5 report form: fill in (photos uploaded as they are chosen), confirm, submit through the one
submit service (channel h5) exactly once per form (its key), within the device's and the IP's daily limits."""

from __future__ import annotations

import math
import re
import secrets
from dataclasses import replace

from sqlalchemy import select
from starlette.responses import HTMLResponse, Response

from cases.categories import CADRE_LEVELS, by_code, categories
from cases.evidence import intake
from cases.intake import staging
from cases.intake.submit import submit
from cases.validation import (
    MAX_DESCRIPTION,
    MAX_PHOTOS,
    Channel,
    EvidenceInput,
    EvidenceKind,
    InvalidReport,
    LocationInput,
    LocationSource,
    ReportInput,
    check,
    contact_problems,
    description_problem,
)
from handlers.h5 import limits
from handlers.h5.device_ctx import DeviceCtx
from handlers.h5.edge import H5
from handlers.h5.render import mb
from handlers.h5.uploads import Photo, UploadQuota, Uploads
from storage.models.cases import Case
from storage.repos.projects import list_projects
from storage.repos.villages import Place
from storage.types import utcnow

# Browsers report accuracy in metres; a fix coarser than 100 km cannot tell one village from another.
MAX_ACCURACY_M = 100_000.0
FORM_FIELDS = ("key", "category", "cadre_level", "description", "anonymous", "name", "phone", "lat", "lng", "accuracy")
_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")
# The first words `?project=N` puts in the description (_project_named): the villager's own words must follow.
_PROJECT_PREFIX = re.compile(r"\s*对[0-9]{1,4}年的项目“.*?”有疑问：", re.DOTALL)


class ReportPages:
    def __init__(self, h5: H5) -> None:
        self.h5 = h5
        self.uploads = Uploads(h5)

    async def report_form(self, ctx: DeviceCtx) -> Response:
        values = {"key": secrets.token_urlsafe(18), "anonymous": "1"}
        named = _project_named(ctx)
        if named:  # 对这个项目有疑问 on the home page: the report starts with the project named
            values |= {"category": "project", "description": named}
        return self._form(ctx, values=values, problems=[], photos=[])

    def _form(
        self, ctx: DeviceCtx, *, values: dict[str, str], problems: list[str], photos: list[Photo], status: int = 200
    ) -> HTMLResponse:
        return ctx.render(
            "report.html",
            status,
            v=values,
            problems=problems,
            photos=photos,
            categories=categories(),
            max_photos=MAX_PHOTOS,
            max_mb=mb(self.h5.max_bytes),
            max_description=MAX_DESCRIPTION,
        )

    async def report_post(self, ctx: DeviceCtx) -> Response:
        assert ctx.place is not None
        values = {n: ctx.field(n, MAX_DESCRIPTION + 100 if n == "description" else 64) for n in FORM_FIELDS}
        if not _KEY.fullmatch(values["key"]):
            values["key"] = secrets.token_urlsafe(18)
        photos = self.uploads.kept(ctx)
        assert ctx.form is not None
        swept = min(len(ctx.form.getlist("photo")), MAX_PHOTOS) - len(photos)
        problems = [f"有 {swept} 张照片选好后超过 2 小时没有提交，已被清除，请重新选择。"] if swept else []
        step = ctx.field("step")
        if step == "edit":
            return self._form(ctx, values=values, problems=problems, photos=photos)
        try:
            photos += await self.uploads.take(ctx, problems, room=MAX_PHOTOS - len(photos))
        except UploadQuota as exc:
            return self._form(ctx, values=values, problems=[exc.message], photos=photos, status=429)
        try:
            report = _report(ctx.place, values, photos)
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

    def _submit(self, ctx: DeviceCtx, report: ReportInput, key: str) -> Response:
        """Submit in the page's transaction: the response (number and code) leaves only after the commit."""
        repeated = ctx.session.scalar(select(Case.id).where(Case.submit_key == key)) is not None
        if not repeated:
            self.h5.take(ctx, "report", limits.REPORTS_PER_DAY_IP, self.h5.reports_per_day, hourly=False)
        try:
            report = self._promoted(report)
        except FileNotFoundError:  # swept between the page's check and now
            return ctx.render("message.html", 400, title="无法提交", message="照片已过期被清除，请返回重新选择照片。")
        try:
            with ctx.session.begin_nested():
                done = submit(ctx.session, report=report, key=key, policy=self.h5.policy, now=utcnow())
        except InvalidReport as exc:
            return ctx.render("message.html", 400, title="无法提交", message="；".join(exc.problems))
        return ctx.render("done.html", done=done)

    def _promoted(self, report: ReportInput) -> ReportInput:
        """The report with its staged photos stored where the case's evidence will point."""
        evidence = tuple(
            replace(e, storage_key=staging.promote(self.h5.store, key=e.storage_key)) if e.storage_key else e
            for e in report.evidence
        )
        return replace(report, evidence=evidence)


def _project_named(ctx: DeviceCtx) -> str:
    """The first words for `?project=N` (N: its place on the home page's list), naming the project; else ""."""
    assert ctx.place is not None
    number = ctx.request.query_params.get("project", "")
    if not re.fullmatch(r"[0-9]{1,4}", number):
        return ""
    projects = list_projects(ctx.session, village_code=ctx.place.code)
    if not 1 <= int(number) <= len(projects):
        return ""
    p = projects[int(number) - 1]
    return f"对{p.year}年的项目“{p.name}”有疑问："


def _own_words_problem(description: str) -> str | None:
    """A description that starts with a project's prefilled first words needs the villager's own words after
    them, checked by the chat's rule (cases/validation.py)."""
    named = _PROJECT_PREFIX.match(description)
    if named is None:
        return None
    problem = description_problem(description[named.end() :])
    return None if problem is None else f"请在“有疑问：”后面写下您的疑问。{problem}"


def _report(place: Place, v: dict[str, str], photos: list[Photo]) -> ReportInput:
    problems: list[str] = []
    if own := _own_words_problem(v["description"]):
        problems.append(own)
    category = by_code(v["category"])
    if category is not None and category.about_cadres and not v["cadre_level"]:
        # As the chat's cadre step: an answer is needed, and 其他或不清楚 is one (never "no cadre").
        problems.append("请选择被反映人是哪一级干部，不清楚就选“其他或不清楚”。")
    anonymous = v["anonymous"] != "0"
    if not anonymous:  # first, as the form lists them; check() below finds them again and they are not repeated
        problems += contact_problems(channel=Channel.H5, name=v["name"], phone=v["phone"])
    location = None
    if v["lat"] or v["lng"]:
        try:
            location = LocationInput(
                lat=float(v["lat"]),
                lng=float(v["lng"]),
                source=LocationSource.BROWSER,
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
                kind=EvidenceKind.IMAGE,
                media_id="",
                media_format=intake.EXTENSIONS.get(p.content_type),
                storage_key=p.storage_key,
                sha256=p.sha256,
                content_type=p.content_type,
                size_bytes=p.size_bytes,
            )
            for p in photos
        ),
        channel=Channel.H5,
    )
    try:
        check(report)
    except InvalidReport as exc:
        problems += [p for p in exc.problems if p not in problems]
    if problems:
        raise InvalidReport(problems)
    return report


def _accuracy(raw: str) -> float | None:
    """The browser's position accuracy in metres; ValueError unless finite and between 0 and MAX_ACCURACY_M."""
    if not raw:
        return None
    value = float(raw)
    if not (math.isfinite(value) and 0 <= value <= MAX_ACCURACY_M):
        raise ValueError(f"accuracy out of range: {raw!r}")
    return value
