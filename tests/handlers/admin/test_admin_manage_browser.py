"""Browser journeys in headless Chromium for issue 5's remaining pages: a county's staff member answers
a 转人工 inquiry and drafts a knowledge-base entry from it; the administrator adds next year's holidays
and asks for a staff account, which the county's discipline commission confirms. Screenshots:
var/screenshots/admin-inquiry.png, admin-holidays.png, admin-users.png, admin-account-requests.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases import workdays
from config.privacy import user_key
from storage.db import transaction
from storage.models import Inquiry, OutboxMessage
from storage.models.kb import KbDraft
from storage.models.staff import StaffUser
from storage.repos import inquiries, outbox
from storage.types import utcnow
from tests.browser_support import served_app, shot
from tests.cases_support import VILLAGE
from tests.staff_support import PASSWORD, load_org

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


class Site:
    def __init__(
        self, engine: Engine, base: str, sessions: sessionmaker[Session], calendar: workdays.WorkCalendar
    ) -> None:
        self.engine, self.base, self.sessions, self.calendar = engine, base, sessions, calendar


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served_app(tmp_path_factory.mktemp("browser-manage"), load_org) as srv:
        yield Site(srv.engine, srv.base, srv.runtime.sessions, srv.runtime.calendar)


def login(page: Any, site: Site, username: str, password: str = PASSWORD) -> None:
    page.context.clear_cookies()
    page.goto(site.base + "/admin/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/(cases|units)"))


def test_staff_answer_an_inquiry_and_draft_a_knowledge_base_entry(page: Any, site: Site) -> None:
    question = "俺村的光伏收益咋分的，去年分了没有"
    with transaction(site.sessions) as s:
        inquiry_id = inquiries.record(
            s,
            openid="o-browser-asker",
            village_code=VILLAGE,
            question=question,
            candidates={"entries": ["photovoltaic-income"]},
            now=utcnow(),
        ).id
    login(page, site, "jw_huzhu")
    page.click("text=转人工咨询")
    assert question in page.inner_text("main")
    page.click(f"a[href='/admin/inquiries/{inquiry_id}']")
    answer = (
        "村级光伏电站收益归村集体，用于公益岗位和小型公益事业，分配方案要在村里公示。去年的分配情况请到村委会查看公示。"
    )
    page.fill("#answer", answer)
    page.click("text=发送答复")
    page.wait_for_load_state()
    body = page.inner_text("main")
    # How the answer goes live is told in words: handed over, written in the form, reviewed (no file, no command).
    assert answer in body and "已通过公众号发给群众" in body and "审核通过才生效" in body and "kb reload" not in body
    page.click("button:has-text('交给知识库管理员')")
    page.wait_for_load_state()
    assert page.locator("a[href$='.yaml']").count() == 0  # nothing to download
    shown = page.inner_text("main")
    assert "已交给知识库管理员" in shown and "下载" not in shown and "YAML" not in shown
    assert f"inquiry-{inquiry_id}" not in shown
    shot(page, "admin-inquiry")
    with site.sessions() as s:
        row = s.get(Inquiry, inquiry_id)
        assert row is not None and row.status == "answered" and row.answered_by == "staff:jw_huzhu"
        told = s.scalars(select(OutboxMessage).where(OutboxMessage.user_key == user_key("o-browser-asker"))).one()
        assert answer in (outbox.text_of(told) or "")
        assert s.scalars(select(KbDraft).where(KbDraft.inquiry_id == inquiry_id)).one().county_code == "630223"


def test_administrator_adds_next_years_holidays_and_a_staff_account(page: Any, site: Site) -> None:
    login(page, site, "admin")
    page.click("text=节假日")
    assert "国办发明电〔2024〕12号" in page.inner_text("main")
    page.fill("#h-year", "2027")
    page.fill("#h-notice", "国务院办公厅关于2027年部分节假日安排的通知")
    page.fill("#h-issued", "2026-11-05")
    page.fill("#h-source", "测试数据（不是真实通知）")
    page.fill("#h-holidays", "2027-01-01 元旦\n2027-10-01 2027-10-07 国庆节")
    page.fill("#h-workdays", "2027-10-09")
    page.click("text=保存")
    page.wait_for_load_state()
    assert "已保存 2027 年" in page.inner_text("main")
    assert not site.calendar.is_working_day(date(2027, 10, 4)) and site.calendar.is_working_day(date(2027, 10, 9))
    shot(page, "admin-holidays")
    page.click("nav >> text=用户")
    page.fill("#new-username", "zj_huzhu")
    page.select_option("#new-role", "department")
    page.select_option("#new-unit", "630223:zj")  # the page shows the unit by its name
    page.fill("#new-password", "browser-pass-1")
    page.click("text=创建")
    page.wait_for_load_state()
    # A department account can read cases: it waits for the county's discipline commission.
    assert "须由纪委监委确认" in page.inner_text("main") and "zj_huzhu" in page.inner_text("#pending-requests")
    shot(page, "admin-users")
    with site.sessions() as s:
        assert s.scalars(select(StaffUser).where(StaffUser.username == "zj_huzhu")).one_or_none() is None
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, site, "jw_huzhu")
    page.click("nav >> text=账号确认")
    row = page.locator("#account-requests tr", has_text="zj_huzhu")
    assert "县直部门" in row.inner_text()
    shot(page, "admin-account-requests")
    row.locator("button", has_text="确认").click()
    page.wait_for_load_state()
    assert "已确认" in page.inner_text("main") and "zj_huzhu" not in page.inner_text("main")
    page.click("nav >> text=审计日志")
    assert "确认新建账号" in page.inner_text("main")
    with site.sessions() as s:
        assert s.scalars(select(StaffUser).where(StaffUser.username == "zj_huzhu")).one().role == "department"
    # the new account first sets a password of its own (修改密码), then reaches the queue
    page.context.clear_cookies()
    page.goto(site.base + "/admin/login")
    page.fill("#username", "zj_huzhu")
    page.fill("#password", "browser-pass-1")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/password$"))
    page.fill("#password", "my-own-choice-42")
    page.fill("#password_again", "my-own-choice-42")
    page.click("form[action='/admin/password'] button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/cases$"))
    assert "案件队列" in page.inner_text("h1")


@pytest.mark.parametrize("width", [1280, 375])
def test_the_administrator_sees_failing_deliveries_and_retries_them(browser: Any, site: Site, width: int) -> None:
    with transaction(site.sessions) as s:
        row = outbox.enqueue(
            s, key=f"ops-browser-{width}", kind="kefu_text", payload={"text": "已受理"}, now=utcnow(), openid="o-ops"
        )
        outbox.mark_failed(s, row=row, now=utcnow(), error="WeChat error 40001: invalid credential", permanent=True)
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        login(page, site, "admin")
        page.click("text=运行状态")
        page.wait_for_url(re.compile(r"/admin/ops$"))
        main = page.inner_text("main")
        assert "AppSecret" in main and "回复群众的消息" in main and "o-ops" not in main
        shot(page, f"admin-ops-{width}")
        page.click("text=全部重试")
        page.wait_for_url(re.compile(r"/admin/ops\?done="))
        assert "已重新排队" in page.inner_text("main")
        # The page fits the phone: only the tables scroll sideways, inside their own box.
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    finally:
        context.close()
    with transaction(site.sessions) as s:
        assert (
            s.scalars(select(OutboxMessage.status).where(OutboxMessage.key == f"ops-browser-{width}")).one()
            == "pending"
        )


def test_the_users_page_fits_a_phone(browser: Any, site: Site) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        login(page, site, "admin")
        page.goto(site.base + "/admin/users")
        # On a phone each account is a card whose fields carry their own labels.
        first = page.locator("table.cards tbody tr").first
        assert first.locator("td[data-label=用户名]").evaluate("e => getComputedStyle(e).display") == "block"
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        shot(page, "admin-users-390")
    finally:
        context.close()
