"""Posters from the villages page in headless Chromium, at desktop and phone width (#20 §7): a county
clerk finds a town, pages through its villages, creates its posters and downloads the PDF; a town
account sees only its town."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session, sessionmaker

from tests.browser_support import Served, served_app, shot
from tests.handlers.admin.test_admin_posters import seed_danma
from tests.staff_support import PASSWORD, load_org

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Served]:
    def seed(sessions: sessionmaker[Session]) -> None:
        load_org(sessions)
        seed_danma(sessions)

    with served_app(tmp_path, seed) as srv:
        yield srv


def _sign_in(browser: Any, site: Served, username: str, width: int) -> tuple[Any, Any]:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(site.base + "/admin/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/cases"))
    page.goto(site.base + "/admin/villages")
    return context, page


def _no_sideways_scroll(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


@pytest.mark.parametrize("width", [1280, 390])
def test_a_clerk_finds_a_town_creates_and_downloads_its_posters(
    browser: Any, site: Served, width: int, tmp_path: Path
) -> None:
    context, page = _sign_in(browser, site, "jw_huzhu", width)
    try:
        assert "qingfeng" not in page.inner_text("main")  # no command line for staff
        page.fill("input[name=q]", "丹麻")
        page.click("#find button[type=submit]")
        page.wait_for_url(re.compile(r"q=%E4%B8%B9%E9%BA%BB"))
        villages = page.locator("#villages tbody tr")
        assert villages.count() == 50 and "第 1 / 2 页" in page.inner_text("#pager")
        page.click("#pager >> text=下一页")
        page.wait_for_url(re.compile(r"page=2"))
        assert villages.count() == 10 and "丹麻60村委会" in page.inner_text("#villages")
        _no_sideways_scroll(page)
        town = page.locator("#towns tbody tr", has_text="丹麻镇")
        town.locator("input[name=allow_local]").check()  # the test server's address is a loopback one
        town.locator("button", has_text="生成本乡镇海报").click()
        page.wait_for_url(re.compile(r"/admin/villages\?"))
        assert "已为丹麻镇生成 60 张海报" in page.inner_text("#done")
        shot(page, f"admin-posters-{width}")
        _no_sideways_scroll(page)
        with page.expect_download() as got:
            page.locator("#towns tbody tr", has_text="丹麻镇").locator("a", has_text="下载本乡镇海报").click()
        pdf = tmp_path / "danma.pdf"
        got.value.save_as(pdf)
        assert pdf.read_bytes().startswith(b"%PDF") and len(PdfReader(pdf).pages) == 60
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_a_town_account_sees_only_its_town(browser: Any, site: Served, width: int) -> None:
    context, page = _sign_in(browser, site, "wushi_town", width)
    try:
        text = page.inner_text("main")
        assert "土观村委会" in text and "班彦村委会" in text and "丹麻" not in text and "全县" not in text
        page.fill("input[name=q]", "丹麻")
        page.click("#find button[type=submit]")
        page.wait_for_url(re.compile(r"q="))
        assert "丹麻" not in page.inner_text("#villages") and "没有找到" in page.inner_text("#villages")
        _no_sideways_scroll(page)
        shot(page, f"admin-posters-town-{width}")
    finally:
        context.close()
