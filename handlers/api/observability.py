"""Structured logs with a request id, Prometheus metrics, and a last-resort error guard."""

from __future__ import annotations

import json
import logging
import random
import re
import time
from contextvars import ContextVar
from typing import IO, Any

from prometheus_client import CollectorRegistry, Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from wechatpy.events import EVENT_TYPES

from wechat.inbound import MessageKind

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")
openid_tag_var: ContextVar[str] = ContextVar("openid_tag", default="")

# Every label value comes from a fixed set, anything else counts as "other": a label holding what a
# sender chose (2,000 made-up Event names grew /metrics from 13 KB to 4.2 MB) would grow without bound.
OTHER = "other"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
MESSAGE_KINDS: frozenset[str] = frozenset(MessageKind)  # every kind wechat.inbound.parse gives
# The events WeChat documents, lower-cased as wechat.inbound gives them; "" for a message that is no event.
EVENTS = frozenset({"", "unknown", *EVENT_TYPES})


def bounded(value: str, allowed: frozenset[str]) -> str:
    return value if value in allowed else OTHER


def status_label(code: int) -> str:
    return str(code) if code == 0 or 100 <= code <= 599 else OTHER


class BoundedCounter:
    """A labelled counter whose label values are each taken from a fixed set, else "other"."""

    def __init__(self, counter: Counter, *allowed: frozenset[str]) -> None:
        self.counter, self.allowed = counter, allowed
        self._children: dict[tuple[str, ...], Counter] = {}  # as many as the bounded values allow

    def labels(self, *values: str) -> Counter:
        child = self._children.get(values)
        if child is None:
            bounded_values = tuple(bounded(v, ok) for v, ok in zip(values, self.allowed, strict=True))
            child = self.counter.labels(*bounded_values)
            if bounded_values == values:  # made-up values are not kept: each would take a slot here
                self._children[values] = child
        return child


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        doc: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
            "request_id": request_id_var.get(),
        }
        if openid_tag_var.get():
            doc["user"] = openid_tag_var.get()
        extra = getattr(record, "fields", None)
        if isinstance(extra, dict):
            doc.update(extra)
        if record.exc_info:
            doc["exc"] = self.formatException(record.exc_info)
        return json.dumps(doc, ensure_ascii=False)


def configure_logging(level: int = logging.INFO, stream: IO[str] | None = None) -> None:
    """JSON lines on stderr for every `qingfeng.*` logger (called by each process's entry point)."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger("qingfeng")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "qingfeng_http_requests", "HTTP requests", ["route", "method", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "qingfeng_http_request_seconds",
            "HTTP request latency",
            ["route"],
            buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
            registry=self.registry,
        )
        self.messages = BoundedCounter(
            Counter("qingfeng_wechat_messages", "WeChat messages by type", ["kind", "event"], registry=self.registry),
            MESSAGE_KINDS,
            EVENTS,
        )
        self.late_replies = Counter(
            "qingfeng_wechat_late_replies",
            "Replies sent via the outbox after the time budget",
            registry=self.registry,
        )


class RequestMiddleware:
    """Request id, metrics, and a guard that turns an unexpected error into a clean 503 (never a 500)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics
        self.log = logging.getLogger("qingfeng.http")
        # Labelled children by label values (each from a bounded set): prometheus_client's `labels` checks
        # and locks on every call, which cost more than the rest of this middleware.
        self._counted: dict[tuple[str, str, str], Any] = {}
        self._timed: dict[str, Any] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = _header(scope, b"x-request-id") or new_request_id()
        token = request_id_var.set(rid)
        started = time.perf_counter()
        status = {"code": 0}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception:
            self.log.exception("unhandled error")
            if status["code"] == 0:
                status["code"] = 503
                await _plain(send, 503, "服务繁忙，请稍后再试")
        finally:
            route = _route_name(scope)
            method = bounded(str(scope.get("method", "")), METHODS)
            labels = (route, method, status_label(status["code"]))
            counted = self._counted.get(labels)
            if counted is None:
                counted = self._counted[labels] = self.metrics.requests.labels(*labels)
            counted.inc()
            timed = self._timed.get(route)
            if timed is None:
                timed = self._timed[route] = self.metrics.latency.labels(route)
            timed.observe(time.perf_counter() - started)
            request_id_var.reset(token)


def new_request_id() -> str:
    """16 hex digits naming a request in the logs; unique, not secret (uuid4 read the OS's random source
    on every request)."""
    return f"{random.getrandbits(64):016x}"


def _route_name(scope: Scope) -> str:
    """The route template ("/admin/cases/{case_id}"), so a label never holds a case number or a scene.

    FastAPI's own routes put themselves in the scope; the plain Starlette routes (/wechat, /admin, /v)
    only leave their endpoint, which a table built from the router's routes turns into the template."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if path:
        return _CONVERTOR.sub("}", str(path))
    endpoint = scope.get("endpoint")
    router = scope.get("router")
    if endpoint is None or router is None:
        return "unmatched"
    routes = getattr(router, "routes", [])
    # Kept on the router itself (FastAPI's routers are not hashable): (routes seen, endpoint → template).
    count, table = getattr(router, _TABLE, (-1, {}))
    if endpoint not in table and len(routes) != count:  # built once, again only when routes were added
        table = {}
        _collect(routes, table)
        setattr(router, _TABLE, (len(routes), table))
    return table.get(endpoint, "unmatched")


def _collect(routes: Any, into: dict[Any, str]) -> None:
    for route in routes:
        inner = getattr(route, "original_router", None)  # FastAPI's included routers
        if inner is not None:
            _collect(getattr(inner, "routes", []), into)
            continue
        endpoint, path = getattr(route, "endpoint", None), getattr(route, "path", None)
        if endpoint is not None and path:
            into.setdefault(endpoint, _CONVERTOR.sub("}", str(path)))


_CONVERTOR = re.compile(r":[a-z]+\}")
_TABLE = "_qingfeng_route_templates"


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))[:64]
    return ""


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
