"""POST /wechat straight to its endpoint, through the app's own middlewares but past everything else.

Every message passed through the whole app: FastAPI's telemetry check, Starlette's error and exception
middlewares, FastAPI's body limit and exit stack, the router, which tries the included routers' routes
one by one, and Starlette's request/response wrapper. For the webhook, the busiest route, that was CPU
a message in layers it has no use for: the endpoint reads its own query and body, caps the body below
every limit, and turns every error into a 4xx, a 503 or an apology itself (issue #23).

`LaneApp` is the app (a FastAPI) with one short lane in front: `POST /wechat` goes to the route's bare
ASGI endpoint (`WebhookRoute.post`) wrapped in every middleware the app added with `add_middleware`
(security headers, request id and metrics, the body deadline, ...), in the same order, built when the
app's own middleware stack is built (so none can be added after either). The response is what the
router would have made. Anything else goes the usual way.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from handlers.webhook.route import WebhookRoute


class LaneApp(FastAPI):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._webhook: WebhookRoute | None = None
        self._lane: ASGIApp | None = None

    def add_webhook_lane(self, route: WebhookRoute) -> None:
        """Send `POST route.path` down the lane (called once the routes are in place)."""
        self._webhook = route

    def build_lane(self) -> ASGIApp:
        """The route's bare POST endpoint inside every user middleware, outermost first as added."""
        assert self._webhook is not None
        lane: ASGIApp = self._webhook.post
        for cls, args, kwargs in reversed(self.user_middleware):
            lane = cls(lane, *args, **kwargs)
        return lane

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = self._webhook
        if (
            route is not None
            and scope["type"] == "http"
            and scope["method"] == "POST"
            and scope["path"] == route.path
            and not scope.get("root_path")
            and not self.root_path
        ):
            lane = self._lane
            if lane is None:
                if self.middleware_stack is None:  # built together: add_middleware is refused after both
                    self.middleware_stack = self.build_middleware_stack()
                lane = self._lane = self.build_lane()
            scope["app"] = self
            scope["route"], scope["endpoint"] = route, route.endpoint  # as the router sets them
            await lane(scope, receive, send)
            return
        await super().__call__(scope, receive, send)
