"""Security headers on every response: pages, media, static files, error pages, redirects, the API.

One ASGI middleware sets them all, so no route can forget one and no error path goes without. The
Content-Security-Policy allows only this origin: the pages use no inline script or style (the case
page's map is an SVG of tiles, its positions are attributes), the H5 form previews chosen photos as
blob: URLs, and the configured map tile server (QF_MAP_TILE_URL) may serve images.

Strict-Transport-Security is sent when the service is known to be served over HTTPS: the session cookie
is marked Secure (QF_COOKIE_SECURE=true, which prod requires), or the request arrived over HTTPS, as
uvicorn reports it itself or from the X-Forwarded-Proto of a proxy it trusts (FORWARDED_ALLOW_IPS).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

HSTS = b"max-age=31536000"
_HOST = re.compile(r"[A-Za-z0-9.-]+(:[0-9]{1,5})?")


def tile_origin(tile_url: str) -> str:
    """The scheme and host of the tile server's URL template, as a CSP source ("" if there is none)."""
    parts = urlsplit(tile_url)
    if parts.scheme not in ("http", "https") or not _HOST.fullmatch(parts.netloc):
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(tile_url: str = "") -> str:
    images = " ".join(filter(None, ("'self'", "blob:", tile_origin(tile_url))))
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src {images}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


class SecurityHeaders:
    """Set the security headers on every HTTP response, replacing any a route set itself."""

    def __init__(self, app: ASGIApp, *, tile_url: str = "", cookie_secure: bool = False) -> None:
        self.app = app
        self.cookie_secure = cookie_secure
        self.headers: list[tuple[bytes, bytes]] = [
            (b"content-security-policy", content_security_policy(tile_url).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),
            (b"x-frame-options", b"DENY"),
        ]
        # Made once: the headers and their names, without and with Strict-Transport-Security.
        secure = [*self.headers, (b"strict-transport-security", HSTS)]
        self._sets = {
            https: (tuple(ours), frozenset(name for name, _ in ours))
            for https, ours in ((False, self.headers), (True, secure))
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        ours, names = self._sets[self.cookie_secure or scope.get("scheme") == "https"]

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message["headers"] = [*kept, *ours]
            await send(message)

        await self.app(scope, receive, with_headers)
