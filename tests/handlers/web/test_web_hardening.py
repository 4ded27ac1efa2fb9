"""Web hardening (issue #15, low list): tokens and cookies in any text, security headers on every response,
a deadline for request bodies, quiet client disconnects, and bounded metric labels."""

from __future__ import annotations

import logging
import re
import secrets
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import anyio
import httpx
import pytest
from fastapi.testclient import TestClient
from prometheus_client import generate_latest
from sqlalchemy import Engine
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cases.evidence.media_store import FileMediaStore
from handlers.web.security_headers import tile_origin
from storage.db import make_engine, make_sessionmaker, transaction
from storage.migrate import upgrade
from storage.models.cases import CaseEvidence
from storage.types import utcnow
from tests.cases_support import VILLAGE, report, submit_once
from tests.h5_support import csrf_of, h5_client, png_bytes
from tests.staff_support import PASSWORD
from tests.webhook_support import TOKEN, Sender, event_xml, make_client
from wechat.crypto import sha1_signature

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Text that is not ASCII, as a browser or a forger may send it: UTF-8 in a form, raw bytes in a cookie.
NON_ASCII = "令牌é"
RAW = NON_ASCII.encode()


@pytest.fixture
def client(engine: Engine, tmp_path: Path) -> TestClient:
    return h5_client(engine, tmp_path / "media", users=True)


def _login(c: TestClient, username: str = "jw_huzhu") -> str:
    c.cookies.clear()
    token = csrf_of(c.get("/admin/login").text)
    c.post("/admin/login", data={"csrf": token, "username": username, "password": PASSWORD})
    return csrf_of(c.get("/admin/cases").text)


def _raw_get(c: TestClient, path: str, cookie: bytes) -> httpx.Response:
    c.cookies.clear()
    return c.get(path, headers={"cookie": cookie}, follow_redirects=False)  # type: ignore[dict-item]


# -- non-ASCII tokens and cookies ----------------------------------------------------------------


def test_non_ascii_staff_cookies_are_not_a_session(client: TestClient) -> None:
    _login(client)
    cookie = client.cookies["qf_admin"]
    body, mac = cookie.split(".")
    for forged in (f"{body}.{mac[:-2]}é".encode(), f"{body[:-2]}é.{mac}".encode(), b"\xff\xfe.\xfd"):
        reply = _raw_get(client, "/admin/cases", b"qf_admin=" + forged)
        assert reply.status_code == 303 and reply.headers["location"] == "/admin/login", forged


def test_non_ascii_login_cookie_and_token_are_refused_plainly(client: TestClient) -> None:
    page = _raw_get(client, "/admin/login", b"qf_login=" + RAW * 6)
    assert page.status_code == 200 and "qf_login=" in page.headers["set-cookie"]
    assert RAW.decode("latin-1") not in page.headers["set-cookie"]  # a fresh nonce, not the junk echoed
    client.cookies.clear()
    token = csrf_of(client.get("/admin/login").text)
    refused = client.post("/admin/login", data={"csrf": NON_ASCII, "username": "jw_huzhu", "password": PASSWORD})
    assert refused.status_code == 403 and "CSRF" in refused.text
    client.cookies.clear()
    junk_nonce = client.post(
        "/admin/login",
        data={"csrf": token, "username": "jw_huzhu", "password": PASSWORD},
        headers={"cookie": b"qf_login=" + RAW * 6},  # type: ignore[dict-item]
    )
    assert junk_nonce.status_code == 403


def test_non_ascii_admin_csrf_token_is_a_403(client: TestClient) -> None:
    token = _login(client)
    refused = client.post("/admin/notices/read", data={"csrf": token[:-1] + "é"}, follow_redirects=False)
    assert refused.status_code == 403 and "CSRF" in refused.text


def test_non_ascii_h5_token_and_photo_signature_get_clear_answers(client: TestClient) -> None:
    form = client.get(f"/v/{VILLAGE}/report").text
    token = csrf_of(form)
    refused = client.post(f"/v/{VILLAGE}/track", data={"csrf": NON_ASCII, "number": "x", "code": "y"})
    assert refused.status_code == 403 and "安全校验失败" in refused.text
    forged_photo = f"ab/{'0' * 64}.png|image/png|100|{NON_ASCII}"
    reply = client.post(
        f"/v/{VILLAGE}/report",
        data={"csrf": token, "key": "k" * 20, "category": "", "description": "", "photo": forged_photo},
    )
    assert reply.status_code == 400 and forged_photo not in reply.text  # the form again; the forgery dropped


# -- security headers ----------------------------------------------------------------------------

HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options")


