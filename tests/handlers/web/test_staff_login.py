"""Staff login under attack: throttles that answer 429 before any argon2 work, one answer for unknown and
locked accounts, logout that ends the session on the server, weak passwords refused, and a password check
that never holds the event loop the webhook runs on."""

from __future__ import annotations

import asyncio
import io
import os
import re
import threading
import time
from typing import Any

import httpx
import pytest
from argon2.exceptions import VerifyMismatchError
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from cases.staff import accounts
from cases.staff.password_policy import password_problem
from config.settings import get_settings
from handlers.cli.main import main
from handlers.web import slow_hash, staff_auth
from handlers.web.page_threads import PAGE_THREADS
from storage.db import make_sessionmaker, transaction
from storage.models.staff import StaffSessionRecord, StaffUser
from storage.types import utcnow
from tests.cases_support import KEYS
from tests.db_url import url_of
from tests.staff_support import PASSWORD, load_org
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def client(engine: Engine, **overrides: object) -> TestClient:
    c = make_client(engine, identity_key=KEYS.current, **overrides)
    load_org(make_sessionmaker(engine))
    return c


def post_login(c: TestClient, username: str, password: str) -> httpx.Response:
    page = c.get("/admin/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    return c.post(
        "/admin/login", data={"csrf": token, "username": username, "password": password}, follow_redirects=False
    )


class Hasher:
    """Stands in for the module's argon2 hasher (whose attributes are read-only), counting verifications."""

    def __init__(self, real: Any, calls: list[str], delay_s: float = 0.0) -> None:
        self.real, self.calls, self.delay_s = real, calls, delay_s

    def verify(self, digest: Any, password: Any) -> bool:
        self.calls.append(str(digest))
        if self.delay_s:
            time.sleep(self.delay_s)  # blocking, as argon2 is: on the loop it would hold every other request
            raise VerifyMismatchError
        return bool(self.real.verify(digest, password))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def count_verifications(monkeypatch: pytest.MonkeyPatch, delay_s: float = 0.0) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(accounts, "_hasher", Hasher(accounts._hasher, calls, delay_s))
    return calls


def error_of(page: httpx.Response) -> str:
    found = re.search(r'class="error"[^>]*>(.*?)<', page.text, re.S)
    assert found, page.text[:500]
    return found.group(1).strip()


