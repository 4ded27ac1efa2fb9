"""A push to an unreachable subscriber: the failure is told in words about the other system (never WeChat),
and logged as one warning line without a traceback or anyone's personal data; a bug keeps its traceback."""

from __future__ import annotations

import logging
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from cases.interop import case_hooks, hook_failure
from handlers.cli import outbox as cli_outbox
from handlers.runtime import Runtime
from storage.db import make_sessionmaker, transaction
from storage.repos import outbox
from storage.types import utcnow
from tests.cases.interop.test_case_hooks import file_case, world
from wechat import delivery
from wechat.delivery import FailureLog, deliver_due


class Refusing:
    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def __call__(self, request: httpx.Request) -> httpx.Response:
        raise self.exc


def _deliver(sessions: sessionmaker[Session], exc: Exception, key: str) -> None:
    world(sessions, None, "630223:jw")  # type: ignore[arg-type]
    kinds = case_hooks.outbox_kinds(sessions=sessions, transport=httpx.MockTransport(Refusing(exc)))
    file_case(sessions, key)
    report = deliver_due(sessions=sessions, api=None, now=utcnow() + timedelta(seconds=1), kinds=kinds)  # type: ignore[arg-type]
    assert report.retrying == 2 and report.sent == 0


def test_push_failures_are_told_without_blaming_wechat() -> None:
    cases = {
        "ConnectError('[Errno 111] Connection refused')": "连接被拒绝",
        "ConnectTimeout('timed out')": "超时",
        "ConnectError('[Errno -2] Name or service not known')": "域名解析失败",
        "subscriber answered HTTP 503": "返回错误 503",
        "subscriber answered 410 Gone": "不再接收",
    }
    for raw, words in cases.items():
        told = hook_failure.explain(case_hooks.CASE_EVENT, raw)
        assert words in told and told.startswith(("对接系统", "推送")) and "微信" not in told, (raw, told)
        assert hook_failure.wechat_errcode(case_hooks.CASE_EVENT, raw) is None
    assert "微信" not in hook_failure.explain_push("something odd")
    assert hook_failure.explain_push(None) == ""
    # WeChat's own deliveries keep WeChat's words.
    assert "微信" in hook_failure.explain("kefu_text", "ConnectError('[Errno 111] Connection refused')")
    assert hook_failure.wechat_errcode("template", "WeChat error 40001: invalid credential") == 40001


def test_an_unreachable_subscriber_is_one_warning_line_without_traceback(
    sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(delivery, "FAILURES", FailureLog())
    with caplog.at_level(logging.WARNING):
        _deliver(sessions, httpx.ConnectError("[Errno 111] Connection refused"), "hook-refused")
    assert not [r for r in caplog.records if r.exc_info], "an expected network failure logged a traceback"
    warnings = [r.getMessage() for r in caplog.records if "case_event" in r.getMessage()]
    assert len(warnings) == 1, warnings
    assert "ConnectError" in warnings[0] and "\n" not in warnings[0]
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "王五" not in text and "13900002222" not in text


def test_an_unexpected_error_keeps_its_traceback(
    sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(delivery, "FAILURES", FailureLog())
    with caplog.at_level(logging.WARNING):
        _deliver(sessions, ZeroDivisionError("a bug"), "hook-bug")
    assert [r for r in caplog.records if r.exc_info and "failed unexpectedly" in r.getMessage()]


def test_the_cli_status_tells_a_push_failure_without_wechat(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sessions = make_sessionmaker(engine)
    rt = Runtime.from_settings(engine=engine)
    monkeypatch.setattr(Runtime, "from_settings", lambda *a, **k: rt)
    with transaction(sessions) as s:
        row = outbox.enqueue(s, key="hook:1:1", kind=case_hooks.CASE_EVENT, payload={}, now=utcnow())
        refused = "ConnectError('[Errno 111] Connection refused')"
        outbox.mark_failed(s, row=row, now=utcnow(), error=refused, permanent=False)
    assert cli_outbox.cmd_status(object()) == 0  # type: ignore[arg-type]
    out = capsys.readouterr().out
    assert "对接系统的接收地址连不上" in out and "微信" not in out
