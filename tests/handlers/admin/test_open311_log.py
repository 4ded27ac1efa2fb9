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
