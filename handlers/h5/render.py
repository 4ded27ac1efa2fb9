"""The H5 page's templates, its plain error page and its static files."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from cases import lifecycle
from cases.categories import CADRE_LEVELS
from cases.handling import case_steps
from cases.timeutil import chinese_date, chinese_time
from villages.projects.text import yuan

HERE = Path(__file__).parent
NO_STORE = {"Cache-Control": "no-store"}  # the security headers: handlers/web/security_headers.py

_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
_env.filters["t"] = lambda v: chinese_time(v) if isinstance(v, datetime) else ""
_env.filters["d"] = lambda v: chinese_date(v) if isinstance(v, datetime) else ""
_env.filters["yuan"] = lambda v: yuan(v) if isinstance(v, Decimal) else ""
_env.globals.update(STATUS=lifecycle.LABELS, RATINGS=case_steps.RATINGS, CADRE_LEVELS=CADRE_LEVELS)


def render(name: str, status: int = 200, **values: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**values), status_code=status, headers=NO_STORE)


def page_error(message: str, status: int) -> HTMLResponse:
    return render("message.html", status, place=None, scene="", csrf="", title="出错了", message=message)


def mb(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB"


def static(name: str, media_type: str) -> Callable[[Request], Awaitable[Response]]:
    content = (HERE / "static" / name).read_bytes()

    async def serve(_request: Request) -> Response:
        return Response(content, media_type=media_type, headers={"Cache-Control": "max-age=3600"})

    return serve
