"""修改密码 from 我的账号 in headless Chromium at 1280 and 390 px: a case handler opens it from 我的账号, a wrong
current password is explained, the form fits the phone's width, a good change is confirmed, this session
goes on and a second browser session of the account is signed out. Screenshot:
var/screenshots/own-password-phone.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from cases.staff.accounts import create_user
from storage.db import transaction
from storage.types import utcnow
from tests.browser_support import served_app, shot
from tests.handlers.admin.test_admin_manage_browser import Site
from tests.staff_support import load_org

pytestmark = [pytest.mark.browser, pytest.mark.slow]
OLD = "first-own-pick-7"
NEW = "my-own-choice-42"
SUBMIT = "form[action='/admin/me/password'] button[type=submit]"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served_app(tmp_path_factory.mktemp("browser-own-password"), load_org) as srv:
        yield Site(srv.engine, srv.base, srv.runtime.sessions, srv.runtime.calendar)


def _sign_in(page: Any, base: str, username: str, password: str) -> None:
    page.goto(base + "/admin/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/cases$"))


@pytest.mark.parametrize(("width", "name"), [(1280, "desktop"), (390, "phone")])
def test_a_case_handler_changes_their_password(page: Any, site: Site, width: int, name: str) -> None:
    username = f"own_{name}"
    with transaction(site.sessions) as s:
        create_user(
            s,
            username=username,
            role="department",
            unit_code="630223:nync",
            display_name="办件的同事",
            password=OLD,
            now=utcnow(),
        )
    other = page.context.browser.new_context()  # the same account signed in on another computer
    try:
        elsewhere = other.new_page()
        _sign_in(elsewhere, site.base, username, OLD)

        page.set_viewport_size({"width": width, "height": 800})
        page.context.clear_cookies()
        _sign_in(page, site.base, username, OLD)
        page.goto(site.base + "/admin/me")
        page.click("#password a[href='/admin/me/password']")
        page.wait_for_url(re.compile(r"/admin/me/password$"))
        assert page.locator("h1").inner_text() == "修改密码"

        page.fill("#current", "not-my-password")
        page.fill("#password", NEW)
        page.fill("#password_again", NEW)
        page.click(SUBMIT)
        assert "当前密码不正确" in page.locator("[role=alert]").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for selector in ("#current", "#password", "#password_again", SUBMIT):
            box = page.locator(selector).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        shot(page, f"own-password-{name}")

        page.fill("#current", OLD)
        page.fill("#password", NEW)
        page.fill("#password_again", NEW)
        page.click(SUBMIT)
        page.wait_for_url(re.compile(r"/admin/me/password\?done=1$"))
        assert "新密码已保存" in page.locator("[role=status]").inner_text()
        page.goto(site.base + "/admin/cases")
        assert page.url.endswith("/admin/cases")  # this session goes on
        elsewhere.goto(site.base + "/admin/cases")
        assert elsewhere.url.endswith("/admin/login")  # the other computer's is over
    finally:
        other.close()
