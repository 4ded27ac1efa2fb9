"""Requests that reach no route, or carry too much, get a short Chinese answer (JSON under /api/)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Engine

from tests.webhook_support import make_client


def test_unknown_page_and_wrong_method_are_answered_in_chinese(engine: Engine) -> None:
    c = make_client(engine)
    missing = c.get("/no/such/page")
    assert missing.status_code == 404 and missing.text == "没有这个页面。"
    wrong = c.put("/wechat")
    assert wrong.status_code == 405 and wrong.text == "不支持这种请求方式。" and "POST" in wrong.headers["allow"]
    api = c.get("/api/no-such-endpoint")
    assert api.status_code == 404 and api.json() == {"error": "没有这个页面。"}
    browser = c.get("/no/such/page", headers={"accept": "text/html,application/xhtml+xml"})
    assert browser.status_code == 404 and browser.headers["content-type"].startswith("text/html")
    assert "<h1>没有这个页面。</h1>" in browser.text and '<a href="/">返回首页</a>' in browser.text


def test_an_admin_post_declaring_a_huge_body_is_refused_before_it_is_read(engine: Engine) -> None:
    c = make_client(engine)
    resp = c.post(
        "/admin/login",
        content=b"username=a",
        headers={"content-type": "application/x-www-form-urlencoded", "content-length": str(5 * 1024 * 1024)},
    )
    assert resp.status_code == 413 and "太大" in resp.text


def test_a_chunked_body_beyond_the_largest_honest_request_is_cut_off(engine: Engine) -> None:
    # The largest honest request is an H5 report with 9 photos at QF_MEDIA_MAX_BYTES, plus 1 MB.
    c = make_client(engine, media_max_bytes=1024)
    limit = 9 * 1024 + 1024 * 1024

    def chunks() -> Iterator[bytes]:  # no Content-Length: the size is known only while reading
        sent = 0
        while sent <= limit:
            yield b"x" * 65536
            sent += 65536

    resp = c.post("/admin/login", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert resp.status_code == 413 and "提交的内容太大" in resp.text
    ok = c.post("/admin/login", data={"username": "a", "password": "b"})
    assert ok.status_code < 500
