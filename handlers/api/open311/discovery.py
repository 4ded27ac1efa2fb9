"""The calls without a key: discovery, the list of services and one service's definition."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from cases.interop import open311
from handlers.api.open311.gate import Open311Api, param, split_name
from handlers.api.open311.wire import BASE

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"


async def discovery(api: Open311Api, request: Request) -> Response:
    fmt = request.path_params["fmt"]
    data = {
        "changeset": "2026-12-06 12:00",
        "contact": "清风平台由各县纪委监委管理；请联系所在县的系统管理员。",
        "key_service": "API 密钥由系统管理员为每个对接系统单独发放（qingfeng api-keys create）。",
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": api.public_base_url + BASE,
                "changeset": "2026-12-06 12:00",
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return await api.answer(request, fmt, "discovery", lambda _s: data)


async def services(api: Open311Api, request: Request) -> Response:
    fmt = request.path_params["fmt"]

    def work(session: Session) -> Any:  # the parameter is read here, so its 400 is answered like any other
        api.check_jurisdiction(session, param(request, "jurisdiction_id"), None)
        return open311.services()

    return await api.answer(request, fmt, "services", work)


async def service_definition(api: Open311Api, request: Request) -> Response:
    code, fmt = split_name(request.path_params["service_file"])

    def work(session: Session) -> Any:
        api.check_jurisdiction(session, param(request, "jurisdiction_id"), None)
        return open311.definition(code)

    return await api.answer(request, fmt, "service_definition", work)
