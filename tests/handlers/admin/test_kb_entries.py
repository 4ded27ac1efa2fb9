"""The knowledge base's entries from the browser (issue #19 §3): an unknown entry's version page is a 404
like every other page's, while a served entry's (never written in the browser) and a browser-only entry's
open. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases.staff.accounts import create_user
from handlers.admin.audit_text import describe_detail
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
