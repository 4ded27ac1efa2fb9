"""The knowledge base's entries from the browser (issue #19 §3): an unknown entry's version page is a 404
like every other page's, while a served entry's (never written in the browser) and a browser-only entry's
open. On SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases.staff.accounts import create_user
from handlers.admin.audit_text import describe_detail
from handlers.admin.kb_entries import PER_PAGE
from knowledge.loader import ENTRIES_DIR, read_entries
from storage.db import make_sessionmaker, transaction
from storage.models.kb import KbEntryVersion
from storage.models.staff import AuditEntry
from storage.types import utcnow
from tests.cases_support import KEYS
from tests.handlers.admin.test_admin_pages import login
from tests.handlers.admin.test_kb_form import Page
from tests.knowledge.test_kb_maintenance import entry_form
from tests.staff_support import PASSWORD, load_org
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ENTRIES = {item.entry.id: item.entry for item in read_entries(ENTRIES_DIR)[0]}


@pytest.fixture
def site(engine: Engine) -> Iterator[tuple[TestClient, sessionmaker[Session]]]:
    c = make_client(engine, identity_key=KEYS.current, kb_poll_s=0.0)
    sessions = make_sessionmaker(engine)
    load_org(sessions)
    with transaction(sessions) as s:
        create_user(
            s, username="admin2", role="admin", unit_code="6302", display_name="admin2", password=PASSWORD, now=utcnow()
        )
    yield c, sessions


def test_an_unknown_entrys_versions_are_a_404_and_known_ones_open(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin")
    for unknown in ("nope", "dibao-apply-x", "x" * 64):
        page = c.get(f"/admin/kb/entries/{unknown}/versions")
        assert page.status_code == 404 and "没有这个条目。" in page.text, unknown
        assert "的版本" not in page.text
    served = c.get("/admin/kb/entries/dibao-apply/versions")  # from the directory, no browser version yet
    assert served.status_code == 200 and "低保谁能吃、咋申请" in served.text
    assert c.post("/admin/kb/entries", data={"csrf": token, **entry_form()}, follow_redirects=False).status_code == 303
    with sessions() as s:
        entry_id = s.scalars(select(KbEntryVersion.entry_id)).one()
    written = c.get(f"/admin/kb/entries/{entry_id}/versions")  # pending, not served: its history opens
    assert written.status_code == 200 and "牦牛能不能办户口（登记）" in written.text


def test_the_audit_log_names_the_entry_by_title_and_the_version(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin")
    assert c.post("/admin/kb/entries", data={"csrf": token, **entry_form()}, follow_redirects=False).status_code == 303
    with sessions() as s:
        version = s.scalars(select(KbEntryVersion)).one()
    token2 = login(c, "admin2")
    done = c.post(f"/admin/kb/reviews/{version.id}/approve", data={"csrf": token2}, follow_redirects=False)
    assert done.status_code == 303
    restored = c.post(f"/admin/kb/versions/{version.id}/restore", data={"csrf": token2}, follow_redirects=False)
    assert restored.status_code == 303
    login(c, "city")
    html = c.get("/admin/audit").text
    text = Page(html).text()
    for action in ("提交知识条目", "批准知识条目", "申请恢复知识条目旧版"):
        row = next(Page(f"<main>{r}</main>").text() for r in html.split("<tr>") if f">{action}<" in r)
        assert "条目：牦牛能不能办户口（登记）" in row and "版本号：" in row, row
    assert f"恢复的旧版本号：{version.id}" in text
    assert version.entry_id not in text  # the entry by its title, never its id
    with sessions() as s:  # what is stored: the id and the title beside the version
        details = [a.detail for a in s.scalars(select(AuditEntry).where(AuditEntry.action == "kb_entry_approved"))]
    assert details[0]["title"] == "牦牛能不能办户口（登记）" and details[0]["version"] == version.id


def test_detail_words_leave_other_actions_unchanged() -> None:
    assert describe_detail({"entry": "dibao-apply", "reload_version": 3}) == ""  # ids and internals stay hidden
    assert describe_detail({"reason": "核查", "rows": 2}) == "理由：核查；条数：2"


# -- the entries on /admin/kb -----------------------------------------------------------------------------


def entry_titles(html: str) -> list[str]:
    table = html.split('id="kb-entry-list"')[1].split("</table>")[0]
    return re.findall(r'<td class="name">([^<]+)</td>', table)


def test_the_kb_page_lists_entries_with_scope_in_words_search_and_paging(site: Any) -> None:
    c, _sessions = site
    login(c, "admin")
    page = c.get("/admin/kb")
    assert page.status_code == 200
    first = entry_titles(page.text)
    assert len(first) == PER_PAGE and "第 1 / 6 页" in page.text  # 106 entries, 20 a page
    assert 'href="/admin/kb?page=2#kb-entries"' in page.text
    assert 'href="/admin/kb/entries/edit?id=' in page.text and '/versions">版本</a>' in page.text
    last = c.get("/admin/kb", params={"page": "6"}).text
    text = Page(last).text()
    assert "互助土族自治县" in text and "乐都区" in text  # a county's entry by the county's name
    assert "630223" not in text and "national" not in text  # never the code
    for bad in ("0", "-1", "99", "x"):  # out of range or not a number: the nearest page, never an error
        assert c.get("/admin/kb", params={"page": bad}).status_code == 200, bad
    found = c.get("/admin/kb", params={"q": "低保"}).text
    titles = entry_titles(found)
    assert "低保谁能吃、咋申请" in titles and all(t for t in titles) and len(titles) < PER_PAGE
    by_question = entry_titles(c.get("/admin/kb", params={"q": "吃低保要啥条件"}).text)
    asked = [e.title for e in ENTRIES.values() if any("吃低保要啥条件" in q for q in e.questions)]
    assert asked and sorted(by_question) == sorted(asked)
    none = c.get("/admin/kb", params={"q": "火星移民"}).text
    assert entry_titles(none) == [] and "没有找到含这些字词的条目。" in none


def test_a_county_account_sees_only_its_countys_entries(site: Any) -> None:
    c, sessions = site
    with transaction(sessions) as s:
        create_user(
            s,
            username="kb_huzhu",
            role="admin",
            unit_code="630223:jw",
            display_name="县管理员",
            password=PASSWORD,
            now=utcnow(),
        )
    login(c, "kb_huzhu")
    page = c.get("/admin/kb").text
    assert entry_titles(page) == ["互助县在哪反映问题"] and "低保谁能吃、咋申请" not in page
    assert entry_titles(c.get("/admin/kb", params={"q": "低保"}).text) == []


def test_after_approval_the_page_links_to_the_entry(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin")
    assert c.post("/admin/kb/entries", data={"csrf": token, **entry_form()}, follow_redirects=False).status_code == 303
    with sessions() as s:
        version = s.scalars(select(KbEntryVersion)).one()
    token2 = login(c, "admin2")
    done = c.post(f"/admin/kb/reviews/{version.id}/approve", data={"csrf": token2}, follow_redirects=False)
    page = c.get(done.headers["location"]).text
    assert f'href="/admin/kb/entries/edit?id={version.entry_id}">修改这个条目</a>' in page
    assert f'href="/admin/kb/entries/{version.entry_id}/versions">看这个条目的版本</a>' in page
    submitted = c.get(f"/admin/kb/reviews?submitted={version.id}").text  # not approved: no link
    assert "修改这个条目" not in submitted
    assert "牦牛能不能办户口（登记）" in entry_titles(c.get("/admin/kb", params={"q": "牦牛"}).text)  # now listed
