"""Issue #19's maintainers' journey in headless Chromium, at desktop and phone width: a question the
chat refused appears on the page of unanswered questions, an administrator answers it with a new entry
written in the browser (the form refuses what kb check refuses), a second administrator approves it,
it goes live through the reload, and the same question in the chat then gets that answer.
Screenshots: var/screenshots/kb-gaps-<width>.png, kb-edit-<width>.png, kb-review-<width>.png,
kb-drafts-<width>.png (the drafts table on /admin/kb)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from cases.staff.accounts import create_user
from storage.db import transaction
from storage.types import utcnow
from tests.browser_support import served_app, shot
from tests.staff_support import PASSWORD, drafted_inquiry, load_org
from tests.webhook_support import Sender, event_xml, text_xml

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

WIDTHS = {1280: {"width": 1280, "height": 900}, 375: {"width": 375, "height": 740}}
# (the question, and the animal and paper of the entry answering it): two entries far apart
QUESTIONS = {1280: ("给牦牛办户口咋弄", "牦牛", "户口"), 375: ("养的狗要不要办狗证", "狗", "狗证")}
# The form's words a reader sees: everything but what is typed into its fields.
SHOWN = """() => { const m = document.querySelector("main").cloneNode(true);
  m.querySelectorAll("textarea, input").forEach((e) => e.remove()); return m.textContent; }"""
DRAFTED = "俺家娃考上了职业学校，雨露计划的钱啥时候发，要到哪里去交材料，村里说不清楚"


def seed(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    with transaction(sessions) as s:
        create_user(
            s, username="admin2", role="admin", unit_code="6302", display_name="admin2", password=PASSWORD, now=utcnow()
        )
        drafted_inquiry(s, openid="o-kb-drafted", village_code="630223106213", question=DRAFTED)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Sender]]:
    with served_app(tmp_path_factory.mktemp("browser-kb"), seed, kb_poll_s=0.0) as srv:
        yield srv.base, Sender(TestClient(srv.app), safe=True)


def ask(sender: Sender, openid: str, question: str) -> str:
    sender.reply_text(event_xml(openid, "subscribe", "qrscene_630223106213"))
    sender.reply_text(text_xml(openid, "菜单"))
    return sender.reply_text(text_xml(openid, question))


def login(page: Any, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(base + "/admin/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/(cases|units)"))


def fits(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth - window.innerWidth <= 0"))


@pytest.mark.parametrize("width", [1280, 390])
def test_the_drafts_table_names_county_and_person_and_fits(browser: Any, site: tuple[str, Sender], width: int) -> None:
    base, _ = site
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900}, is_mobile=width < 800)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        login(page, base, "admin")
        page.goto(base + "/admin/kb")
        row = page.locator("#kb-drafts tbody tr", has_text="雨露计划").inner_text()
        assert "互助土族自治县" in row and "李明（互助土族自治县纪委监委）" in row and DRAFTED[:40] in row
        assert "630223" not in row and "kb_drafter" not in row and ".yaml" not in row
        shot(page, f"kb-drafts-{width}")
        assert fits(page)
    finally:
        context.close()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_a_refused_question_is_answered_from_the_browser(browser: Any, site: tuple[str, Sender], width: int) -> None:
    base, sender = site
    question, animal, paper = QUESTIONS[width]
    assert "回答不了" in ask(sender, f"o-kb-{width}", question)
    context = browser.new_context(locale="zh-CN", viewport=WIDTHS[width], is_mobile=width < 800)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        login(page, base, "admin")
        page.goto(base + "/admin/kb")
        page.click("text=群众问了却没答上的问题")
        row = page.locator("tr.gap", has_text=question)
        assert "还没有答案" in row.inner_text()
        shot(page, f"kb-gaps-{width}")
        assert fits(page)
        row.locator("text=写新条目").click()
        page.wait_for_url(re.compile(r"/admin/kb/entries/new"))
        assert question in page.input_value("#kb-questions")
        words = page.evaluate(SHOWN)
        assert "群众常问的说法" in words and "依据文件" in words and "最后审核日期" in words
        assert not re.search(r"[A-Za-z]{2,}|\w+:\s", words), re.findall(r"[A-Za-z]{2,}", words)
        title = f"{animal}能不能办{paper}"
        page.fill("#kb-title", title)
        page.select_option("#kb-topic-0", label="政策性农业保险")
        more = [f"{animal}能上{paper}不", f"给{animal}办{paper}咋办", f"{animal}要不要登记耳标", f"{animal}打耳标找谁"]
        page.fill("#kb-questions", "\n".join([question, *more]))
        for i, text in enumerate(
            [
                f"养{animal}的农牧户。",
                f"{animal}不办{paper}，但要按规定打耳标、建养殖档案，投保养殖保险时按耳标核对。",
                f"到乡镇畜牧兽医站给{animal}打耳标、登记。",
                "乡镇畜牧兽医站、县农业农村局。",
            ]
        ):
            page.fill(f"#kb-part-{i}", text)
        page.click("#kb-submit")
        said = page.inner_text(".error")
        assert "没有保存" in said and "缺少“依据文件”" in said and not re.search(r"[A-Za-z]{2,}", said), said
        assert (
            page.input_value("#kb-title") == title
            and page.input_value("#kb-part-3") == "乡镇畜牧兽医站、县农业农村局。"
        )
        page.fill("#kb-source-0-name", "《畜禽标识和养殖档案管理办法》")
        page.fill("#kb-source-0-issuer", "农业部")
        page.fill("#kb-source-0-number", "农业部令第67号")
        page.fill("#kb-source-0-date", "2006-06-26")
        page.fill("#kb-source-0-checked", "测试数据")
        page.select_option("#kb-source-0-verified", label="未核实")
        page.fill("#kb-note", "群众问牲畜户口")
        shot(page, f"kb-edit-{width}")
        assert fits(page)
        page.click("#kb-submit")
        page.wait_for_url(re.compile(r"/admin/kb/reviews\?submitted="))
        assert "请另一位管理员审核" in page.inner_text("main")
        login(page, base, "admin2")
        page.goto(base + "/admin/kb/reviews")
        card = page.locator(".review", has_text=f"{animal}能不能办{paper}")
        assert re.fullmatch(r"[^A-Za-z]+", card.locator("h2").inner_text())  # named by its title, never its id
        shot(page, f"kb-review-{width}")
        assert fits(page)
        card.locator("text=审核通过并生效").click()
        page.wait_for_url(re.compile(r"/admin/kb/reviews\?approved="))
        assert "已生效" in page.inner_text("main")
        reply = ""
        deadline = time.monotonic() + 20
        while "依据：" not in reply and time.monotonic() < deadline:
            time.sleep(0.2)
            reply = ask(sender, f"o-kb-{width}-after", question)
        assert title in reply
        page.goto(base + "/admin/kb/gaps")
        assert f"已覆盖：{title}" in page.locator("tr.gap", has_text=question).inner_text()
    finally:
        context.close()
