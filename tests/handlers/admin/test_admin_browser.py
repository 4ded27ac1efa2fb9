"""Browser journeys in headless Chromium (Playwright): a staff member works cases from the villager's
chat to the rating. In CI (CI=true) a browser suite that cannot run fails instead of skipping."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from cases import lifecycle
from config.privacy import user_key
from handlers.jobs.staff_jobs import mark_overdue
from handlers.jobs.worker import JobContext
from handlers.runtime import Runtime
from storage.db import make_sessionmaker
from storage.models import OutboxMessage
from storage.models.cases import Case
from storage.models.staff import CaseRouting, StaffNotice
from storage.repos import outbox
from storage.types import utcnow
from tests.browser_support import served_app, shot
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import NUMBER_RE, Villager, file_report
from tests.staff_support import PASSWORD, load_org
from tests.webhook_support import Sender, settings_for_tests

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


class Site:
    def __init__(self, engine: Engine, base: str, sender: Sender) -> None:
        self.engine, self.base, self.sender = engine, base, sender
        self.sessions = make_sessionmaker(engine)

    def villager(self, openid: str) -> Villager:
        v = Villager(self.sender, openid)
        v.scan(VILLAGE)
        return v


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served_app(tmp_path_factory.mktemp("browser"), load_org) as srv:
        yield Site(srv.engine, srv.base, Sender(TestClient(srv.app), safe=True))


def login(page: Any, site: Site, username: str) -> None:
    page.context.clear_cookies()
    page.goto(site.base + "/admin/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/(cases|units)"))


def case_id(site: Site, number: str) -> int:
    with site.sessions() as s:
        return int(s.scalars(select(Case.id).where(Case.number == number)).one())


def act(page: Any, action: str, **fields: str) -> None:
    form = page.locator(f"form:has(input[name=action][value={action}])")
    for name, value in fields.items():
        el = form.locator(f"[name={name}]")
        if el.evaluate("e => e.tagName") == "SELECT":
            el.select_option(value)
        else:
            el.fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def test_login_and_the_csrf_refusal(page: Any, site: Site) -> None:
    page.goto(site.base + "/admin/cases")
    assert "工作人员登录" in page.content()
    page.fill("#username", "jw_huzhu")
    page.fill("#password", "not-the-password")
    page.click("button[type=submit]")
    assert "用户名或密码不正确" in page.inner_text("main")
    login(page, site, "jw_huzhu")
    assert "案件队列" in page.inner_text("h1")
    v = site.villager("o-browser-csrf")
    number = re.search(NUMBER_RE, file_report(v)).group(1)  # type: ignore[union-attr]
    page.goto(f"{site.base}/admin/cases/{case_id(site, number)}")
    page.eval_on_selector_all("input[name=csrf]", "els => els.forEach(e => e.value = 'forged')")
    act(page, "accept")
    assert "安全校验失败" in page.inner_text("main")
    with site.sessions() as s:
        assert s.get(Case, case_id(site, number)).status == lifecycle.ROUTED  # type: ignore[union-attr]


def test_chat_case_routed_by_rule_accept_reply_close_and_the_villager_is_asked_to_rate(page: Any, site: Site) -> None:
    v = site.villager("o-browser-1")
    final = file_report(v, text="村会计把我家的危房改造补助扣了 3000 元")
    number = re.search(NUMBER_RE, final).group(1)  # type: ignore[union-attr]
    cid = case_id(site, number)
    login(page, site, "jw_huzhu")
    page.goto(site.base + "/admin/cases")
    page.click(f"text={number}")
    body = page.inner_text("main")
    assert "扶贫资金问题：纪委监委牵头，财政局、审计局协办" in body
    assert "回避" in body and "财政局" in body and "实名举报人" not in body  # anonymous
    act(page, "accept")
    assert "已受理" in page.inner_text("h1")
    act(page, "reply", text="经核查，村会计扣留补助属实，已责令退还。")
    act(page, "close", finding="查实", resolution="已退还 3000 元，对村会计立案审查。")
    assert "已办结" in page.inner_text("h1")
    shot(page, "case-closed")
    with site.sessions() as s:
        texts = [
            outbox.text_of(m) or ""
            for m in s.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.user_key == user_key("o-browser-1"))
                .order_by(OutboxMessage.id)
            )
        ]
    assert any("已受理" in t for t in texts)
    assert any("经核查，村会计扣留补助属实" in t for t in texts)
    assert any("已办结" in t and "请回复数字评价" in t for t in texts)
    assert "感谢您的评价（满意）" in v.say("2")
    page.reload()
    assert "满意" in page.inner_text("main")
    with site.sessions() as s:
        assert s.get(Case, cid).rating == 2  # type: ignore[union-attr]
    page.goto(site.base + "/admin/stats")
    body = page.inner_text("main")
    assert "按县" in body and "互助土族自治县" in body and "查实" in body and "乐都区" not in body
    assert page.locator("svg.bar").count() >= 3
    shot(page, "admin-stats")


def test_conflict_of_interest_case_never_reaches_the_town_and_transfer_needs_a_reason(page: Any, site: Site) -> None:
    v = site.villager("o-browser-2")
    final = file_report(v, category="7", text="镇长把村里的路灯款拿去修了自家门口的路")
    number = re.search(NUMBER_RE, final).group(1)  # type: ignore[union-attr]
    cid = case_id(site, number)
    login(page, site, "jw_huzhu")
    page.goto(f"{site.base}/admin/cases/{cid}")
    body = page.inner_text("main")
    assert "回避案件" in body and "镇长" in body and "提级由互助土族自治县纪委监委办理" in body
    act(page, "transfer", to_unit="630223:cz")
    assert "请填写转办理由" in page.inner_text(".error")
    shot(page, "transfer-error")
    act(page, "transfer", to_unit="630223:cz", reason="涉及路灯专项资金，由财政局核查")
    body = page.inner_text("main")
    assert "已转办" in page.inner_text("h1") and "由财政局核查" in body
    with site.sessions() as s:
        assert s.get(Case, cid).route_unit == "630223:cz"  # type: ignore[union-attr]


def test_overdue_case_gets_du_ban_on_the_supervision_list_and_other_county_sees_404(page: Any, site: Site) -> None:
    v = site.villager("o-browser-3")
    number = re.search(NUMBER_RE, file_report(v, text="村干部收了低保户的钱才给办手续")).group(1)  # type: ignore[union-attr]
    cid = case_id(site, number)
    runtime = Runtime.from_settings(settings_for_tests(identity_key=KEYS.current), engine=site.engine)
    mark_overdue(JobContext(runtime=runtime, api=None, now=utcnow() + timedelta(days=61)))  # type: ignore[arg-type]
    with site.sessions() as s:
        assert s.get(CaseRouting, cid).overdue_at is not None  # type: ignore[union-attr]
        assert s.scalars(select(StaffNotice).where(StaffNotice.case_id == cid)).all()
    login(page, site, "jw_huzhu")
    page.goto(site.base + "/admin/supervision")
    assert number in page.inner_text("main")
    page.goto(f"{site.base}/admin/cases/{cid}")
    assert "督办" in page.inner_text("main")
    shot(page, "supervision-case")
    login(page, site, "jw_ledu")
    response = page.goto(f"{site.base}/admin/cases/{cid}")
    assert response is not None and response.status == 404
    assert "无权查看" in page.inner_text("main")
    page.goto(site.base + "/admin/cases")
    assert number not in page.inner_text("main")
