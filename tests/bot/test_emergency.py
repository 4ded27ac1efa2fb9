"""Someone in danger now: the reply first says to call 120 / 119 / 110, then the chat goes on as usual."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.emergency import CALL_NOW, urgent
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import Villager
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

URGENT = [
    "农药中毒了咋办",
    "娃娃喝了农药",
    "家里着火了",
    "邻居家房子起火了快来人",
    "我爸从房上摔下来昏迷了",
    "他被车撞了流了好多血",
    "我娃不见了",
    "老人走丢了 找了一下午",
    "我不想活了",
    "他说要跳河",
]
NOT_URGENT = [
    "农药补贴",
    "农药补贴怎么领",
    "火灾保险怎么买",
    "森林防火知识",
    "防溺水宣传",
    "去年房子着火了想申请救助",
    "儿子车祸后瘫痪在家",
    "孩子上学补助丢了",
    "低保怎么申请",
    "拖拉机打不着火咋修",
    "家里着火了 临时救助咋申请",
    "前天晚上俺家着火了 房子烧了一半 一家六口没地方住",
    "老汉出车祸了躺在医院 家里没收入了",
]


@pytest.mark.parametrize("text", URGENT)
def test_urgent_harm_is_read_by_its_words(text: str) -> None:
    assert urgent(text)


@pytest.mark.parametrize("text", NOT_URGENT)
def test_policy_questions_and_past_stories_are_not_emergencies(text: str) -> None:
    assert not urgent(text)


def villager(engine: Engine, openid: str) -> Villager:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), openid)
    v.scan(VILLAGE)
    return v


def test_poisoning_asked_at_the_policy_question_says_call_120_first(engine: Engine) -> None:
    v = villager(engine, "o-poison")
    v.say("1")
    reply = v.say("农药中毒了咋办")
    assert reply.startswith(CALL_NOW.strip()) and "120" in reply
    assert len(reply) > len(CALL_NOW)  # the usual way on follows


def test_an_emergency_in_the_middle_of_a_report_is_answered_and_the_step_goes_on(engine: Engine) -> None:
    v = villager(engine, "o-fire")
    v.say("3")
    v.say("6")
    reply = v.say("家里着火了，火还在烧，我们一家人都跑出来了")
    assert reply.startswith(CALL_NOW.strip()) and "已记下您说的情况" in reply


def test_a_policy_question_about_pesticide_gets_no_emergency_line(engine: Engine) -> None:
    v = villager(engine, "o-subsidy")
    v.say("1")
    assert "120" not in v.say("农药补贴")
