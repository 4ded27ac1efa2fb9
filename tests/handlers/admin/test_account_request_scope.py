"""Who confirms a town account, over HTTP on SQLite and PostgreSQL: the rule (cases/staff/account_powers.py,
docs/security.md) lets the county's commission and the city's commission confirm it, and the page tells the
city so; another county's commission and a town or department account may not decide it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from storage.db import make_sessionmaker
from storage.models.staff import StaffUser
from tests.cases.staff.test_staff_powers import decide, request_id_of
from tests.handlers.admin.test_admin_pages import client, login

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TOWN = "630223106000"  # 五十镇人民政府, the town of the test village
TOLD_CITY = "市纪委监委也可以确认"


def _ask_for_town_account(c: TestClient, username: str) -> None:
    token = login(c, "admin")
    data = {"action": "create", "username": username, "role": "town", "unit": TOWN, "csrf": token}
    made = c.post("/admin/users", data={**data, "password": "town-pass-word-77"})
    assert made.status_code == 200 and "须由纪委监委确认" in made.text


def test_the_city_is_told_it_may_confirm_a_town_account_and_can(engine: Engine) -> None:
    c, sessions = client(engine), make_sessionmaker(engine)
    _ask_for_town_account(c, "town_a")
    login(c, "city")
    page = c.get("/admin/account-requests").text
    assert TOLD_CITY in page and "town_a" in page and 'value="confirm"' in page
    # Not the page's business of other viewers: another county's commission sees neither text nor row.
    login(c, "jw_ledu")
    other = c.get("/admin/account-requests").text
    assert TOLD_CITY not in other and "town_a" not in other
    assert decide(c, "jw_ledu", request_id_of(sessions, "town_a")) == 404
    # A department account is no supervisor: the page and the POST are refused.
    login(c, "nync_huzhu")
    assert c.get("/admin/account-requests").status_code == 403
    assert decide(c, "nync_huzhu", request_id_of(sessions, "town_a")) == 403
    assert decide(c, "city", request_id_of(sessions, "town_a")) == 303
    with sessions() as s:
        made = s.scalars(select(StaffUser).where(StaffUser.username == "town_a")).one()
        assert made.role == "town" and made.unit_code == TOWN


def test_the_county_still_confirms_a_town_account_and_is_not_told_about_the_city(engine: Engine) -> None:
    c, sessions = client(engine), make_sessionmaker(engine)
    _ask_for_town_account(c, "town_b")
    login(c, "jw_huzhu")
    page = c.get("/admin/account-requests").text
    assert "乡镇账号由本县纪委监委确认" in page and TOLD_CITY not in page and "town_b" in page
    assert decide(c, "jw_huzhu", request_id_of(sessions, "town_b")) == 303
