"""The FastAPI app factory: one place that wires settings, storage, the bot and the routes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse
from starlette.requests import Request

from bot.context import Services
from bot.conversation import default_dispatcher
from bot.dispatcher import Dispatcher
from cases.validation import MAX_PHOTOS
from config.settings import check_for_prod
from handlers.admin.routes import install_admin
from handlers.api import health, kb
from handlers.api.observability import Metrics, RequestMiddleware
from handlers.api.open311 import install_open311
from handlers.devphone.views import install_devphone
from handlers.h5.routes import install_h5
from handlers.jobs.cases_jobs import install_cases, outbox_kinds
from handlers.jobs.holiday_live import install_holiday_calendar
from handlers.jobs.kb_live import knowledge_holder
from handlers.jobs.schedule import scheduled_jobs
from handlers.jobs.worker import BackgroundWorker, Job
from handlers.landing.views import install_landing
from handlers.runtime import Runtime
from handlers.web.http_errors import install_http_errors
from handlers.web.security_headers import SecurityHeaders
from handlers.webhook import route
from handlers.webhook.body_deadline import BodyDeadline
from handlers.webhook.lane import LaneApp
from handlers.webhook.processing import Webhook
from storage.repos.villages import list_places
from storage.wal_checkpointer import WalCheckpointer
from villages.places.lookup import PlaceIndex
from wechat.client import make_api
from wechat.delivery import OutboxKinds


def _lifespan(
    runtime: Runtime, jobs: list[Job], kinds: OutboxKinds
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """Run the outbox drainer and scheduler beside the app; the lease lets only one process work."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        worker = None
        if runtime.settings.run_background:
            api = make_api(runtime.settings, sessions=runtime.sessions)
            worker = BackgroundWorker(runtime, api, jobs=jobs, kinds=kinds)
            worker.start()
        checkpointer = WalCheckpointer(runtime.engine) if runtime.engine.dialect.name == "sqlite" else None
        if checkpointer is not None:
            checkpointer.start()
        try:
            yield
        finally:
            if checkpointer is not None:
                checkpointer.stop()
            if worker is not None:
                worker.stop()

    return lifespan


def create_app(runtime: Runtime | None = None, *, dispatcher: Dispatcher | None = None) -> FastAPI:
    runtime = runtime or Runtime.from_settings()
    settings = runtime.settings
    check_for_prod(settings)
    metrics = Metrics()
    services = Services(public_base_url=settings.public_base_url)
    with runtime.sessions() as session:
        places = list_places(session)
    services.places = {p.code: p for p in places}
    services.place_index = PlaceIndex(places)
    install_cases(runtime, services)
    # One holder for the bot and the API: a reload (kb_state version) swaps the index in both.
    knowledge = services.knowledge = knowledge_holder(runtime)

    app = LaneApp(
        title="清风 Qingfeng",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=_lifespan(runtime, scheduled_jobs(), outbox_kinds(runtime)),
    )
    app.state.runtime = runtime
    app.state.metrics = metrics
    hook = Webhook(
        settings=settings,
        sessions=runtime.sessions,
        dispatcher=dispatcher or default_dispatcher(),
        services=services,
        metrics=metrics,
    )
    app.state.webhook = hook
    webhook_routes = route.build_router(hook)
    app.include_router(webhook_routes)
    app.include_router(health.build_router(runtime.sessions, metrics, metrics_token=runtime.settings.metrics_token))
    app.include_router(kb.build_router(knowledge, services, runtime.sessions))
    install_admin(app, runtime)  # every /admin page: handlers/admin/routes.py
    install_h5(app, runtime, services, knowledge)
    install_holiday_calendar(app, runtime, runtime.calendar)  # the calendar every deadline counts with
    install_landing(app, runtime, services)
    install_devphone(app, runtime, services)  # dev only: /dev/phone
    install_open311(app, runtime, services)  # /open311/v2: other systems (docs/open311.md)
    # The largest honest request is an H5 report with every photo at its limit.
    max_body = MAX_PHOTOS * settings.media_max_bytes + 1024 * 1024
    install_http_errors(app, max_body=max_body)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, exc: RequestValidationError) -> PlainTextResponse:
        return PlainTextResponse("bad request", status_code=400)

    app.add_middleware(
        BodyDeadline, base_s=settings.body_timeout_s, min_rate_kb=settings.body_min_rate_kb, max_body=max_body
    )
    app.add_middleware(RequestMiddleware, metrics=metrics)
    # Outermost, so that every response gets the headers, the guard's 503 included.
    app.add_middleware(SecurityHeaders, tile_url=settings.map_tile_url, cookie_secure=settings.cookie_secure)
    # POST /wechat past the router, through every middleware above (handlers/webhook/lane.py).
    webhook_route = webhook_routes.routes[-1]
    assert isinstance(webhook_route, route.WebhookRoute)
    app.add_webhook_lane(webhook_route)
    return app
