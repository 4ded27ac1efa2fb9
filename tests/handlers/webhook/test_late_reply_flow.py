"""End to end: a reply that missed the time budget reaches the villager through the outbox and the worker;
news held outside the 48-hour window goes out when the villager writes again."""

from __future__ import annotations

import time

from sqlalchemy import Engine, select

from bot.context import Context, Reply
from bot.conversation import default_dispatcher
from bot.dispatcher import Router
from config.privacy import user_key
from handlers.jobs.worker import BackgroundWorker
from handlers.runtime import Runtime
from storage.db import make_sessionmaker, transaction
from storage.models import OutboxMessage
from storage.repos import outbox, users
from storage.types import utcnow
from tests.webhook_support import Sender, make_client, settings_for_tests, text_xml
from wechat.client import WechatClient
from wechat.standin import StandinWechat


def slow_dispatcher():  # type: ignore[no-untyped-def]
    router = Router()

    @router.command("慢慢说")
    def slow(ctx: Context) -> Reply:
        time.sleep(0.4)
        return Reply("这是迟到的回答")

    dispatcher = default_dispatcher()
    dispatcher.include(router)
    return dispatcher


def wait_for(predicate, seconds: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_late_reply_is_delivered_by_the_worker_as_a_kefu_message(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    with StandinWechat() as wx:
        sender = Sender(make_client(engine, dispatcher=slow_dispatcher(), reply_budget_s=0.1))
        assert sender.reply_text(text_xml("o-late", "慢慢说")) == "success"

        def queued() -> bool:
            with sessions() as s:
                return s.scalar(select(OutboxMessage).where(OutboxMessage.user_key == user_key("o-late"))) is not None

        assert wait_for(queued)
        settings = settings_for_tests(wechat_appid=wx.appid, wechat_appsecret=wx.secret, wechat_api_base=wx.url)
        runtime = Runtime.from_settings(settings, engine=engine)
        with WechatClient(appid=wx.appid, secret=wx.secret, api_base=wx.url, sessions=sessions) as api:
            assert BackgroundWorker(runtime, api).tick()
        (call,) = wx.calls_to("message/custom/send")
        assert call.body == {"touser": "o-late", "msgtype": "text", "text": {"content": "这是迟到的回答"}}


def test_held_news_is_released_when_the_villager_writes_again(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    sender = Sender(make_client(engine))
    with transaction(sessions) as s:
        row = outbox.enqueue(
            s, key="news-1", kind="kefu_text", payload={"text": "案件已办结"}, openid="o-h", now=utcnow()
        )
        outbox.mark_held(s, row=row, error="45015 outside window")
    sender.reply_text(text_xml("o-h", "菜单"))
    with sessions() as s:
        held = s.scalar(select(OutboxMessage).where(OutboxMessage.key == "news-1"))
        assert held is not None and held.status == "pending"


def test_the_user_row_says_whether_news_is_held_so_the_release_is_sent_only_then(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    sender = Sender(make_client(engine))
    sender.reply_text(text_xml("o-h2", "菜单"))

    def held_read_with_the_user() -> bool:
        with transaction(sessions) as s:
            user, _conversation = users.touch_user_and_conversation(s, openid="o-h2", now=utcnow(), is_message=True)
            return user.may_have_held_news

    assert held_read_with_the_user() is False
    with transaction(sessions) as s:
        row = outbox.enqueue(
            s, key="news-2", kind="kefu_text", payload={"text": "有新回复"}, openid="o-h2", now=utcnow()
        )
        outbox.mark_held(s, row=row, error="45015 outside window")
    assert held_read_with_the_user() is True
    sender.reply_text(text_xml("o-h2", "你好"))
    with sessions() as s:
        released = s.scalar(select(OutboxMessage).where(OutboxMessage.key == "news-2"))
        assert released is not None and released.status == "pending"
    assert held_read_with_the_user() is False
