"""修改密码 at first login: an account an administrator created or reset (directly, or through a confirmed
request) opens no other page until its owner picks a new password that meets the rules and is not the
given one; the form carries CSRF, the argon2 work runs through the slow-hash thread, the change is audited
as 首次登录修改密码. Accounts that exist, and the dev demo accounts, are not asked."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from cases.staff import accounts
from handlers.web import slow_hash
from storage.db import make_sessionmaker, transaction
from storage.models.staff import AccountRequest, AuditEntry, StaffUser
from storage.types import utcnow
from tests.handlers.admin.test_admin_pages import client, login

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
T = TypeVar("T")
GIVEN = "handed-over-7x"
OWN = "my-own-choice-42"


def _token(page: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', page)
    return m.group(1) if m else ""


def _sign_in(c: TestClient, username: str, password: str) -> Any:
    c.cookies.clear()
    token = _token(c.get("/admin/login").text)
    return c.post("/admin/login", data={"csrf": token, "username": username, "password": password})


def _flag(engine: Engine, username: str) -> bool:
    with make_sessionmaker(engine)() as s:
        return bool(s.scalars(select(StaffUser.must_change_password).where(StaffUser.username == username)).one())


def test_an_account_the_administrator_made_must_change_its_password_first(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = client(engine)
    assert not _flag(engine, "admin")  # accounts made before stay as they are
    token = login(c, "admin")
    made = c.post(
        "/admin/users",
        data={"csrf": token, "action": "create", "username": "admin2", "role": "admin", "unit": "6302",
              "display_name": "新管理员", "password": GIVEN},
    )  # fmt: skip
    assert made.status_code == 200 and _flag(engine, "admin2")

    first = _sign_in(c, "admin2", GIVEN)
    assert first.url.path == "/admin/password" and "修改密码" in first.text
    assert "/admin/units" not in first.text  # no other page is offered yet
    token = _token(first.text)
    for path in ("/admin/units", "/admin/users", "/admin/cases", "/admin/kb"):
        assert c.get(path, follow_redirects=False).headers["location"] == "/admin/password"
    moved = c.post("/admin/users", data={"csrf": token, "action": "lock", "user_id": "1"}, follow_redirects=False)
    assert moved.headers["location"] == "/admin/password"

    assert c.post("/admin/password", data={"password": OWN, "password_again": OWN}).status_code == 403  # CSRF
    differ = c.post("/admin/password", data={"csrf": token, "password": OWN, "password_again": OWN + "x"})
    assert differ.status_code == 400 and "两次输入的新密码不一样" in differ.text
    weak = c.post("/admin/password", data={"csrf": token, "password": "1234567890", "password_again": "1234567890"})
    assert weak.status_code == 400 and "不能全是数字" in weak.text
    same = c.post("/admin/password", data={"csrf": token, "password": GIVEN, "password_again": GIVEN})
    assert same.status_code == 400
    assert same.status_code == 400 and "不能与管理员给您的密码相同" in same.text
    assert _flag(engine, "admin2")

    hashed: list[str] = []

    def counted(work: Callable[[], T]) -> T:
        hashed.append("argon2")
        return work()

    monkeypatch.setattr(slow_hash, "run", counted)
    done = c.post("/admin/password", data={"csrf": token, "password": OWN, "password_again": OWN})
    monkeypatch.undo()
    assert done.status_code == 200 and done.url.path == "/admin/units"  # the administrator's first page
    assert len(hashed) == 2  # the check against the given password and the new hash, both on the slow thread
    assert not _flag(engine, "admin2")
    assert c.get("/admin/password", follow_redirects=False).headers["location"] == "/admin/cases"
    assert _sign_in(c, "admin2", GIVEN).url.path == "/admin/login"
    assert _sign_in(c, "admin2", OWN).url.path == "/admin/units"
    with make_sessionmaker(engine)() as s:
        assert (
            s.scalars(select(AuditEntry.action).where(AuditEntry.username == "admin2")).all().count("first_password")
            == 1
        )
    login(c, "city")
    assert "首次登录修改密码" in c.get("/admin/audit").text


def test_a_reset_and_a_confirmed_request_also_ask_for_a_new_password(engine: Engine) -> None:
    c = client(engine)
    # a case-handling account: the administrator asks, the county's 纪委监委 confirms
    token = login(c, "admin")
    c.post(
        "/admin/users",
        data={"csrf": token, "action": "create", "username": "nync_new", "role": "department",
              "unit": "630223:nync", "display_name": "新人", "password": GIVEN},
    )  # fmt: skip
    with make_sessionmaker(engine)() as s:
        request_id = s.scalars(select(AccountRequest.id).where(AccountRequest.username == "nync_new")).one()
    token = login(c, "jw_huzhu")
    c.post("/admin/account-requests", data={"csrf": token, "request_id": str(request_id), "decision": "confirm"})
    assert _flag(engine, "nync_new")
    assert _sign_in(c, "nync_new", GIVEN).url.path == "/admin/password"
    assert c.get("/admin/cases", follow_redirects=False).headers["location"] == "/admin/password"
    # a reset by the administrator
    token = login(c, "admin")
    with make_sessionmaker(engine)() as s:
        admin_id = s.scalars(select(StaffUser.id).where(StaffUser.username == "admin")).one()
    c.post("/admin/users", data={"csrf": token, "action": "reset", "user_id": str(admin_id), "password": GIVEN})
    assert _flag(engine, "admin")
    assert _sign_in(c, "admin", GIVEN).url.path == "/admin/password"


def test_demo_accounts_are_not_asked(engine: Engine) -> None:
    client(engine)
    with transaction(make_sessionmaker(engine)) as s:
        made = accounts.ensure_demo_staff(s, now=utcnow())
    assert made
    for username, _role, _unit in made:
        assert not _flag(engine, username)
