"""Group commit: several messages in one transaction, each still exactly once, none hurt by another."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError

from bot.context import Context, Reply
from bot.conversation import default_dispatcher
from bot.dispatcher import Dispatcher, Router
from handlers.webhook.budget import Budget
from handlers.webhook.processing import Webhook
from storage.db import make_sessionmaker
from storage.models import ProcessedMessage, WechatUser
from tests.webhook_support import Sender, make_client, text_xml
from wechat.inbound import parse


def dispatcher_with_commands() -> Dispatcher:
    router = Router()

    @router.command("记")
    def note(ctx: Context) -> Reply:
        # State kept in the database, so the test sees what each message saw.
        count = int(ctx.data.get("count", 0)) + 1
        ctx.data["count"] = count
        return Reply(f"第{count}条")

    @router.command("坏")
    def broken(ctx: Context) -> Reply:
        raise ZeroDivisionError

    dispatcher = default_dispatcher()
    dispatcher.include(router)
    return dispatcher


def webhook(engine: Engine) -> Webhook:
    hook = make_client(engine, dispatcher=dispatcher_with_commands()).app.state.webhook  # type: ignore[attr-defined]
    assert isinstance(hook, Webhook)
    return hook


def ledger_rows(engine: Engine) -> int:
    with make_sessionmaker(engine)() as s:
        return int(s.scalar(select(func.count()).select_from(ProcessedMessage)) or 0)


def test_a_batch_runs_messages_in_order_each_seeing_the_one_before(engine: Engine) -> None:
    hook = webhook(engine)
    jobs = [(parse(text_xml("o-batch", "记")), Budget()) for _ in range(3)]
    outcomes = hook.process_batch(jobs)
    assert [r.text if isinstance(r, Reply) else r for r in outcomes] == ["第1条", "第2条", "第3条"]
    assert ledger_rows(engine) == 3
    with make_sessionmaker(engine)() as s:
        assert s.scalar(select(func.count()).select_from(WechatUser)) == 1


def test_a_retry_in_the_same_batch_gets_the_first_answer(engine: Engine) -> None:
    hook = webhook(engine)
    message = parse(text_xml("o-twice", "记", msg_id=5150001))
    outcomes = hook.process_batch([(message, Budget()), (message, Budget())])
    assert [r.text if isinstance(r, Reply) else r for r in outcomes] == ["第1条", "第1条"]
    assert ledger_rows(engine) == 1


def test_one_failing_message_costs_the_others_nothing(engine: Engine) -> None:
    hook = webhook(engine)
    good_a = parse(text_xml("o-a", "记", msg_id=5150101))
    bad = parse(text_xml("o-b", "坏", msg_id=5150102))
    good_c = parse(text_xml("o-c", "记", msg_id=5150103))
    first, failed, last = hook.process_batch([(good_a, Budget()), (bad, Budget()), (good_c, Budget())])
    assert isinstance(first, Reply) and first.text == "第1条"
    assert isinstance(failed, ZeroDivisionError)
    assert isinstance(last, Reply) and last.text == "第1条"
    # The batch rolled back and each message ran alone: the good ones once, the bad one not at all.
    assert ledger_rows(engine) == 2
    again = hook.process_batch([(good_a, Budget()), (good_c, Budget())])
    assert [r.text if isinstance(r, Reply) else r for r in again] == ["第1条", "第1条"]
    assert ledger_rows(engine) == 2


def test_concurrent_requests_share_transactions_and_all_get_their_answers(engine: Engine) -> None:
    client = make_client(engine, dispatcher=dispatcher_with_commands())
    hook = client.app.state.webhook  # type: ignore[attr-defined]
    openids = [f"o-many-{i}" for i in range(8)]
    start = threading.Barrier(len(openids))

    def villager(openid: str) -> list[str]:
        sender = Sender(client)
        start.wait(5)
        return [sender.reply_text(text_xml(openid, "记")) for _ in range(5)]

    with client, ThreadPoolExecutor(max_workers=len(openids)) as pool:
        replies = list(pool.map(villager, openids))
    assert replies == [["第1条", "第2条", "第3条", "第4条", "第5条"]] * len(openids)
    assert ledger_rows(engine) == 40
    assert hook.writer is None or hook.writer.jobs == 40


def failing_dispatcher(error: str, calls: dict[str, int]) -> Dispatcher:
    router = Router()

    @router.command("查")
    def query(ctx: Context) -> Reply:
        calls["n"] += 1
        raise OperationalError("SELECT x FROM t", {}, Exception(error))

    dispatcher = dispatcher_with_commands()
    dispatcher.include(router)
    return dispatcher


def test_an_operational_error_of_one_message_costs_the_others_nothing(engine: Engine) -> None:
    calls = {"n": 0}
    hook = make_client(engine, dispatcher=failing_dispatcher("no such column: x", calls)).app.state.webhook  # type: ignore[attr-defined]
    jobs = [(parse(text_xml("o-op1", "记")), Budget()), (parse(text_xml("o-op2", "查")), Budget())]
    good, bad = hook.process_batch(jobs)
    assert isinstance(good, Reply) and good.text == "第1条"
    assert isinstance(bad, OperationalError)
    assert calls["n"] == 2  # in the batch, then alone
    assert ledger_rows(engine) == 1


def test_a_locked_database_fails_the_batch_at_once(engine: Engine) -> None:
    calls = {"n": 0}
    hook = make_client(engine, dispatcher=failing_dispatcher("database is locked", calls)).app.state.webhook  # type: ignore[attr-defined]
    jobs = [(parse(text_xml("o-lk1", "查")), Budget()), (parse(text_xml("o-lk2", "记")), Budget())]
    outcomes = hook.process_batch(jobs)
    assert all(isinstance(o, OperationalError) for o in outcomes)  # both answered 503: WeChat retries
    assert calls["n"] == 1  # nobody waited for the lock a second time
    assert ledger_rows(engine) == 0
