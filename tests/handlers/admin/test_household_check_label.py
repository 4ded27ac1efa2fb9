"""A case filed from 我家补贴 carries the household's payment record: staff see that it points to one
household, not a bare 匿名 (the villager was told so before filing)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from cases.money.household import FROM_CHECK
from storage.db import make_sessionmaker
from tests.cases_support import report, submit_once
from tests.handlers.admin.test_admin_pages import client, login

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_a_household_check_case_is_not_shown_as_plain_anonymous(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    checked = submit_once(
        sessions, report(anonymous=True, description=f"我家的低保金（张*明，450 元）没收到。{FROM_CHECK}"), "k-check"
    )
    plain = submit_once(sessions, report("o-other", anonymous=True), "k-plain")
    login(c, "jw_huzhu")
    page = c.get(f"/admin/cases/{checked.case_id}")
    assert page.status_code == 200 and "未留姓名（附本户发放记录，能看出是哪一户）" in page.text
    other = c.get(f"/admin/cases/{plain.case_id}")
    assert other.status_code == 200 and "<dd>匿名</dd>" in other.text and "附本户发放记录" not in other.text