def _stored_photo(engine: Engine, media_dir: Path) -> str:
    """A case with one stored photo; the staff URL of that photo."""
    sessions = make_sessionmaker(engine)
    sub = submit_once(sessions, report(), "k-headers-photo")
    FileMediaStore(media_dir).put(key="ab/headers.png", content=png_bytes())
    with transaction(sessions) as s:
        row = CaseEvidence(
            case_id=sub.case_id,
            kind="image",
            download_status="stored",
            storage_key="ab/headers.png",
            content_type="image/png",
            size_bytes=len(png_bytes()),
            sha256="0" * 64,
            created_at=utcnow(),
        )
        s.add(row)
        s.flush()
        return f"/admin/cases/{sub.case_id}/media/{row.id}"


def test_every_kind_of_response_carries_the_security_headers(
    client: TestClient, engine: Engine, tmp_path: Path
) -> None:
    media = _stored_photo(engine, tmp_path / "media")

    async def boom(_request: Request) -> Response:
        raise RuntimeError("a bug the guard turns into a 503")

    client.app.router.routes.append(Route("/boom", boom))  # type: ignore[attr-defined]
    anonymous = [
        ("GET", "/admin/login", 200),
        ("GET", "/admin", 303),  # a redirect
        ("GET", "/admin/static/admin.css", 200),
        ("GET", "/admin/static/admin.js", 200),
        ("GET", "/v/static/h5.js", 200),
        ("GET", f"/v/{VILLAGE}", 200),
        ("GET", f"/v/{VILLAGE}/code.png", 200),
        ("POST", f"/v/{VILLAGE}/track", 403),  # no CSRF token
        ("GET", "/no-such-page", 404),
        ("PUT", "/healthz", 405),
        ("GET", "/healthz", 200),
        ("GET", "/metrics", None),  # 200, or 404 to a scraper it does not know
        ("GET", "/boom", 503),
    ]
    replies = [(m, p, want, client.request(m, p, follow_redirects=False)) for m, p, want in anonymous]
    _login(client)
    replies += [("GET", media, 200, client.get(media)), ("GET", media + "9", 404, client.get(media + "9"))]
    for method, path, want, reply in replies:
        assert reply.status_code == want or (want is None and reply.status_code < 500), (method, path, reply)
        missing = [h for h in HEADERS if h not in reply.headers]
        assert not missing, (method, path, missing)
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert "strict-transport-security" not in reply.headers  # plain HTTP, cookie not Secure
    csp = replies[0][3].headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp


def test_pages_use_no_inline_script_or_style(client: TestClient, engine: Engine, tmp_path: Path) -> None:
    _stored_photo(engine, tmp_path / "media")
    _login(client)
    pages = ["/admin/login", "/admin/cases", f"/v/{VILLAGE}", f"/v/{VILLAGE}/report", f"/v/{VILLAGE}/track"]
    inline = re.compile(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=|javascript:", re.IGNORECASE)
    for path in pages:
        text = client.get(path).text
        assert not inline.search(text), (path, inline.findall(text))


def test_the_tile_server_may_serve_images_and_https_gets_hsts(engine: Engine, tmp_path: Path) -> None:
    tiles = h5_client(engine, tmp_path / "m1", map_tile_url="https://tiles.example.org:8443/{z}/{x}/{y}.png")
    csp = tiles.get("/admin/login").headers["content-security-policy"]
    assert "img-src 'self' blob: https://tiles.example.org:8443;" in csp
    over_https = TestClient(tiles.app, base_url="https://testserver")  # as uvicorn reports a trusted proxy's
    assert over_https.get("/healthz").headers["strict-transport-security"].startswith("max-age=")
    secure = make_client(engine, media_dir=tmp_path / "m2", cookie_secure=True)
    for path in ("/healthz", "/admin", "/no-such-page"):
        assert "max-age=31536000" in secure.get(path, follow_redirects=False).headers["strict-transport-security"]


def test_a_tile_url_that_is_not_a_plain_origin_adds_no_source() -> None:
    assert tile_origin("https://tiles.example.org/{z}/{x}/{y}.png") == "https://tiles.example.org"
    assert tile_origin("https://{s}.tiles.example.org/{z}/{x}/{y}.png") == ""
    assert tile_origin("https://a.org;script-src *@x/{z}/{x}/{y}") == ""


# -- request bodies: a deadline, and clients that leave ------------------------------------------

BODY_PATHS = ("/admin/login", f"/v/{VILLAGE}/report", "/wechat")


class AllRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if all(r is not record for r in self.records):  # seen by "qingfeng" and again by the root logger
            self.records.append(record)


def signed_query() -> dict[str, str]:
    """A fresh, correctly signed webhook query, so that the webhook goes on to read the body."""
    nonce = secrets.token_hex(8)
    timestamp = str(int(time.time()))
    return {"signature": sha1_signature(TOKEN, timestamp, nonce), "timestamp": timestamp, "nonce": nonce}


def _send_body(app: Any, path: str, parts: list[bytes], *, then: str, gap: float = 0.0) -> tuple[int, dict[str, str]]:
    """POST `parts` (each `gap` seconds after the last) with more to come, then: "finish" (the last part
    ends the body), "stall" (the client sends nothing more) or "leave" (the client disconnects)."""
    out: dict[str, Any] = {"status": 0, "headers": {}}
    parts = list(parts)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": urlencode(signed_query()).encode() if path == "/wechat" else b"",
        "headers": [
            (b"host", b"testserver"),
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"content-length", b"4096"),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
        "extensions": {},
        "state": {},
    }

    async def receive() -> dict[str, Any]:
        if parts:
            await anyio.sleep(gap)
            part = parts.pop(0)
            return {"type": "http.request", "body": part, "more_body": bool(parts) or then != "finish"}
        if then == "leave":
            return {"type": "http.disconnect"}
        await anyio.sleep_forever()
        raise AssertionError

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            out["status"] = message["status"]
            out["headers"] = {k.decode(): v.decode() for k, v in message["headers"]}

    async def run() -> None:
        with anyio.fail_after(10):  # before the deadline existed, a stalled body was waited on forever
            await app(scope, receive, send)

    anyio.run(run)
    return out["status"], out["headers"]


