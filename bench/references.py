"""Two reference servers for the webhook bench, served by uvicorn exactly like the real app.

- `ceiling_app`: a bare FastAPI endpoint that returns a fixed XML reply. Nothing can be faster on
  this stack, so it is the ceiling.
- `naive_app`: what a developer writes in an afternoon with wechatpy: check the signature, decrypt
  (safe mode), parse, echo the text back (or greet on an event), encrypt. No storage, no dedup, no
  state, no XML hardening.

Both read the token, appid and EncodingAESKey from the same QF_* settings as the app.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, Response
from wechatpy import create_reply, parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.utils import check_signature

from config.settings import get_settings

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
