"""Errors Starlette raises itself (no such page, wrong method, body too large), in plain Chinese.

Routes answer their own errors; these cover requests that never reach one. The JSON API keeps JSON.
"""

from __future__ import annotations

from html import escape
from typing import Any

from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MESSAGES = {
    400: "请求有误，请检查后重试。",
    404: "没有这个页面。",
    405: "不支持这种请求方式。",
    413: "提交的内容太大。",
}


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = MESSAGES.get(exc.status_code, "请求未能完成，请稍后重试。")
    headers = dict(exc.headers or {})
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=headers)
    if "text/html" in request.headers.get("accept", ""):  # a browser: a page with a way back, not bare text
        return HTMLResponse(_page(message), status_code=exc.status_code, headers=headers)
    return PlainTextResponse(message, status_code=exc.status_code, headers=headers)


def _page(message: str) -> str:
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{escape(message)}</title><link rel="stylesheet" href="/landing.css"></head>'
        f'<body><main class="prod"><h1>{escape(message)}</h1>'
        '<p class="lead">请检查网址，或回到首页。</p><p><a href="/">返回首页</a></p></main></body></html>'
    )


class BodyLimit:
    """Stop reading a request body past `max_body` bytes, chunked or not, with a 413.

    The overflow surfaces as Starlette's HTTPException(413) from `receive`, where a route's form parsing
    already handles HTTPException, so nothing is buffered beyond the limit.
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise HTTPException(413)
            return message

        await self.app(scope, limited, send)


def install_http_errors(app: Any, *, max_body: int) -> None:
    app.add_exception_handler(HTTPException, http_error)
    app.add_middleware(BodyLimit, max_body=max_body)
