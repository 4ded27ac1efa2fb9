"""The local loop without WeChat: the stand-in started by `serve` in dev, the dev phone's endpoints, the
landing page and the favicon (the browser walk-through is in test_devphone_browser.py)."""

from __future__ import annotations

import io
import os
import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from cases.notices import send_text
from cases.staff.accounts import DEMO_PASSWORD, ensure_demo_staff
from config.settings import Settings, get_settings
from handlers.cli.org import seed_org
from handlers.devphone.boot import API_BASE_VARIABLE, start_local_wechat
from handlers.devphone.views import account_is_plain
from storage.db import make_sessionmaker, transaction
from storage.types import utcnow
from tests.browser_support import free_port
from tests.cases_support import VILLAGE
from tests.webhook_support import make_client
from wechat.client import WechatClient
from wechat.delivery import deliver_due
from wechat.standin import StandinWechat

OPENID = "oDevPhone0123456789abcdefghi"
GUARD = {"X-Dev-Phone": "1"}


def phone(engine: Engine, wx: StandinWechat, **settings: Any) -> TestClient:
    return make_client(engine, wechat_api_base=wx.url, wechat_appid=wx.appid, wechat_appsecret=wx.secret, **settings)


def say(client: TestClient, payload: dict[str, object], openid: str = OPENID) -> httpx.Response:
    res: httpx.Response = client.post("/dev/phone/send", json={"openid": openid, **payload}, headers=GUARD)
    return res


# --- the stand-in keeps each villager's chat -----------------------------------------------------


def test_standin_records_what_it_delivered_per_openid(wx: StandinWechat) -> None:
    token = httpx.get(
        f"{wx.url}/cgi-bin/token", params={"grant_type": "client_credential", "appid": wx.appid, "secret": wx.secret}
    ).json()["access_token"]
    send = f"{wx.url}/cgi-bin/message/custom/send?access_token={token}"
    httpx.post(send, json={"touser": "o-a", "msgtype": "text", "text": {"content": "已受理"}})
    httpx.post(send, json={"touser": "o-b", "msgtype": "text", "text": {"content": "别人的"}})
    template = {
        "touser": "o-a",
        "template_id": "T",
        "url": "https://x.example/c",
        "data": {"first": {"value": "新消息"}, "keyword1": {"value": "答复"}},
    }
    httpx.post(f"{wx.url}/cgi-bin/message/template/send?access_token={token}", json=template)
    assert httpx.post(send, json={"touser": "o-a"}).json()["errcode"] == 47001  # refused: not shown
    lines = httpx.get(f"{wx.url}/standin/chat", params={"openid": "o-a", "after": "0"}).json()["lines"]
    assert [(line["kind"], line["text"]) for line in lines] == [
        ("kefu", "已受理"),
        ("template", "新消息\n答复\n详情：https://x.example/c"),
    ]
    later = httpx.get(f"{wx.url}/standin/chat", params={"openid": "o-a", "after": str(lines[0]["seq"])}).json()
    assert [line["kind"] for line in later["lines"]] == ["template"]
    assert all(c.path != "chat" for c in wx.calls)  # the side door is not WeChat's API


def test_standin_side_door_refuses_bad_lines_and_stores_media(wx: StandinWechat) -> None:
    assert httpx.post(f"{wx.url}/standin/chat", json={"openid": "o", "kind": "shout", "text": "x"}).status_code == 400
    assert httpx.get(f"{wx.url}/standin/chat", params={"openid": "o", "after": "x"}).status_code == 400
    assert (
        httpx.post(f"{wx.url}/standin/media", content=b"abc", headers={"Content-Type": "text/plain"}).status_code == 400
    )
    media_id = httpx.post(
        f"{wx.url}/standin/media", content=b"\xff\xd8jpeg", headers={"Content-Type": "image/jpeg"}
    ).json()["media_id"]
    with StandinWechat() as other:
        assert other.chat("o") == []
    assert wx._media_get({"media_id": media_id}, None) == (b"\xff\xd8jpeg", "image/jpeg")


