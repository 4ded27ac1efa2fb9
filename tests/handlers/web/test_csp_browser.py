"""The Content-Security-Policy in headless Chromium: the case page's map draws its tiles from the
configured tile server (another origin) with nothing refused, and the coordinates page's county choice
still reloads the filter without an inline handler. Every browser suite's page fixture also fails a test
on any CSP refusal (tests/browser_support.csp_refusals). In CI a browser suite that cannot run fails."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from PIL import Image

from cases.validation import LocationInput
from tests.browser_support import served_app
from tests.cases_support import report, submit_once
from tests.handlers.admin.test_admin_browser import login
from tests.staff_support import load_org

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def _tile() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (256, 256), "lightblue").save(buf, format="PNG")
    return buf.getvalue()


class _Tiles(BaseHTTPRequestHandler):
    body = _tile()

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def tiles() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_map_loads_its_tiles_and_the_county_choice_reloads_under_the_policy(
    page: Any, tiles: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("csp")
    with served_app(root, load_org, map_tile_url=tiles + "/{z}/{x}/{y}.png") as srv:
        point = LocationInput(lat=36.84, lng=101.95, source="browser", datum="wgs84", accuracy_m=20)
        sub = submit_once(srv.runtime.sessions, report(location=point), "k-csp-map")
        loaded: list[str] = []
        page.on("response", lambda r: loaded.append(r.url) if r.url.startswith(tiles) and r.ok else None)
        login(page, _BaseOnly(srv.base), "jw_huzhu")
        page.goto(f"{srv.base}/admin/cases/{sub.case_id}")
        page.wait_for_load_state("networkidle")
        drawn = page.locator("svg.map image").count()
        assert drawn >= 4 and len(set(loaded)) == drawn, (drawn, loaded)
        login(page, _BaseOnly(srv.base), "admin")
        page.goto(f"{srv.base}/admin/coordinates")
        with page.expect_navigation():
            page.select_option("#c-county", index=1)
        assert "county=" in page.url
    # the page fixture asserts, on teardown, that the policy refused nothing


class _BaseOnly:
    """The one attribute tests.handlers.admin.test_admin_browser.login reads."""

    def __init__(self, base: str) -> None:
        self.base = base
