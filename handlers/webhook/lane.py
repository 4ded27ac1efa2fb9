"""POST /wechat straight to its endpoint, through the app's own middlewares but past the rest.

Every message passed through the whole app: Starlette's error and exception middlewares, FastAPI's
telemetry, body limit and exit stack, and the router, which tries the included routers' routes one by
one. For the webhook, the busiest route, that was ~20 µs of CPU a message (of ~75 µs for the whole
stack) in layers it has no use for: the endpoint reads its own query and body, caps the body below every
limit, and turns every error into a 4xx, a 503 or an apology itself (issue #23). The lane, added after
the app's middlewares, sends `POST /wechat` to the route's own ASGI app wrapped in the middlewares added
before it (with `add_middleware`: security headers, request id and metrics, the body deadline, ...), in
the same order; any added after it wrap it. The response is what the router would have made. Anything
else goes the usual way.
"""

from __future__ import annotations

from typing import Any

from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send


class WebhookLane:
    def __init__(self, app: ASGIApp, *, host: Any, route: BaseRoute) -> None:
        assert isinstance(route, Route)
        self.app = app
        self.route = route
        lane: ASGIApp = route.app
        # `host.user_middleware` is outermost first. Those before this lane already wrap it; those after it
        # (inside it, on the usual way) are wrapped around the route here, in the same order.
        inner = list(host.user_middleware)
        del inner[: next(i for i, m in enumerate(inner) if m.cls is WebhookLane) + 1]
        for cls, args, kwargs in reversed(inner):
            lane = cls(lane, *args, **kwargs)
        self.lane = lane

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] == "POST"
            and scope["path"] == self.route.path
            and not scope.get("root_path")
        ):
            scope["route"], scope["endpoint"] = self.route, self.route.endpoint  # as the router sets them
            await self.lane(scope, receive, send)
            return
        await self.app(scope, receive, send)
