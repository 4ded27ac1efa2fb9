"""/wechat: verification GET and message POST (plain, compat and safe mode)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import ClientDisconnect
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from bot.context import Reply, Services
from bot.conversation import handle
from bot.dispatcher import Dispatcher
from bot.exactly_once import earlier_reply, ledger_key, record
from config.privacy import openid_tag
from config.settings import Settings
from handlers.api.observability import Metrics, openid_tag_var
from handlers.web import db_errors
from handlers.web.params import whole
from handlers.webhook.batch_writer import BatchWriter
from handlers.webhook.budget import Budget
from handlers.webhook.threads import Writers
from storage.db import transaction
from storage.fastsql import fastsql
from storage.repos import nonces, users
from storage.types import utcnow
from wechat.crypto import BadPayload, SafeMode, signature_ok
from wechat.inbound import MAX_BODY_BYTES, Inbound, MalformedMessage, encrypted_part, parse
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
        # Several messages per transaction when they queue up (group commit): on SQLite one writer thread
        # (handlers.webhook.batch_writer), on PostgreSQL a few, a sender's messages always on the same one
        # (handlers.webhook.threads).
        sqlite = self.sqlite = self.sessions.kw["bind"].dialect.name == "sqlite"
        self.writer: BatchWriter[Job, Reply | None] | Writers[Job, Reply | None] = (
            BatchWriter(self.process_batch) if sqlite else Writers(self.process_batch, shard=_sender)
        )
        s = self.settings
        self.safe = SafeMode(
            token=s.wechat_token, appid=s.wechat_appid, aes_keys=[s.wechat_aes_key, s.wechat_aes_key_previous]
        )

    def process(self, message: Inbound, budget: Budget, nonce: Nonce | None = None) -> Reply | None:
        """Do the work once; a duplicate gets the reply recorded the first time (runs in a worker thread).

        Raises ReplayedNonce when the request's nonce already carried another message.
        """
        for _ in range(CLAIM_ATTEMPTS):
            try:
                with transaction(self.sessions) as session:
                    self._ask_ahead(session, [(message, budget, nonce)])
                    answer = self._work(session, message, budget, nonce)
                return self._answered(answer)
            except IntegrityError:
                # A concurrent retry committed first (its ledger row now exists), or a race on another
                # row such as two first messages of a new user: loop, and the re-check tells which.
                continue
        raise RuntimeError("could not record message after retries")

    def process_batch(self, jobs: Sequence[Job]) -> list[Reply | Exception | None]:
        """Several messages in one transaction (group commit); each answer is released after COMMIT.

        If any message fails, or the commit does, nothing of the batch was kept: each message then
        runs again alone, in its own transaction, so one bad message costs the others nothing.
        """
        if len(jobs) > 1:
            try:
                with transaction(self.sessions) as session:
                    answers = []
                    for (message, budget, *nonce), tag in zip(jobs, self._ask_ahead(session, jobs), strict=True):
                        answers.append(self._work(session, message, budget, nonce[0] if nonce else None))
                        if tag is not None:
                            fastsql(session).forget_ahead(tag)
                        # The next message's plain SQL (storage.fastsql) must see this one's ORM changes.
                        session.flush()
                return [self._answered(answer) for answer in answers]
            except Exception as exc:
                if (
                    isinstance(exc, OperationalError)
                    and db_errors.unavailable(exc)
                    and not db_errors.deadlock_victim(exc)  # PostgreSQL chose this batch to break a deadlock
                ):
                    return [exc] * len(jobs)  # running them alone would only wait out the same lock again
                log.info("batch rolled back; its messages run one by one", extra={"fields": {"size": len(jobs)}})
        return [self._alone(message, budget, nonce[0] if nonce else None) for message, budget, *nonce in jobs]

    def _alone(self, message: Inbound, budget: Budget, nonce: Nonce | None) -> Reply | Exception | None:
        try:
            return self.process(message, budget, nonce)
        except Exception as exc:  # the request turns it into a 503 or an apology
            return exc

    def _ask_ahead(self, session: Session, jobs: Sequence[Job]) -> list[object | None]:
        """PostgreSQL: BEGIN, and each message's nonce claim, serialising lock, ledger look-up and user with
        conversation, all in one round trip; `_work` then finds their answers (storage.fastsql, asking
        ahead). Only the first message of each sender asks ahead: a later one may be a retry of it or find
        rows it changed, so it asks as it goes. The tags to forget after each message (None: nothing asked).
        """
        if self.sqlite:
            return [None] * len(jobs)
        sql = fastsql(session)
        senders: set[str] = set()
        tags: list[object | None] = []
        now = utcnow()  # not sent: the look-up ends the call before the user's times are set
        firsts: list[tuple[str, object, Inbound]] = []
        for message, _budget, *nonce in jobs:
            if message.openid in senders:
                tags.append(None)
                continue
            senders.add(message.openid)
            tag, key = object(), ledger_key(message)
            tags.append(tag)
            firsts.append((key, tag, message))
            if nonce and nonce[0] is not None:  # in the batch's order: of two messages with one nonce, the first
                claim = nonce[0]
                sql.ahead(tag, nonces.claim_later, session, key=claim.key, message_key=key, expires_at=claim.expires_at)
        # The locks in the order of their keys, in every batch of every process: two batches holding
        # retries of the same messages (a process each) cannot each wait for the other's.
        for _key, tag, message in sorted(firsts, key=lambda first: first[0]):
            sql.ahead(tag, earlier_reply, session, message=message)
            sql.ahead(
                tag, users.touch_user_and_conversation, session, openid=message.openid, now=now,
                is_message=not message.is_event,
            )  # fmt: skip
        sql.send_ahead()
        return tags

    def _work(self, session: Session, message: Inbound, budget: Budget, nonce: Nonce | None) -> _Answer:
        # The claim commits with the message's ledger row: a retry of the same message may reuse the
        # nonce (or bring a new one), another message may not. Its verdict is read after the ledger
        # look-up, so that on PostgreSQL both go in one round trip (storage.fastsql).
        claimed = (
            nonces.claim_later(session, key=nonce.key, message_key=ledger_key(message), expires_at=nonce.expires_at)
            if nonce is not None
            else None
        )
        previous = earlier_reply(session, message=message)
        if claimed is not None and not claimed():
            raise ReplayedNonce
        if previous is not None:
            return _Answer(Reply(previous) if previous else None, late=False)
        now = utcnow()
        reply = handle(session, message=message, now=now, services=self.services, dispatcher=self.dispatcher)
        inline = budget.finish_inline()
        record(session, message=message, reply=reply, inline=inline, now=now)
        return _Answer(reply if inline else None, late=not inline)

    def _answered(self, answer: _Answer) -> Reply | None:
        """Called once the answer's transaction has committed."""
        if answer.late:
            self.metrics.late_replies.inc()
        return answer.reply


class ReplayedNonce(Exception):
    """The signed request's nonce already carried another message: a replayed or forged request."""


@dataclass(frozen=True, slots=True)
class Nonce:
    key: str  # storage.repos.nonces.nonce_key(timestamp, nonce)
    expires_at: datetime  # when the timestamp leaves the freshness window, and a replay is refused anyway


# A message, its time budget and (from a request) its signed nonce.
Job = tuple[Inbound, Budget] | tuple[Inbound, Budget, Nonce | None]


def _sender(job: Job) -> str:
    return job[0].openid


@dataclass(frozen=True, slots=True)
class _Answer:
    reply: Reply | None
    late: bool  # the request already answered `success`; the reply went to the outbox


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
