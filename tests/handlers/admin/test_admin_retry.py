"""An admin transaction that PostgreSQL aborts to break a deadlock is run again, not shown as an error."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from handlers.admin.views import Admin, AdminCtx
from handlers.runtime import Runtime
from tests.cases_support import KEYS
from tests.webhook_support import settings_for_tests


class _PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def _client(engine: Engine, sqlstate: str, failures: int) -> tuple[TestClient, list[int]]:
    runtime = Runtime.from_settings(settings_for_tests(identity_key=KEYS.current), engine=engine)
    admin = Admin(runtime)
    calls: list[int] = []

    async def flaky(ctx: AdminCtx) -> Response:
        calls.append(1)
        if len(calls) <= failures:
            raise OperationalError("UPDATE case_stat_cells ...", {}, _PgError(sqlstate))
        return PlainTextResponse("done")

    app = Starlette(routes=[Route("/x", admin.page(flaky, public=True))])
    return TestClient(app), calls


def test_a_deadlock_victim_is_retried_and_succeeds(engine: Engine) -> None:
    client, calls = _client(engine, "40P01", failures=2)
    resp = client.get("/x")
    assert resp.status_code == 200 and resp.text == "done" and len(calls) == 3


def test_retries_are_bounded_then_a_clear_503(engine: Engine) -> None:
    client, calls = _client(engine, "40001", failures=10)
    resp = client.get("/x")
    assert resp.status_code == 503 and "数据库暂时不可用" in resp.text and len(calls) == 3


def test_other_database_errors_are_not_retried(engine: Engine) -> None:
    client, calls = _client(engine, "57P01", failures=10)  # admin_shutdown: the server is going away
    resp = client.get("/x")
    assert resp.status_code == 503 and len(calls) == 1
