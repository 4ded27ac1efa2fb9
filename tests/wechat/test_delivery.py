"""Outbox delivery through the real client against the stand-in, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from storage.db import transaction
from storage.models import OutboxMessage
from storage.repos import outbox
from wechat.client import WechatClient
from wechat.delivery import deliver_due, fallback_template_data
from wechat.standin import StandinWechat

NOW = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
TPL = "TPL-FALLBACK"


def add(sessions: sessionmaker[Session], key: str, kind: str, payload: dict[str, Any], openid: str = "o-1") -> int:
    with transaction(sessions) as s:
        return outbox.enqueue(s, key=key, kind=kind, payload=payload, now=NOW, openid=openid).id


def row(sessions: sessionmaker[Session], row_id: int) -> OutboxMessage:
    with transaction(sessions) as s:
        found = s.get(OutboxMessage, row_id)
        assert found is not None
        return found


def statuses(sessions: sessionmaker[Session]) -> dict[str, str]:
    with transaction(sessions) as s:
        return {r.key: r.status for r in s.scalars(select(OutboxMessage))}


def test_sends_kefu_text_and_template(sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat) -> None:
    add(sessions, "k1", "kefu_text", {"text": "您好，已受理"})
    data = {"keyword1": {"value": "已办结"}}
    add(sessions, "k2", "template", {"template_id": "T1", "data": data, "url": "https://example.org/c/1"}, "o-2")
    report = deliver_due(sessions=sessions, api=api, now=NOW, template_id="")
    assert (report.sent, report.held, report.retrying, report.dead) == (2, 0, 0, 0)
    assert statuses(sessions) == {"k1": "sent", "k2": "sent"}
    (kefu,) = wx.calls_to("message/custom/send")
    assert kefu.body == {"touser": "o-1", "msgtype": "text", "text": {"content": "您好，已受理"}}
    (tpl,) = wx.calls_to("message/template/send")
    assert tpl.body == {"touser": "o-2", "template_id": "T1", "data": data, "url": "https://example.org/c/1"}
    # Nothing is due any more: a second run sends nothing.
    assert deliver_due(sessions=sessions, api=api, now=NOW, template_id="").attempted == 0
    assert len(wx.calls_to("message/custom/send")) == 1


@pytest.mark.parametrize("errcode", [45015, 45047])
def test_outside_window_falls_back_to_template(
    sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat, errcode: int
) -> None:
    wx.fail(errcode, path="message/custom/send", openid="o-far")
    rid = add(sessions, "k1", "kefu_text", {"text": "您的问题已转交镇纪委"}, "o-far")
    report = deliver_due(sessions=sessions, api=api, now=NOW, template_id=TPL)
    assert (report.sent, report.via_template) == (1, 1)
    assert row(sessions, rid).status == "sent"
    (tpl,) = wx.calls_to("message/template/send")
    assert tpl.body == {"touser": "o-far", "template_id": TPL, "data": fallback_template_data("您的问题已转交镇纪委")}


@pytest.mark.parametrize("errcode", [45015, 43004])
def test_refused_kefu_without_template_is_held_until_the_villager_writes(
    sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat, errcode: int
) -> None:
    rule = wx.fail(errcode, path="message/custom/send", openid="o-far")
    held = add(sessions, "k1", "kefu_text", {"text": "回复"}, "o-far")
    other = add(sessions, "k2", "kefu_text", {"text": "回复"}, "o-near")
    report = deliver_due(sessions=sessions, api=api, now=NOW, template_id="")
    assert (report.sent, report.held) == (1, 1)
    r = row(sessions, held)
    assert r.status == "held" and str(errcode) in (r.last_error or "")
    assert wx.calls_to("message/template/send") == []
    # Held rows are not retried on their own.
    later = NOW + timedelta(days=1)
    assert deliver_due(sessions=sessions, api=api, now=later, template_id="").attempted == 0

    # The villager writes again: the bot releases the held rows of that openid only.
    rule.times = 0
    with transaction(sessions) as s:
        assert outbox.release_held(s, openid="o-near", now=later) == 0
        assert outbox.release_held(s, openid="o-far", now=later) == 1
    assert row(sessions, held).status == "pending"
    report = deliver_due(sessions=sessions, api=api, now=later, template_id="")
    assert report.sent == 1
    assert row(sessions, held).status == "sent" and row(sessions, other).status == "sent"
    assert [c.errcode for c in wx.calls_to("message/custom/send") if c.openid == "o-far"] == [errcode, 0]


def test_not_following_holds_even_with_a_template(
    sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat
) -> None:
    wx.fail(43004, openid="o-gone")  # kefu and template alike
    rid = add(sessions, "k1", "kefu_text", {"text": "回复"}, "o-gone")
    report = deliver_due(sessions=sessions, api=api, now=NOW, template_id=TPL)
    assert report.held == 1
    assert row(sessions, rid).status == "held"
    assert [c.errcode for c in wx.calls if c.openid] == [43004, 43004]


def test_transient_errors_back_off_then_die(
    sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat
) -> None:
    wx.fail(-1, path="message/custom/send")
    rid = add(sessions, "k1", "kefu_text", {"text": "回复"})
    report = deliver_due(sessions=sessions, api=api, now=NOW, template_id="")
    assert report.retrying == 1
    r = row(sessions, rid)
    assert (r.status, r.attempts, r.next_attempt_at) == ("pending", 1, NOW + timedelta(seconds=5))
    # Not due yet: nothing is sent.
    assert deliver_due(sessions=sessions, api=api, now=NOW + timedelta(seconds=4), template_id="").attempted == 0
    now = NOW
    for _ in range(outbox.MAX_ATTEMPTS - 1):
        now = row(sessions, rid).next_attempt_at
        deliver_due(sessions=sessions, api=api, now=now, template_id="")
    r = row(sessions, rid)
    assert (r.status, r.attempts) == ("dead", outbox.MAX_ATTEMPTS)
    assert "-1" in (r.last_error or "")
    assert len(wx.calls_to("message/custom/send")) == outbox.MAX_ATTEMPTS


def test_transient_error_then_success(sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat) -> None:
    wx.fail(40164, path="message/template/send", times=1)
    rid = add(sessions, "k1", "template", {"template_id": "T1", "data": {}, "url": None})
    assert deliver_due(sessions=sessions, api=api, now=NOW, template_id="").retrying == 1
    assert deliver_due(sessions=sessions, api=api, now=NOW + timedelta(seconds=5), template_id="").sent == 1
    r = row(sessions, rid)
    assert (r.status, r.attempts, r.last_error) == ("sent", 2, None)


def test_permanent_errors_and_bad_rows_are_dead_at_once(
    sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat
) -> None:
    wx.fail(40037, path="message/template/send")
    add(sessions, "bad-template", "template", {"template_id": "NOPE", "data": {}, "url": None})
    add(sessions, "unknown-kind", "carrier_pigeon", {"text": "?"})
    add(sessions, "no-text", "kefu_text", {})
    report = deliver_due(sessions=sessions, api=api, now=NOW, template_id="")
    assert report.dead == 3
    assert set(statuses(sessions).values()) == {"dead"}


def test_limit_and_order(sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat) -> None:
    for i in range(5):
        add(sessions, f"k{i}", "kefu_text", {"text": str(i)})
    assert deliver_due(sessions=sessions, api=api, now=NOW, limit=2, template_id="").sent == 2
    assert deliver_due(sessions=sessions, api=api, now=NOW, limit=50, template_id="").sent == 3
    assert [c.body["text"]["content"] for c in wx.calls_to("message/custom/send")] == ["0", "1", "2", "3", "4"]


def test_template_id_defaults_to_settings(
    sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat, monkeypatch: pytest.MonkeyPatch
) -> None:
    from config.settings import get_settings

    monkeypatch.setenv("QF_WECHAT_TEMPLATE_ID", "TPL-FROM-ENV")
    get_settings.cache_clear()
    try:
        wx.fail(45015, path="message/custom/send")
        add(sessions, "k1", "kefu_text", {"text": "回复"})
        assert deliver_due(sessions=sessions, api=api, now=NOW).via_template == 1
    finally:
        get_settings.cache_clear()
    assert wx.calls_to("message/template/send")[0].body["template_id"] == "TPL-FROM-ENV"
