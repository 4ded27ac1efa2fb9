"""/healthz and /metrics."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from handlers.observability import Metrics
from storage.repos import outbox
from storage.types import utcnow


class OutboxCollector(Collector):
    """Outbox depth and age, read from the database at scrape time so every process reports the truth."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            with self.sessions() as session:
                depth, age = outbox.stats(session, now=utcnow())
        except SQLAlchemyError:
            return
        yield GaugeMetricFamily("qingfeng_outbox_depth", "Pending outbox messages", value=depth)
        yield GaugeMetricFamily("qingfeng_outbox_oldest_age_seconds", "Age of the oldest pending message", value=age)


def build_router(sessions: sessionmaker[Session], metrics: Metrics) -> APIRouter:
    router = APIRouter()
    metrics.registry.register(OutboxCollector(sessions))

    @router.get("/healthz")
    def healthz() -> JSONResponse:
        try:
            with sessions() as session:
                session.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return JSONResponse({"status": "error", "database": "unreachable"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "ok"})

    @router.get("/metrics")
    def metrics_endpoint() -> Response:
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return router
