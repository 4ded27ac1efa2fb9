"""A failed push to another system is told on /admin/ops and /admin/open311 in plain Chinese about that system:
never WeChat, never the raw English error."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from cases.interop import case_hooks
from storage.db import make_sessionmaker
from storage.types import utcnow
from tests.cases_support import report, submit_once
from tests.h5_support import h5_client
from tests.handlers.api.test_open311 import admin_login
from wechat.delivery import deliver_due

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno 111] Connection refused", request=request)


def test_an_unreachable_subscriber_is_told_without_wechat_or_english(engine: Engine, tmp_path: Path) -> None:
    http = h5_client(engine, tmp_path, users=True)
    sessions = make_sessionmaker(engine)
    with http:
        token = admin_login(http, "admin")
        added = http.post(
            "/admin/open311/subscribers", data={"csrf": token, "unit": "630223:jw", "url": "http://127.0.0.1:9/hook"}
        )
        assert added.status_code == 200
        submit_once(sessions, report(), "push-refused")
        kinds = case_hooks.outbox_kinds(sessions=sessions, transport=httpx.MockTransport(_refuse))
        done = deliver_due(sessions=sessions, api=None, now=utcnow() + timedelta(seconds=1), kinds=kinds)  # type: ignore[arg-type]
        assert done.retrying >= 1
        ops = http.get("/admin/ops").text
        open311 = http.get("/admin/open311").text
    for page in (ops, open311):
        assert "对接系统的接收地址连不上（连接被拒绝）" in page
        assert "ConnectError" not in page and "Errno" not in page and "Connection refused" not in page
    cells = re.findall(r"<td>([^<]*)</td>", ops + open311)
    assert not [c for c in cells if "连接微信" in c or "微信服务器" in c], cells
