"""/wechat on the wire: signatures, plain/compat/safe mode, key rotation and every kind of bad input."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.webhook_support import AES_KEY, APPID, TOKEN, Sender, event_xml, make_client, text_xml
from wechat.crypto import SafeMode, sha1_signature
from wechat.inbound import safe_fields

WX = Path(__file__).parents[2] / "fixtures" / "wechat"


@pytest.fixture
def client(engine: Engine):  # type: ignore[no-untyped-def]
    return make_client(engine)


def recorded_at(monkeypatch: pytest.MonkeyPatch, timestamp: str) -> None:
    """Replay a recorded request as if at the moment it was signed (it is fresh only then)."""
    monkeypatch.setattr("handlers.webhook.route._wall_clock", lambda: float(timestamp))


def test_verification_vectors_from_wechatpy_and_the_official_doc(engine: Engine) -> None:
    vectors = json.loads((WX / "plain_signature" / "params.json").read_text())["vectors"]
    for v in vectors:
        c = make_client(engine, wechat_token=v["token"])
        q = {
            "signature": v["signature"],
            "timestamp": v["timestamp"],
            "nonce": v["nonce"],
            "echostr": "e-123",
        }
        r = c.get("/wechat", params=q)
        assert (r.status_code, r.text) == (200, "e-123")
        assert r.headers["content-type"].startswith("text/plain")
        if "negative" in v:
            q["signature"] = v["negative"]["signature"]
            assert c.get("/wechat", params=q).status_code == 403


def test_verification_without_signature_is_forbidden(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/wechat", params={"echostr": "x"}).status_code == 403
    assert client.get("/wechat").status_code == 403


def test_post_with_bad_or_missing_signature_is_forbidden(client) -> None:  # type: ignore[no-untyped-def]
    body = text_xml("o-sig", "你好").encode()
    assert client.post("/wechat", content=body).status_code == 403
    q = {"signature": "0" * 40, "timestamp": "1", "nonce": "2"}
    assert client.post("/wechat", params=q, content=body).status_code == 403


# just past the 300 s window either way, with room for a slow machine between signing and checking
@pytest.mark.parametrize("age_s", [10**9 * 2, 86_400, 30 * 86_400, 310, -310])
def test_a_signed_request_outside_the_freshness_window_is_refused(client, age_s: int) -> None:  # type: ignore[no-untyped-def]
    sender = Sender(client)
    stale = sender.query(timestamp=str(max(0, int(time.time()) - age_s)))
    r = client.post("/wechat", params=stale, content=text_xml("o-stale", "菜单").encode())
    assert r.status_code == 403
    assert (
        client.post("/wechat", params=sender.query(), content=text_xml("o-stale", "菜单").encode()).status_code == 200
    )


def test_year_2100_is_not_fresh(client) -> None:  # type: ignore[no-untyped-def]
    q = Sender(client).query(timestamp="4102444800")
    assert client.post("/wechat", params=q, content=text_xml("o-2100", "菜单").encode()).status_code == 403


def test_a_nonce_carries_one_message_and_its_retries_only(client) -> None:  # type: ignore[no-untyped-def]
    q = Sender(client).query()
    villager = text_xml("o-nonce", "菜单", msg_id=8101)
    first = client.post("/wechat", params=q, content=villager.encode())
    retry = client.post("/wechat", params=q, content=villager.encode())  # WeChat's retry, same query
    assert first.status_code == retry.status_code == 200
    assert safe_fields(first.text)["Content"] == safe_fields(retry.text)["Content"]
    forged = client.post("/wechat", params=q, content=text_xml("o-forger", "菜单", msg_id=8102).encode())
    assert forged.status_code == 403
    same_id_other_sender = client.post("/wechat", params=q, content=text_xml("o-forger", "菜单", msg_id=8101).encode())
    assert same_id_other_sender.status_code == 403


def test_a_retry_with_a_new_nonce_gets_the_same_answer(client) -> None:  # type: ignore[no-untyped-def]
    sender = Sender(client)
    villager = text_xml("o-renonce", "菜单", msg_id=8201)
    (status, first), (again, retry) = sender.post(villager), sender.post(villager)
    assert status == again == 200 and safe_fields(first)["Content"] == safe_fields(retry)["Content"]


def test_safe_mode_refuses_plain_bodies_and_plain_mode_encrypted_ones(engine: Engine) -> None:
    safe = make_client(engine, wechat_mode="safe")
    assert Sender(safe).post(text_xml("o-mode", "菜单"))[0] == 403
    assert Sender(safe, safe=True).post(text_xml("o-mode", "菜单"))[0] == 200
    plain = make_client(engine, wechat_mode="plain")
    assert Sender(plain, safe=True).post(text_xml("o-mode", "菜单"))[0] == 403
    assert Sender(plain).post(text_xml("o-mode", "菜单"))[0] == 200
    compatible = make_client(engine)
    assert Sender(compatible).post(text_xml("o-mode", "菜单"))[0] == 200
    assert Sender(compatible, safe=True).post(text_xml("o-mode", "菜单"))[0] == 200


def test_plain_mode_reply_is_xml(client) -> None:  # type: ignore[no-untyped-def]
    sender = Sender(client)
    status, text = sender.post(text_xml("o-plain", "帮助"))
    assert status == 200
    fields = safe_fields(text)
    assert fields["ToUserName"] == "o-plain"
    assert "政策" in fields["Content"]


def test_reply_content_type_is_xml_and_never_json(client) -> None:  # type: ignore[no-untyped-def]
    q = Sender(client).query()
    r = client.post("/wechat", params=q, content=text_xml("o-ct", "菜单").encode())
    assert r.headers["content-type"].startswith("application/xml")
    r = client.post("/wechat", params=Sender(client).query(), content=event_xml("o-ct", "VIEW", "https://x").encode())
    assert r.text == "success"
    assert r.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize(
    "case",
    [
        "text",
        "location_msg",
        "image",
        "voice",
        "event_subscribe_qrscene",
        "event_scan",
        "event_location",
        "event_click",
        "event_unsubscribe",
    ],
)
def test_derived_safe_mode_requests_are_accepted(engine: Engine, case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    manifest = json.loads((WX / "derived_safe_mode" / "manifest.json").read_text())
    c = make_client(engine)
    spec = manifest["cases"][case]
    recorded_at(monkeypatch, spec["query"]["timestamp"])
    body = (WX / "derived_safe_mode" / spec["body_file"]).read_bytes()
    r = c.post("/wechat", params=spec["query"], content=body)
    assert r.status_code == 200
    if r.text != "success":
        envelope = safe_fields(r.text)
        crypto = SafeMode(token=TOKEN, appid=APPID, aes_keys=[AES_KEY])
        plain = crypto.decrypt(
            encrypt=envelope["Encrypt"],
            msg_signature=envelope["MsgSignature"],
            timestamp=envelope["TimeStamp"],
            nonce=envelope["Nonce"],
        )
        assert safe_fields(plain)["ToUserName"] == "oyORnuP8q7ou2gfYjqLzSIWZf0rs"


def test_official_sample_compat_body_uses_the_encrypted_payload(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    params = json.loads((WX / "official_py_sample" / "params.json").read_text())
    recorded_at(monkeypatch, params["timestamp"])
    c = make_client(engine, wechat_appid=params["appid"])
    q = {
        "signature": params["computed_plain_signature_for_same_query"],
        "timestamp": params["timestamp"],
        "nonce": params["nonce"],
        "encrypt_type": "aes",
        "msg_signature": params["msg_signature"],
    }
    r = c.post("/wechat", params=q, content=(WX / "official_py_sample" / "request_body.xml").read_bytes())
    assert r.status_code == 200
    assert "Encrypt" in safe_fields(r.text) or r.text == "success"


def test_safe_mode_reply_is_encrypted_and_decrypts(client) -> None:  # type: ignore[no-untyped-def]
    sender = Sender(client, safe=True)
    status, raw = sender.post(text_xml("o-safe", "帮助"))
    assert status == 200
    assert "Encrypt" in safe_fields(raw)
    assert "政策" in sender.reply_text(text_xml("o-safe", "菜单"))


def test_previous_aes_key_still_decrypts_during_rotation(engine: Engine) -> None:
    new_key = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut"
    c = make_client(engine, wechat_aes_key=new_key, wechat_aes_key_previous=AES_KEY)
    old_sender = Sender(c, safe=True)  # WeChat still encrypting with the old key
    status, _ = old_sender.post(text_xml("o-rot", "菜单"))
    assert status == 200
    new_sender = Sender(c, safe=True, crypto=SafeMode(token=TOKEN, appid=APPID, aes_keys=[new_key]))
    assert "请回复数字" in new_sender.reply_text(text_xml("o-rot", "菜单"))


def _safe_query(sender: Sender, encrypt: str) -> dict[str, str]:
    q = sender.query()
    q.update(encrypt_type="aes", msg_signature=sha1_signature(TOKEN, q["timestamp"], q["nonce"], encrypt))
    return q


@pytest.mark.parametrize(
    "encrypt",
    [
        "not*base64!",  # binascii.Error
        "QUJD",  # too short: struct.error
        "A" * 64,  # decrypts to garbage
    ],
)
def test_bad_aes_payload_is_400(client, encrypt: str) -> None:  # type: ignore[no-untyped-def]
    sender = Sender(client)
    body = f"<xml><ToUserName>gh</ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
    r = client.post("/wechat", params=_safe_query(sender, encrypt), content=body.encode())
    assert r.status_code == 400


def test_missing_encrypt_is_400(client) -> None:  # type: ignore[no-untyped-def]
    sender = Sender(client)
    q = _safe_query(sender, "")
    r = client.post("/wechat", params=q, content=b"<xml><ToUserName>gh</ToUserName></xml>")
    assert r.status_code == 400


def test_wrong_appid_is_400(client) -> None:  # type: ignore[no-untyped-def]
    other = SafeMode(token=TOKEN, appid="wx_other_app", aes_keys=[AES_KEY])
    sender = Sender(client)
    q = sender.query()
    envelope = safe_fields(other.encrypt(xml=text_xml("o-x", "hi"), nonce=q["nonce"], timestamp=q["timestamp"]))
    q.update(encrypt_type="aes", msg_signature=envelope["MsgSignature"])
    body = f"<xml><Encrypt><![CDATA[{envelope['Encrypt']}]]></Encrypt></xml>"
    assert client.post("/wechat", params=q, content=body.encode()).status_code == 400


def test_bad_msg_signature_is_403(client) -> None:  # type: ignore[no-untyped-def]
    sender = Sender(client)
    q = sender.query()
    q.update(encrypt_type="aes", msg_signature="f" * 40)
    body = b"<xml><Encrypt><![CDATA[QUJD]]></Encrypt></xml>"
    assert client.post("/wechat", params=q, content=body).status_code == 403


@pytest.mark.parametrize(
    "body",
    [
        b"<xml><a>",
        b"\xff\xfe not utf-8",
        b"<xml><MsgType>text</MsgType></xml>",
        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><xml><Content>&b;</Content></xml>',
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><MsgType>text</MsgType>'
        b"<FromUserName>o</FromUserName><Content>&e;</Content></xml>",
    ],
)
def test_malformed_bodies_are_400(client, body: bytes) -> None:  # type: ignore[no-untyped-def]
    assert client.post("/wechat", params=Sender(client).query(), content=body).status_code == 400


def test_body_over_64kb_is_400(client) -> None:  # type: ignore[no-untyped-def]
    body = text_xml("o-big", "长" * 30_000).encode()
    assert len(body) > 64 * 1024
    assert client.post("/wechat", params=Sender(client).query(), content=body).status_code == 400


def test_healthz_and_metrics(engine: Engine) -> None:
    client = make_client(engine, metrics_token="scrape-token-1")
    health = client.get("/healthz").json()
    assert (health["status"], health["database"], health["worker_lease_held"]) == ("ok", "ok", False)
    assert health["oldest_pending_delivery_s"] == 0
    Sender(client).post(text_xml("o-metrics", "菜单"))
    metrics = client.get("/metrics", headers={"Authorization": "Bearer scrape-token-1"}).text
    assert 'qingfeng_wechat_messages_total{event="",kind="text"}' in metrics
    assert "qingfeng_outbox_depth" in metrics
    assert "qingfeng_http_request_seconds_bucket" in metrics
