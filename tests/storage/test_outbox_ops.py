"""Failures are loud and visible: each failed delivery attempt is a WARNING (rate-limited per kind, never
an openid or content), giving up is an ERROR; the administrator's operations page and `qingfeng outbox`
show what waits and why, and retry; the case page says why a photo is missing. SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases.evidence.media_jobs import outbox_kinds
from cases.evidence.media_store import FileMediaStore
from cases.interop import case_hooks
from cases.validation import EvidenceInput
from handlers.cli import outbox as cli_outbox
from handlers.runtime import Runtime
from storage.db import make_sessionmaker, transaction
from storage.models import OutboxMessage
from storage.repos import outbox, outbox_ops
from storage.types import utcnow
from tests.cases_support import report, submit_once
from tests.handlers.admin.test_admin_pages import client, login
from tests.image_support import jpeg_bytes
from wechat.client import WechatClient
from wechat.delivery import FAILURES, FailureLog, deliver_due
from wechat.failure_text import explain
from wechat.standin import StandinWechat

OPENID = "o-villager-secret-7"
TEXT = "您反映的问题已受理，编号 630223-2026-000001"


def add(sessions: sessionmaker[Session], key: str, openid: str = OPENID) -> int:
    with transaction(sessions) as s:
        return outbox.enqueue(s, key=key, kind="kefu_text", payload={"text": TEXT}, now=utcnow(), openid=openid).id


def test_each_failed_attempt_warns_once_a_minute_per_kind_and_giving_up_is_an_error(
    sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat, caplog: pytest.LogCaptureFixture
) -> None:
    FAILURES._last.clear()
    wx.fail(40001, path="message/custom/send")  # a wrong AppSecret: every message fails
    for n in range(3):
        add(sessions, f"k{n}")
    with caplog.at_level(logging.WARNING, logger="wechat.delivery"):
        report = deliver_due(sessions=sessions, api=api, now=utcnow(), template_id="")
    assert report.retrying == 3
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1  # three failures, one line: the rest are folded into the next one
    line = warnings[0].getMessage()
    assert "kefu_text" in line and "40001" in line and "attempt 1" in line
    assert OPENID not in caplog.text and "630223-2026" not in caplog.text
    # Giving up (a permanent error) is an ERROR, every time.
    caplog.clear()
    wx.clear_failures()
    wx.fail(40003, path="message/custom/send")
    with caplog.at_level(logging.WARNING, logger="wechat.delivery"):
        report = deliver_due(sessions=sessions, api=api, now=utcnow() + timedelta(hours=1), template_id="")
    assert report.dead == 3
    assert [r.levelno for r in caplog.records].count(logging.ERROR) == 3
    assert OPENID not in caplog.text


def test_the_failure_log_folds_repeats_and_says_how_many(caplog: pytest.LogCaptureFixture) -> None:
    log = FailureLog(every_s=60)
    with caplog.at_level(logging.WARNING, logger="wechat.delivery"):
        for t in range(5):
            log.attempt_failed("template", 1, "WeChat error -1: timed out", now_s=100.0 + t)
        log.attempt_failed("media_download", 2, "WeChat error 40007: invalid media_id", now_s=104.0)
        log.attempt_failed("template", 3, "WeChat error -1: timed out", now_s=161.0)
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 3
    assert "and 4 more failures" in messages[2] and messages[1].startswith("outbox media_download")


def test_summary_retry_and_the_lease(sessions: sessionmaker[Session]) -> None:
    now = utcnow()
    a, b, c = add(sessions, "a"), add(sessions, "b"), add(sessions, "c")
    with transaction(sessions) as s:
        for row_id, permanent in ((a, True), (b, False)):
            row = s.get(OutboxMessage, row_id)
            assert row is not None
            outbox.mark_failed(s, row=row, now=now, error="WeChat error 40001: invalid credential", permanent=permanent)
    with transaction(sessions) as s:
        (kind,) = outbox_ops.summary(s, now=now + timedelta(minutes=5))
        assert (kind.kind, kind.pending, kind.failing, kind.dead) == ("kefu_text", 2, 1, 1)
        assert kind.oldest_pending_s == pytest.approx(300, abs=5)
        assert explain(kind.last_error) == "公众号的 AppSecret 或接口凭证不对，请管理员检查设置"
        assert outbox_ops.failing_for_s(s, now=now + timedelta(minutes=5)) == pytest.approx(300, abs=5)
        assert outbox_ops.retry_kind(s, kind="kefu_text", now=now) == 1
        assert not outbox_ops.retry_row(s, row_id=999_999, now=now)
        assert outbox_ops.retry_row(s, row_id=b, now=now)
        assert not outbox_ops.lease_state(s, name="background", now=now).held
    with transaction(sessions) as s:
        rows = {r.id: r for r in s.scalars(select(OutboxMessage))}
        assert [(rows[i].status, rows[i].attempts) for i in (a, b, c)] == [("pending", 0)] * 3


def test_ops_page_shows_failures_in_words_warns_on_every_admin_page_and_retries(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    row_id, fresh_id = add(sessions, "old"), add(sessions, "new")
    with transaction(sessions) as s:
        row = s.get(OutboxMessage, row_id)
        assert row is not None
        row.created_at = utcnow() - timedelta(hours=2)  # failing since two hours: past the 30-minute alert
        outbox.mark_failed(s, row=row, now=utcnow(), error="WeChat error 40164: invalid ip", permanent=False)
        fresh = s.get(OutboxMessage, fresh_id)
        assert fresh is not None
        outbox.mark_failed(s, row=fresh, now=utcnow(), error="WeChat error 40164: invalid ip", permanent=True)
    # Staff with case access do not get the administrator's page.
    login(c, "jw_huzhu")
    assert c.get("/admin/ops").status_code == 403
    token = login(c, "admin")
    page = c.get("/admin/ops")
    assert page.status_code == 200
    assert "IP 白名单" in page.text and "回复群众的消息" in page.text and "微信错误码 40164" in page.text
    assert "kefu_text" not in re.sub(r'value="[^"]*"', "", page.text)  # no internal names shown, only in forms
    assert OPENID not in page.text and "630223-2026" not in page.text
    assert "没有进程在运行后台任务" in page.text
    users = c.get("/admin/users")
    assert "已连续失败" in users.text and 'href="/admin/ops"' in users.text
    # Without the CSRF token nothing is retried; with it the given-up row goes back to the queue.
    assert c.post("/admin/ops/retry", data={"kind": "kefu_text"}).status_code == 403
    done = c.post("/admin/ops/retry", data={"csrf": token, "kind": "kefu_text"})
    assert done.status_code == 200 and "已重新排队 1 条" in done.text
    with transaction(sessions) as s:
        assert s.get(OutboxMessage, fresh_id).status == "pending"  # type: ignore[union-attr]
    bad = c.post("/admin/ops/retry", data={"csrf": token, "kind": "nonsense"})
    assert bad.status_code == 400


def test_cli_outbox_lists_and_retries(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sessions = make_sessionmaker(engine)
    rt = Runtime.from_settings(engine=engine)
    monkeypatch.setattr(Runtime, "from_settings", lambda *a, **k: rt)
    row_id = add(sessions, "x")
    with transaction(sessions) as s:
        row = s.get(OutboxMessage, row_id)
        assert row is not None
        outbox.mark_failed(s, row=row, now=utcnow(), error="WeChat error 40007: invalid media_id", permanent=True)
    assert cli_outbox.cmd_status(object()) == 0  # type: ignore[arg-type]
    out = capsys.readouterr().out
    assert "kefu_text" in out and "NOT HELD" in out and "已过期或无效" in out and OPENID not in out
    from handlers.cli.main import main

    assert main(["outbox", "retry", "--id", str(row_id)]) == 0
    assert main(["outbox", "retry", "--id", "999999"]) == 1
    assert main(["outbox", "retry", "--kind", "kefu_text"]) == 0
    assert "0 kefu_text rows queued again" in capsys.readouterr().out


def test_the_case_page_says_why_a_photo_is_missing(engine: Engine, tmp_path: Path) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    kinds = outbox_kinds(sessions=sessions, store=FileMediaStore(tmp_path / "m"), max_bytes=4096)
    photos = (EvidenceInput(kind="image", media_id="busy"), EvidenceInput(kind="image", media_id="gone"))
    sub = submit_once(sessions, report("o-photos", evidence=photos), "photos-why")
    with StandinWechat() as wx:
        wx.fail(-1, path="media/get")  # WeChat unreachable: both retry
        with WechatClient(appid=wx.appid, secret=wx.secret, api_base=wx.url, sessions=sessions) as api:
            assert deliver_due(sessions=sessions, api=api, now=utcnow(), template_id="", kinds=kinds).retrying == 2
            login(c, "jw_huzhu")
            page = c.get(f"/admin/cases/{sub.case_id}").text
            assert page.count("下载失败，正在重试：微信服务器暂时连不上") == 2 and "下载中" not in page
            wx.clear_failures()
            wx.add_media("busy", jpeg_bytes(), "image/jpeg")  # "gone" is unknown to WeChat: 40007, for good
            deliver_due(sessions=sessions, api=api, now=utcnow() + timedelta(hours=1), template_id="", kinds=kinds)
    page = c.get(f"/admin/cases/{sub.case_id}").text
    assert "照片下载失败：微信上的文件已过期或无效" in page and page.count('<img class="photo"') == 1


def test_the_ops_page_counts_each_subscribers_deliveries(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as s:
        sub, _secret = case_hooks.subscribe(
            s, unit_code="630223:nync", url="https://grid.example.cn/hook", now=utcnow()
        )
        for n, (status, attempts) in enumerate((("sent", 1), ("sent", 1), ("dead", 8), ("pending", 0))):
            row = outbox.enqueue(s, key=f"hook:{sub.id}:{n}", kind="case_event", payload={"n": n}, now=utcnow())
            row.status, row.attempts = status, attempts
            row.last_error = "HTTP 502" if status == "dead" else None
    login(c, "admin")
    page = c.get("/admin/ops").text
    row = re.search(r"<tr><td>互助[^<]*农业农村局[^<]*</td>.*?</tr>", page, flags=re.S)
    assert row is not None and "https://grid.example.cn/hook" in row.group(0)
    cells = re.findall(r"<td>([^<]*)</td>", row.group(0))
    assert cells[2:7] == ["推送中", "2", "1", "0", "1"]
