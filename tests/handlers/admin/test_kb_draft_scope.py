"""A villager's question handed to the knowledge base (转人工 -> 写成条目) is seen by the city's administrator
and by an account of the inquiry's own county, never by another county's account (as another county's
inquiry is a 404); the form it opens tells the maintainer to take out what could tell who asked."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from cases.staff.accounts import create_user
from handlers.admin.kb_from_inquiry import FROM_INQUIRY
from storage.db import make_sessionmaker, transaction
from storage.models.kb import KbDraft
from storage.types import utcnow
from tests.handlers.admin.test_admin_manage import HUZHU, QUESTION, add_inquiry
from tests.handlers.admin.test_admin_pages import client, login
from tests.staff_support import PASSWORD

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _handed_over(engine: Engine) -> int:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    ours = add_inquiry(sessions, HUZHU)
    token = login(c, "jw_huzhu")
    c.post(f"/admin/inquiries/{ours}/answer", data={"answer": "找谁：县乡村振兴局。", "csrf": token})
    c.post(f"/admin/inquiries/{ours}/draft", data={"csrf": token})
    with transaction(sessions) as s:
        for name, unit in (("admin_ledu", "630202:jw"), ("admin_huzhu", "630223:jw")):
            create_user(
                s, username=name, role="admin", unit_code=unit, display_name=name, password=PASSWORD, now=utcnow()
            )
        return s.scalars(select(KbDraft.id)).one()


def test_another_countys_account_never_sees_the_hand_over(engine: Engine) -> None:
    draft = _handed_over(engine)
    c = client(engine)
    login(c, "admin_ledu")
    assert QUESTION not in c.get("/admin/kb").text
    opened = c.get("/admin/kb/entries/new", params={"draft": str(draft)})
    assert opened.status_code == 404 and QUESTION not in opened.text


@pytest.mark.parametrize("account", ["admin", "admin_huzhu"])
def test_the_city_and_the_own_county_open_it_with_the_warning(engine: Engine, account: str) -> None:
    draft = _handed_over(engine)
    c = client(engine)
    login(c, account)
    assert QUESTION in c.get("/admin/kb").text
    opened = c.get("/admin/kb/entries/new", params={"draft": str(draft)})
    assert opened.status_code == 200 and QUESTION in opened.text
    assert FROM_INQUIRY in opened.text and "请先删去" in FROM_INQUIRY
