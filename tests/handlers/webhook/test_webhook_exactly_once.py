"""No message retried by WeChat ever has its effect twice; slow work answers `success` and uses the outbox."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import Engine, func, select

from bot.context import Context, Reply
from bot.conversation import default_dispatcher
from bot.dispatcher import Router
from config.privacy import user_key
from storage.db import make_sessionmaker
from storage.models import OutboxMessage, ProcessedMessage, WechatUser
from storage.repos import outbox
from tests.webhook_support import Sender, event_xml, make_client, text_xml


def counting_dispatcher(counter: dict[str, int], delay: float = 0.0):  # type: ignore[no-untyped-def]
    router = Router()
    lock = threading.Lock()

    @router.command("计数")
    def count(ctx: Context) -> Reply:
        time.sleep(delay)
        with lock:
            counter["n"] += 1
            n = counter["n"]
        return Reply(f"第{n}次")

    dispatcher = default_dispatcher()
    dispatcher.include(router)
    return dispatcher


def test_a_retried_message_has_one_effect_and_the_same_answer(engine: Engine) -> None:
    counter = {"n": 0}
    sender = Sender(make_client(engine, dispatcher=counting_dispatcher(counter)))
    xml = text_xml("o-dup", "计数", msg_id=424242)
    first = sender.reply_text(xml)
    second = sender.reply_text(xml)
    assert first == second == "第1次"
    assert counter["n"] == 1


def test_another_sender_reusing_a_msgid_gets_its_own_answer_not_the_villagers(engine: Engine) -> None:
    counter = {"n": 0}
    sender = Sender(make_client(engine, dispatcher=counting_dispatcher(counter)))
    villager = sender.reply_text(text_xml("o-villager", "计数", msg_id=515151))
    stranger = sender.reply_text(text_xml("o-stranger", "计数", msg_id=515151))
    assert (villager, stranger) == ("第1次", "第2次")
    assert counter["n"] == 2


def test_the_ledger_names_no_sender_and_keeps_no_readable_reply(engine: Engine) -> None:
    sender = Sender(make_client(engine))
    reply = sender.reply_text(text_xml("o-ledger", "你好", msg_id=616161))
    assert reply and reply != "success"
    with make_sessionmaker(engine)() as s:
        (row,) = s.scalars(select(ProcessedMessage)).all()
    assert "o-ledger" not in row.key and "616161" not in row.key
    assert row.reply and reply not in row.reply and reply[:4] not in row.reply


def test_concurrent_retries_have_one_effect(engine: Engine) -> None:
    counter = {"n": 0}
    client = make_client(engine, dispatcher=counting_dispatcher(counter, delay=0.2))
    xml = text_xml("o-race", "计数", msg_id=777001)
    with ThreadPoolExecutor(max_workers=4) as pool:
        replies = list(pool.map(lambda _: Sender(client).reply_text(xml), range(4)))
    assert counter["n"] == 1
    assert set(replies) == {"第1次"}
    with make_sessionmaker(engine)() as s:
        assert s.scalar(select(func.count()).select_from(ProcessedMessage)) == 1


def test_first_messages_of_a_new_user_racing_both_count(engine: Engine) -> None:
    counter = {"n": 0}
    client = make_client(engine, dispatcher=counting_dispatcher(counter, delay=0.1))
    xmls = [text_xml("o-new", "计数", msg_id=880000 + i) for i in range(3)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(lambda x: Sender(client).reply_text(x), xmls))
    assert counter["n"] == 3
    with make_sessionmaker(engine)() as s:
        assert s.scalar(select(func.count()).select_from(WechatUser)) == 1


def test_location_and_scan_in_the_same_second_both_count(engine: Engine) -> None:
    sender = Sender(make_client(engine))
    t = int(time.time())
    greeting = sender.reply_text(event_xml("o-both", "SCAN", "630223106213", create_time=t))
    location = sender.reply_text(
        event_xml(
            "o-both",
            "LOCATION",
            create_time=t,
            extra="<Latitude>36.84</Latitude><Longitude>101.95</Longitude><Precision>65</Precision>",
        )
    )
    assert "土观村委会" in greeting
    assert location == "success"
    with make_sessionmaker(engine)() as s:
        user = s.get(WechatUser, user_key("o-both"))
        assert user is not None
        assert user.village_code == "630223106213"
        assert (user.last_lat, user.last_lng) == (36.84, 101.95)
        assert s.scalar(select(func.count()).select_from(ProcessedMessage)) == 2


def test_a_retried_event_is_not_applied_twice(engine: Engine) -> None:
    sender = Sender(make_client(engine))
    t = int(time.time())
    scan_a = event_xml("o-ev", "SCAN", "630223106213", create_time=t)
    scan_b = event_xml("o-ev", "SCAN", "630202002202", create_time=t + 1)
    sender.reply_text(scan_a)
    sender.reply_text(scan_b)
    sender.reply_text(scan_a)  # a late retry of the first scan must not switch back
    with make_sessionmaker(engine)() as s:
        user = s.get(WechatUser, user_key("o-ev"))
        assert user is not None and user.village_code == "630202002202"


def test_slow_work_answers_success_then_delivers_via_outbox(engine: Engine) -> None:
    counter = {"n": 0}
    client = make_client(engine, dispatcher=counting_dispatcher(counter, delay=0.5), reply_budget_s=0.1)
    sender = Sender(client)
    xml = text_xml("o-slow", "计数", msg_id=990001)
    assert sender.reply_text(xml) == "success"
    sessions = make_sessionmaker(engine)
    deadline = time.monotonic() + 5
    row = None
    while time.monotonic() < deadline:
        with sessions() as s:
            row = s.scalar(select(OutboxMessage).where(OutboxMessage.user_key == user_key("o-slow")))
        if row is not None:
            break
        time.sleep(0.05)
    assert row is not None
    assert row.kind == "kefu_text" and outbox.text_of(row) == "第1次"
    # WeChat's retry after that gets `success`, not a second copy, and no second effect.
    assert sender.reply_text(xml) == "success"
    assert counter["n"] == 1


def test_a_bug_in_a_handler_gets_an_apology_not_a_500(engine: Engine) -> None:
    router = Router()

    @router.command("坏")
    def broken(ctx: Context) -> Reply:
        raise ZeroDivisionError

    dispatcher = default_dispatcher()
    dispatcher.include(router)
    sender = Sender(make_client(engine, dispatcher=dispatcher))
    assert "抱歉" in sender.reply_text(text_xml("o-bug", "坏"))
