"""/wechat: verification GET and message POST (plain, compat and safe mode)."""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.routing import Route

from bot.context import Reply, Services
from bot.conversation import handle
from bot.dispatcher import Dispatcher
from bot.exactly_once import earlier_reply, record
from config.privacy import openid_tag
from config.settings import Settings
from handlers.budget import Budget
from handlers.observability import Metrics, openid_tag_var
from handlers.params import whole
from storage.db import transaction
from storage.types import utcnow
from wechat.crypto import BadPayload, SafeMode, signature_ok
from wechat.inbound import MAX_BODY_BYTES, Inbound, MalformedMessage, parse, safe_fields
from wechat.replies import SUCCESS, text_reply_xml

log = logging.getLogger("qingfeng.webhook")
XML = "application/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
CLAIM_ATTEMPTS = 3
APOLOGY = "抱歉，系统出了点问题，请稍后再试，或回复“菜单”。"


@dataclass
class Webhook:
    settings: Settings
    sessions: sessionmaker[Session]
    dispatcher: Dispatcher
    services: Services
    metrics: Metrics

    def __post_init__(self) -> None:
        # SQLite lets one writer in at a time; queueing here, in order, beats dozens of threads
        # sleeping in SQLite's busy handler (which made the tail latency seconds long).
        sqlite = self.sessions.kw["bind"].dialect.name == "sqlite"
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db") if sqlite else None
        s = self.settings
        self.safe = SafeMode(
            token=s.wechat_token, appid=s.wechat_appid, aes_keys=[s.wechat_aes_key, s.wechat_aes_key_previous]
        )

    def process(self, message: Inbound, budget: Budget) -> Reply | None:
        """Do the work once; a duplicate gets the reply recorded the first time (runs in a worker thread)."""
        for _ in range(CLAIM_ATTEMPTS):
            try:
                with transaction(self.sessions) as session:
                    previous = earlier_reply(session, message=message)
                    if previous is not None:
                        return Reply(previous) if previous else None
                    now = utcnow()
                    reply = handle(
                        session, message=message, now=now, services=self.services, dispatcher=self.dispatcher
                    )
                    inline = budget.finish_inline()
                    record(session, message=message, reply=reply, inline=inline, now=now)
                    if not inline:
                        self.metrics.late_replies.inc()
                        return None
                return reply
            except IntegrityError:
                # A concurrent retry committed first (its ledger row now exists), or a race on another
                # row such as two first messages of a new user: loop, and the re-check tells which.
                continue
        raise RuntimeError("could not record message after retries")


def build_router(hook: Webhook) -> APIRouter:
    # Plain Starlette routes: the endpoints read the request themselves, and FastAPI's dependency
    # solving cost more per message than decrypting it.
    router = APIRouter()

    async def verify(request: Request) -> Response:
        q = request.query_params
        if not _signed(hook.settings.wechat_token, q.get("signature"), q.get("timestamp"), q.get("nonce")):
            return PlainTextResponse("forbidden", status_code=403)
        return PlainTextResponse(q.get("echostr", ""), media_type=TEXT)

    async def receive(request: Request) -> Response:
        q = request.query_params
        timestamp, nonce = q.get("timestamp", ""), q.get("nonce", "")
        if not _signed(hook.settings.wechat_token, q.get("signature"), timestamp, nonce):
            return PlainTextResponse("forbidden", status_code=403)
        body = await _read_capped(request)
        if body is None:
            return PlainTextResponse("body too large", status_code=400)
        encrypted = q.get("encrypt_type", "raw").lower() == "aes"
        try:
            text = body.decode("utf-8")
            if encrypted:
                envelope = safe_fields(text)
                if not envelope.get("Encrypt"):
                    return PlainTextResponse("missing Encrypt", status_code=400)
                text = hook.safe.decrypt(
                    encrypt=envelope["Encrypt"],
                    msg_signature=q.get("msg_signature", ""),
                    timestamp=timestamp,
                    nonce=nonce,
                )
            message = parse(text)
        except PermissionError:
            return PlainTextResponse("forbidden", status_code=403)
        except (MalformedMessage, BadPayload, UnicodeDecodeError) as exc:
            log.info("rejected body", extra={"fields": {"reason": str(exc)}})
            return PlainTextResponse("bad request", status_code=400)

        openid_tag_var.set(openid_tag(message.openid, key=hook.settings.secret_key))
        hook.metrics.messages.labels(message.kind, message.event).inc()
        started = time.perf_counter()
        try:
            reply = await _within_budget(hook, message)
        except OperationalError:
            log.exception("database unavailable")
            # 503 makes WeChat retry later; the ledger makes that retry safe.
            return PlainTextResponse("unavailable", status_code=503)
        except Exception:
            # A bug in a handler: the transaction rolled back; say sorry rather than fail the request.
            log.exception("handler failed")
            reply = Reply(APOLOGY)
        log.info(
            "message",
            extra={"fields": {"kind": message.kind, "event": message.event, "ms": _ms_since(started)}},
        )
        if reply is None or not reply.text:
            return PlainTextResponse(SUCCESS, media_type=TEXT)
        xml = text_reply_xml(to_openid=message.openid, from_account=message.account, content=reply.text)
        if encrypted:
            xml = hook.safe.encrypt(xml=xml, nonce=nonce, timestamp=str(int(time.time())))
        return Response(xml, media_type=XML)

    async def wechat(request: Request) -> Response:
        return await (receive(request) if request.method == "POST" else verify(request))

    # One route for both methods, so that any other method gets a 405 that names both.
    router.routes.append(Route("/wechat", wechat, methods=["GET", "POST"], include_in_schema=False))
    return router


async def _within_budget(hook: Webhook, message: Inbound) -> Reply | None:
    budget = Budget()
    if hook.executor is not None:
        task = asyncio.get_running_loop().run_in_executor(hook.executor, hook.process, message, budget)
    else:
        task = asyncio.ensure_future(run_in_threadpool(hook.process, message, budget))
    try:
        return await asyncio.wait_for(asyncio.shield(task), timeout=hook.settings.reply_budget_s)
    except TimeoutError:
        if budget.expire():
            task.add_done_callback(_log_late_failure)
            return None
        # The worker is already committing its inline answer; it is moments away.
        return await task


def _log_late_failure(task: asyncio.Future[Reply | None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("late message failed", exc_info=task.exception())


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _signed(token: str, signature: str | None, timestamp: str | None, nonce: str | None) -> bool:
    if not signature or timestamp is None or nonce is None:
        return False
    return signature_ok(token, signature, timestamp, nonce)


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
