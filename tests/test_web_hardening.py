"""Web hardening (issue #15, low list): tokens and cookies in any text, security headers on every response,
a deadline for request bodies, quiet client disconnects, and bounded metric labels."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cases.media_store import FileMediaStore
from handlers.security_headers import tile_origin
from storage.db import make_sessionmaker, transaction
from storage.models_cases import CaseEvidence
from storage.types import utcnow
from tests.cases_support import VILLAGE, report, submit_once
from tests.h5_support import csrf_of, h5_client, png_bytes
from tests.staff_support import PASSWORD
from tests.webhook_support import make_client

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
        ("GET", "/metrics", 200),
        ("GET", "/boom", 503),
    ]
    replies = [(m, p, want, client.request(m, p, follow_redirects=False)) for m, p, want in anonymous]
    _login(client)
    replies += [("GET", media, 200, client.get(media)), ("GET", media + "9", 404, client.get(media + "9"))]
    for method, path, want, reply in replies:
        assert reply.status_code == want, (method, path, reply.status_code)
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
