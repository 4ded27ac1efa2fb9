"""A new staff account's role has no default (never the widest, 市级监督): 请选择角色 must be answered."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine, select

from storage.db import make_sessionmaker
from storage.models.staff import StaffUser
from tests.handlers.admin.test_admin_pages import client, login

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_the_role_must_be_chosen(engine: Engine) -> None:
    c = client(engine)
    token = login(c, "admin")
    page = c.get("/admin/users").text
    select_html = re.search(r'<select name="role" id="new-role"[^>]*>(.*?)</select>', page, flags=re.S)
    assert select_html is not None
    options = re.findall(r'<option value="([^"]*)"([^>]*)>([^<]*)</option>', select_html.group(1))
    assert options[0][0] == "" and options[0][2] == "请选择角色"
    assert not [o for o in options if "selected" in o[1]]
    assert 'id="new-role" required' in page
    new = {"action": "create", "username": "no_role", "unit": "630223:sj", "password": "long-enough-1", "csrf": token}
    for role in ({}, {"role": ""}, {"role": "superuser"}):
        refused = c.post("/admin/users", data={**new, **role})
        assert refused.status_code == 400 and "请选择角色" in refused.text
    with make_sessionmaker(engine)() as s:
        assert s.scalar(select(StaffUser).where(StaffUser.username == "no_role")) is None
