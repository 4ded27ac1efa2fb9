"""The 48-hour customer-service window and its quota of 5, tracked on our side before calling WeChat."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from storage.db import transaction
from storage.models import OutboxMessage
from storage.repos import outbox, users
from storage.types import utcnow
from wechat.client import WechatClient
from wechat.delivery import deliver_due
from wechat.standin import StandinWechat


def villager_wrote(sessions: sessionmaker[Session], openid: str, hours_ago: float) -> None:
    with transaction(sessions) as s:
        users.save_user(
            s, user=users.touch_user(s, openid=openid, now=utcnow() - timedelta(hours=hours_ago), is_message=True)
        )


def news(sessions: sessionmaker[Session], openid: str, n: int) -> None:
    with transaction(sessions) as s:
        for i in range(n):
            outbox.enqueue(
                s, key=f"{openid}-{i}", kind="kefu_text", payload={"text": f"消息{i}"}, openid=openid, now=utcnow()
            )


def statuses(sessions: sessionmaker[Session], openid: str) -> list[str]:
    with sessions() as s:
        rows = s.scalars(select(OutboxMessage).where(OutboxMessage.key.like(f"{openid}-%")).order_by(OutboxMessage.key))
        return [r.status for r in rows]


def test_outside_the_window_news_is_held_without_calling_wechat(
    sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat
) -> None:
    villager_wrote(sessions, "o-old", hours_ago=49)
    news(sessions, "o-old", 1)
    report = deliver_due(sessions=sessions, api=api, now=utcnow(), template_id="")
    assert report.held == 1
    assert wx.calls_to("message/custom/send") == []


def test_outside_the_window_a_template_is_used_when_configured(
    sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat
) -> None:
    villager_wrote(sessions, "o-tpl", hours_ago=60)
    news(sessions, "o-tpl", 1)
    report = deliver_due(sessions=sessions, api=api, now=utcnow(), template_id="TPL-1")
    assert (report.sent, report.via_template) == (1, 1)
    assert wx.calls_to("message/custom/send") == []
    assert len(wx.calls_to("message/template/send")) == 1


def test_the_sixth_message_in_a_window_waits_for_the_next_visit(
    sessions: sessionmaker[Session], api: WechatClient, wx: StandinWechat
) -> None:
    villager_wrote(sessions, "o-q", hours_ago=1)
    news(sessions, "o-q", 6)
    deliver_due(sessions=sessions, api=api, now=utcnow(), template_id="")
    assert statuses(sessions, "o-q") == ["sent"] * 5 + ["held"]
    assert len(wx.calls_to("message/custom/send")) == 5
    # The villager writes again: the window and the quota start over, and the held news is released.
    with transaction(sessions) as s:
        user = users.touch_user(s, openid="o-q", now=utcnow(), is_message=True)
        users.save_user(s, user=user)
        outbox.release_held(s, openid="o-q", now=utcnow())
    deliver_due(sessions=sessions, api=api, now=utcnow(), template_id="")
    assert statuses(sessions, "o-q") == ["sent"] * 6
