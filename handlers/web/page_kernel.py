"""The one pipeline of the server-rendered pages, used by the admin pages and the H5 pages alike.

A request goes: the gate's start (e.g. the device cookie) → the body cap (Content-Length) → the form,
parsed once, with its 413 and 400 answers → off the event loop (page_threads) → one transaction per
attempt, tried again when the edge's rule says the database lost it a race → the gate admits (cookie →
viewer → roles, or device → place → limits, and CSRF) and builds the page's context → the page. Refusals
raised anywhere become the edge's error page; a database outage or a bug becomes a plain 503 page.
The security headers come from handlers/web/security_headers.py, on every response of the app.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from handlers.web.page_threads import off_loop
from handlers.web.params import has_nul, whole
from storage.db import transaction

log = logging.getLogger(__name__)
TX_ATTEMPTS = 3
C = TypeVar("C", bound="PageCtx")
Endpoint = Callable[[Request], Awaitable[Response]]


@dataclass
class PageCtx:
    """What every page receives: the request, its transaction's session, the parsed form (POST) and the
    CSRF token its forms carry. Each edge's gate hands its pages a subclass that says more."""

    request: Request
    session: Session
    csrf: str
    form: FormData | None


PageFn = Callable[[C], Awaitable[Response]]


class Refused(Exception):
    """A request answered with the edge's error page, not an error: `status` and a plain Chinese message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class Gate(Generic[C]):
    """Who may open a page, and the context the page then receives. Subclasses override `admit`."""

    def start(self, request: Request) -> None:
        """Before anything is read (e.g. pick the device's nonce)."""

    def admit(self, request: Request, session: Session, form: FormData | None) -> C | Response:
        """Inside the transaction: the page's context, or the answer that refuses the request."""
        raise NotImplementedError

    def finish(self, request: Request, response: Response) -> Response:
        """On every answer, error pages included (e.g. set the device cookie)."""
        return response


@dataclass(frozen=True)
class Wording:
    """What an edge tells people when the pipeline refuses a request; None: that check is not made."""

    too_big: str  # Content-Length over the edge's cap
    too_big_read: str  # the body ran over the app's limit while the form was read (handlers/web/http_errors)
    bad_form: str
    db_down: str
    unexpected: str
    nul: str | None = None  # a NUL character in the path, the query or the form


@dataclass(frozen=True)
class FormRules:
    max_body: int
    max_files: int = 1000  # Starlette's defaults
    max_fields: int = 1000


class PageKernel:
    """One edge's pipeline: `page(fn, gate)` is the endpoint of one route."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        edge: str,
        wording: Wording,
        error_page: Callable[[str, int], Response],
        form: FormRules,
        retry: Callable[[Exception], bool],
    ) -> None:
        self.sessions, self.edge, self.wording = sessions, edge, wording
        self.error_page, self.form_rules, self.retry = error_page, form, retry

    def page(self, fn: PageFn[C], gate: Gate[C]) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            gate.start(request)
            try:
                response = await self._answer(fn, gate, request)
            except Refused as exc:
                response = self.error_page(exc.message, exc.status)
            except OperationalError:
                log.exception("%s: database unavailable", self.edge)
                response = self.error_page(self.wording.db_down, 503)
            except Exception:
                log.exception("%s: unexpected error", self.edge)
                response = self.error_page(self.wording.unexpected, 503)
            return gate.finish(request, response)

        return endpoint

    async def _answer(self, fn: PageFn[C], gate: Gate[C], request: Request) -> Response:
        if (whole(request.headers.get("content-length", "0")) or 0) > self.form_rules.max_body:
            raise Refused(413, self.wording.too_big)
        form = await self._form(request)
        try:
            if self.wording.nul is not None and has_nul(request, form):
                raise Refused(400, self.wording.nul)
            # Off the event loop: the webhook shares it (see handlers.web.page_threads).
            return await off_loop(lambda: self._attempts(fn, gate, request, form))
        finally:
            if form is not None:
                await form.close()

    async def _form(self, request: Request) -> FormData | None:
        if request.method != "POST":
            return None
        rules = self.form_rules
        try:
            return await request.form(max_files=rules.max_files, max_fields=rules.max_fields)
        except HTTPException as exc:  # a malformed multipart body, or one over the app's size limit
            if exc.status_code == 413:
                raise Refused(413, self.wording.too_big_read) from exc
            raise Refused(400, self.wording.bad_form) from exc

    async def _attempts(self, fn: PageFn[C], gate: Gate[C], request: Request, form: FormData | None) -> Response:
        """One transaction per attempt; the edge's rule says which database errors are worth another."""
        for attempt in range(1, TX_ATTEMPTS + 1):
            try:
                with transaction(self.sessions) as session:
                    opened = gate.admit(request, session, form)
                    return opened if isinstance(opened, Response) else await fn(opened)
            except (IntegrityError, OperationalError) as exc:
                if attempt == TX_ATTEMPTS or not self.retry(exc):
                    raise
                log.warning("%s: transaction retried", self.edge, extra={"fields": {"attempt": attempt}})
        raise AssertionError("unreachable")
