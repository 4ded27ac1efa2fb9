"""A household asking whether its own payment came gets the policy answer and the pointer to 我家补贴, where
each payment shows (a new user's finding: 我家的耕地地力补贴今年发了没 got only the rules). A general
question about a payment gets no pointer."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.intents.money import ASK_NAME
from bot.reading.benefit_wrongs import own_payment_asked
from bot.reading.normal_form import normalise
from bot.report_prompts import OWN_PAYMENT_HINT
from tests.report_support import bound_villager

ASKED = ["我家的耕地地力补贴今年发了没", "俺家养老金这个月到了没", "我的低保钱发了没有"]


@pytest.mark.parametrize("said", [*ASKED, "咱家的高龄补贴到账了吗", "俺妈的养老金啥时候发"])
def test_ones_own_payment_asked_after_is_read(said: str) -> None:
    assert own_payment_asked(normalise(said))


@pytest.mark.parametrize(
    "said",
    [
        "低保一个月发多少",
        "低保什么时候发",
        "我家能领耕地地力补贴吗",
        "村里的补贴发了没",
        "我家的低保怎么申请",
        "养老金多少钱",
    ],
)
def test_general_questions_are_not(said: str) -> None:
    assert not own_payment_asked(normalise(said))


@pytest.mark.parametrize("said", ASKED)
def test_the_answer_keeps_the_rules_and_adds_the_pointer(engine: Engine, said: str) -> None:
    v = bound_villager(engine, f"o-asked-{len(said)}-{said[-2:]}")
    reply = v.say(said)
    assert OWN_PAYMENT_HINT in reply
    assert reply.index(OWN_PAYMENT_HINT) > 0 and ("【" in reply or "回复数字" in reply)  # the answer stays first
    assert "回答不了" not in reply


def test_a_general_question_gets_no_pointer(engine: Engine) -> None:
    v = bound_villager(engine, "o-asked-general")
    reply = v.say("低保一个月发多少")
    assert "低保" in reply and OWN_PAYMENT_HINT not in reply


def test_the_pointer_can_be_followed(engine: Engine) -> None:
    v = bound_villager(engine, "o-asked-follow")
    assert OWN_PAYMENT_HINT in v.say("我家的耕地地力补贴今年发了没")
    assert v.say("我家补贴") == ASK_NAME
