"""补贴比对 in headless Chromium at desktop and phone width: run the rules, read the clues, open one (#21)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.browser_support import Served, served_app, shot
from tests.staff_support import PASSWORD, load_org
from tests.test_money_admin import seed_money

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("money-browser")

    def seed(sessions: sessionmaker[Session]) -> None:
        load_org(sessions)
        seed_money(sessions, Path(root))

    with served_app(root, seed) as srv:
        yield srv


@pytest.mark.parametrize("width", [1280, 375])
def test_staff_run_the_checks_and_open_a_clue(browser: Any, site: Served, width: int) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(site.base + "/admin/login")
        page.fill("#username", "jw_huzhu")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/admin/cases"))
        page.click("text=补贴比对")
        page.wait_for_url(re.compile(r"/admin/money$"))
        page.click("text=立即比对")
        page.wait_for_url(re.compile(r"/admin/money\?done=\d+"))
        main = page.inner_text("main")
        assert "比对已完成" in main and "死亡后仍发放" in main and "查实率" in main
        assert "群众核对" in main
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        shot(page, f"admin-money-{width}")
        page.click("table.stats >> nth=1 >> a >> nth=0")
        page.wait_for_url(re.compile(r"/admin/cases/\d+$"))
        case_text = page.inner_text("main")
        assert "大数据比对" in case_text and "发放记录 P" in case_text and "不代表已查实" in case_text
    finally:
        context.close()
