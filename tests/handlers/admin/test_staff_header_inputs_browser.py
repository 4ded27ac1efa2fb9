"""The staff header names the person and their unit once; every typed input (the 对接系统 page's 地址, type=url)
is styled like a text input, at 1280 and on a 390 phone. Screenshots: var/screenshots/admin-open311-<width>.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from cases.staff.accounts import create_user
from storage.db import transaction
from storage.types import utcnow
from tests.browser_support import Served, served_app, shot
from tests.staff_support import PASSWORD, load_org

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]
UNIT = "互助土族自治县纪委监委"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with served_app(tmp_path_factory.mktemp("browser-header"), load_org) as srv:
        with transaction(srv.runtime.sessions) as s:
            create_user(
                s,
                username="demo_jw",
                role="county_discipline",
                unit_code="630223:jw",
                display_name="互助县纪委监委（演示）",
                password=PASSWORD,
                now=utcnow(),
            )
        yield srv


def _page(browser: Any, site: Served, username: str, width: int) -> tuple[Any, Any]:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(site.base + "/admin/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/(cases|units)"))
    return context, page


@pytest.mark.parametrize("width", [1280, 390])
def test_the_url_input_looks_like_a_text_input(browser: Any, site: Served, width: int) -> None:
    context, page = _page(browser, site, "admin", width)
    try:
        page.goto(site.base + "/admin/open311")
        look = (
            "e => { const s = getComputedStyle(e);"
            " return [s.borderTopWidth, s.borderTopColor, s.paddingTop, s.borderTopLeftRadius]; }"
        )
        url = page.locator("input[type=url]")
        text = page.locator("input[name=name][type=text]")
        assert url.evaluate(look) == text.evaluate(look)
        url_width = url.bounding_box()["width"]
        assert abs(url_width - text.bounding_box()["width"]) < 1 and url_width >= min(0.7 * width, 480)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        shot(page, f"admin-open311-{width}")
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_header_names_the_unit_once(browser: Any, site: Served, width: int) -> None:
    context, page = _page(browser, site, "demo_jw", width)
    try:
        who = page.inner_text("header .who")
        assert who.count("纪委监委") == 1 and UNIT in who and "（演示）" in who, who
    finally:
        context.close()
    context, page = _page(browser, site, "jw_huzhu", width)
    try:
        who = page.inner_text("header .who")
        assert "jw_huzhu" in who and who.count(UNIT) == 1 and "县纪委监委 ·" not in who, who
    finally:
        context.close()
