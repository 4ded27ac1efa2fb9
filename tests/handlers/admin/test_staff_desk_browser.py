"""The staff desk in headless Chromium at desktop width and at a phone's 390 px: the case page leads with
the usual next step, says why 办结 is missing while the case is being checked, says what each action
did, and keeps the internal opinion apart; on the phone the queue is a list of cards with the filters
folded and nothing scrolls sideways. Screenshots: var/screenshots/desk-*.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from cases.handling import canned, desk
from storage.db import transaction
from storage.models.staff import StaffUser
from storage.types import utcnow
from tests.browser_support import csp_refusals, served_app, shot
from tests.handlers.admin.test_admin_browser import Site, act, case_id, login
from tests.report_support import NUMBER_RE, file_report
from tests.staff_support import load_org
from tests.webhook_support import Sender

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served_app(tmp_path_factory.mktemp("desk"), load_org) as srv:
        yield Site(srv.engine, srv.base, Sender(TestClient(srv.app), safe=True))


@pytest.fixture(params=list(WIDTHS))
def sized(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[str, Any]]:
    phone = request.param == "phone"
    context = browser.new_context(locale="zh-CN", viewport=WIDTHS[request.param], is_mobile=phone, has_touch=phone)
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    refused = csp_refusals(pg)
    yield request.param, pg
    context.close()
    assert not refused, f"the Content-Security-Policy refused: {refused}"


def no_sideways_scroll(page: Any, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def first_step(page: Any) -> str:
    return str(page.get_attribute("#actions form.step >> nth=0", "id"))


def test_a_case_from_receipt_to_closing_at_desktop_and_phone_width(sized: tuple[str, Any], site: Site) -> None:
    size, page = sized
    v = site.villager(f"o-desk-{size}")
    number = re.search(NUMBER_RE, file_report(v)).group(1)  # type: ignore[union-attr]
    cid = case_id(site, number)
    login(page, site, "jw_huzhu")
    page.goto(f"{site.base}/admin/cases")
    folded = page.locator("details#filters")
    assert folded.evaluate("d => d.open") is (size == "desktop")
    if size == "phone":
        assert page.locator("table.queue thead").evaluate("e => getComputedStyle(e).display") == "none"
        card = page.locator(f"table.queue tr:has(a[href='/admin/cases/{cid}'])")
        assert card.evaluate("e => getComputedStyle(e).display") == "block"
        no_sideways_scroll(page, 390)
        shot(page, "desk-queue-phone")
        page.click("details#filters > summary")
        assert folded.evaluate("d => d.open")
    page.goto(f"{site.base}/admin/cases/{cid}")
    assert first_step(page) == "step-accept" and "下一步" in page.inner_text("#step-accept")
    shot(page, f"desk-case-received-{size}")
    act(page, "accept")
    assert page.inner_text("#done") == f"已受理案件 {number}，群众将收到“已受理”通知。"
    act(page, "start")
    assert page.locator("#step-close").count() == 0
    assert desk.CLOSE_NEEDS_REPLY in page.inner_text("#why-not")
    assert first_step(page) == "step-reply"
    shot(page, f"desk-case-checking-{size}")
    phrase = f"已派人到村里核实（{size}）。"
    with transaction(site.sessions) as s:
        canned.save(
            s,
            county_code="630223",
            reply_id=None,
            category="",
            step="reply",
            text=phrase,
            active=True,
            actor="staff:jw_huzhu",
            now=utcnow(),
        )
    page.reload()
    page.select_option("#canned-reply", phrase)  # admin.js puts it into the reply box
    assert page.input_value("#reply-text") == phrase
    act(page, "reply", text=page.input_value("#reply-text") + "补助将于本月发放。")
    assert page.inner_text("#done").startswith(f"已答复，群众将收到：“{phrase}")
    assert first_step(page) == "step-close"
    act(page, "close", finding="查实", resolution="截留的补助已退还到户。", internal="对村会计立案审查。")
    assert page.inner_text("#done").startswith(f"案件 {number} 已办结")
    timeline = page.inner_text("table.timeline")
    assert "对村会计立案审查。" in timeline and "内部意见（群众看不到）" in timeline
    assert "staff:" not in timeline and "villager" not in timeline
    if size == "phone":
        no_sideways_scroll(page, 390)
        widths = page.eval_on_selector_all("main .grid > .card", "els => els.map(e => e.getBoundingClientRect().width)")
        assert widths and all(w > 300 for w in widths)  # the cards stack, one per row
    shot(page, f"desk-case-closed-{size}")
    page.goto(f"{site.base}/admin/audit")
    log = page.inner_text("table")
    assert "view_case" not in log and "查看案件" in log and number in log
    if size == "phone":
        no_sideways_scroll(page, 390)
    shot(page, f"desk-audit-{size}")


def add_staff(site: Site, username: str, role: str, unit: str) -> None:
    with transaction(site.sessions) as s:
        digest = s.scalars(select(StaffUser.password_hash).where(StaffUser.username == "jw_huzhu")).one()
        s.add(
            StaffUser(
                username=username,
                display_name=username,
                password_hash=digest,
                role=role,
                unit_code=unit,
                active=True,
                failed_logins=0,
                session_epoch=0,
                created_at=utcnow(),
            )
        )


def post_form(page: Any, action: str, **fields: str) -> str:
    act(page, action, **fields)
    return str(page.inner_text("#done"))


def test_return_reroute_ask_the_villager_joint_opinions_close_and_dissatisfaction_on_a_phone(
    browser: Any, site: Site
) -> None:
    context = browser.new_context(locale="zh-CN", viewport=WIDTHS["phone"], is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    refused = csp_refusals(page)
    add_staff(site, "sj_huzhu_b", "department", "630223:sj")
    v = site.villager("o-desk-journey")
    number = re.search(NUMBER_RE, file_report(v)).group(1)  # type: ignore[union-attr]
    cid = case_id(site, number)
    login(page, site, "jw_huzhu")
    page.goto(f"{site.base}/admin/cases/{cid}")
    assert "已转办给" in post_form(page, "transfer", to_unit="630223:nync", reason="先请农业农村局核实")
    login(page, site, "nync_huzhu")
    page.goto(f"{site.base}/admin/cases/{cid}")
    assert "已退回" in post_form(page, "return_case", reason="危房改造补助归住建局和财政局管理")
    login(page, site, "jw_huzhu")
    page.goto(f"{site.base}/admin/cases/{cid}")
    assert first_step(page) == "step-rule_return"
    assert "改派" in post_form(
        page, "rule_return", decision="reroute", to_unit="630223:jw", reason="由县纪委监委直接办理"
    )
    assert post_form(page, "accept").startswith("已受理")
    assert "转给群众" in post_form(page, "ask_reporter", question="请问是哪个社、哪一户？")
    v.say("三社王家，补助还没到")
    v.say("好了")
    assert "收齐后才能办结" in post_form(page, "ask_opinions")
    for who in ("cz_huzhu", "sj_huzhu_b"):
        login(page, site, who)
        page.goto(f"{site.base}/admin/cases/{cid}")
        assert "已提交" in post_form(page, "give_opinion", text=f"{who} 的会办意见：情况属实")
    login(page, site, "jw_huzhu")
    page.goto(f"{site.base}/admin/cases/{cid}")
    assert "尚未提交" not in page.inner_text("#opinions")
    post_form(page, "reply", text="已核实，补助将于本月补发。")
    post_form(page, "close", finding="查实", resolution="补助已补发到户。", internal="对村会计诫勉谈话。")
    timeline = page.inner_text("table.timeline")
    for step in ("转办", "退回", "处理退回", "询问群众", "群众补充材料", "征求会办意见", "会办意见", "内部意见"):
        assert step in timeline, step
    assert "三社王家，补助还没到" in page.inner_text("main")
    no_sideways_scroll(page, 390)
    shot(page, "desk-journey-phone")
    v.say("4")  # 不满意 on the five levels
    v.say("补助只发了一半")
    page.goto(f"{site.base}/admin/supervision")
    redo = page.inner_text("#redo")
    assert number in redo and "补助只发了一半" in redo
    no_sideways_scroll(page, 390)
    shot(page, "desk-supervision-phone")
    page.goto(f"{site.base}/admin/audit")
    log = page.inner_text("table")
    assert "退回" in log and "处理退回" in log and "询问群众" in log and "staff:" not in log
    context.close()
    assert not refused, f"the Content-Security-Policy refused: {refused}"
