"""Every /open311/v2 route, each view bound to the one Open311Api."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from handlers.api.open311 import discovery, filing, reads
from handlers.api.open311.gate import Open311Api
from handlers.api.open311.wire import BASE

View = Callable[[Open311Api, Request], Awaitable[Response]]

ROUTES: tuple[tuple[str, str, View], ...] = (
    ("GET", f"{BASE}/discovery.{{fmt}}", discovery.discovery),
    ("GET", f"{BASE}/services.{{fmt}}", discovery.services),
    ("GET", f"{BASE}/services/{{service_file}}", discovery.service_definition),
    ("GET", f"{BASE}/requests.{{fmt}}", reads.requests_get),
    ("POST", f"{BASE}/requests.{{fmt}}", filing.requests_post),
    ("GET", f"{BASE}/requests/{{request_file}}", reads.request_one),
    ("GET", f"{BASE}/tokens/{{token_file}}", reads.token),
)


def build_router(api: Open311Api) -> APIRouter:
    router = APIRouter()
    for method, path, view in ROUTES:
        router.add_api_route(path, _bound(api, view), methods=[method], name=view.__name__)
    return router


def _bound(api: Open311Api, view: View) -> Callable[[Request], Awaitable[Response]]:
    # FastAPI reads the endpoint's signature: it must take the request alone, as the bound methods did.
    async def endpoint(request: Request) -> Response:
        return await view(api, request)

    return endpoint
