"""The admin pages' stylesheet and script, read once at import and cached by the browser for an hour."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

_STATIC = Path(__file__).parent / "static"
_CSS = (_STATIC / "admin.css").read_bytes()
_JS = (_STATIC / "admin.js").read_bytes()


async def css(_request: Request) -> Response:
    return Response(_CSS, media_type="text/css", headers={"Cache-Control": "max-age=3600"})


async def js(_request: Request) -> Response:
    return Response(_JS, media_type="text/javascript", headers={"Cache-Control": "max-age=3600"})
