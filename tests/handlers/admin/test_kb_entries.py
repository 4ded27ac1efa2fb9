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
from storage.db import make_sessionmaker, transaction
from storage.models.kb import KbEntryVersion
from storage.types import utcnow
from tests.cases_support import KEYS
from tests.handlers.admin.test_admin_pages import login
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