def test_a_body_that_stalls_or_trickles_past_its_deadline_gets_a_408(engine: Engine, tmp_path: Path) -> None:
    app = make_client(engine, media_dir=tmp_path, body_timeout_s=0.3, body_min_rate_kb=10_000).app
    for path in BODY_PATHS:
        started = time.perf_counter()
        status, headers = _send_body(app, path, [b"csrf=x"], then="stall")
        assert status == 408 and headers["connection"] == "close", (path, status)
        assert time.perf_counter() - started < 3
        status, _ = _send_body(app, path, [b"a"] * 20, then="finish", gap=0.05)  # 1 s for a 4 KB body
        assert status == 408, (path, status)
        status, _ = _send_body(app, path, [b"a"] * 3, then="finish", gap=0.01)  # in time: the route answers
        assert status not in (0, 408) and status < 500, (path, status)


def test_a_client_that_leaves_mid_body_is_no_error(engine: Engine, tmp_path: Path) -> None:
    app = make_client(engine, media_dir=tmp_path).app
    records = AllRecords()
    loggers = [logging.getLogger(), logging.getLogger("qingfeng")]
    level = loggers[1].level
    loggers[1].setLevel(logging.DEBUG)
    for lg in loggers:
        lg.addHandler(records)
    try:
        for path in BODY_PATHS:
            status, _ = _send_body(app, path, [b"csrf=x&user"], then="leave")
            assert status < 500, (path, status)
    finally:
        loggers[1].setLevel(level)
        for lg in loggers:
            lg.removeHandler(records)
    errors = [r for r in records.records if r.levelno >= logging.WARNING or r.exc_info]
    assert not errors, [(r.levelname, r.getMessage()) for r in errors]
    left = [r for r in records.records if r.getMessage() == "client left while sending the body"]
    assert len(left) == len(BODY_PATHS) and all(r.levelno == logging.INFO for r in left)


# -- metrics -------------------------------------------------------------------------------------


def _metrics(client: TestClient) -> str:
    """What /metrics serves (read from the registry: who may fetch /metrics is not the question here)."""
    return generate_latest(client.app.state.metrics.registry).decode()  # type: ignore[attr-defined]


@pytest.mark.slow  # several seconds: out of `make test-fast`, still in `make test`
def test_metrics_stay_small_whatever_senders_put_in_labels(tmp_path: Path) -> None:
    """2,000 made-up Event names (once 4.2 MB of /metrics) and 200 made-up methods add no label value.
    On SQLite alone: the database plays no part in what the metrics hold."""
    engine = make_engine(f"sqlite:///{tmp_path / 'metrics.db'}")
    upgrade(engine)
    client = make_client(engine)
    sender = Sender(client)
    sender.post(event_xml("o-metrics", "subscribe", "qrscene_" + VILLAGE))
    client.request("BREW", "/healthz")
    before = _metrics(client)
    for i in range(2000):
        status, _ = sender.post(event_xml("o-metrics", f"made_up_event_{i}"))
        assert status == 200
    for i in range(200):
        client.request(f"METHOD{i}", "/healthz")
    after = _metrics(client)
    assert len(after) - len(before) < 2000, len(after) - len(before)
    assert 'event="other"' in after and 'event="subscribe_scan"' in after and 'method="other"' in after
    assert "made_up_event" not in after and "METHOD1" not in after
    engine.dispose()
