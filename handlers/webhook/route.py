"""/wechat: verification GET and message POST (plain, compat and safe mode)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.requests import ClientDisconnect
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from bot.context import Reply
from config.privacy import openid_tag
from handlers.api.observability import openid_tag_var
from handlers.web.params import whole
from handlers.webhook.budget import Budget
from handlers.webhook.processing import Nonce, ReplayedNonce, Webhook
from storage.repos import nonces
from wechat.crypto import BadPayload, signature_ok
from wechat.inbound import MAX_BODY_BYTES, Inbound, MalformedMessage, encrypted_part, parse
from wechat.replies import SUCCESS, text_reply_xml

log = logging.getLogger("qingfeng.webhook")
XML = "application/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
APOLOGY = "抱歉，系统出了点问题，请稍后再试，或回复“菜单”。"


class WebhookRoute(Route):
    """/wechat for the router, and `post`: the same POST as a bare ASGI app for the app's short lane
    (handlers.webhook.lane), which reads the query and body straight from the ASGI scope."""

    def __init__(self, path: str, endpoint: Callable[[Request], Awaitable[Response]], post: ASGIApp) -> None:
        super().__init__(path, endpoint, methods=["GET", "POST"], include_in_schema=False)
        self.post = post


def build_router(hook: Webhook) -> APIRouter:
    # Plain Starlette routes: the endpoints read the request themselves, and FastAPI's dependency
    # solving cost more per message than decrypting it.
    router = APIRouter()

    async def verify(request: Request) -> Response:
        q = request.query_params
        if not _signed(hook.settings.wechat_token, q.get("signature"), q.get("timestamp"), q.get("nonce")):
            return PlainTextResponse("forbidden", status_code=403)
        echostr = q.get("echostr", "")
        if not echostr.isascii():  # WeChat's are digits; anything else is not an echo we owe
            return PlainTextResponse("bad request", status_code=400)
        return PlainTextResponse(echostr, media_type=TEXT)

    async def receive(request: Request) -> Response:
        status, media_type, text = await answer_post(hook, request.query_params, lambda: _read_capped(request))
        return Response(text, status_code=status, media_type=media_type)

    async def wechat(request: Request) -> Response:
        return await (receive(request) if request.method == "POST" else verify(request))

    async def post(scope: Scope, receive: Receive, send: Send) -> None:
        query = _query(scope["query_string"].decode("latin-1"))
        status, media_type, text = await answer_post(hook, query, lambda: _read_capped_asgi(scope, receive))
        body = text.encode("utf-8")
        headers = [(b"content-length", str(len(body)).encode("latin-1")), _CONTENT_TYPES[media_type]]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    # One route for both methods, so that any other method gets a 405 that names both.
    router.routes.append(WebhookRoute("/wechat", wechat, post))
    return router


# What POST /wechat answers: status, media type (TEXT or XML) and body.
Answer = tuple[int, str, str]
_CONTENT_TYPES = {media_type: (b"content-type", media_type.encode("latin-1")) for media_type in (TEXT, XML)}


async def answer_post(hook: Webhook, q: Mapping[str, str], read_body: Callable[[], Awaitable[bytes | None]]) -> Answer:
    """A message POST, from its query parameters and its body (None when too large)."""
    settings = hook.settings
    timestamp, nonce = q.get("timestamp", ""), q.get("nonce", "")
    if not _signed(settings.wechat_token, q.get("signature"), timestamp, nonce):
        return 403, TEXT, "forbidden"
    expires_at = _fresh_until(timestamp, settings.wechat_max_skew_s)
    if expires_at is None:
        return 403, TEXT, "stale or future timestamp"
    encrypted = q.get("encrypt_type", "raw").lower() == "aes"
    if not _mode_allows(settings.wechat_mode, encrypted=encrypted):
        return 403, TEXT, f"{settings.wechat_mode} mode only"
    body = await read_body()
    if body is None:
        return 400, TEXT, "body too large"
    try:
        text = body.decode("utf-8")
        if encrypted:
            encrypt = encrypted_part(text)
            if not encrypt:
                return 400, TEXT, "missing Encrypt"
            text = hook.safe.decrypt(
                encrypt=encrypt,
                msg_signature=q.get("msg_signature", ""),
                timestamp=timestamp,
                nonce=nonce,
            )
        message = parse(text)
    except PermissionError:
        return 403, TEXT, "forbidden"
    except (MalformedMessage, BadPayload, UnicodeDecodeError) as exc:
        log.info("rejected body", extra={"fields": {"reason": str(exc)}})
        return 400, TEXT, "bad request"

    openid_tag_var.set(openid_tag(message.openid, key=settings.secret_key))
    hook.metrics.messages.labels(message.kind, message.event).inc()
    started = time.perf_counter()
    try:
        reply = await _within_budget(hook, message, Nonce(nonces.nonce_key(timestamp, nonce), expires_at))
    except ReplayedNonce:
        log.info("replayed nonce")
        return 403, TEXT, "forbidden"
    except OperationalError:
        log.exception("database unavailable")
        # 503 makes WeChat retry later; the ledger makes that retry safe.
        return 503, TEXT, "unavailable"
    except Exception:
        # A bug in a handler: the transaction rolled back; say sorry rather than fail the request.
        log.exception("handler failed")
        reply = Reply(APOLOGY)
    log.info(
        "message",
        extra={"fields": {"kind": message.kind, "event": message.event, "ms": _ms_since(started)}},
    )
    if reply is None or not reply.text:
        return 200, TEXT, SUCCESS
    xml = text_reply_xml(to_openid=message.openid, from_account=message.account, content=reply.text)
    if encrypted:
        xml = hook.safe.encrypt(xml=xml, nonce=nonce, timestamp=str(int(time.time())))
    return 200, XML, xml


async def _within_budget(hook: Webhook, message: Inbound, nonce: Nonce) -> Reply | None:
    """The worker's answer, or None (the request answers `success`) once the reply budget is spent and the
    worker had not yet committed to answering inline; the work then goes on, and its reply goes to the
    outbox. One future and one timer (asyncio.wait_for with shield cost several of each)."""
    budget = Budget()
    task: asyncio.Future[Reply | None] = hook.writer.submit((message, budget, nonce))
    loop = asyncio.get_running_loop()
    answer: asyncio.Future[Reply | None] = loop.create_future()

    def settle(done: asyncio.Future[Reply | None]) -> None:
        if answer.done():
            return
        if done.cancelled():
            answer.cancel()
        elif (exc := done.exception()) is not None:
            answer.set_exception(exc)
        else:
            answer.set_result(done.result())

    def out_of_time() -> None:
        # If the worker already committed to answering inline, its answer is moments away: keep waiting.
        if budget.expire() and not answer.done():
            answer.set_result(None)
            task.add_done_callback(_log_late_failure)

    task.add_done_callback(settle)
    timer = loop.call_later(hook.settings.reply_budget_s, out_of_time)
    try:
        return await answer
    finally:
        timer.cancel()


def _log_late_failure(task: asyncio.Future[Reply | None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("late message failed", exc_info=task.exception())


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _signed(token: str, signature: str | None, timestamp: str | None, nonce: str | None) -> bool:
    if not signature or timestamp is None or nonce is None:
        return False
    return signature_ok(token, signature, timestamp, nonce)


def _wall_clock() -> float:
    """Now, as WeChat's timestamps count it (a function, so tests of recorded requests can move it)."""
    return time.time()


