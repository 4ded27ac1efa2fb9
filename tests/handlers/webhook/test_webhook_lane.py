"""POST /wechat takes a short lane past the router (handlers/webhook/lane.py), and still passes through
every middleware the app has, in order: its response is the one the router would have made."""

from __future__ import annotations

from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tests.webhook_support import Sender, make_client, text_xml


class Stamp:
    """A middleware added after the app was built: the lane must take it along."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def stamped(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-stamp", b"1")]
            await send(message)

        await self.app(scope, receive, stamped)


def test_a_message_gets_every_header_and_middleware_the_router_would_give(engine: Engine) -> None:
    client = make_client(engine)
    client.app.add_middleware(Stamp)  # type: ignore[attr-defined]
    query = Sender(client).query()
    reply = client.post("/wechat", params=query, content=text_xml("o-lane", "菜单").encode())
    assert reply.status_code == 200 and "<xml>" in reply.text
    headers = reply.headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
    assert headers["x-request-id"] and headers["x-stamp"] == "1"


def test_a_refused_message_is_refused_as_before(engine: Engine) -> None:
    client = make_client(engine)
    reply = client.post("/wechat", params={"signature": "0" * 40, "timestamp": "1", "nonce": "2"}, content=b"<xml/>")
    assert reply.status_code == 403 and reply.headers["content-security-policy"]


def test_other_methods_and_paths_go_the_usual_way(engine: Engine) -> None:
    client = make_client(engine)
    assert client.get("/wechat").status_code == 403  # the verification GET, unsigned
    put = client.put("/wechat", content=b"<xml/>")
    assert put.status_code == 405 and {"GET", "POST"} <= {m.strip() for m in put.headers["allow"].split(",")}
    assert client.post("/wechat/", content=b"<xml/>").status_code != 200
