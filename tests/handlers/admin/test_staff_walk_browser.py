"""Browser checks from a newcomer's walk of the staff pages at 1280 and 390 wide: the open311 key shown
once and the account-request list fit a phone; the city's commission is told it may confirm a town
account, and can (docs/security.md: the city confirms any account request)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from cases.staff import account_powers
from storage.db import transaction
from storage.types import utcnow
from tests.browser_support import served_app, shot
from tests.cases_support import VILLAGE
from tests.staff_support import PASSWORD, load_org, town_of

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

WIDTHS = [1280, 390]


class Site:
    def __init__(self, base: str, sessions: sessionmaker[Session]) -> None:
        self.base, self.sessions = base, sessions


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served_app(tmp_path_factory.mktemp("browser-walk"), load_org) as srv:
        yield Site(srv.base, srv.runtime.sessions)


def open_page(browser: Any, site: Site, width: int, username: str) -> tuple[Any, Any]:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(site.base + "/admin/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/(cases|units)"))
    return context, page


def overflow(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


@pytest.mark.parametrize("width", WIDTHS)
def test_the_key_shown_once_fits_the_screen(browser: Any, site: Site, width: int) -> None:
    context, page = open_page(browser, site, width, "admin")
    try:
        page.goto(site.base + "/admin/open311")
        page.fill("input[name=name]", f"互助县12345热线{width}")
        page.click("form[action='/admin/open311/keys'] button[type=submit]")
        page.wait_for_load_state()
        key = page.inner_text("#shown-secret")
        assert key.startswith("qf311_") and len(key) > 30  # the whole key is still shown, only wrapped
        assert overflow(page) <= 0
        box = page.locator("#shown-secret").bounding_box()
        assert box["x"] + box["width"] <= width
        shot(page, f"admin-open311-key-{width}")
    finally:
        context.close()


def _town_request(site: Site, username: str) -> None:
    with transaction(site.sessions) as s:
        account_powers.open_request(
            s,
            kind="create",
            username=username,
            display_name="乡镇干部",
            role="town",
            unit_code=town_of(s, VILLAGE),
            password_hash="$argon2id$not-a-real-hash",
            requested_by="admin",
            now=utcnow(),
        )


@pytest.mark.parametrize("width", WIDTHS)
def test_the_city_sees_and_may_confirm_a_town_account_on_any_width(browser: Any, site: Site, width: int) -> None:
    username = f"town_walk_{width}"
    _town_request(site, username)
    context, page = open_page(browser, site, width, "city")
    try:
        page.goto(site.base + "/admin/account-requests")
        intro = page.inner_text("main p.muted")
        # The page says what the rule is: the county confirms town accounts, and the city may too.
        assert "乡镇账号由本县纪委监委确认" in intro and "市纪委监委也可以确认" in intro
        row = page.locator("#account-requests tr", has_text=username)
        assert "乡镇" in row.inner_text()
        confirm = row.locator("button", has_text="确认")
        refuse = row.locator("button", has_text="拒绝")
        assert overflow(page) <= 0
        for button in (confirm, refuse):
            box = button.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        shot(page, f"admin-account-requests-city-{width}")
        refuse.click()
        page.wait_for_load_state()
        assert "已拒绝" in page.inner_text("main") and username not in page.inner_text("main")
    finally:
        context.close()


def test_a_county_is_not_told_about_the_citys_part(browser: Any, site: Site) -> None:
    _town_request(site, "town_walk_county")
    context, page = open_page(browser, site, 390, "jw_huzhu")
    try:
        page.goto(site.base + "/admin/account-requests")
        intro = page.inner_text("main p.muted")
        assert "乡镇账号由本县纪委监委确认" in intro and "市纪委监委也可以确认" not in intro
        assert "town_walk_county" in page.inner_text("#account-requests")
        assert overflow(page) <= 0
    finally:
        context.close()
