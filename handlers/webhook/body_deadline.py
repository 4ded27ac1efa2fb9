"""A deadline for reading a request body, and clients that leave mid-body taken calmly.

A client that sends its headers and then trickles the body (slowloris) would otherwise hold a connection
and a task for as long as it liked: uvicorn times out idle connections between requests, not a body in
progress. Each request gets QF_BODY_TIMEOUT_S plus one second for every QF_BODY_MIN_RATE_KB kilobytes it
declares (a slow phone uploading photos gets the time its size needs; a declared size is capped at the
largest body the app takes), counted from its arrival. A body not complete by then is answered 408 with
`Connection: close`, and the route reading it is cancelled.

A client that goes away while sending its body is no fault of ours: the route is cancelled and the event
logged at INFO, where Starlette's ClientDisconnect would reach the route and be logged as an ERROR.
"""

from __future__ import annotations

import asyncio
import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from handlers.web.params import whole

log = logging.getLogger("qingfeng.http")
TIMEOUT_TEXT = "提交超时：网络太慢或已中断，请稍后重试。"


class _Watch:
    """One request's progress; `outcome` is set ("timeout" or "disconnect") when the route is cancelled."""

    __slots__ = ("body_read", "outcome", "started", "task", "timer")

    def __init__(self, task: asyncio.Task[object]) -> None:
        self.task = task
        self.body_read = False
        self.started = False
        self.outcome = ""
        self.timer: asyncio.TimerHandle | None = None

    def expire(self) -> None:
        if not (self.body_read or self.started or self.outcome):
            self.outcome = "timeout"
            self.task.cancel()


class BodyDeadline:
    """Plain asyncio rather than anyio's cancel scopes: one timer per request, cancelled as soon as the
    body is in (anyio's scope and timeout cost more CPU than the rest of the edge of a webhook message)."""

    def __init__(self, app: ASGIApp, *, base_s: float, min_rate_kb: float, max_body: int) -> None:
        self.app = app
        self.base_s = base_s
        self.bytes_per_s = min_rate_kb * 1024
        self.max_body = max_body

    def seconds_for(self, scope: Scope) -> float:
        declared = next((v for k, v in scope.get("headers", []) if k == b"content-length"), b"0")
        size = whole(declared.decode("latin-1")) or 0
        return self.base_s + min(size, self.max_body) / self.bytes_per_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        task = asyncio.current_task()
        if scope["type"] != "http" or task is None:
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        watch = _Watch(task)
        watch.timer = loop.call_at(loop.time() + self.seconds_for(scope), watch.expire)

        async def watched_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                watch.started = True
            await send(message)

        async def timed_receive() -> Message:
            if watch.body_read or watch.started:
                return await receive()
            message = await receive()  # the timer cancels the route while it waits here too long
            if message["type"] == "http.request":
                if not message.get("more_body", False):
                    watch.body_read = True
                    _stop(watch)
                return message
            watch.outcome = "disconnect"
            _stop(watch)
            task.cancel()
            await asyncio.Future()  # cancelled at once
            raise AssertionError("cancelled above")

        try:
            await self.app(scope, timed_receive, watched_send)
        except asyncio.CancelledError:
            # Ours (the route was cancelled here) unless the request is being cancelled from outside too.
            if not watch.outcome or task.uncancel() > 0:
                raise
        else:
            if watch.outcome:  # the route swallowed the cancellation
                task.uncancel()
        finally:
            _stop(watch)

        if watch.outcome == "timeout":
            log.info("request body not complete in time", extra={"fields": {"path": scope.get("path", "")[:80]}})
            if not watch.started:
                await _timeout_reply(send)
        elif watch.outcome == "disconnect":
            log.info("client left while sending the body", extra={"fields": {"path": scope.get("path", "")[:80]}})


def _stop(watch: _Watch) -> None:
    if watch.timer is not None:
        watch.timer.cancel()
        watch.timer = None


async def _timeout_reply(send: Send) -> None:
    body = TIMEOUT_TEXT.encode()
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 408, "headers": headers})
    await send({"type": "http.response.body", "body": body})
