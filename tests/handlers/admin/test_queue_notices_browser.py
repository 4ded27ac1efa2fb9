"""Work notices at the top of the queue for staff without WeChat (#20 §5), in headless Chromium at 1280 and
390 px: a department's handler sees 新案件, 指定您承办 and 群众已回复 of its case, each linking to the case, the
card fits the phone's width, and 全部标为已读 clears them. Screenshot: var/screenshots/queue-notices-phone.png."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from cases.handling import case_steps, triage
from storage.db import transaction
from storage.models.staff import StaffNotice, StaffUser
from storage.types import utcnow
from tests.browser_support import served_app, shot
from tests.cases_support import report, submit_once
from tests.handlers.admin.test_admin_manage_browser import Site, login
from tests.staff_support import load_org

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served_app(tmp_path_factory.mktemp("browser-queue-notices"), load_org) as srv:
        yield Site(srv.engine, srv.base, srv.runtime.sessions, srv.runtime.calendar)


@pytest.mark.parametrize(("width", "name"), [(1280, "desktop"), (390, "phone")])
def test_the_notices_fit_and_link_to_the_case(page: Any, site: Site, width: int, name: str) -> None:
    # 项目公开, no cadre named: the county's 农业农村局 handles it.
    item = report(None, category="project", cadre_level=None, description="村里修路的工程拖了半年没完工，三社那段最差")
    number = submit_once(site.sessions, item, f"queue-notices-{name}").number
    with transaction(site.sessions) as s:
        case = case_steps.get_case(s, number=number)
        case_id = case.id
        triage.assign(s, case=case, assignee="nync_huzhu", actor="staff:jw_huzhu", now=utcnow())
        case_steps.add_text(s, case=case, text="补充：路边的排水沟也没修", now=utcnow())

    page.set_viewport_size({"width": width, "height": 900})
    login(page, site, "nync_huzhu")
    card = page.locator("div.card:has(form[action='/admin/notices/read'])")
    links = card.locator(f"li a[href='/admin/cases/{case_id}']")
    assert sorted(t.split("：")[0] for t in links.all_inner_texts()) == sorted(["新案件", "指定您承办", "群众已回复"])
    shown = card.inner_text()
    assert number in shown and "三社" not in shown and "排水沟" not in shown
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for box in (links.nth(i).bounding_box() for i in range(links.count())):
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    shot(page, f"queue-notices-{name}")

    links.first.click()
    page.wait_for_url(f"**/admin/cases/{case_id}")
    page.go_back()
    card.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/cases")
    assert page.locator(f"a[href='/admin/cases/{case_id}']").count() <= 1  # the queue's own row only
    assert card.count() == 0


def test_many_notices_fold_so_the_queue_starts_on_the_first_screen(page: Any, site: Site) -> None:
    """A county's 纪委监委 with 25 unread 新案件 at 1280 px: the three newest are shown, the other 17 listed fold
    under 还有 22 条提醒 (five older ones are counted, not listed), and the queue's table starts within the
    first screen. Opening the fold needs no script (a <details>). 全部标为已读 reads the 20 listed only."""
    with transaction(site.sessions) as s:
        user_id = s.scalars(select(StaffUser.id).where(StaffUser.username == "jw_huzhu")).one()
        for n in s.scalars(select(StaffNotice).where(StaffNotice.user_id == user_id, StaffNotice.read_at.is_(None))):
            n.read_at = utcnow()
        s.add_all(
            StaffNotice(user_id=user_id, text=f"新案件：QF-TEST-{i:03d} 待分办", created_at=utcnow()) for i in range(25)
        )

    page.set_viewport_size({"width": 1280, "height": 800})
    login(page, site, "jw_huzhu")
    card = page.locator("div.card:has(form[action='/admin/notices/read'])")
    visible = [t for t in card.locator("li").all_inner_texts() if t.strip()]
    assert [t.split(" ")[0] for t in visible[:3]] == [f"新案件：QF-TEST-{i:03d}" for i in (24, 23, 22)]
    fold = card.locator("details.notices-more")
    assert fold.locator("summary").inner_text() == "还有 22 条提醒"
    assert not fold.evaluate("d => d.open")
    assert card.locator("li:visible").count() == 3
    assert "另有 5 条较早的提醒未列出" in (fold.text_content() or "")
    table = page.locator("table.queue").bounding_box()
    assert table is not None and table["y"] < 800  # the queue starts on the first screen

    fold.locator("summary").click()
    assert card.locator("li:visible").count() == 20
    assert card.locator("li:visible").last.inner_text().startswith("新案件：QF-TEST-005")
    card.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/cases")
    # only the 20 listed are read: the five older ones come up next, then clear in turn
    assert [t.split(" ")[0] for t in card.locator("li").all_text_contents()] == [
        f"新案件：QF-TEST-{i:03d}" for i in (4, 3, 2, 1, 0)
    ]
    card.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/cases")
    assert card.count() == 0
