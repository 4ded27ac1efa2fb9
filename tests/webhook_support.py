"""Helpers for webhook tests: an app on the test database and a signed WeChat-like sender."""

from __future__ import annotations

import itertools
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from bot.dispatcher import Dispatcher
from config.settings import Settings
from handlers.app import create_app
from handlers.runtime import Runtime
from storage.db import transaction
from villages.places.importer import import_registry
from wechat.crypto import SafeMode, sha1_signature
from wechat.inbound import safe_fields

FIXTURES = Path(__file__).parent / "fixtures"
MINI_REGISTRY = FIXTURES / "mini_registry.csv"
TOKEN = "spamtest"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APPID = "wx2c2769f8efd9abc2"
ACCOUNT = "gh_10f6c3c3ac5a"


def settings_for_tests(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "wechat_token": TOKEN,
        "wechat_aes_key": AES_KEY,
        "wechat_appid": APPID,
        "run_background": False,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def make_client(engine: Engine, *, dispatcher: Dispatcher | None = None, **overrides: object) -> TestClient:
    runtime = Runtime.from_settings(settings_for_tests(**overrides), engine=engine)
    with transaction(runtime.sessions) as session:
        import_registry(session, path=MINI_REGISTRY)
    return TestClient(create_app(runtime, dispatcher=dispatcher), raise_server_exceptions=False)


_ids = itertools.count(int(time.time() * 1000))
_nonces = itertools.count(secrets.randbelow(10**9) * 1000)


def xml_message(openid: str, msg_type: str, body: str, *, create_time: int | None = None) -> str:
    return (
        f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{create_time or int(time.time())}</CreateTime><MsgType><![CDATA[{msg_type}]]></MsgType>"
        f"{body}</xml>"
    )


def text_xml(openid: str, content: str, *, msg_id: int | None = None) -> str:
    mid = msg_id if msg_id is not None else next(_ids)
    return xml_message(openid, "text", f"<Content><![CDATA[{content}]]></Content><MsgId>{mid}</MsgId>")


def event_xml(openid: str, event: str, key: str = "", *, create_time: int | None = None, extra: str = "") -> str:
    return xml_message(
        openid,
        "event",
        f"<Event><![CDATA[{event}]]></Event><EventKey><![CDATA[{key}]]></EventKey>{extra}",
        create_time=create_time,
    )


@dataclass
class Sender:
    client: TestClient
    token: str = TOKEN
    safe: bool = False
    crypto: SafeMode = field(default_factory=lambda: SafeMode(token=TOKEN, appid=APPID, aes_keys=[AES_KEY]))

    def query(self, nonce: str | None = None, timestamp: str | None = None) -> dict[str, str]:
        """A signed query as WeChat sends it: now, and a nonce not used before (unless given)."""
        ts = timestamp or str(int(time.time()))
        nonce = nonce if nonce is not None else str(next(_nonces))
        return {"signature": sha1_signature(self.token, ts, nonce), "timestamp": ts, "nonce": nonce}

    def post(self, xml: str) -> tuple[int, str]:
        query = self.query()
        body = xml
        if self.safe:
            envelope = self.crypto.encrypt(xml=xml, nonce=query["nonce"], timestamp=query["timestamp"])
            fields = safe_fields(envelope)
            query.update(encrypt_type="aes", msg_signature=fields["MsgSignature"])
            encrypt = fields["Encrypt"]
            body = f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
        response = self.client.post("/wechat", params=query, content=body.encode())
        return response.status_code, response.text

    def reply_text(self, xml: str) -> str:
        """Send and return the reply's Content ('success' or '' when there is none)."""
        status, text = self.post(xml)
        assert status == 200, (status, text)
        if text == "success":
            return "success"
        fields = safe_fields(text)
        if "Encrypt" in fields:
            fields = safe_fields(
                self.crypto.decrypt(
                    encrypt=fields["Encrypt"],
                    msg_signature=fields["MsgSignature"],
                    timestamp=fields["TimeStamp"],
                    nonce=fields["Nonce"],
                )
            )
        return fields.get("Content", "")
