"""An entry is edited only by who may edit it on the entry list (kb_entries.may_edit): a county's account
its own county's entries, the city's administrator all. Another county's or a national entry opened or
posted by URL is a 404 with nothing stored, as are its versions and restore. The audit row written at
submit never holds a title not yet reviewed from a 转人工 hand-over (a villager's own words, kept for good):
it holds the neutral 由群众提问转来的新条目 until the approve row names the reviewed title."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from cases.staff.accounts import create_user
from handlers.admin.kb_edit import FROM_HAND_OVER
from storage.db import make_sessionmaker, transaction
from storage.models.kb import KbDraft, KbEntryVersion
from storage.models.staff import AuditEntry
from storage.types import utcnow
from tests.cases_support import KEYS
from tests.handlers.admin.test_admin_manage import HUZHU, add_inquiry
from tests.handlers.admin.test_admin_pages import login
from tests.handlers.admin.test_kb_form import Page, _multi
from tests.knowledge.test_kb_maintenance import entry_form
from tests.staff_support import PASSWORD, load_org
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

OWN, OTHER, NATIONAL = "how-to-report-630223", "how-to-report-630202", "dibao-apply"
TITLES = {OWN: "互助县在哪反映问题", OTHER: "乐都区在哪反映问题", NATIONAL: "低保谁能吃、咋申请"}
ASKED = "俺是张家庄李四，娃的路费有没有补助"  # a villager's words, a name and a place in them


@pytest.fixture
def site(engine: Engine) -> Iterator[tuple[TestClient, sessionmaker[Session]]]:
    c = make_client(engine, identity_key=KEYS.current, kb_poll_s=0.0)
    sessions = make_sessionmaker(engine)
    load_org(sessions)
    with transaction(sessions) as s:
        for name, unit in (("admin2", "6302"), ("admin_huzhu", "630223:jw"), ("admin_huzhu2", "630223:jw")):
            create_user(
                s, username=name, role="admin", unit_code=unit, display_name=name, password=PASSWORD, now=utcnow()
            )
    yield c, sessions


def stored(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(KbEntryVersion)) or 0


def posted(c: TestClient, entry_id: str) -> dict[str, list[str]]:
    """The entry's form as the city's administrator gets it (what a county account would post by hand)."""
    login(c, "admin")
    return _multi(Page(c.get("/admin/kb/entries/edit", params={"id": entry_id}).text).fields)


@pytest.mark.parametrize("entry_id", [OTHER, NATIONAL])
def test_a_county_account_cannot_edit_another_countys_or_a_national_entry_by_url(site: Any, entry_id: str) -> None:
    c, sessions = site
    form = posted(c, entry_id)
    token = login(c, "admin_huzhu")
    opened = c.get("/admin/kb/entries/edit", params={"id": entry_id})
    assert opened.status_code == 404 and "在哪反映问题" not in opened.text and "低保" not in opened.text
    done = c.post("/admin/kb/entries", data={**form, "csrf": [token]}, follow_redirects=False)
    assert done.status_code == 404 and stored(sessions) == 0
    assert c.get(f"/admin/kb/entries/{entry_id}/versions").status_code == 404


def test_a_county_account_cannot_give_a_new_entry_a_national_scope(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin_huzhu")
    done = c.post("/admin/kb/entries", data={"csrf": token, **entry_form()}, follow_redirects=False)
    assert done.status_code == 403 and "适用范围只能选本县" in done.text and stored(sessions) == 0


def test_its_own_countys_entry_is_edited_and_its_versions_restored(site: Any) -> None:
    c, sessions = site
    form = posted(c, OWN)
    token = login(c, "admin_huzhu")
    assert c.get("/admin/kb/entries/edit", params={"id": OWN}).status_code == 200
    done = c.post("/admin/kb/entries", data={**form, "csrf": [token]}, follow_redirects=False)
    assert done.status_code == 303 and stored(sessions) == 1
    assert c.get(f"/admin/kb/entries/{OWN}/versions").status_code == 200
    with sessions() as s:
        first = s.scalars(select(KbEntryVersion.id)).one()
    token = login(c, "admin_huzhu2")
    assert c.post(f"/admin/kb/versions/{first}/restore", data={"csrf": token}).status_code == 200
    assert stored(sessions) == 2


@pytest.mark.parametrize("entry_id", [OWN, OTHER, NATIONAL])
def test_the_citys_administrator_edits_every_entry(site: Any, entry_id: str) -> None:
    c, sessions = site
    form = posted(c, entry_id)
    token = login(c, "admin")
    done = c.post("/admin/kb/entries", data={**form, "csrf": [token]}, follow_redirects=False)
    assert done.status_code == 303 and stored(sessions) == 1
    with sessions() as s:
        version = s.scalars(select(KbEntryVersion)).one()
    token = login(c, "admin_huzhu")  # another county's pending version: not listed, reviewed or restored
    assert (TITLES[entry_id] in c.get("/admin/kb/reviews").text) == (entry_id == OWN)
    for url in (f"/admin/kb/reviews/{version.id}/approve", f"/admin/kb/versions/{version.id}/restore"):
        refused = c.post(url, data={"csrf": token}, follow_redirects=False)
        assert (refused.status_code == 404) == (entry_id != OWN), url
    assert stored(sessions) == (2 if entry_id == OWN else 1)


def _rows(sessions: sessionmaker[Session], action: str) -> list[dict[str, Any]]:
    with sessions() as s:
        return list(s.scalars(select(AuditEntry.detail).where(AuditEntry.action == action)))


def test_a_hand_overs_words_reach_the_audit_row_only_once_reviewed(site: Any) -> None:
    c, sessions = site
    ours = add_inquiry(sessions, HUZHU)
    token = login(c, "jw_huzhu")
    c.post(f"/admin/inquiries/{ours}/answer", data={"answer": "找谁：县乡村振兴局。", "csrf": token})
    c.post(f"/admin/inquiries/{ours}/draft", data={"csrf": token})
    with sessions() as s:
        draft = s.scalars(select(KbDraft.id)).one()
    token = login(c, "admin_huzhu")
    form = {"csrf": token, "draft": str(draft), **entry_form(title=ASKED, scope="630223")}
    done = c.post("/admin/kb/entries", data=form, follow_redirects=False)
    assert done.status_code == 303, done.text
    (submitted,) = _rows(sessions, "kb_entry_submitted")
    assert submitted["title"] == FROM_HAND_OVER
    with sessions() as s:
        every = " ".join(str(d) for d in s.scalars(select(AuditEntry.detail)))
    assert "李四" not in every and "张家庄" not in every
    login(c, "jw_huzhu")  # the county's commission reads its audit log
    assert "条目：" + FROM_HAND_OVER in c.get("/admin/audit").text  # and it still reads
    with sessions() as s:
        version = s.scalars(select(KbEntryVersion.id)).one()
    token = login(c, "admin_huzhu2")
    approved = c.post(f"/admin/kb/reviews/{version}/approve", data={"csrf": token}, follow_redirects=False)
    assert approved.status_code == 303, approved.text
    (row,) = _rows(sessions, "kb_entry_approved")
    assert row["title"] == ASKED  # reviewed: the maintainer and the reviewer both saw and kept it


def test_an_edit_of_a_served_entry_keeps_its_reviewed_title_and_a_staff_new_entry_its_own(site: Any) -> None:
    c, sessions = site
    form = posted(c, NATIONAL)
    token = login(c, "admin")
    form["title"] = ["一个还没审核的新标题"]
    assert c.post("/admin/kb/entries", data={**form, "csrf": [token]}, follow_redirects=False).status_code == 303
    assert c.post("/admin/kb/entries", data={"csrf": token, **entry_form()}, follow_redirects=False).status_code == 303
    titles = [d["title"] for d in _rows(sessions, "kb_entry_submitted")]
    assert titles == ["低保谁能吃、咋申请", entry_form()["title"]]
