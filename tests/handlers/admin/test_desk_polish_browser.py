"""What a new user walking the staff desk in Chromium found, at a 1280 x 800 desktop and a 390 x 844 phone:
every column of the statistics fits a desktop; a case's place reads by name (county, town, village) and no
12-digit code shows; a queue card shows the deadline that is due next, in words; the history neither
repeats a rating level nor runs Chinese into Latin; the dev phone's quick buttons wrap, 5 我家补贴 among
them. Screenshots: var/screenshots/polish-*.png. The words themselves: test_desk_words.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bot.menu import MAIN_MENU
from tests.browser_support import csp_refusals, served_app, shot
from tests.handlers.admin.test_admin_browser import Site, act, case_id, login
from tests.report_support import NUMBER_RE, file_report
from tests.staff_support import load_org
from tests.webhook_support import Sender

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
CODE = re.compile(r"(?<![\d-])\d{12}(?![\d-])")  # a village's code; a case number (630223-2026-000001) is not one


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served_app(tmp_path_factory.mktemp("polish"), load_org) as srv:
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


def page_width(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


def test_every_statistics_column_fits_a_desktop_and_a_phone_scrolls_only_the_table(
    sized: tuple[str, Any], site: Site
) -> None:
    size, page = sized
    file_report(site.villager(f"o-polish-stats-{size}"))
    login(page, site, "jw_huzhu")
    page.goto(site.base + "/admin/stats")
    boxes = page.eval_on_selector_all(
        "div.scroll:has(table.stats)",
        """els => els.map(box => {
            const right = box.getBoundingClientRect().right;
            const cut = [...box.querySelectorAll('th, td')]
                .filter(c => c.getBoundingClientRect().right > right + 0.5).map(c => c.innerText);
            return {client: box.clientWidth, scroll: box.scrollWidth, cut: cut,
                    heads: [...box.querySelectorAll('th')].map(th => th.innerText.replace(/\\s/g, ''))};
        })""",
    )
    assert len(boxes) == 3  # 按县, 按办理单位, 合计
    for box in boxes:
        assert "平均首次答复（天）" in box["heads"] and "平均办结（天）" in box["heads"]  # whole, only wrapped
        if size == "desktop":
            assert box["scroll"] <= box["client"], box
            assert box["cut"] == [], f"cut off at 1280: {box['cut']}"
        else:
            assert box["scroll"] > box["client"]  # the phone scrolls the table sideways, inside its box
    assert page_width(page) <= WIDTHS[size]["width"]  # never the page
    if size == "desktop":  # a header wraps between its words, never inside one (收 / 到)
        lines = page.eval_on_selector_all(
            "table.stats th", "ths => ths.map(th => [th.innerText, th.getClientRects().length])"
        )
        two_chars = [text for text, _ in lines if len(text.strip()) == 2]
        assert two_chars and all("\n" not in text for text in two_chars)
    shot(page, f"polish-stats-{size}")


def test_the_queue_and_the_case_show_the_place_by_name_and_the_deadline_due_next(
    sized: tuple[str, Any], site: Site
) -> None:
    size, page = sized
    v = site.villager(f"o-polish-queue-{size}")
    number = re.search(NUMBER_RE, file_report(v)).group(1)  # type: ignore[union-attr]
    cid = case_id(site, number)
    login(page, site, "jw_huzhu")
    page.goto(f"{site.base}/admin/cases")
    card = page.locator(f"table.queue tr:has(a[href='/admin/cases/{cid}'])")
    assert "互助土族自治县 五十镇 土观村委会" in card.inner_text()
    assert card.locator("td.due").inner_text().startswith("首次答复期限 ")  # before the first answer
    assert not CODE.search(page.inner_text("main"))
    shot(page, f"polish-queue-{size}")
    page.goto(f"{site.base}/admin/cases/{cid}")
    assert page.inner_text("#place") == "互助土族自治县 五十镇 土观村委会"
    assert not CODE.search(page.inner_text("main"))
    act(page, "accept")
    page.goto(f"{site.base}/admin/cases")
    due = page.locator(f"table.queue tr:has(a[href='/admin/cases/{cid}']) td.due").inner_text()
    assert due.startswith("办结期限 ") and "首次答复" not in due  # met: the closing deadline is next
    page.goto(f"{site.base}/admin/supervision")
    assert not CODE.search(page.inner_text("main"))
    if size == "phone":
        assert page_width(page) <= 390


def test_the_history_after_a_dissatisfied_rating_says_it_once(page: Any, site: Site) -> None:
    v = site.villager("o-polish-rating")
    number = re.search(NUMBER_RE, file_report(v)).group(1)  # type: ignore[union-attr]
    cid = case_id(site, number)
    login(page, site, "jw_huzhu")
    page.goto(f"{site.base}/admin/cases/{cid}")
    act(page, "accept")
    act(page, "reply", text="经核查，补助已发放到户。")
    act(page, "close", finding="不实", resolution="补助已按时发放。")
    answer = v.say("4")  # 不满意
    if "原因" in answer or "为什么" in answer:
        v.say("钱还是没收到")
    page.goto(f"{site.base}/admin/cases/{cid}")
    history = page.inner_text("table.timeline")
    assert "群众不满意" in history and "不满意（不满意）" not in history
    assert "通过微信对话提交" in history and "chat" not in history


@pytest.mark.parametrize("size", list(WIDTHS))
def test_the_dev_phone_quick_buttons_wrap_and_offer_every_menu_item(size: str, browser: Any, site: Site) -> None:
    phone = size == "phone"
    context = browser.new_context(locale="zh-CN", viewport=WIDTHS[size], is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        page.goto(site.base + "/dev/phone")
        row = page.locator("#quick")
        labels = [t.strip() for t in row.locator("button").all_inner_texts()]
        for number, label in MAIN_MENU:
            assert f"{number} {label}" in labels
        assert "5 我家补贴" in labels  # the README's tour uses it
        outside = row.evaluate(
            """nav => { const box = nav.getBoundingClientRect();
                return [...nav.querySelectorAll('button')].filter(b => {
                    const r = b.getBoundingClientRect();
                    return r.left < box.left - 0.5 || r.right > box.right + 0.5; }).map(b => b.innerText); }"""
        )
        assert outside == [], f"cut off at {size}: {outside}"
        assert row.evaluate("nav => nav.scrollWidth <= nav.clientWidth")
        assert page_width(page) <= WIDTHS[size]["width"]
        shot(page, f"polish-devphone-{size}")
    finally:
        context.close()
