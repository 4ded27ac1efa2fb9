"""The page kernel (handlers/web/page_kernel.py) on its own: the body cap, the form's 400 and 413, the
transaction and its retry, refusals, and the staff and device gates (handlers/web/gates.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from starlette.applications import Starlette
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from cases.intake import ratelimit
from cases.staff import accounts
from handlers.admin.views import Admin, StaffCtx
from handlers.runtime import Runtime
from handlers.web import staff_auth
from handlers.web.db_errors import deadlock_victim, lost_race
from handlers.web.gates import DeviceGate
from handlers.web.http_errors import BodyLimit
from handlers.web.page_kernel import FormRules, Gate, PageCtx, PageKernel, Refused, Wording
from storage.db import make_sessionmaker, transaction
from storage.types import utcnow
from tests.cases_support import KEYS
from tests.staff_support import PASSWORD, load_org
from tests.webhook_support import settings_for_tests

WORDS = Wording(
    too_big="太大了",
    too_big_read="读着读着太大了",
    bad_form="格式不对",
    db_down="数据库不可用",
    unexpected="出错了",
    nul="有怪字符",
)
BUCKET = "kernel-test"
SECRET = "s" * 40


class _PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


@dataclass
class DemoCtx(PageCtx):
    who: str


class Anyone(Gate[DemoCtx]):
    def admit(self, request: Request, session: Session, form: FormData | None) -> DemoCtx | Response:
        return DemoCtx(request, session, "", form, "anyone")


def count(session: Session) -> int:
    """Count one more use of the test bucket; the number says how many committed before."""
    return ratelimit.take(session, bucket=BUCKET, limit=10**6, expires_at=utcnow() + timedelta(hours=1))


def app_for(
    engine: Engine, page: object, *, retry: object = deadlock_victim, gate: Gate[DemoCtx] | None = None
) -> TestClient:
    kernel = PageKernel(
        make_sessionmaker(engine),
        edge="test",
        wording=WORDS,
        error_page=lambda message, status: PlainTextResponse(message, status_code=status),
        form=FormRules(max_body=1000),
        retry=retry,  # type: ignore[arg-type]
    )
    endpoint = kernel.page(page, gate or Anyone())  # type: ignore[arg-type]
    app = Starlette(routes=[Route("/x", endpoint, methods=["GET", "POST"])])
    return TestClient(BodyLimit(app, max_body=5000), raise_server_exceptions=False)  # type: ignore[arg-type]


def committed(engine: Engine) -> int:
    with transaction(make_sessionmaker(engine)) as session:
        return count(session) - 1


def flaky(failures: int, error: Exception) -> tuple[object, list[int]]:
    calls: list[int] = []

    async def page(ctx: DemoCtx) -> Response:
        calls.append(1)
        count(ctx.session)  # written in every attempt: only the last attempt's write may be kept
        if len(calls) <= failures:
            raise error
        return PlainTextResponse("done")

    return page, calls


def serialisation_failure() -> OperationalError:
    return OperationalError("UPDATE case_stat_cells ...", {}, _PgError("40001"))


# -- the transaction and its retry ---------------------------------------------------------------------


def test_a_serialisation_failure_is_retried_in_a_fresh_transaction(engine: Engine) -> None:
    page, calls = flaky(2, serialisation_failure())
    resp = app_for(engine, page).get("/x")
    assert resp.status_code == 200 and resp.text == "done" and len(calls) == 3
    assert committed(engine) == 1  # the two lost attempts rolled back


def test_retries_are_bounded_then_the_outage_page(engine: Engine) -> None:
    page, calls = flaky(10, serialisation_failure())
    resp = app_for(engine, page).get("/x")
    assert resp.status_code == 503 and resp.text == WORDS.db_down and len(calls) == 3
    assert committed(engine) == 0


def test_a_lost_race_is_retried_where_the_edge_says_so(engine: Engine) -> None:
    race = IntegrityError("INSERT INTO cases ...", {}, Exception("unique"))
    page, calls = flaky(1, race)
    assert app_for(engine, page, retry=lost_race).get("/x").text == "done" and len(calls) == 2
    page, calls = flaky(1, race)
    resp = app_for(engine, page, retry=deadlock_victim).get("/x")  # the admin pages: not a race to retry
    assert resp.status_code == 503 and resp.text == WORDS.unexpected and len(calls) == 1


def test_a_refusal_is_the_edge_page_and_rolls_the_transaction_back(engine: Engine) -> None:
    async def page(ctx: DemoCtx) -> Response:
        count(ctx.session)
        raise Refused(429, "太频繁了")

    resp = app_for(engine, page).get("/x")
    assert resp.status_code == 429 and resp.text == "太频繁了"
    assert committed(engine) == 0


# -- the body and the form -----------------------------------------------------------------------------


async def echo(ctx: DemoCtx) -> Response:
    assert ctx.form is not None
    return PlainTextResponse(f"{ctx.who}:{ctx.form.get('name')}")


def test_a_body_over_the_cap_is_a_413_without_reading_it() -> None:
    page, calls = flaky(0, serialisation_failure())
    client = app_for_no_db(page)
    resp = client.post(
        "/x", content=b"name=" + b"x" * 2000, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert resp.status_code == 413 and resp.text == WORDS.too_big and calls == []


def test_a_body_over_the_apps_limit_while_read_is_a_413(engine: Engine) -> None:
    chunks = (b"name=" if i == 0 else b"x" * 1000 for i in range(8))  # no Content-Length: chunked
    resp = app_for(engine, echo).post(
        "/x", content=chunks, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert resp.status_code == 413 and resp.text == WORDS.too_big_read


def test_a_malformed_form_is_a_400() -> None:
    resp = app_for_no_db(echo).post("/x", content=b"garbage", headers={"content-type": "multipart/form-data"})
    assert resp.status_code == 400 and resp.text == WORDS.bad_form


def test_a_nul_character_is_a_400() -> None:
    resp = app_for_no_db(echo).post("/x", data={"name": "a\x00b"})
    assert resp.status_code == 400 and resp.text == WORDS.nul


def test_a_form_reaches_the_page(engine: Engine) -> None:
    assert app_for(engine, echo).post("/x", data={"name": "张三"}).text == "anyone:张三"


def app_for_no_db(page: object) -> TestClient:
    """Refusals before the transaction need no database: a session factory that must not be called."""

    def no_sessions() -> Session:
        raise AssertionError("the database was reached")

    kernel = PageKernel(
        no_sessions,  # type: ignore[arg-type]
        edge="test",
        wording=WORDS,
        error_page=lambda message, status: PlainTextResponse(message, status_code=status),
        form=FormRules(max_body=1000),
        retry=deadlock_victim,
    )
    app = Starlette(routes=[Route("/x", kernel.page(page, Anyone()), methods=["GET", "POST"])])  # type: ignore[arg-type]
    return TestClient(app, raise_server_exceptions=False)


# -- the staff gate (the admin pages) ------------------------------------------------------------------


def staff_app(engine: Engine) -> tuple[TestClient, str, str]:
    """An app with one staff page and one administrators' page; a department user's cookie and CSRF token."""
    runtime = Runtime.from_settings(settings_for_tests(identity_key=KEYS.current), engine=engine)
    load_org(runtime.sessions, users=False)
    with transaction(runtime.sessions) as session:
        user = accounts.create_user(
            session,
            username="nync",
            role="department",
            unit_code="630223:nync",
            display_name="农业农村局",
            password=PASSWORD,
            now=utcnow(),
        )
        cookie = staff_auth.start_session(session, runtime.settings.secret_key, user=user, now=utcnow())
    sess = staff_auth.read_cookie(runtime.settings.secret_key, cookie)
    assert sess is not None
    admin = Admin(runtime)

    async def whoami(ctx: StaffCtx) -> Response:
        return PlainTextResponse(ctx.viewer.username)  # never None behind the staff gate

    app = Starlette(
        routes=[
            Route("/admin/me", admin.page(whoami), methods=["GET", "POST"]),
            Route("/admin/only-admins", admin.page(whoami, roles=("admin",)), methods=["GET"]),
        ]
    )
    return (
        TestClient(app, raise_server_exceptions=False),
        cookie,
        staff_auth.csrf_token(runtime.settings.secret_key, sess),
    )


def test_the_staff_gate_sends_strangers_to_the_login_page(engine: Engine) -> None:
    client, _cookie, _csrf = staff_app(engine)
    resp = client.get("/admin/me", follow_redirects=False)
    assert resp.status_code == 303 and resp.headers["location"] == "/admin/login"
    client.cookies.set(staff_auth.COOKIE, "forged.cookie")
    assert client.get("/admin/me", follow_redirects=False).status_code == 303


def test_the_staff_gate_admits_staff_and_refuses_other_roles_and_posts_without_csrf(engine: Engine) -> None:
    client, cookie, csrf = staff_app(engine)
    client.cookies.set(staff_auth.COOKIE, cookie)
    assert client.get("/admin/me").text == "nync"
    refused = client.get("/admin/only-admins")
    assert refused.status_code == 403 and "您的角色无权访问此页面" in refused.text
    forged = client.post("/admin/me", data={"csrf": "not-the-token"})
    assert forged.status_code == 403 and "安全校验失败（CSRF）" in forged.text
    assert client.post("/admin/me", data={"csrf": csrf}).text == "nync"


# -- the device gate (the H5 pages) --------------------------------------------------------------------


class Device(DeviceGate[DemoCtx]):
    def __init__(self, limited: list[str]) -> None:
        super().__init__(SECRET, secure=False, cookie="qf_dev", path="/", max_age_s=3600)
        self.limited = limited

    def context(
        self, request: Request, session: Session, form: FormData | None, device: str, new_device: bool, csrf: str
    ) -> DemoCtx:
        return DemoCtx(request, session, csrf, form, device)

    def refuse_csrf(self, ctx: DemoCtx) -> Response:
        return PlainTextResponse("csrf", status_code=403)

    def limit(self, ctx: DemoCtx) -> None:
        self.limited.append(ctx.who)


def test_the_device_gate_sets_its_cookie_and_binds_csrf_to_it(engine: Engine) -> None:
    limited: list[str] = []

    async def page(ctx: DemoCtx) -> Response:
        return PlainTextResponse(ctx.csrf)

    client = app_for(engine, page, gate=Device(limited))
    first = client.post("/x", data={"csrf": "anything"})
    assert first.status_code == 403 and "qf_dev" in first.cookies  # a new device cannot post, but gets its cookie
    token = client.get("/x").text
    assert token == staff_auth.device_csrf(SECRET, client.cookies["qf_dev"]) and limited == []
    assert client.post("/x", data={"csrf": "x" + token}).status_code == 403
    assert client.post("/x", data={"csrf": token}).status_code == 200 and limited == [client.cookies["qf_dev"]]


def test_the_device_cookie_is_set_on_error_pages_too(engine: Engine) -> None:
    async def page(ctx: DemoCtx) -> Response:
        raise Refused(429, "太频繁了")

    resp = app_for(engine, page, gate=Device([])).get("/x")
    assert resp.status_code == 429 and "qf_dev" in resp.cookies


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_gate_may_answer_without_the_page(engine: Engine, method: str) -> None:
    class Closed(Gate[DemoCtx]):
        def admit(self, request: Request, session: Session, form: FormData | None) -> DemoCtx | Response:
            return PlainTextResponse("closed", status_code=403)

    page, calls = flaky(0, serialisation_failure())
    resp = app_for(engine, page, gate=Closed()).request(method, "/x")
    assert resp.status_code == 403 and resp.text == "closed" and calls == []
