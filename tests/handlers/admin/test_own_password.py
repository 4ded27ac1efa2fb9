"""修改密码 from 我的账号 (/admin/me/password): the current password is required and checked on the slow-hash
thread, the new one meets the rules and differs from it, the form carries CSRF, the change is audited as
修改密码 and the account's other sessions end while this one goes on. A wrong current password counts on
the login's own guess counters, so once over the limit both this form and the login refuse."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from handlers.web import slow_hash
from storage.db import make_sessionmaker, transaction
from storage.models.staff import AuditEntry, StaffUser
from tests.cases_support import KEYS
from tests.handlers.admin.test_admin_pages import client, login
from tests.staff_support import PASSWORD, load_org
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
T = TypeVar("T")
NEW = "my-own-choice-42"
PAGE = "/admin/me/password"


def _token(page: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', page)
    return m.group(1) if m else ""


def _change(c: TestClient, token: str, current: str, new: str, again: str | None = None) -> Any:
    data = {"csrf": token, "current": current, "password": new, "password_again": new if again is None else again}
    return c.post(PAGE, data=data)


def _actions(engine: Engine, username: str) -> list[str]:
    with make_sessionmaker(engine)() as s:
        return list(s.scalars(select(AuditEntry.action).where(AuditEntry.username == username)).all())


def test_a_case_handler_changes_their_password_and_other_sessions_end(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = client(engine)
    login(other, "nync_huzhu")
    assert other.get("/admin/cases").url.path == "/admin/cases"
    c = TestClient(other.app)
    login(c, "nync_huzhu")
    me = c.get("/admin/me")
    assert f'href="{PAGE}"' in me.text
    form = c.get(PAGE)
    assert form.status_code == 200 and "当前密码" in form.text
    token = _token(form.text)

    assert c.post(PAGE, data={"current": PASSWORD, "password": NEW, "password_again": NEW}).status_code == 403
    wrong = _change(c, token, "not-my-password", NEW)
    assert wrong.status_code == 400 and "当前密码不正确" in wrong.text
    differ = _change(c, token, PASSWORD, NEW, NEW + "x")
    assert differ.status_code == 400 and "两次输入的新密码不一样" in differ.text
    weak = _change(c, token, PASSWORD, "1234567890")
    assert weak.status_code == 400 and "不能全是数字" in weak.text
    same = _change(c, token, PASSWORD, PASSWORD)
    assert same.status_code == 400 and "新密码不能与当前密码相同" in same.text

    hashed: list[str] = []

    def counted(work: Callable[[], T]) -> T:
        hashed.append("argon2")
        return work()

    monkeypatch.setattr(slow_hash, "run", counted)
    done = _change(c, token, PASSWORD, NEW)
    monkeypatch.undo()
    assert done.status_code == 200 and done.url.path == PAGE and "新密码已保存" in done.text
    assert len(hashed) == 2  # the current password's check and the new hash, both on the slow thread
    assert c.get("/admin/cases").url.path == "/admin/cases"  # this session goes on
    assert other.get("/admin/cases").url.path == "/admin/login"  # the other one ended
    assert _actions(engine, "nync_huzhu").count("password_change") == 1
    assert _actions(engine, "nync_huzhu").count("password_change_failed") == 1

    login(c, "nync_huzhu")  # the old password no longer works
    assert c.get("/admin/cases").url.path == "/admin/login"
    login(c, "nync_huzhu", NEW)
    assert c.get("/admin/cases").url.path == "/admin/cases"
    login(c, "jw_huzhu")
    audit = c.get("/admin/audit").text
    assert "修改密码" in audit and "同时退出的其他登录：1" in audit and "修改密码时当前密码输错" in audit


def test_wrong_current_passwords_count_as_login_guesses(engine: Engine) -> None:
    c = make_client(engine, identity_key=KEYS.current, login_attempts_per_account=3)
    load_org(make_sessionmaker(engine))
    token = login(c, "city")  # a right login is forgiven: it does not count
    for _ in range(3):
        assert _change(c, token, "guess-again-1", NEW).status_code == 400
    refused = _change(c, token, PASSWORD, NEW)
    assert refused.status_code == 429 and "密码输错次数太多" in refused.text
    c.cookies.clear()
    login_token = _token(c.get("/admin/login").text)
    shut = c.post("/admin/login", data={"csrf": login_token, "username": "city", "password": PASSWORD})
    assert shut.status_code == 429 and "登录尝试太频繁" in shut.text
    assert _actions(engine, "city").count("password_change") == 0


def test_a_right_current_password_is_forgiven(engine: Engine) -> None:
    c = make_client(engine, identity_key=KEYS.current, login_attempts_per_account=3)
    load_org(make_sessionmaker(engine))
    token = login(c, "city")
    for _ in range(3):  # a right current password with a refused new one does not use the limit up
        assert _change(c, token, PASSWORD, "1234567890").status_code == 400
    assert _change(c, token, PASSWORD, NEW).url.path == PAGE


def test_the_administrator_changes_theirs_from_the_menu(engine: Engine) -> None:
    c = client(engine)
    token = login(c, "admin")
    assert f'href="{PAGE}"' in c.get("/admin/units").text
    done = _change(c, token, PASSWORD, NEW)
    assert done.url.path == PAGE and "新密码已保存" in done.text and 'href="/admin/me"' not in done.text


def test_an_account_that_must_change_is_sent_to_the_first_login_page(engine: Engine) -> None:
    c = client(engine)
    with transaction(make_sessionmaker(engine)) as s:
        user = s.scalars(select(StaffUser).where(StaffUser.username == "cz_huzhu")).one()
        user.must_change_password = True
    login(c, "cz_huzhu")
    assert c.get(PAGE, follow_redirects=False).headers["location"] == "/admin/password"
