"""The rectification loop in headless Chromium, at desktop and phone width (#20 §3): a villager rates a closed
case 非常不满意 in the chat with a reason; the county 纪委 finds it on the 督办清单 with the reason, opens it, sees
the 差评整改 card, takes the case on again, records the return visit and the fix, and the case leaves the list;
the statistics page states the 满意率 weights and how the old three-level ratings were mapped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from cases import ratings
from storage.db import make_sessionmaker
from storage.models.cases import Case, CaseRectification
from tests.browser_support import Served, served_app, shot
from tests.cases_support import VILLAGE
from tests.report_support import NUMBER_RE, Villager, file_report
from tests.staff_support import PASSWORD, load_org
from tests.webhook_support import Sender

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Served]:
    with served_app(tmp_path, load_org) as srv:
        yield srv


def _act(page: Any, action: str, **fields: str) -> None:
    form = page.locator(f"form:has(input[name=action][value={action}])")
    for name, value in fields.items():
        el = form.locator(f"[name={name}]")
        if el.evaluate("e => e.tagName") == "SELECT":
            el.select_option(value)
        else:
            el.fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def _no_sideways_scroll(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


@pytest.mark.parametrize("width", [1280, 390])
def test_very_dissatisfied_to_return_visit_and_fix_on_the_case_page(browser: Any, site: Served, width: int) -> None:
    sender = Sender(TestClient(site.app), safe=True)
    v = Villager(sender, f"o-loop-{width}")
    v.scan(VILLAGE)
    number = re.search(NUMBER_RE, file_report(v)).group(1)  # type: ignore[union-attr]
    sessions = make_sessionmaker(site.engine)
    with sessions() as s:
        cid = int(s.scalars(select(Case.id).where(Case.number == number)).one())
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(site.base + "/admin/login")
        page.fill("#username", "jw_huzhu")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/admin/cases"))
        page.goto(f"{site.base}/admin/cases/{cid}")
        _act(page, "accept")
        _act(page, "reply", text="经核查，补助已发放到户。")
        _act(page, "close", finding="不实", resolution="经核查，补助已按时发放到户。")
        shot(page, f"admin-loop-before-{width}")
        assert "不满意的原因" in v.say("非常不满意")
        v.say("钱根本没到我手里")

        page.goto(site.base + "/admin/supervision")
        redo = page.locator("#redo")
        assert number in redo.inner_text() and "钱根本没到我手里" in redo.inner_text()
        assert "非常不满意" in redo.inner_text() and "待回访" in redo.inner_text()
        _no_sideways_scroll(page)
        shot(page, f"admin-loop-supervision-{width}")
        redo.locator(f"a:has-text('{number}')").click()
        page.wait_for_url(re.compile(rf"/admin/cases/{cid}$"))
        card = page.locator("#rectification")
        assert "进行中" in card.inner_text() and "钱根本没到我手里" in card.inner_text()
        assert "国办发〔2019〕51号" in card.inner_text() and "尚未回访" in card.inner_text()
        assert "请先登记回访" in page.inner_text("#actions")
        _act(page, "accept")
        assert page.locator("#step-phone_rating.usual").count() == 1  # the return visit is the next step
        _act(page, "phone_rating", rating="3", note="电话联系群众：钱发到了另一个账户，同意核对后补发")
        assert "已登记回访" in page.inner_text("#done")
        assert page.locator("#step-rectify.usual").count() == 1
        _act(page, "rectify", outcome="核对账户后已补发，并纠正了发放名单")
        assert "整改结果" in page.inner_text("#done") and "已结束" in page.inner_text("#rectification")
        _no_sideways_scroll(page)
        shot(page, f"admin-loop-after-{width}")
        page.goto(site.base + "/admin/supervision")
        assert number not in page.locator("#redo").inner_text()

        page.goto(site.base + "/admin/stats")
        weights = page.inner_text("#weights")
        assert ratings.WEIGHTS_TEXT in weights and "原 3 级计为“不满意”" in weights
        assert "非常不满意" in page.inner_text("main")
        shot(page, f"admin-loop-stats-{width}")
    finally:
        context.close()
    with sessions() as s:
        loop = s.scalars(select(CaseRectification).where(CaseRectification.case_id == cid)).one()
        assert loop.visit_rating == 3 and loop.fixed_at is not None and loop.closed_at is not None
