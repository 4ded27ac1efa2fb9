"""我的账号 over HTTP with real signed webhook events (#20 §5), on SQLite and PostgreSQL: the page asks the
WeChat stand-in for a temporary QR code with a one-time scene, the staff member's scan (a signed subscribe
event) links the account and is answered 已绑定, a second scan or a forged scene is refused politely, a
village poster's scan still binds a villager to the village, preferences save, unlink works, and each step
is in the audit log in Chinese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases.staff import alerts, wechat_link
from storage.db import make_sessionmaker
from storage.models import AuditEntry, StaffUser
from tests.cases.test_identity_trail import text_cells
from tests.cases_support import KEYS, VILLAGE
from tests.handlers.admin.test_admin_pages import login
from tests.staff_support import load_org
from tests.webhook_support import APPID, Sender, event_xml, make_client
from wechat.standin import StandinWechat

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def wechat() -> Iterator[StandinWechat]:
    with StandinWechat(appid=APPID) as server:
        yield server


def _client(engine: Engine, wx: StandinWechat) -> TestClient:
    c = make_client(engine, identity_key=KEYS.current, wechat_api_base=wx.url, wechat_appsecret=wx.secret)
    load_org(make_sessionmaker(engine))
    return c


def _scene(wx: StandinWechat) -> str:
    call = wx.calls_to("qrcode/create")[-1]
    assert call.body["action_name"] == "QR_STR_SCENE"  # temporary, not a permanent poster code
    assert call.body["expire_seconds"] == int(wechat_link.LINK_TTL.total_seconds())
    scene = call.body["action_info"]["scene"]["scene_str"]
    assert isinstance(scene, str)
    return scene


def _user_id(sessions: sessionmaker[Session], username: str) -> int:
    with sessions() as s:
        uid = s.scalar(select(StaffUser.id).where(StaffUser.username == username))
    assert uid is not None
    return uid


def test_a_staff_member_links_their_wechat_by_scanning_and_unlinks_it(engine: Engine, wechat: StandinWechat) -> None:
    c = _client(engine, wechat)
    sessions = make_sessionmaker(engine)
    sender = Sender(c)
    token = login(c, "nync_huzhu")
    page = c.get("/admin/me")
    assert page.status_code == 200 and "还没有绑定微信" in page.text and "逐条提醒" in page.text
    assert "我的账号" in c.get("/admin/cases").text  # in the menu

    shown = c.post("/admin/me/wechat", data={"csrf": token})
    assert shown.status_code == 200 and "<svg" in shown.text and "10 分钟内有效" in shown.text
    scene = _scene(wechat)
    assert scene.startswith("staff-") and scene not in shown.text  # the page shows the code, not the token

    reply = sender.reply_text(event_xml("o-staff-nync", "subscribe", "qrscene_" + scene))
    assert reply.startswith("已绑定清风工作台账号")
    again = sender.reply_text(event_xml("o-someone-else", "SCAN", scene))
    assert again == wechat_link.REFUSED
    assert sender.reply_text(event_xml("o-someone-else", "SCAN", "staff-forged-token")) == wechat_link.REFUSED
    nync, cz = _user_id(sessions, "nync_huzhu"), _user_id(sessions, "cz_huzhu")
    with sessions() as s:
        assert wechat_link.openid_of(s, nync) == "o-staff-nync"
        assert wechat_link.openid_of(s, cz) is None

    # Neither the staff member's openid nor the token is stored readable anywhere.
    token_part = scene.removeprefix("staff-")
    leaks = [(t, col) for t, col, v in text_cells(engine) if "o-staff-nync" in v or token_part in v]
    assert leaks == []

    # The village posters' scenes still bind villagers.
    village = sender.reply_text(event_xml("o-villager-9", "SCAN", VILLAGE))
    assert "您所在的村" in village

    assert "已绑定微信" in c.get("/admin/me").text
    saved = c.post(
        "/admin/me/notices",
        data={"csrf": token, "kinds": ["new_case", "chase"], "mode": "digest"},
        follow_redirects=True,
    )
    assert "已保存工作提醒设置" in saved.text
    with sessions() as s:
        prefs = alerts.prefs_of(s, nync)
    assert prefs == alerts.Prefs(frozenset({"new_case", "chase"}), digest=True)
    bad = c.post("/admin/me/notices", data={"csrf": token, "kinds": ["new_case"], "mode": "hourly"})
    assert bad.status_code == 400 and "每日汇总" in bad.text

    gone = c.post("/admin/me/wechat/unlink", data={"csrf": token}, follow_redirects=True)
    assert "已解除微信绑定" in gone.text and "还没有绑定微信" in gone.text
    with sessions() as s:
        assert wechat_link.openid_of(s, nync) is None
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.username == "nync_huzhu")).all()
    assert {"wechat_link_code", "wechat_link", "notice_prefs", "wechat_unlink"} <= set(actions)

    login(c, "jw_huzhu")
    audit = c.get("/admin/audit").text
    assert "绑定微信接收工作提醒" in audit and "wechat_link" not in audit


def test_the_page_says_so_when_wechat_refuses_the_code(engine: Engine, wechat: StandinWechat) -> None:
    c = _client(engine, wechat)
    token = login(c, "nync_huzhu")
    wechat.fail(45029, path="qrcode/create")
    page = c.post("/admin/me/wechat", data={"csrf": token})
    assert page.status_code == 200 and "暂时无法从微信生成二维码" in page.text and "<svg" not in page.text


def test_the_administrator_has_no_notice_page(engine: Engine, wechat: StandinWechat) -> None:
    c = _client(engine, wechat)
    login(c, "admin")
    assert c.get("/admin/me").status_code == 403
