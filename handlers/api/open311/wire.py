"""What goes over the wire: the base path, the two formats, and how a body or an error is written.

Errors are the specification's list of {code, description} with the HTTP status it names: 404 for what
does not exist, 403 for a missing or wrong api_key, 400 for anything else that cannot be done, and 429
past a key's hourly limit.
"""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import escape

from starlette.responses import Response

from cases.interop.open311 import Open311Error

BASE = "/open311/v2"
FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
_PLURALS = {
    "services": "service",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
    "service_requests": "request",
    "errors": "error",
}


def render(fmt: str, root: str, data: Any, status: int = 200) -> Response:
    """JSON as the specification's examples show it, or the XML it maps from (Spark convention)."""
    if fmt == "xml":
        body = '<?xml version="1.0" encoding="utf-8"?>\n' + _xml(root, data)
        return Response(body.encode("utf-8"), status_code=status, media_type=FORMATS["xml"])
    body = json.dumps(data, ensure_ascii=False)
    return Response(body.encode("utf-8"), status_code=status, media_type=FORMATS["json"])


def _xml(name: str, value: Any) -> str:
    if isinstance(value, dict):
        return f"<{name}>" + "".join(_xml(k, v) for k, v in value.items()) + f"</{name}>"
    if isinstance(value, list):
        item = _PLURALS.get(name, "item")
        return f"<{name}>" + "".join(_xml(item, v) for v in value) + f"</{name}>"
    if value is None:
        return f"<{name}/>"
    text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return f"<{name}>{escape(text)}</{name}>"


def error(fmt: str, exc: Open311Error) -> Response:
    return render(fmt, "errors", [{"code": exc.code, "description": exc.description}], exc.status)
