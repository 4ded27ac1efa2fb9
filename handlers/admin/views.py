"""What every admin page runs on: the template environment, the page contexts (a staff page's viewer is
never None) and Admin.page, the page kernel (handlers/web/page_kernel.py) behind the staff gate. The
pages are files of their own; handlers/admin/routes.py lists every /admin route. Every case read goes
through cases.access.case_scope (404 outside the viewer's scope); every POST carries a CSRF token; every
case view and action is audited."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, overload

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from cases import access, lifecycle
from cases.categories import by_code
from cases.handling import case_steps, rectification
from cases.identity import IdentityKeys
from cases.org import DEPT_NAMES, KINDS, LEVELS
from cases.timeutil import chinese_time
from config.settings import get_settings
from handlers.admin import desk_text
from handlers.admin.event_labels import ACTION_LABELS
from handlers.admin.ops_alert import delivery_alert
from handlers.admin.village_text import village_name
from handlers.admin.who_text import header_desk, header_who
from handlers.runtime import Runtime
from handlers.web.db_errors import deadlock_victim
from handlers.web.gates import LoginGate, StaffGate
from handlers.web.page_kernel import Endpoint, FormRules, PageCtx, PageFn, PageKernel, Wording
from storage.models.cases import Case
from storage.models.staff import AuditEntry, StaffNotice
from storage.types import utcnow
from wechat.failure_text import explain

log = logging.getLogger(__name__)
HERE = Path(__file__).parent

_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
_env.filters["t"] = lambda v: chinese_time(v) if isinstance(v, datetime) else ""
_env.globals.update(
    STATUS=lifecycle.LABELS,
    ROLE_LABELS=access.ROLE_LABELS,
    ACTION_LABELS=ACTION_LABELS,
    FINDINGS=case_steps.FINDINGS,
    RATINGS=case_steps.RATINGS,
    APPEAL_KINDS=rectification.APPEAL_KINDS,
    APPEAL_STATES=rectification.APPEAL_STATES,
    DEPTS=DEPT_NAMES,
    KINDS=KINDS,
    LEVELS=LEVELS,
    header_who=header_who,
    header_desk=header_desk,
    next_due=desk_text.next_due,
    CHANNELS=desk_text.CHANNELS,
    village_name=village_name,
)


def _category_label(code: str) -> str:
    cat = by_code(code)
    return cat.label if cat else code


_env.filters["category"] = _category_label
_env.filters["why_failed"] = explain


@dataclass
class AdminCtx(PageCtx):
    """What an admin page receives (handlers/web/page_kernel.py). Only the login pages get this one, whose
    viewer may be None; every other page gets a StaffCtx."""

    viewer: access.Viewer | None

    def render(self, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        notices = 0
        if self.viewer is not None:
            notices = int(
                self.session.scalar(
                    select(func.count())
                    .select_from(StaffNotice)
                    .where(StaffNotice.user_id == self.viewer.user_id, StaffNotice.read_at.is_(None))
                )
                or 0
            )
        ops_alert = ""
        if self.viewer is not None and self.viewer.role == "admin":
            ops_alert = delivery_alert(self.session, after_minutes=get_settings().outbox_alert_minutes)
        done = desk_text.read_done(self.request)
        html = _env.get_template(name).render(
            viewer=self.viewer, csrf=self.csrf, unread=notices, ops_alert=ops_alert, action_done=done, **values
        )
        response = HTMLResponse(html, status_code=status, headers=_NO_STORE)
        if done:  # shown once
            desk_text.clear_done(response)
        return response


@dataclass
class StaffCtx(AdminCtx):
    """What a page behind the staff gate receives: a signed-in viewer, never None."""

    viewer: access.Viewer

    def audit(self, action: str, case_id: int | None = None, **detail: Any) -> None:
        """An audit row in the case's county (else the viewer's), so that county's supervisors see it."""
        county = self.viewer.county_code
        if case_id is not None:
            case = self.session.get(Case, case_id)
            county = case.county_code if case is not None else county
        self.audit_in(county, action, case_id, **detail)

    def audit_in(self, county: str | None, action: str, case_id: int | None = None, /, **detail: Any) -> None:
        """An audit row read by `county`'s discipline commission and the city's (None: the city's only)."""
        self.session.add(
            AuditEntry(
                at=utcnow(),
                username=self.viewer.username,
                action=action,
                case_id=case_id,
                detail=detail,
                county_code=county,
            )
        )


FIRST_LOGIN_PAGE = "/admin/password"  # handlers/admin/first_password.py
_NO_STORE = {"Cache-Control": "no-store"}  # the security headers: handlers/web/security_headers.py
ADMIN_MAX_BODY = 1024 * 1024  # staff forms are a few fields; no admin page takes uploads
_WORDING = Wording(
    too_big="提交的内容太大。",
    too_big_read="提交的内容太大。",
    bad_form="提交的内容格式不正确，请返回上一页刷新后重试。",
    db_down="数据库暂时不可用，请稍后重试。",
    unexpected="系统出现问题，已记录，请稍后重试或联系管理员。",
    nul="提交的内容中有无法识别的字符，请删掉后重试。",
)


class _StaffGate(StaffGate[StaffCtx]):
    def context(
        self, request: Request, session: Session, form: FormData | None, viewer: access.Viewer, csrf: str
    ) -> StaffCtx:
        return StaffCtx(request, session, csrf, form, viewer)

    def refuse(self, ctx: StaffCtx, message: str) -> Response:
        return ctx.render("error.html", 403, message=message)


class _LoginGate(LoginGate[AdminCtx]):
    def context(
        self, request: Request, session: Session, form: FormData | None, viewer: access.Viewer | None, csrf: str
    ) -> AdminCtx:
        return AdminCtx(request, session, csrf, form, viewer)


class Admin:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        s = runtime.settings
        self.secret = s.secret_key
        self.secure = s.cookie_secure
        self.keys = IdentityKeys(s.identity_key, s.identity_key_previous)
        # Only a transaction PostgreSQL aborted to break a deadlock is run again (handlers/web/db_errors.py).
        self.kernel = PageKernel(
            runtime.sessions,
            edge="admin",
            wording=_WORDING,
            error_page=_plain_error,
            form=FormRules(max_body=ADMIN_MAX_BODY),
            retry=deadlock_victim,
        )

    # -- plumbing ---------------------------------------------------------------------------------

    @overload
    def page(
        self, fn: PageFn[StaffCtx], *, roles: Collection[str] | None = None, first_login: bool = False
    ) -> Endpoint: ...

    @overload
    def page(self, fn: PageFn[AdminCtx], *, public: Literal[True]) -> Endpoint: ...

    def page(
        self, fn: Any, *, roles: Collection[str] | None = None, public: bool = False, first_login: bool = False
    ) -> Endpoint:
        """The endpoint of an admin page: signed-in staff (of `roles`, when given), or anyone (`public`).
        An account that must change its password is sent to FIRST_LOGIN_PAGE from every page but those marked
        `first_login` (that page and logging out)."""
        if public:
            return self.kernel.page(fn, _LoginGate(self.secret))
        pending = None if first_login else FIRST_LOGIN_PAGE
        return self.kernel.page(fn, _StaffGate(self.secret, roles=roles, password_url=pending))


def _plain_error(message: str, status: int) -> HTMLResponse:
    html = _env.get_template("error.html").render(viewer=None, csrf="", unread=0, message=message)
    return HTMLResponse(html, status_code=status, headers=_NO_STORE)
