"""Two reference servers for the webhook bench, served by uvicorn exactly like the real app.

- `ceiling_app`: a bare FastAPI endpoint that returns a fixed XML reply. Nothing can be faster on
  this stack, so it is the ceiling.
- `naive_app`: what a developer writes in an afternoon with wechatpy: check the signature, decrypt
  (safe mode), parse, echo the text back (or greet on an event), encrypt. No storage, no dedup, no
  state, no XML hardening.
- `werobot_app`: the same echo written with WeRoBot, the other common framework, as its users serve it:
  a WSGI app under gunicorn (bench.webhook starts it). Sessions are off: an echo keeps nothing.

All read the token, appid and EncodingAESKey from the same QF_* settings as the app; `werobot_app`
also QF_WECHAT_MODE (WeRoBot encrypts every reply once it has a key, so plain mode gives it none).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, Response
from wechatpy import create_reply, parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.utils import check_signature

from config.settings import get_settings

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

XML = "application/xml; charset=utf-8"
FIXED_REPLY = (
    "<xml><ToUserName><![CDATA[oBENCH000000000000000000000]]></ToUserName>"
    "<FromUserName><![CDATA[gh_0a1b2c3d4e5f]]></FromUserName><CreateTime>1700000000</CreateTime>"
    "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content></xml>"
)


def _bare() -> FastAPI:
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/healthz")
    async def healthz() -> PlainTextResponse:
        return PlainTextResponse("ok")

    return app


def ceiling_app() -> FastAPI:
    app = _bare()

    @app.post("/wechat")
    async def wechat() -> Response:
        return Response(FIXED_REPLY, media_type=XML)

    return app


def naive_app() -> FastAPI:
    settings = get_settings()
    token = settings.wechat_token
    crypto = WeChatCrypto(token, settings.wechat_aes_key, settings.wechat_appid)
    app = _bare()

    @app.post("/wechat")
    async def wechat(
        request: Request,
        signature: str,
        timestamp: str,
        nonce: str,
        encrypt_type: str = "raw",
        msg_signature: str = "",
    ) -> Response:
        try:
            check_signature(token, signature, timestamp, nonce)
        except InvalidSignatureException:
            return PlainTextResponse("forbidden", status_code=403)
        body = await request.body()
        safe = encrypt_type == "aes"
        xml = crypto.decrypt_message(body, msg_signature, timestamp, nonce) if safe else body
        msg = parse_message(xml)
        text = msg.content if msg.type == "text" else "欢迎关注！"
        out: str = create_reply(text, msg, render=True)
        if safe:
            out = crypto.encrypt_message(out, nonce, timestamp)
        return Response(out, media_type=XML)

    return app


def werobot_app() -> Any:
    """A WSGI app: WeRoBot's echo at /wechat, and /healthz for the bench's start-up check."""
    import werobot  # type: ignore[import-untyped]

    settings = get_settings()
    safe = settings.wechat_mode == "safe"
    robot = werobot.WeRoBot(
        token=settings.wechat_token,
        encoding_aes_key=settings.wechat_aes_key if safe else None,
        app_id=settings.wechat_appid if safe else None,
    )
    # An echo keeps nothing. (`session_storage=False` is ignored as falsy: WeRoBot would then keep a
    # SQLite session per villager, a write on every message.)
    robot.config["SESSION_STORAGE"] = False

    @robot.text  # type: ignore[untyped-decorator]
    def echo(message: Any) -> str:
        return str(message.content)

    @robot.handler  # type: ignore[untyped-decorator]
    def greet(message: Any) -> str:
        return "欢迎关注！"

    wechat = robot.wsgi

    def app(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz":
            start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
            return [b"ok"]
        result: Iterable[bytes] = wechat(environ, start_response)
        return result

    return app
