"""The 对接系统 page's push log names each event as the case timeline does (群众提交, 已受理 …), never by the
event's code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Engine

from cases.handling import case_steps, triage
from cases.interop import case_hooks
from handlers.admin.event_labels import ACTION_LABELS, HOOK_EVENT_LABELS, hook_event_label
from storage.db import make_sessionmaker, transaction
from storage.types import utcnow
from tests.cases_support import KEYS, report, submit_once
from tests.h5_support import h5_client
from tests.handlers.api.test_open311 import admin_login

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_every_pushed_event_has_a_chinese_label() -> None:
    assert set(HOOK_EVENT_LABELS) == set(case_hooks.EVENT_TYPES)
    assert all(re.fullmatch(r"[\u4e00-\u9fff（）]+", label) for label in HOOK_EVENT_LABELS.values())
    assert hook_event_label("created") == ACTION_LABELS["submitted"]
    assert hook_event_label("no-such-event") == "其他"


def test_the_push_log_shows_chinese_labels(engine: Engine, tmp_path: Path) -> None:
    http = h5_client(engine, tmp_path, users=True)
    sessions = make_sessionmaker(engine)
    with http:
        token = admin_login(http, "admin")
        added = http.post(
            "/admin/open311/subscribers", data={"csrf": token, "unit": "630223:jw", "url": "https://grid.example/h"}
        )
        assert added.status_code == 200
        number = submit_once(sessions, report(), "open311-log").number
        with transaction(sessions) as s:
            case = case_steps.get_case(s, number=number)
            triage.accept(s, case=case, actor="staff:jw_huzhu", keys=KEYS, now=utcnow())
        page = http.get("/admin/open311").text
    log = page[page.index("案件进展推送") :]
    cells = set(re.findall(r"<td>([^<]*)</td>", log))
    assert {"群众提交", "已受理"} <= cells, cells
    assert not cells & set(case_hooks.EVENT_TYPES)


def _words(html: str) -> str:
    """The page's main text as staff read it, without what they typed or were handed: the key and its first
    characters (<code>), the subscriber's address and the address field's example."""
    main = html[html.index("<main") : html.index("</main>")]
    main = re.sub(r"<code[^>]*>.*?</code>", "", main, flags=re.S)
    main = re.sub(r"<[^>]*>", " ", main)
    return re.sub(r"https?://\S+", "", main)


def test_the_page_speaks_plain_chinese_about_keys(engine: Engine, tmp_path: Path) -> None:
    http = h5_client(engine, tmp_path, users=True)
    with http:
        token = admin_login(http, "admin")
        key = {"csrf": token, "name": "互助县热线", "unit": "630223:jw", "rate": "60"}
        made = http.post("/admin/open311/keys", data=key)
        added = http.post(
            "/admin/open311/subscribers", data={"csrf": token, "unit": "630223:jw", "url": "https://grid.example/h"}
        )
        refused = http.post("/admin/open311/keys", data={"csrf": token, "name": "x", "unit": "630223:jw", "rate": "0"})
        page = http.get("/admin/open311").text
    assert made.status_code == 200 and "互助县热线 的对接密钥" in made.text
    assert added.status_code == 200 and "的验证密钥（对方用它核对推送确实来自清风）" in added.text
    assert refused.status_code == 400 and "每小时最多提交和查询次数应为" in refused.text
    for html in (page, made.text, added.text):
        words = _words(html)
        assert "对接密钥" in words
        left = re.findall(r"[A-Za-z][A-Za-z0-9]*", words.replace("H5", ""))
        assert not left, left  # no API, Open311 or other English
