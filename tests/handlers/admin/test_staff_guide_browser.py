"""What the staff guide (docs/staff-guide/county.md) tells a county 纪委监委 clerk, tried in headless Chromium
at desktop width and at a phone's 390 px: a returned case puts 处理退回 first with the buttons the guide
names, and a real-name reporter's identity is shown only after a second person of the commission approves,
never to the department. Screenshots for the guide: var/screenshots/guide-*.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.browser_support import csp_refusals, served_app, shot
from tests.handlers.admin.test_admin_browser import Site, case_id, login
from tests.handlers.admin.test_staff_desk_browser import WIDTHS, add_staff, first_step, no_sideways_scroll, post_form
from tests.report_support import NUMBER_RE, file_report
from tests.staff_support import load_org
from tests.webhook_support import Sender

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]
NAME, PHONE = "王五", "13900002222"  # the synthetic real-name reporter of tests/report_support.py


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served_app(tmp_path_factory.mktemp("guide"), load_org) as srv:
        site = Site(srv.engine, srv.base, Sender(TestClient(srv.app), safe=True))
        add_staff(site, "jw_huzhu_b", "county_discipline", "630223:jw")
        yield site


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


def test_a_return_ruled_and_an_identity_shown_only_after_a_second_approval(sized: tuple[str, Any], site: Site) -> None:
    size, page = sized
    width = WIDTHS[size]["width"]
    v = site.villager(f"o-guide-{size}")
    number = re.search(NUMBER_RE, file_report(v, anonymous=False)).group(1)  # type: ignore[union-attr]
    cid = case_id(site, number)
    url = f"{site.base}/admin/cases/{cid}"

    login(page, site, "jw_huzhu")
    page.goto(url)
    assert "已转办给" in post_form(page, "transfer", to_unit="630223:nync", reason="先请农业农村局核实")
    login(page, site, "nync_huzhu")
    page.goto(url)
    assert page.locator("#reveal").count() == 0  # a department never sees the way to the identity
    assert "已退回" in post_form(page, "return_case", reason="危房改造补助归住建局和财政局管理")

    login(page, site, "jw_huzhu")
    page.goto(url)
    assert first_step(page) == "step-rule_return"
    ruling = page.locator("#step-rule_return")
    assert "下一步" in ruling.inner_text() and "退回了此案" in ruling.inner_text()
    assert ruling.locator("button").inner_text() == "提交处理"
    options = ruling.locator("#return-decision option").all_inner_texts()
    assert options == ["改派给其他单位", "不同意退回，由原单位办理"]
    no_sideways_scroll(page, width)
    shot(page, f"guide-return-rule-{size}")
    assert "改派" in post_form(
        page, "rule_return", decision="reroute", to_unit="630223:jw", reason="由县纪委监委直接办理"
    )

    page.fill("#reveal-reason", "核实举报人反映的情况")
    page.click("#reveal button[type=submit]")
    page.wait_for_load_state()
    assert "须由另一位纪委监委工作人员审批" in page.inner_text("#done")
    assert NAME not in page.inner_text("main") and PHONE not in page.inner_text("main")
    assert page.locator("#reveal-decision").count() == 0  # nobody approves their own request

    login(page, site, "jw_huzhu_b")
    page.goto(url)
    reveal = page.locator("#reveal")
    assert "等待审批" in reveal.inner_text() and "核实举报人反映的情况" in reveal.inner_text()
    assert reveal.locator("#reveal-decision option").all_inner_texts() == ["批准", "不批准"]
    assert reveal.locator("button").inner_text() == "提交审批（记入审计）"
    assert NAME not in page.inner_text("main") and PHONE not in page.inner_text("main")
    no_sideways_scroll(page, width)
    shot(page, f"guide-reveal-approve-{size}")
    page.select_option("#reveal-decision", "approve")
    page.click("#reveal button[type=submit]")
    page.wait_for_load_state()
    assert "已批准查看身份的申请" in page.inner_text("#done")
    assert NAME not in page.inner_text("main")  # the approver does not see it either

    login(page, site, "jw_huzhu")
    page.goto(url)
    assert page.locator("#reveal button").inner_text() == "查看身份（记入审计）"
    assert NAME not in page.inner_text("main")
    page.click("#reveal button[type=submit]")
    page.wait_for_load_state()
    assert NAME in page.inner_text("main") and PHONE in page.inner_text("main")
