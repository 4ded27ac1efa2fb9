"""The inquiry desk in headless Chromium at phone width (#20 §6): a 医保局 clerk sees only the question routed
to the bureau, claims it and sees their name on the list; the county 纪委监委 finds the late one on the 督办清单.
Screenshots: var/screenshots/inquiry-claimed-phone.png, inquiry-late-phone.png."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from cases.handling.inquiries import file_inquiry
from cases.staff.accounts import create_user
from storage.db import transaction
from storage.types import utcnow
from tests.browser_support import served_app, shot
from tests.cases_support import VILLAGE
from tests.handlers.admin.test_admin_manage_browser import Site, login
from tests.staff_support import PASSWORD, load_org

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

MEDICAL, ROAD = "住院报销的医保比例是多少？", "俺村的路灯啥时候修？"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served_app(tmp_path_factory.mktemp("browser-inquiries"), load_org) as srv:
        yield Site(srv.engine, srv.base, srv.runtime.sessions, srv.runtime.calendar)


def test_a_clerk_claims_a_question_and_the_late_one_is_supervised_on_a_phone(page: Any, site: Site) -> None:
    with transaction(site.sessions) as s:
        create_user(
            s,
            username="yb_wang",
            role="department",
            unit_code="630223:yb",
            display_name="王医保",
            password=PASSWORD,
            now=utcnow(),
        )
        for question, when in ((MEDICAL, utcnow()), (ROAD, utcnow() - timedelta(days=30))):
            file_inquiry(
                s,
                openid="o-phone",
                village_code=VILLAGE,
                question=question,
                candidates={},
                now=when,
                calendar=site.calendar,
            )
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, site, "yb_wang")
    page.goto(site.base + "/admin/inquiries")
    listing = page.inner_text("main")
    assert MEDICAL in listing and ROAD not in listing and "未认领" in listing
    page.click("main a[href^='/admin/inquiries/']")
    page.click("text=认领这条咨询")
    assert "王医保" in page.inner_text("main") and "发送答复" in page.inner_text("main")
    page.goto(site.base + "/admin/inquiries")
    assert "王医保" in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # cards, not a wide table
    shot(page, "inquiry-claimed-phone")
    login(page, site, "jw_huzhu")
    page.goto(site.base + "/admin/supervision")
    board = page.inner_text("#late-inquiries")
    assert ROAD in board and "已超期" in board and MEDICAL not in board
    shot(page, "inquiry-late-phone")
