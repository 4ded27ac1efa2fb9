"""撤回会办 on a phone (390 px): the lead unit asks 财政局 and 审计局 for opinions, 财政局 answers, the lead
withdraws the request to 审计局 with a reason; the page marks it withdrawn and offers 办结 first."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.browser_support import csp_refusals, served_app, shot
from tests.handlers.admin.test_admin_browser import Site, case_id, login
from tests.handlers.admin.test_staff_desk_browser import WIDTHS, first_step, no_sideways_scroll, post_form
from tests.report_support import NUMBER_RE, file_report
from tests.staff_support import load_org
from tests.webhook_support import Sender

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served_app(tmp_path_factory.mktemp("withdraw"), load_org) as srv:
        yield Site(srv.engine, srv.base, Sender(TestClient(srv.app), safe=True))


def test_the_lead_unit_withdraws_a_missing_opinion_on_a_phone(browser: Any, site: Site) -> None:
    context = browser.new_context(locale="zh-CN", viewport=WIDTHS["phone"], is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    refused = csp_refusals(page)
    v = site.villager("o-withdraw")
    number = re.search(NUMBER_RE, file_report(v)).group(1)  # type: ignore[union-attr]
    cid = case_id(site, number)
    login(page, site, "jw_huzhu")
    page.goto(f"{site.base}/admin/cases/{cid}")
    assert post_form(page, "accept").startswith("已受理")
    assert "收齐后才能办结" in post_form(page, "ask_opinions")
    login(page, site, "cz_huzhu")
    page.goto(f"{site.base}/admin/cases/{cid}")
    assert "已提交" in post_form(page, "give_opinion", text="资金已按规定拨付到村。")
    login(page, site, "jw_huzhu")
    page.goto(f"{site.base}/admin/cases/{cid}")
    form = page.locator("#step-withdraw_opinion")
    assert form.is_visible() and form.locator("button").is_visible()
    assert form.locator("select[name=unit] option").all_inner_texts() == ["请选择", "互助土族自治县审计局"]
    no_sideways_scroll(page, 390)
    done = post_form(page, "withdraw_opinion", unit="630223:sj", reason="审计局本月无人手，财政局意见已足够")
    assert done.startswith("已撤回对互助土族自治县审计局的会办请求")
    opinions = page.inner_text("#opinions")
    assert "已撤回会办请求" in opinions and "尚未提交" not in opinions
    assert page.locator("#step-withdraw_opinion").count() == 0
    post_form(page, "reply", text="已核实，补助将于本月补发。")
    assert first_step(page) == "step-close"
    assert "撤回会办" in page.inner_text("table.timeline")
    no_sideways_scroll(page, 390)
    shot(page, "desk-withdraw-opinion-phone")
    context.close()
    assert not refused, f"the Content-Security-Policy refused: {refused}"
