"""The real WechatClient (wechatpy underneath) against the stand-in server on loopback, on both databases."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from datetime import timedelta

import anyio
import anyio.to_thread
import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.menu import account_menu
from config.settings import Settings
from storage.db import transaction
from storage.repos import tokens
from storage.types import utcnow
from wechat.api import (
    IpNotWhitelisted,
    NotFollowing,
    OutsideWindow,
    QuotaUsed,
    TokenInvalid,
    WechatApi,
    WechatApiError,
    WechatUnavailable,
    error_for,
)
from wechat.client import WechatClient, api_base_url, make_api
from wechat.standin import PERMANENT_QR_LIMIT, StandinWechat


def new_client(sessions: sessionmaker[Session], wx: StandinWechat, **kwargs: object) -> WechatClient:
    return WechatClient(appid=wx.appid, secret=wx.secret, api_base=wx.url, sessions=sessions, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def client(sessions: sessionmaker[Session], wx: StandinWechat) -> Iterator[WechatClient]:
    with new_client(sessions, wx) as c:
        yield c


def stored_token(sessions: sessionmaker[Session], appid: str) -> str | None:
    with transaction(sessions) as s:
        row = tokens.get(s, appid=appid)
        return None if row is None else row.access_token


def test_is_a_wechat_api(client: WechatClient) -> None:
    api: WechatApi = client
    assert api is client


def test_api_base_url_is_built_from_the_setting() -> None:
    assert api_base_url("https://api.weixin.qq.com") == "https://api.weixin.qq.com/cgi-bin/"
    assert api_base_url("http://127.0.0.1:9/") == "http://127.0.0.1:9/cgi-bin/"


def test_token_is_fetched_once_stored_in_db_and_shared(
    sessions: sessionmaker[Session], wx: StandinWechat, client: WechatClient
) -> None:
    token = client.access_token()
    assert client.access_token() == token
    assert stored_token(sessions, wx.appid) == token
    # Another process (a second client on the same database) uses the stored token.
    with new_client(sessions, wx) as other:
        assert other.access_token() == token
        other.send_text(openid="o-1", text="你好")
    assert len(wx.calls_to("token")) == 1
    token_call = wx.calls_to("token")[0]
    assert token_call.method == "GET"
    assert token_call.params == {"grant_type": "client_credential", "appid": wx.appid, "secret": wx.secret}


def test_two_concurrent_refreshes_call_the_token_endpoint_once(
    sessions: sessionmaker[Session], wx: StandinWechat
) -> None:
    wx.token_delay = 0.3  # both callers are inside the refresh at the same time
    barrier = threading.Barrier(2)
    results: list[str] = []
    errors: list[BaseException] = []

    def run(c: WechatClient) -> None:
        try:
            barrier.wait()
            results.append(c.access_token())
        except BaseException as exc:
            errors.append(exc)

    with new_client(sessions, wx) as a, new_client(sessions, wx) as b:
        threads = [threading.Thread(target=run, args=(c,)) for c in (a, b)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
    assert errors == []
    assert len(results) == 2 and results[0] == results[1]
    assert len(wx.calls_to("token")) == 1


def test_concurrent_refresh_of_the_same_stale_token_fetches_once(
    sessions: sessionmaker[Session], wx: StandinWechat
) -> None:
    with new_client(sessions, wx) as a, new_client(sessions, wx) as b:
        stale = a.access_token()
        wx.token_delay = 0.2
        barrier = threading.Barrier(2)
        results: list[str] = []

        def run(c: WechatClient) -> None:
            barrier.wait()
            results.append(c.store.refresh(stale=stale))

        threads = [threading.Thread(target=run, args=(c,)) for c in (a, b)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
    assert len(results) == 2 and results[0] == results[1] != stale
    assert len(wx.calls_to("token")) == 2  # the first fetch, then exactly one refresh


def test_token_is_refreshed_before_it_expires(sessions: sessionmaker[Session], wx: StandinWechat) -> None:
    now = [utcnow()]
    with new_client(sessions, wx, clock=lambda: now[0]) as c:
        first = c.access_token()
        now[0] += timedelta(seconds=7200 - 600)
        assert c.access_token() == first
        now[0] += timedelta(seconds=400)  # inside the 5-minute margin
        second = c.access_token()
    assert second != first
    assert stored_token(sessions, wx.appid) == second
    assert len(wx.calls_to("token")) == 2


def test_send_text(client: WechatClient, wx: StandinWechat) -> None:
    client.send_text(openid="o-villager", text="您反映的问题已受理")
    (call,) = wx.calls_to("message/custom/send")
    assert call.method == "POST"
    assert call.body == {"touser": "o-villager", "msgtype": "text", "text": {"content": "您反映的问题已受理"}}
    assert call.params["access_token"] == client.access_token()
    assert call.errcode == 0


def test_send_template(client: WechatClient, wx: StandinWechat) -> None:
    data = {"keyword1": {"value": "已办结"}}
    client.send_template(openid="o-1", template_id="TPL", data=data, url="https://example.org/c/1")
    client.send_template(openid="o-2", template_id="TPL", data=data, url=None)
    first, second = wx.calls_to("message/template/send")
    assert first.body == {"touser": "o-1", "template_id": "TPL", "data": data, "url": "https://example.org/c/1"}
    assert second.body == {"touser": "o-2", "template_id": "TPL", "data": data}
    assert first.errcode == second.errcode == 0


def test_download_media(client: WechatClient, wx: StandinWechat) -> None:
    jpeg = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4
    wx.add_media("MEDIA_1", jpeg, "image/jpeg")
    wx.add_media("MEDIA_2", b"12", "audio/amr")  # a body that happens to parse as JSON
    media = client.download_media(media_id="MEDIA_1")
    assert media.content == jpeg and media.content_type == "image/jpeg"
    voice = client.download_media(media_id="MEDIA_2")
    assert voice.content == b"12" and voice.content_type == "audio/amr"
    with pytest.raises(WechatApiError) as info:
        client.download_media(media_id="missing")
    assert info.value.errcode == 40007 and info.value.permanent
    assert [c.params["media_id"] for c in wx.calls_to("media/get")] == ["MEDIA_1", "MEDIA_2", "missing"]


def test_create_qr_scene_is_permanent_and_stable(client: WechatClient, wx: StandinWechat) -> None:
    qr = client.create_qr_scene(scene="v:130102001001")
    assert qr.ticket and qr.url.startswith("http://weixin.qq.com/q/")
    assert client.create_qr_scene(scene="v:130102001001") == qr
    call = wx.calls_to("qrcode/create")[0]
    assert call.body == {"action_name": "QR_LIMIT_STR_SCENE", "action_info": {"scene": {"scene_str": "v:130102001001"}}}
    assert "expire_seconds" not in (call.body or {})
    with pytest.raises(ValueError):
        client.create_qr_scene(scene="x" * 65)


def test_a_temporary_qr_code_expires_and_is_new_each_time(client: WechatClient, wx: StandinWechat) -> None:
    first = client.create_temp_qr_scene(scene="staff-abc", expire_seconds=600)
    second = client.create_temp_qr_scene(scene="staff-abc", expire_seconds=600)
    assert first.ticket != second.ticket and wx.temp_qr_scene(first.ticket) == "staff-abc"
    call = wx.calls_to("qrcode/create")[0]
    assert call.body == {
        "expire_seconds": 600,
        "action_name": "QR_STR_SCENE",
        "action_info": {"scene": {"scene_str": "staff-abc"}},
    }
    assert wx.qr_count == 0  # not counted against the permanent codes' limit
    for scene, seconds in (("x" * 65, 600), ("staff-abc", 10), ("staff-abc", 2_592_001)):
        with pytest.raises(ValueError):
            client.create_temp_qr_scene(scene=scene, expire_seconds=seconds)


def test_permanent_qr_limit(sessions: sessionmaker[Session]) -> None:
    with StandinWechat(qr_limit=2) as wx, new_client(sessions, wx) as c:
        c.create_qr_scene(scene="a")
        c.create_qr_scene(scene="b")
        with pytest.raises(WechatApiError) as info:
            c.create_qr_scene(scene="c")
        assert info.value.errcode == 45029
        assert wx.qr_count == 2
    assert PERMANENT_QR_LIMIT == 100_000


def test_create_menu(client: WechatClient, wx: StandinWechat) -> None:
    client.create_menu(menu=account_menu())
    assert wx.menu == account_menu()
    assert wx.calls_to("menu/create")[0].errcode == 0


@pytest.mark.parametrize("break_tokens", ["expire_tokens", "revoke_tokens"])
def test_retry_once_after_token_error(
    client: WechatClient, wx: StandinWechat, sessions: sessionmaker[Session], break_tokens: str
) -> None:
    old = client.access_token()
    getattr(wx, break_tokens)()
    client.send_text(openid="o-1", text="hi")
    sends = wx.calls_to("message/custom/send")
    assert [c.errcode for c in sends] == [42001 if break_tokens == "expire_tokens" else 40001, 0]
    assert sends[0].params["access_token"] == old
    assert sends[1].params["access_token"] != old
    assert stored_token(sessions, wx.appid) == sends[1].params["access_token"]
    assert len(wx.calls_to("token")) == 2


def test_token_error_is_retried_only_once(client: WechatClient, wx: StandinWechat) -> None:
    wx.fail(40001, path="menu/create")
    with pytest.raises(TokenInvalid):
        client.create_menu(menu=account_menu())
    assert len(wx.calls_to("menu/create")) == 2
    assert len(wx.calls_to("token")) == 2


def test_another_process_refreshed_the_token(sessions: sessionmaker[Session], wx: StandinWechat) -> None:
    with new_client(sessions, wx) as a, new_client(sessions, wx) as b:
        old = a.access_token()
        b.access_token()
        wx.revoke_tokens()
        a.send_text(openid="o-1", text="1")  # refreshes: 40001, new token, retry
        b.send_text(openid="o-1", text="2")  # 40001 with its copy, then finds a's token in the DB
    assert len(wx.calls_to("token")) == 2
    sends = wx.calls_to("message/custom/send")
    assert [c.errcode for c in sends] == [40001, 0, 40001, 0]
    assert sends[0].params["access_token"] == sends[2].params["access_token"] == old
    assert sends[1].params["access_token"] == sends[3].params["access_token"]


@pytest.mark.parametrize(
    ("errcode", "exc_type", "permanent"),
    [
        (45015, OutsideWindow, True),
        (45047, QuotaUsed, False),
        (43004, NotFollowing, True),
        (40164, IpNotWhitelisted, False),
        (-1, WechatApiError, False),
    ],
)
def test_error_codes(
    client: WechatClient, wx: StandinWechat, errcode: int, exc_type: type[WechatApiError], permanent: bool
) -> None:
    wx.fail(errcode, path="message/custom/send", openid="o-far")
    with pytest.raises(exc_type) as info:
        client.send_text(openid="o-far", text="hi")
    assert info.value.errcode == errcode
    assert info.value.permanent is permanent
    assert not info.value.token_problem
    client.send_text(openid="o-near", text="hi")  # the rule is per openid
    assert [c.errcode for c in wx.calls_to("message/custom/send")] == [errcode, 0]


def test_ip_whitelist_error_says_what_to_do(client: WechatClient, wx: StandinWechat) -> None:
    wx.fail(40164)  # every call, the token endpoint included
    with pytest.raises(IpNotWhitelisted) as info:
        client.create_menu(menu=account_menu())
    text = str(info.value)
    assert "白名单" in text and "add the server IP to the IP whitelist" in text
    assert [c.path for c in wx.calls] == ["token"]


def test_error_for_maps_codes() -> None:
    assert type(error_for(42001, "x")) is TokenInvalid and error_for(42001, "x").token_problem
    assert type(error_for(40014, "x")) is TokenInvalid
    assert type(error_for(99999, "x")) is WechatApiError


def test_wrong_secret(sessions: sessionmaker[Session], wx: StandinWechat) -> None:
    c = WechatClient(appid=wx.appid, secret="wrong", api_base=wx.url, sessions=sessions)
    with c, pytest.raises(WechatApiError) as info:
        c.access_token()
    assert info.value.errcode == 40125
    assert stored_token(sessions, wx.appid) is None


def test_unreachable_server_is_unavailable(sessions: sessionmaker[Session]) -> None:
    wx = StandinWechat()
    url = wx.url
    wx.stop()  # the port is closed now
    c = WechatClient(appid=wx.appid, secret=wx.secret, api_base=url, sessions=sessions)
    with c, pytest.raises(WechatUnavailable) as info:
        c.send_text(openid="o-1", text="hi")
    assert info.value.errcode == -1 and not info.value.permanent


def test_make_api_honours_the_api_base_setting(sessions: sessionmaker[Session], wx: StandinWechat) -> None:
    settings = Settings(wechat_api_base=wx.url + "/", wechat_appid=wx.appid, wechat_appsecret=wx.secret)
    with make_api(settings, sessions=sessions) as api:
        api.send_text(openid="o-1", text="hi")
        wx.add_media("M", b"\x89PNG", "image/png")
        assert api.download_media(media_id="M").content_type == "image/png"
    assert [c.path for c in wx.calls] == ["token", "message/custom/send", "media/get"]


def test_callable_from_async_code_via_a_thread(client: WechatClient, wx: StandinWechat) -> None:
    async def main() -> None:
        await anyio.to_thread.run_sync(functools.partial(client.send_text, openid="o-1", text="异步"))

    anyio.run(main)
    assert wx.calls_to("message/custom/send")[0].body["text"]["content"] == "异步"
