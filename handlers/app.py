"""The FastAPI app factory: one place that wires settings, storage, the bot and the routes."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse
from starlette.requests import Request

from bot.context import Services
from bot.conversation import default_dispatcher
from bot.dispatcher import Dispatcher
from config.settings import check_for_prod
from handlers import health, webhook
from handlers.observability import Metrics, RequestMiddleware
from handlers.runtime import Runtime
from storage.repos.villages import list_places
from villages.lookup import PlaceIndex


def create_app(runtime: Runtime | None = None, *, dispatcher: Dispatcher | None = None) -> FastAPI:
    runtime = runtime or Runtime.from_settings()
    settings = runtime.settings
    check_for_prod(settings)
    metrics = Metrics()
    services = Services(public_base_url=settings.public_base_url)
    with runtime.sessions() as session:
        services.extras["place_index"] = PlaceIndex(list_places(session))

    app = FastAPI(title="清风 Qingfeng", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.runtime = runtime
    app.state.metrics = metrics
    hook = webhook.Webhook(
        settings=settings,
        sessions=runtime.sessions,
        dispatcher=dispatcher or default_dispatcher(),
        services=services,
        metrics=metrics,
    )
    app.include_router(webhook.build_router(hook))
    app.include_router(health.build_router(runtime.sessions, metrics))

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, exc: RequestValidationError) -> PlainTextResponse:
        return PlainTextResponse("bad request", status_code=400)

    app.add_middleware(RequestMiddleware, metrics=metrics)
    return app
