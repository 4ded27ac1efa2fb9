"""The gates of the page kernel (handlers/web/page_kernel.py): who may open a page, and what it receives.

- StaffGate: the staff session cookie → a current account → its viewer → its role; a POST carries the
  session's CSRF token. A page behind it receives a context whose viewer is never None.
- LoginGate: the login pages, open to anyone (the viewer, if any, only to send them on).
- DeviceGate: the villager's device cookie (a random nonce, set on the first answer) → the edge's own
  checks (e.g. the poster's place) → CSRF bound to the device → the edge's rate limits.

Each edge subclasses a gate to build its own context and word its own refusals.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Collection
from typing import TypeVar

from sqlalchemy.orm import Session
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from cases import access
from handlers.web import staff_auth
from handlers.web.page_kernel import Gate, PageCtx
from storage.models.staff import StaffUser
from storage.types import utcnow

S = TypeVar("S", bound=PageCtx)
CSRF_REFUSED = "安全校验失败（CSRF），请返回刷新页面后重试。"
ROLE_REFUSED = "您的角色无权访问此页面。"
_NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")


def staff_viewer(session: Session, sess: staff_auth.StaffSession) -> access.Viewer | None:
    """The viewer of a signed session cookie, if its account is active, not logged out everywhere since
    (epoch) and the session still live on the server."""
    user = session.get(StaffUser, sess.user_id)
    if user is None or not user.active or user.session_epoch != sess.epoch:
        return None
    if not staff_auth.session_live(session, sess, now=utcnow()):
        return None
    return access.viewer_for(session, user)


def _must_change(session: Session, user_id: int) -> bool:
    user = session.get(StaffUser, user_id)  # already loaded by staff_viewer
    return user is not None and user.must_change_password


class StaffGate(Gate[S]):
    """Signed-in staff only (else to the login page); `roles`, when given, narrows it further."""

    def __init__(
        self,
        secret: str,
        *,
        roles: Collection[str] | None = None,
        login_url: str = "/admin/login",
        password_url: str | None = None,
    ) -> None:
        """`password_url`: where an account that must change its password (made or reset by an
        administrator) is sent from this page; None for the pages it may open (that one, logging out)."""
        self.secret, self.roles, self.login_url, self.password_url = secret, roles, login_url, password_url

    def context(self, request: Request, session: Session, form: FormData | None, viewer: access.Viewer, csrf: str) -> S:
        raise NotImplementedError

    def refuse(self, ctx: S, message: str) -> Response:
        """The 403 page for a signed-in viewer (a CSRF or role refusal)."""
        raise NotImplementedError

    def admit(self, request: Request, session: Session, form: FormData | None) -> S | Response:
        sess = staff_auth.read_cookie(self.secret, request.cookies.get(staff_auth.COOKIE))
        viewer = staff_viewer(session, sess) if sess is not None else None
        if sess is None or viewer is None:
            return RedirectResponse(self.login_url, status_code=303)
        if self.password_url is not None and _must_change(session, sess.user_id):
            return RedirectResponse(self.password_url, status_code=303)
        request.state.form = form
        ctx = self.context(request, session, form, viewer, staff_auth.csrf_token(self.secret, sess))
        if form is not None and not staff_auth.csrf_ok(self.secret, sess, str(form.get("csrf") or "")):
            return self.refuse(ctx, CSRF_REFUSED)
        if self.roles is not None and viewer.role not in self.roles:
            return self.refuse(ctx, ROLE_REFUSED)
        return ctx


class LoginGate(Gate[S]):
    """Open to anyone: the login form checks its own CSRF token (bound to a login cookie, not a session)."""

    def __init__(self, secret: str) -> None:
        self.secret = secret

    def context(
        self, request: Request, session: Session, form: FormData | None, viewer: access.Viewer | None, csrf: str
    ) -> S:
        raise NotImplementedError

    def admit(self, request: Request, session: Session, form: FormData | None) -> S | Response:
        sess = staff_auth.read_cookie(self.secret, request.cookies.get(staff_auth.COOKIE))
        viewer = None
        # The login POST needs no viewer, and must not start this transaction before the password check:
        # on SQLite it would hold the write lock that the check's own short transactions wait for.
        if sess is not None and form is None:
            viewer = staff_viewer(session, sess)
        csrf = staff_auth.csrf_token(self.secret, sess) if sess is not None and viewer is not None else ""
        request.state.form = form
        return self.context(request, session, form, viewer, csrf)


class DeviceGate(Gate[S]):
    """The villager's device: a random nonce in a long-lived cookie, which CSRF tokens are bound to.

    `enter` may refuse before anything else (e.g. no such poster); a POST must carry the device's token,
    so a device seen for the first time cannot post; `limit` counts the request against the edge's rate
    limits (raising handlers.web.page_kernel.Refused) for every POST, and for reads when `counted`.
    """

    def __init__(
        self, secret: str, *, secure: bool, cookie: str, path: str, max_age_s: int, counted: bool = False
    ) -> None:
        self.secret, self.secure, self.cookie, self.path = secret, secure, cookie, path
        self.max_age_s, self.counted = max_age_s, counted

    def context(
        self, request: Request, session: Session, form: FormData | None, device: str, new_device: bool, csrf: str
    ) -> S:
        raise NotImplementedError

    def enter(self, ctx: S) -> Response | None:
        return None

    def refuse_csrf(self, ctx: S) -> Response:
        raise NotImplementedError

    def limit(self, ctx: S) -> None:
        return None

    def start(self, request: Request) -> None:
        nonce = request.cookies.get(self.cookie) or ""
        new_device = not _NONCE.fullmatch(nonce)
        request.state.device = (secrets.token_urlsafe(16) if new_device else nonce, new_device)

    def admit(self, request: Request, session: Session, form: FormData | None) -> S | Response:
        device, new_device = request.state.device
        ctx = self.context(request, session, form, device, new_device, staff_auth.device_csrf(self.secret, device))
        refused = self.enter(ctx)
        if refused is not None:
            return refused
        if form is not None:
            raw = form.get("csrf")
            token = raw.strip()[:200] if isinstance(raw, str) else ""
            if new_device or not token or not staff_auth.same_token(token, ctx.csrf):
                return self.refuse_csrf(ctx)
        if self.counted or form is not None:
            self.limit(ctx)
        return ctx

    def finish(self, request: Request, response: Response) -> Response:
        device, new_device = request.state.device
        if new_device:
            response.set_cookie(
                self.cookie,
                device,
                max_age=self.max_age_s,
                httponly=True,
                samesite="lax",
                secure=self.secure,
                path=self.path,
            )
        return response
