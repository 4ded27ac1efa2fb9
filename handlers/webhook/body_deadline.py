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

import logging

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from handlers.web.params import whole

log = logging.getLogger("qingfeng.http")
TIMEOUT_TEXT = "提交超时：网络太慢或已中断，请稍后重试。"


class BodyDeadline:
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
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        deadline = anyio.current_time() + self.seconds_for(scope)
        state = {"body_read": False, "started": False, "outcome": ""}

        async def watched_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        with anyio.CancelScope() as route:

            async def timed_receive() -> Message:
                if state["body_read"] or state["started"]:
                    return await receive()
                message: Message | None = None
                with anyio.move_on_after(deadline - anyio.current_time()):
                    message = await receive()
                if message is not None and message["type"] == "http.request":
                    state["body_read"] = not message.get("more_body", False)
                    return message
                state["outcome"] = "timeout" if message is None else "disconnect"
                route.cancel()
                await anyio.sleep_forever()
                raise AssertionError("cancelled above")

            await self.app(scope, timed_receive, watched_send)

        if state["outcome"] == "timeout":
            log.info("request body not complete in time", extra={"fields": {"path": scope.get("path", "")[:80]}})
            if not state["started"]:
                await _timeout_reply(send)
        elif state["outcome"] == "disconnect":
            log.info("client left while sending the body", extra={"fields": {"path": scope.get("path", "")[:80]}})


async def _timeout_reply(send: Send) -> None:
    body = TIMEOUT_TEXT.encode()
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 408, "headers": headers})
    await send({"type": "http.response.body", "body": body})
