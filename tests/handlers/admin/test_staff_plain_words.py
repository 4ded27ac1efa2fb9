"""Operator jargon a county staff member cannot read, said plainly (SQLite and PostgreSQL): the scan page names a
poster by the 编号 printed on it (no 场景值), an answered inquiry says how the reply reaches the villager (no
客服消息 / 模板消息 / 48 小时), and the running-status page says the background work is running (no 续约)."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import Engine

from storage.db import make_sessionmaker, transaction
from storage.repos import inquiries, leases
from storage.repos.posters import NewPoster, add_posters
from storage.types import utcnow
from tests.cases_support import VILLAGE
from tests.handlers.admin.test_admin_pages import client, login

JARGON = ("场景值", "客服消息", "模板消息", "48 小时", "续约", "lease")


def _shown(html: str) -> str:
    return re.sub(r"<[^>]*>", "", html)


def test_staff_pages_say_what_operator_words_mean(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    c = client(engine)
    now = utcnow()
    with transaction(sessions) as s:
        add_posters(s, rows=[NewPoster(VILLAGE, 1, f"{VILLAGE}-1", "wechat", "x")], now=now)  # never scanned: listed
        asked = inquiries.record(
            s, openid="o-plain", village_code=VILLAGE, question="光伏收益咋分", candidates={}, now=now
        )
        asked.status, asked.answer, asked.answered_by, asked.answered_at = (
            "answered",
            "按村里公示的方案分。",
            "staff:jw_huzhu",
            now,
        )
        asked.notified = True
        inquiry_id = asked.id
    login(c, "jw_huzhu")
    scans = _shown(c.get("/admin/scans", params={"days": "30"}).text)
    assert "海报编号" in scans and "印在每张海报底部" in scans and f"{VILLAGE}-1" in scans
    inquiry = _shown(c.get(f"/admin/inquiries/{inquiry_id}").text)
    assert "已通过公众号发给群众" in inquiry and "答复直接出现在他的对话里" in inquiry and "服务通知" in inquiry
    login(c, "admin")
    idle = _shown(c.get("/admin/ops").text)
    assert "没有进程在运行后台任务" in idle and "正在运行" not in idle  # nothing changed when it is down
    with transaction(sessions) as s:
        assert leases.try_acquire(s, name="background", holder="test-worker", now=utcnow(), ttl=timedelta(seconds=30))
    running = _shown(c.get("/admin/ops").text)
    assert "后台任务：正在运行" in running and "自动报平安" in running
    for page in (scans, inquiry, idle, running):
        assert not any(word in page for word in JARGON)
