"""我的账号 in headless Chromium at 1280 and 390 px (#20 §5): a staff member asks for the WeChat link code and
sees the QR code, then picks the kinds of notices and the daily digest and finds them saved. The phone page
fits its width. Screenshots: var/screenshots/my-account-qr-desktop.png, my-account-qr-phone.png,
my-account-prefs-phone.png."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser_support import served_app, shot
from tests.handlers.admin.test_admin_manage_browser import Site, login
from tests.staff_support import load_org
from tests.webhook_support import APPID
from wechat.standin import StandinWechat

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with (
        StandinWechat(appid=APPID) as wx,
        served_app(
            tmp_path_factory.mktemp("browser-my-account"),
            load_org,
            wechat_api_base=wx.url,
            wechat_appsecret=wx.secret,
        ) as srv,
    ):
        yield Site(srv.engine, srv.base, srv.runtime.sessions, srv.runtime.calendar)


@pytest.mark.parametrize(("width", "name"), [(1280, "desktop"), (390, "phone")])
def test_the_link_code_is_shown_and_notice_choices_are_saved(page: Any, site: Site, width: int, name: str) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    login(page, site, "nync_huzhu")
    page.click("nav a[href='/admin/me']")
    assert "还没有绑定微信" in page.inner_text("#wechat-state")
    page.click("#wechat button[type=submit]")
    qr = page.locator("#link-qr svg")
    qr.wait_for()
    box = qr.bounding_box()
    assert box is not None and 150 <= box["width"] <= 260 and abs(box["width"] - box["height"]) < 1
    assert "分钟内有效" in page.inner_text("#wechat")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, f"my-account-qr-{name}")

    page.uncheck("#prefs input[value=reporter_reply]")
    page.check("#prefs input[value=digest]")
    page.click("#prefs button[type=submit]")
    assert "已保存工作提醒设置" in page.inner_text("main")
    assert not page.is_checked("#prefs input[value=reporter_reply]") and page.is_checked("#prefs input[value=new_case]")
    assert page.is_checked("#prefs input[value=digest]")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if name == "phone":
        shot(page, "my-account-prefs-phone")
    # Back to the defaults for the next width's run.
    page.check("#prefs input[value=reporter_reply]")
    page.check("#prefs input[value=single]")
    page.click("#prefs button[type=submit]")
    assert page.is_checked("#prefs input[value=single]")
