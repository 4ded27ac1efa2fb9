"""The way back to an entry, in headless Chromium at desktop and phone width (issue #19 §3): /admin/kb
lists the entries with their scope in words, a search box and pages, each with 修改 and 版本; an unknown
entry's versions are a 404 page; a question staff handed over from 转人工 opens as a filled-in new entry.
The visible text has no Latin letter and the page fits the screen.
Screenshots: var/screenshots/kb-entries-<width>.png, kb-from-inquiry-<width>.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from cases.staff.accounts import create_user
from storage.db import transaction
from storage.models import Inquiry
from storage.types import utcnow
from tests.browser_support import served_app, shot
from tests.handlers.admin.test_kb_maintenance_browser import fits, login
from tests.staff_support import PASSWORD, drafted_inquiry, load_org

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


ASKED = "养蜂补贴有没有"
ANSWERED = "谁能享受：本县养蜂的农户。\n标准：以县里当年公布为准。\n怎么办：向村委会报名。\n找谁：县农业农村局。"


def seed(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    with transaction(sessions) as s:
        create_user(
            s, username="admin2", role="admin", unit_code="6302", display_name="admin2", password=PASSWORD, now=utcnow()
        )
        draft = drafted_inquiry(s, openid="o-kb-bees", village_code="630223106213", question=ASKED)
        s.flush()
        inquiry = s.get(Inquiry, draft.inquiry_id)
        assert inquiry is not None
        inquiry.status, inquiry.answer = "answered", ANSWERED


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_app(tmp_path_factory.mktemp("browser-kb-entries"), seed, kb_poll_s=0.0) as srv:
        yield srv.base


def context_for(browser: Any, width: int) -> Any:
    return browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900}, is_mobile=width < 800)


@pytest.mark.parametrize("width", [1280, 390])
def test_an_entry_is_found_on_the_kb_page_and_opened_to_edit_and_to_its_versions(
    browser: Any, base: str, width: int
) -> None:
    context = context_for(browser, width)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        login(page, base, "admin")
        page.goto(base + "/admin/kb")
        rows = page.locator("#kb-entry-list tbody tr")
        assert rows.count() == 20 and "第 1 / 6 页" in page.inner_text("#kb-pager")
        page.locator("#kb-pager").get_by_text("下一页").click()
        page.wait_for_url(re.compile(r"page=2"))
        assert "第 2 / 6 页" in page.inner_text("#kb-pager")
        page.goto(base + "/admin/kb?page=6")
        assert "互助土族自治县" in page.inner_text("#kb-entry-list")  # a county's entry by the county's name
        page.fill("#kb-find input[name=q]", "吃低保要啥条件")  # words villagers use, from 群众常问的说法
        page.click("#kb-find button")
        row = page.locator("#kb-entry-list tbody tr", has_text="低保谁能吃、咋申请")
        assert "全国" in row.inner_text()
        shown = page.inner_text("main")
        assert not re.search(r"[A-Za-z]", shown), re.findall(r"[A-Za-z]+", shown)
        shot(page, f"kb-entries-{width}")
        assert fits(page)
        row.get_by_text("版本").click()
        page.wait_for_url(re.compile(r"/admin/kb/entries/dibao-apply/versions"))
        assert "低保谁能吃、咋申请" in page.inner_text("h1")
        page.go_back()
        page.locator("#kb-entry-list tbody tr", has_text="低保谁能吃、咋申请").get_by_text("修改").click()
        page.wait_for_url(re.compile(r"/admin/kb/entries/edit\?id=dibao-apply"))
        assert page.input_value("#kb-title") == "低保谁能吃、咋申请"
        assert fits(page)
        answer = page.goto(base + "/admin/kb/entries/nope/versions")
        assert answer is not None and answer.status == 404 and "没有这个条目。" in page.inner_text("main")
        assert fits(page)
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_handed_over_inquiry_opens_as_a_filled_in_new_entry(browser: Any, base: str, width: int) -> None:
    context = context_for(browser, width)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        login(page, base, "admin")
        page.goto(base + "/admin/kb")
        row = page.locator("#kb-drafts tbody tr", has_text=ASKED)
        assert "互助土族自治县" in row.inner_text() and "待写成条目" in row.inner_text()
        assert "下载" not in page.inner_text("main") and "放入知识库文件" not in page.inner_text("main")
        row.get_by_role("link", name="写成条目").click()
        page.wait_for_url(re.compile(r"/admin/kb/entries/new\?draft="))
        assert page.input_value("#kb-title") == ASKED and page.input_value("#kb-questions") == ASKED
        assert page.input_value("#kb-part-3") == "县农业农村局。"
        assert page.locator("select[name=scope] option:checked").inner_text() == "互助土族自治县"
        assert page.locator("#kb-topic-0 option:checked").inner_text() == "请选择"  # no topic guessed: none fits
        shot(page, f"kb-from-inquiry-{width}")
        assert fits(page)
    finally:
        context.close()