def test_logins_over_the_address_limit_get_429_without_any_password_check(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = client(engine, login_attempts_per_ip=3)
    calls = count_verifications(monkeypatch)
    for n in range(3):  # a different name each time: only the address limit can stop these
        assert post_login(c, f"guess-{n}", "wrong-password-1").status_code == 400
    assert len(calls) == 3
    over = post_login(c, "guess-9", "wrong-password-1")
    assert over.status_code == 429 and "登录尝试太频繁" in over.text
    refused_right_password = post_login(c, "jw_huzhu", PASSWORD)
    assert refused_right_password.status_code == 429
    assert len(calls) == 3  # neither attempt over the limit ran argon2


def test_logins_over_the_account_limit_get_429_while_other_accounts_log_in(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = client(engine, login_attempts_per_account=2)
    calls = count_verifications(monkeypatch)
    assert post_login(c, "no-such-user", "wrong-password-1").status_code == 400
    assert post_login(c, " NO-SUCH-USER ", "wrong-password-1").status_code == 400  # same account, other spelling
    over = post_login(c, "no-such-user", "wrong-password-1")
    assert over.status_code == 429 and "登录尝试太频繁" in over.text
    assert len(calls) == 2
    assert post_login(c, "cz_huzhu", PASSWORD).status_code == 303  # other accounts are not held up


def test_logins_that_succeed_do_not_use_up_the_limits(engine: Engine) -> None:
    # A county office shares one address; staff log in many times a day. Only guesses count.
    c = client(engine, login_attempts_per_ip=3, login_attempts_per_account=2)
    for _ in range(6):
        assert post_login(c, "jw_huzhu", PASSWORD).status_code == 303
        c.cookies.clear()  # logged out: the next visit shows the login form again
    assert post_login(c, "jw_huzhu", "wrong-password-1").status_code == 400
    assert post_login(c, "jw_huzhu", "wrong-password-2").status_code == 400
    assert post_login(c, "jw_huzhu", PASSWORD).status_code == 429  # two guesses used the account's limit
    assert post_login(c, "cz_huzhu", "wrong-password-3").status_code == 400
    assert post_login(c, "cz_huzhu", PASSWORD).status_code == 429  # three guesses from this address


def test_a_locked_account_answers_exactly_like_an_unknown_one(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    c = client(engine)
    for _ in range(accounts.MAX_FAILURES):
        assert post_login(c, "jw_huzhu", "wrong-password-1").status_code == 400
    with make_sessionmaker(engine)() as s:
        locked = s.scalars(select(StaffUser).where(StaffUser.username == "jw_huzhu")).one()
        assert locked.locked_until is not None and locked.locked_until > utcnow()
    calls = count_verifications(monkeypatch)
    answers = [
        post_login(c, "jw_huzhu", PASSWORD),  # locked, even with the right password
        post_login(c, "jw_huzhu", "wrong-password-1"),
        post_login(c, "nobody_here", PASSWORD),  # never existed
    ]
    assert {a.status_code for a in answers} == {400}
    assert {error_of(a) for a in answers} == {accounts.LOGIN_REFUSED}
    # The same path: one verification each, against the same dummy hash.
    assert len(calls) == 3 and len(set(calls)) == 1


def test_a_cookie_replayed_after_logout_goes_back_to_the_login_page(engine: Engine) -> None:
    c = client(engine)
    assert post_login(c, "jw_huzhu", PASSWORD).status_code == 303
    page = c.get("/admin/cases")
    assert "案件队列" in page.text
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    cookie = c.cookies.get(staff_auth.COOKIE)
    assert cookie
    assert c.post("/admin/logout", data={"csrf": token}, follow_redirects=False).status_code == 303
    with make_sessionmaker(engine)() as s:
        assert s.scalar(select(func.count()).select_from(StaffSessionRecord)) == 0
    c.cookies.clear()
    c.cookies.set(staff_auth.COOKIE, cookie, path="/admin")
    replay = c.get("/admin/cases", follow_redirects=False)
    assert replay.status_code == 303 and replay.headers["location"] == "/admin/login"
    # Another session of the same account, on another device, is not ended by this logout.
    other = client(engine)
    assert post_login(other, "jw_huzhu", PASSWORD).status_code == 303
    assert "案件队列" in other.get("/admin/cases").text


@pytest.mark.parametrize(
    "password",
    [
        "12345678",
        "password",
        "qwertyui",
        "11111111",
        "123456789",  # nine characters
        "1234567890",
        "13912345678",
        "password123",
        "Password2024!",
        "qwertyuiop1",
        "1qaz2wsx3edc",
        "aaaaaaaaaaaa",
        "abababababab",
        "qwerqwerqwer",
        "woaini1314520",
        "x-jw_huzhu-x1",
    ],
)
def test_weak_passwords_are_refused_with_a_reason(engine: Engine, password: str) -> None:
    load_org(make_sessionmaker(engine), users=False)
    with pytest.raises(accounts.PasswordProblem) as refused, transaction(make_sessionmaker(engine)) as s:
        accounts.create_user(
            s,
            username="jw_huzhu",
            role="county_discipline",
            unit_code="630223:jw",
            display_name="x",
            password=password,
            now=utcnow(),
        )
    assert re.search(r"[\u4e00-\u9fff]", str(refused.value))


def test_sound_passwords_and_the_demo_password_are_accepted() -> None:
    for password in (PASSWORD, accounts.DEMO_PASSWORD, "long-enough-1", "Tu3guan!village"):
        for username, *_ in accounts.DEMO_STAFF:
            assert password_problem(password, username) is None, (password, username)


def test_the_admin_page_refuses_a_common_password(engine: Engine) -> None:
    c = client(engine)
    assert post_login(c, "admin", PASSWORD).status_code == 303
    token = re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/users").text).group(1)  # type: ignore[union-attr]
    new = {"action": "create", "username": "sj_huzhu", "display_name": "审计", "role": "department"}
    refused = c.post("/admin/users", data={**new, "unit": "630223:sj", "password": "password123", "csrf": token})
    assert refused.status_code == 400 and "太常见" in refused.text


@pytest.mark.slow  # several seconds: out of `make test-fast`, still in `make test`
def test_password_checks_hold_neither_the_event_loop_nor_the_webhooks_threads(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = client(engine).app
    count_verifications(monkeypatch, delay_s=1.0)
    logins = PAGE_THREADS + 1  # every page thread taken, one login waiting for a thread

    async def scenario() -> tuple[float, float]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://qf.test") as http:
            page = await http.get("/admin/login")
            token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
            started = time.perf_counter()
            form = {"csrf": token, "username": "jw_huzhu", "password": "x" * 12}
            posts = [asyncio.create_task(http.post("/admin/login", data=form)) for _ in range(logins)]
            await asyncio.sleep(0.2)  # the first login is now inside its password check
            # /healthz is a plain function FastAPI runs in the default thread pool, as the webhook's work.
            health = await http.get("/healthz")
            health_done = time.perf_counter() - started
            assert health.status_code == 200 and not any(p.done() for p in posts)
            assert [(await p).status_code for p in posts] == [400] * logins
            return health_done, time.perf_counter() - started

    health_done, logins_done = asyncio.run(scenario())
    assert health_done < 0.9 < logins * 1.0 <= logins_done  # the checks ran one at a time


def test_argon2_runs_on_a_lower_priority_thread_than_the_webhook() -> None:
    # libargon2's lane threads inherit the nice value, so a login flood yields the CPU to the webhook.
    assert slow_hash.worker_nice() > os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_users_create_on_the_command_line_refuses_a_weak_password(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    load_org(make_sessionmaker(engine), users=False)
    monkeypatch.setenv("QF_DATABASE_URL", url_of(engine))
    get_settings.cache_clear()
    args = ["users", "create", "--username", "jw_huzhu", "--role", "county_discipline", "--unit", "630223:jw"]
    try:
        monkeypatch.setattr("sys.stdin", io.StringIO("password123\n"))
        assert main(args) == 2
        assert "太常见" in capsys.readouterr().out
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        assert main(args) == 0
    finally:
        get_settings.cache_clear()
    with make_sessionmaker(engine)() as s:
        assert s.scalar(select(func.count()).select_from(StaffUser).where(StaffUser.username == "jw_huzhu")) == 1
