"""修改密码 at first login in headless Chromium at 1280 and 390 px: an account the administrator made signs in,
lands on the page (no other page offered), a refused password is explained, the form fits the phone's width
and a good password leads to the queue. Screenshot: var/screenshots/first-password-phone.png."""

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
GIVEN = "handed-over-7x"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served_app(tmp_path_factory.mktemp("browser-first-password"), load_org) as srv:
        yield Site(srv.engine, srv.base, srv.runtime.sessions, srv.runtime.calendar)


@pytest.mark.parametrize(("width", "name"), [(1280, "desktop"), (390, "phone")])
def test_a_new_account_sets_its_own_password_first(page: Any, site: Site, width: int, name: str) -> None:
    username = f"new_{name}"
    with transaction(site.sessions) as s:
        create_user(
            s,
            username=username,
            role="department",
            unit_code="630223:nync",
            display_name="新来的同事",
            password=GIVEN,
            now=utcnow(),
            must_change=True,
        )
    page.set_viewport_size({"width": width, "height": 800})
    page.context.clear_cookies()
    page.goto(site.base + "/admin/login")
    page.fill("#username", username)
    page.fill("#password", GIVEN)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/password$"))
    assert page.locator("h1").inner_text() == "修改密码"
    assert page.locator("nav").count() == 0  # no other page is offered yet
    page.goto(site.base + "/admin/stats")
    page.wait_for_url(re.compile(r"/admin/password$"))

    page.fill("#password", GIVEN)
    page.fill("#password_again", GIVEN)
    page.click("form[action='/admin/password'] button[type=submit]")
    assert "不能与管理员给您的密码相同" in page.locator("[role=alert]").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for selector in ("#password", "#password_again", "form[action='/admin/password'] button[type=submit]"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    shot(page, f"first-password-{name}")

    page.fill("#password", "my-own-choice-42")
    page.fill("#password_again", "my-own-choice-42")
    page.click("form[action='/admin/password'] button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/cases$"))
    assert page.locator("nav a[href='/admin/cases']").count() == 1
