"""The staff header names the person and their unit once, never the unit three times over."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Engine

from cases.access import Role, Viewer
from cases.staff.accounts import create_user
from handlers.admin.who_text import header_desk, header_who
from storage.db import make_sessionmaker, transaction
from storage.types import utcnow
from tests.h5_support import h5_client
from tests.staff_support import PASSWORD, staff_login

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
UNIT = "互助土族自治县纪委监委"


def _viewer(name: str, unit: str, role: Role = Role.COUNTY_DISCIPLINE) -> Viewer:
    return Viewer(1, "login1", role, "630223:jw", unit, "630223", name)


def test_a_unit_named_account_shows_its_unit_once() -> None:
    assert header_who(_viewer("互助县纪委监委（演示）", UNIT)) == f"{UNIT}（演示）"
    assert header_who(_viewer("王芳", UNIT)) == f"王芳 · {UNIT}"
    assert header_who(_viewer("", UNIT)) == f"login1 · {UNIT}"
    assert header_who(_viewer("李四", "海东市", Role.ADMIN)) == "李四 · 海东市 · 系统管理员"
    assert header_who(_viewer("系统管理员（演示）", "海东市", Role.ADMIN)).count("管理员") == 1


def test_the_page_header_shows_name_and_unit_once(engine: Engine, tmp_path: Path) -> None:
    http = h5_client(engine, tmp_path, users=True)
    with transaction(make_sessionmaker(engine)) as s:
        create_user(
            s,
            username="demo_jw",
            role="county_discipline",
            unit_code="630223:jw",
            display_name="互助县纪委监委（演示）",
            password=PASSWORD,
            now=utcnow(),
        )
    with http:
        for username in ("demo_jw", "jw_huzhu"):
            staff_login(http, username)
            page = http.get("/admin/cases").text
            who = re.search(r'<span class="who">([^<]*)<', page)
            assert who is not None
            assert who.group(1).count("纪委监委") == 1 and UNIT in who.group(1), who.group(1)


def test_the_header_names_each_roles_work_and_the_administrators_is_not_case_work() -> None:
    names = {role: header_desk(_viewer("王芳", UNIT, role)) for role in Role}
    assert names[Role.ADMIN] == ("清风 · 系统管理", "/admin/units")  # the administrator sees no case
    assert names[Role.DEPARTMENT][0] == names[Role.TOWN][0] == "清风 · 案件办理"
    assert names[Role.CITY][0] == names[Role.COUNTY_DISCIPLINE][0] == "清风 · 案件监督"
    assert all(home == "/admin/cases" for role, (_, home) in names.items() if role != Role.ADMIN)
    assert header_desk(None) == ("清风", "/admin/login")


def test_each_page_header_shows_the_signed_in_roles_work(engine: Engine, tmp_path: Path) -> None:
    http = h5_client(engine, tmp_path, users=True)
    with http:
        brand = re.compile(r'<a class="brand" href="([^"]+)">([^<]*)</a>')
        login_page = brand.search(http.get("/admin/login").text)
        assert login_page is not None and login_page.group(2) == "清风"
        for username, page, shown, home in (
            ("admin", "/admin/units", "清风 · 系统管理", "/admin/units"),
            ("jw_huzhu", "/admin/cases", "清风 · 案件监督", "/admin/cases"),
            ("nync_huzhu", "/admin/cases", "清风 · 案件办理", "/admin/cases"),
        ):
            staff_login(http, username)
            html = http.get(page).text
            found = brand.search(html)
            assert found is not None and found.groups() == (home, shown), (username, found)
            if username == "admin":
                assert "案件办理" not in html and "案件监督" not in html
