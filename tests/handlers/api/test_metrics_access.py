"""/metrics labels requests by route template and is served only with the bearer token, or, without
one configured, only to this machine; /healthz tells whether a process holds the worker lease."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from handlers.jobs.worker import LEASE_NAME
from storage.db import make_sessionmaker, transaction
from storage.repos import leases
from storage.types import utcnow
from tests.webhook_support import Sender, make_client, text_xml

TOKEN = "scrape-token-2"


def scrape(c: TestClient) -> str:
    reply = c.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert reply.status_code == 200
    return reply.text


def test_routes_are_labelled_by_their_template(engine: Engine) -> None:
    c = make_client(engine, metrics_token=TOKEN)
    Sender(c).post(text_xml("o-route", "菜单"))
    for scene in ("630223106213", "630223106214", "630223106215"):
        c.get(f"/v/{scene}")
    c.get("/admin/cases/12345")
    c.get("/no-such-page-123")
    text = scrape(c)
    routes = set(re.findall(r'qingfeng_http_requests_total\{[^}]*route="([^"]*)"', text))
    assert {"/wechat", "/v/{scene}", "/admin/cases/{case_id}", "unmatched"} <= routes
    assert not any(re.search(r"\d{6}", r) for r in routes)  # no scene, case or number ever becomes a label


@pytest.mark.parametrize(
    "header",
    [None, "Bearer wrong", "Basic " + TOKEN, f"Bearer {TOKEN}x", "Bearer 令牌"],
)
def test_metrics_need_the_token(engine: Engine, header: str | None) -> None:
    c = make_client(engine, metrics_token=TOKEN)
    headers = {"Authorization": header.encode()} if header else {}
    reply = c.get("/metrics", headers=headers)
    assert reply.status_code == 404 and "qingfeng_" not in reply.text


def test_without_a_token_only_this_machine_may_scrape(engine: Engine) -> None:
    c = make_client(engine)
    assert c.get("/metrics").status_code == 404  # the test client is not a loopback address
    local = TestClient(c.app, client=("127.0.0.1", 50000))
    assert local.get("/metrics").status_code == 200
    forwarded = TestClient(c.app, client=("203.0.113.9", 50000))
    assert forwarded.get("/metrics").status_code == 404


def test_healthz_says_whether_the_worker_holds_its_lease(engine: Engine) -> None:
    c = make_client(engine)
    assert c.get("/healthz").json()["worker_lease_held"] is False
    with transaction(make_sessionmaker(engine)) as s:
        assert leases.try_acquire(s, name=LEASE_NAME, holder="host:1", now=utcnow(), ttl=timedelta(seconds=30))
    health = c.get("/healthz").json()
    assert health["worker_lease_held"] is True and "host:1" not in str(health)
