"""补贴比对 in headless Chromium at desktop and phone width: run the rules, read the clues, open one (#21)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from cases.money import household as hh
from cases.money.synthetic import fake_id
from storage.db import transaction
from storage.types import utcnow
from tests.browser_support import Served, served_app, shot
from tests.cases.money.test_money_household import PAYMENTS
from tests.handlers.admin.test_money_admin import seed_money
from tests.money_support import TUGUAN, load, write_csv
from tests.staff_support import PASSWORD, load_org

CODES: dict[str, str] = {}

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("money-browser")

    def seed(sessions: sessionmaker[Session]) -> None:
        load_org(sessions)
        seed_money(sessions, Path(root))
        assert load(sessions, "payments", write_csv(Path(root) / "recent.csv", "payments", PAYMENTS)).ok
        with transaction(sessions) as s:
            CODES.update((c.household_id, c.code) for c in hh.issue_codes(s, village_code=TUGUAN, now=utcnow()))

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
        page.go_back()
        page.click("table.stats >> nth=1 >> a:has-text('笔') >> nth=0")
        page.wait_for_url(re.compile(r"/admin/money/clues/\d+$"))
        assert "线索明细" in page.inner_text("h1") and "审计日志" in page.inner_text("main")
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_a_household_links_and_answers_on_the_h5_page(browser: Any, site: Served, width: int) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(f"{site.base}/v/{TUGUAN}")
        page.click("nav.tabs >> text=我家补贴")
        page.wait_for_url(re.compile(r"/money$"))
        page.fill("input[name=name]", "张三明")
        page.fill("input[name=digits]", fake_id(1)[-6:])
        page.fill("input[name=code]", CODES["H1"])
        page.click("text=关联我家")
        page.wait_for_url(re.compile(r"/money\?done=linked"))
        text = page.inner_text("main")
        assert "关联成功" in text and "450.00 元" in text and "（本机）" in text
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        shot(page, f"h5-money-{width}")
        block = page.locator(".payment", has_text="450.00 元").first
        block.locator("button", has_text="没收到").click()
        page.wait_for_url(re.compile(r"/money/answer$"))
        assert "已收到您的反映" in page.inner_text("main") and page.inner_text("#query-code").strip().isdigit()
    finally:
        context.close()