def _mode_allows(mode: str, *, encrypted: bool) -> bool:
    """Safe mode takes only encrypted bodies (a plain signature does not cover the body), plain mode
    only plain ones, compatible mode both."""
    return mode == "compatible" or encrypted == (mode == "safe")


def _fresh_until(timestamp: str, max_skew_s: int) -> datetime | None:
    """When a request signed with `timestamp` stops being fresh, or None if it is not fresh now."""
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        return None
    sent = int(timestamp)
    if abs(_wall_clock() - sent) > max_skew_s:
        return None
    return datetime.fromtimestamp(sent + max_skew_s, UTC)


async def _read_capped(request: Request) -> bytes | None:
    declared = request.headers.get("content-length")
    declared_size = whole(declared) if declared is not None else 0
    if declared_size is None or declared_size > MAX_BODY_BYTES:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _query(text: str) -> dict[str, str]:
    """The query as Starlette's QueryParams reads it (the last of a repeated name wins); parse_qsl only
    when something is escaped (WeChat's signatures, timestamps and nonces never are)."""
    if "%" in text or "+" in text:
        return dict(parse_qsl(text, keep_blank_values=True))
    query: dict[str, str] = {}
    for part in text.split("&"):
        if part:
            name, _, value = part.partition("=")
            query[name] = value
    return query


async def _read_capped_asgi(scope: Scope, receive: Receive) -> bytes | None:
    """`_read_capped` on the bare ASGI scope (the lane): the body, or None past MAX_BODY_BYTES."""
    declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
    declared_size = whole(declared.decode("latin-1")) if declared is not None else 0
    if declared_size is None or declared_size > MAX_BODY_BYTES:
        return None
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise ClientDisconnect  # as Request.stream() does
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)
