"""/healthz and /metrics."""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Iterator

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from handlers.api.observability import Metrics
from handlers.jobs.worker import LEASE_NAME
from storage.repos import outbox, outbox_ops
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


def metrics_allowed(request: Request, token: str) -> bool:
    """With QF_METRICS_TOKEN set, only `Authorization: Bearer <token>`; without it, only this machine
    (a scraper beside the process; behind a proxy the forwarded client address is what counts)."""
    if token:
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        try:
            return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode())
        except UnicodeEncodeError:  # a non-ASCII header value is simply wrong
            return False
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def build_router(sessions: sessionmaker[Session], metrics: Metrics, *, metrics_token: str = "") -> APIRouter:
    router = APIRouter()
    metrics.registry.register(OutboxCollector(sessions))

    @router.get("/healthz")
    def healthz() -> JSONResponse:
        now = utcnow()
        try:
            with sessions() as session:
                session.execute(text("SELECT 1"))
                _depth, oldest = outbox.stats(session, now=now)
                lease = outbox_ops.lease_state(session, name=LEASE_NAME, now=now)
        except SQLAlchemyError:
            return JSONResponse({"status": "error", "database": "unreachable"}, status_code=503)
        return JSONResponse(
            {
                "status": "ok",
                "database": "ok",
                "worker_lease_held": lease.held,
                "oldest_pending_delivery_s": round(oldest, 1),
            }
        )

    @router.get("/metrics")
    def metrics_endpoint(request: Request) -> Response:
        if not metrics_allowed(request, metrics_token):
            return Response("找不到这个页面。", status_code=404, media_type="text/plain; charset=utf-8")
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return router