# --- `qingfeng serve` starts it in dev only --------------------------------------------------------


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(API_BASE_VARIABLE, raising=False)
    monkeypatch.delenv("QF_ENV", raising=False)
    yield
    get_settings.cache_clear()


def test_serve_in_dev_starts_the_standin_and_points_the_client_at_it(clean_env: None) -> None:
    standin = start_local_wechat(Settings(_env_file=None))
    assert standin is not None
    try:
        assert os.environ[API_BASE_VARIABLE] == standin.url
        settings = get_settings()
        assert settings.wechat_api_base == standin.url
        with WechatClient(
            appid=settings.wechat_appid,
            secret=settings.wechat_appsecret,
            api_base=settings.wechat_api_base,
            sessions=make_sessionmaker(_memory_engine()),
        ) as client:
            assert client.create_qr_scene(scene=VILLAGE).ticket.startswith("gQ")
    finally:
        standin.stop()


def test_the_standin_takes_the_port_serve_asks_for_or_any_free_one(
    clean_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = int(taken.getsockname()[1])
        standin = start_local_wechat(Settings(_env_file=None), port=busy)
        assert standin is not None
        try:
            assert not standin.url.endswith(f":{busy}") and os.environ[API_BASE_VARIABLE] == standin.url
        finally:
            standin.stop()
    monkeypatch.delenv(API_BASE_VARIABLE)  # set by the start above; an explicit base would win
    wanted = free_port()
    standin = start_local_wechat(Settings(_env_file=None), port=wanted)
    assert standin is not None
    try:
        assert standin.url == f"http://127.0.0.1:{wanted}"
    finally:
        standin.stop()


def test_serve_starts_no_standin_in_prod_or_when_the_base_is_set(clean_env: None) -> None:
    assert start_local_wechat(Settings(_env_file=None, env="prod")) is None
    assert start_local_wechat(Settings(_env_file=None, wechat_api_base="http://127.0.0.1:9")) is None
    assert API_BASE_VARIABLE not in os.environ


def _memory_engine() -> Engine:
    from storage.db import make_engine
    from storage.migrate import upgrade

    engine = make_engine("sqlite://")
    upgrade(engine)
    return engine


# --- the dev phone -----------------------------------------------------------------------------


def test_phone_posts_signed_messages_to_the_webhook_and_shows_both_sides(engine: Engine, wx: StandinWechat) -> None:
    client = phone(engine, wx)
    page = client.get(f"/dev/phone?scene={VILLAGE}")
    assert page.status_code == 200 and "土观村" in page.text
    assert "<script>" not in page.text and "onclick" not in page.text  # JS only from a file (CSP)
    assert client.get("/dev/phone/static/phone.js").headers["content-type"].startswith("text/javascript")
    welcome = say(client, {"type": "scan", "scene": VILLAGE, "follow": True}).json()
    assert "土观村" in welcome["reply"] and welcome["logged"] is True
    answer = say(client, {"type": "text", "text": "低保怎么申请"}).json()["reply"]
    assert "低保" in answer
    lines = client.get("/dev/phone/messages", params={"openid": OPENID, "after": 0}).json()["lines"]
    assert [line["kind"] for line in lines] == ["in", "reply", "in", "reply"]
    assert lines[2]["text"] == "低保怎么申请" and lines[3]["text"] == answer
    assert say(client, {"type": "location", "lat": 36.83, "lng": 101.95}).status_code == 200


def test_each_message_carries_a_fresh_timestamp_and_nonce(engine: Engine, wx: StandinWechat) -> None:
    client = phone(engine, wx)
    seen: list[tuple[str, str]] = []

    @client.app.middleware("http")  # type: ignore[attr-defined]
    async def spy(request, call_next):  # type: ignore[no-untyped-def]
        if request.url.path == "/wechat":
            seen.append((request.query_params["timestamp"], request.query_params["nonce"]))
        return await call_next(request)

    for text in ("你好", "你好"):
        assert say(client, {"type": "text", "text": text}).status_code == 200
    assert len(seen) == 2 and seen[0][1] != seen[1][1]
    assert all(abs(int(timestamp) - time.time()) < 60 for timestamp, _nonce in seen)


def test_notices_delivered_later_through_the_standin_reach_the_phone(engine: Engine, wx: StandinWechat) -> None:
    client = phone(engine, wx)
    say(client, {"type": "text", "text": "你好"})
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as session:
        send_text(
            session, openid=OPENID, text="您反映的问题（编号 630223-2026-000001）已受理，正在核实办理。", now=utcnow()
        )
    with WechatClient(appid=wx.appid, secret=wx.secret, api_base=wx.url, sessions=sessions) as api:
        assert deliver_due(sessions=sessions, api=api, now=utcnow(), template_id="").sent == 1
    lines = client.get("/dev/phone/messages", params={"openid": OPENID, "after": 0}).json()["lines"]
    assert lines[-1]["kind"] == "kefu" and "已受理" in lines[-1]["text"]


def test_a_photo_becomes_wechat_media_the_case_can_download(engine: Engine, wx: StandinWechat) -> None:
    client = phone(engine, wx)
    say(client, {"type": "scan", "scene": VILLAGE, "follow": True})
    files = {"photo": ("wall.jpg", io.BytesIO(b"\xff\xd8\xff\xe0 not really a jpeg"), "image/jpeg")}
    res = client.post("/dev/phone/photo", data={"openid": OPENID}, files=files, headers=GUARD)
    assert res.status_code == 200, res.text
    stored = [c for c in wx.calls if c.path == "media/get"]
    assert stored == []  # downloaded later, by the worker, by MediaId
    media = [k for k in wx._state.media]
    assert len(media) == 1 and wx._state.media[media[0]][0].startswith(b"\xff\xd8")


@pytest.mark.parametrize(
    ("payload", "headers", "status"),
    [
        ({"openid": OPENID, "type": "text", "text": "hi"}, {}, 403),  # no guard header: a cross-site form
        ({"openid": "o-short", "type": "text", "text": "hi"}, GUARD, 400),
        ({"openid": OPENID, "type": "text", "text": "  "}, GUARD, 400),
        ({"openid": OPENID, "type": "text", "text": "长" * 2001}, GUARD, 413),
        ({"openid": OPENID, "type": "location", "lat": 91, "lng": 0}, GUARD, 400),
        ({"openid": OPENID, "type": "location", "lat": True, "lng": 0}, GUARD, 400),
        ({"openid": OPENID, "type": "scan", "scene": "x" * 65}, GUARD, 400),
        ({"openid": OPENID, "type": "voice"}, GUARD, 400),
        ([1, 2], GUARD, 400),
    ],
)
def test_bad_phone_input_is_a_clear_error(
    engine: Engine, wx: StandinWechat, payload: object, headers: dict[str, str], status: int
) -> None:
    client = phone(engine, wx)
    res = client.post("/dev/phone/send", json=payload, headers=headers)
    assert res.status_code == status and res.json()["error"]


def test_bad_photos_and_queries_are_clear_errors(engine: Engine, wx: StandinWechat) -> None:
    client = phone(engine, wx, media_max_bytes=2048)
    big = {"photo": ("big.jpg", io.BytesIO(b"\xff" * 4096), "image/jpeg")}
    assert client.post("/dev/phone/photo", data={"openid": OPENID}, files=big, headers=GUARD).status_code == 413
    text = {"photo": ("a.txt", io.BytesIO(b"hello"), "text/plain")}
    assert client.post("/dev/phone/photo", data={"openid": OPENID}, files=text, headers=GUARD).status_code == 400
    assert client.post("/dev/phone/photo", data={"openid": OPENID}, headers=GUARD).status_code == 400
    assert client.get("/dev/phone/messages", params={"openid": "nope", "after": 0}).status_code == 400
    assert client.get("/dev/phone/send").status_code == 405


def test_without_a_standin_the_phone_still_shows_the_passive_reply(engine: Engine) -> None:
    client = make_client(engine, wechat_api_base="https://api.weixin.qq.com")
    res = say(client, {"type": "text", "text": "你好"}).json()
    assert res["logged"] is False and res["reply"]
    assert client.get("/dev/phone/messages", params={"openid": OPENID, "after": 0}).json() == {
        "standin": False,
        "lines": [],
    }
    assert "没有连接本机的微信接口替身" in client.get("/dev/phone").text


def test_village_search_by_name_and_code(engine: Engine, wx: StandinWechat) -> None:
    client = phone(engine, wx)
    by_name = client.get("/dev/phone/villages", params={"q": "土观"}).json()["villages"]
    assert by_name[0]["code"] == VILLAGE
    by_code = client.get("/dev/phone/villages", params={"q": VILLAGE}).json()["villages"]
    assert by_code[0]["code"] == VILLAGE


def test_the_phone_follows_the_configured_mode(engine: Engine, wx: StandinWechat) -> None:
    assert account_is_plain(Settings(_env_file=None, wechat_aes_key="")) is True
    assert account_is_plain(Settings(_env_file=None)) is False
    if "wechat_mode" in Settings.model_fields:  # the security work's QF_WECHAT_MODE
        for mode in ("plain", "compatible", "safe"):
            client = phone(engine, wx, wechat_mode=mode)
            assert say(client, {"type": "text", "text": "你好"}).json()["reply"], mode


# --- prod: nothing under /dev; the landing page and the favicon ---------------------------------


PROD: dict[str, Any] = {
    "env": "prod",
    "wechat_token": "a-real-token-1",
    "wechat_appid": "wx1234567890abcdef",
    "wechat_appsecret": "a-real-secret-1",
    "wechat_aes_key": "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut",
    "secret_key": "a-real-secret-key-1",
    "identity_key": "a-real-identity-key-2",
    "public_base_url": "https://qingfeng.example.cn",
    "cookie_secure": True,
}


def test_dev_routes_do_not_exist_in_prod_and_the_landing_page_says_nothing(engine: Engine) -> None:
    client = make_client(engine, **PROD)
    for path in ("/dev/phone", "/dev/phone/static/phone.js", "/dev/phone/messages?openid=x&after=0"):
        assert client.get(path).status_code == 404, path
    assert client.post("/dev/phone/send", json={}, headers=GUARD).status_code == 404
    home = client.get("/")
    assert home.status_code == 200 and "清风" in home.text
    for probe in ("/admin", "/dev", "/v/", "qingfeng-demo", "huzhu_jw", "/healthz", "/metrics"):
        assert probe not in home.text, probe


def test_landing_page_in_dev_links_the_whole_tour(engine: Engine, wx: StandinWechat) -> None:
    client = phone(engine, wx)
    before = client.get("/").text
    assert "还没有演示账号" in before
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    seed_org(runtime)
    with transaction(runtime.sessions) as session:
        made = ensure_demo_staff(session, now=utcnow())
    home = client.get("/")
    assert home.status_code == 200
    for link in ('href="/dev/phone"', 'href="/admin"', f'href="/v/{VILLAGE}"', "README.md", "docs/", DEMO_PASSWORD):
        assert link in home.text, link
    assert made and all(f"<code>{username}</code>" in home.text for username, _role, _unit in made)
    assert client.get(f"/v/{VILLAGE}").status_code == 200  # the H5 link leads somewhere real


def test_favicon_is_served_with_an_image_type(engine: Engine) -> None:
    client = make_client(engine)
    res = client.get("/favicon.ico")
    assert res.status_code == 200 and res.headers["content-type"] == "image/svg+xml"
    assert res.content.startswith(b"<svg")
