"""A payment to one's own household told missing or short points to 我家补贴 as well (a new user's finding:
去年三月的钱没收到 got only 回答不了, 三月份的养老金没收到 only a report offer)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.reading.benefit_wrongs import own_payment_missing
from bot.reading.normal_form import normalise
from bot.report_prompts import OWN_PAYMENT_HINT
from tests.report_support import bound_villager


@pytest.mark.parametrize(
    "said", ["去年三月的钱没收到", "三月份的养老金没收到", "俺家补贴少发了两百", "低保钱这个月没到账"]
)
def test_own_payment_missing_is_read(said: str) -> None:
    assert own_payment_missing(normalise(said))


@pytest.mark.parametrize(
    "said", ["低保怎么申请", "村支书把低保名额给他亲戚了", "钱不够花", "扶贫资金没到位", "养老金多少钱"]
)
def test_other_messages_are_not(said: str) -> None:
    assert not own_payment_missing(normalise(said))


@pytest.mark.parametrize("said", ["去年三月的钱没收到", "三月份的养老金没收到"])
def test_the_reply_names_my_household_payments(engine: Engine, said: str) -> None:
    v = bound_villager(engine, f"o-own-{len(said)}")
    reply = v.say(said)
    assert OWN_PAYMENT_HINT in reply
    assert "转人工" in reply or "开始反映" in reply  # still a way on: a person, or the report offered


def test_a_cadre_story_gets_no_such_line(engine: Engine) -> None:
    v = bound_villager(engine, "o-own-none")
    reply = v.say("村支书把低保名额给他亲戚了")
    assert "开始反映" in reply and OWN_PAYMENT_HINT not in reply


def test_a_short_follow_up_about_papers_is_the_answered_entrys_how_to(engine: Engine) -> None:
    """那要啥子材料 right after the 低保 answer: how to apply for 低保 (办理), not a search of the words alone."""
    v = bound_villager(engine, "o-follow-papers")
    first = v.say("低保咋个申请哩")
    assert "低保" in first
    how = v.say("那要啥子材料")
    assert "低保" in how and "雨露" not in how
    other = v.say("危房改造要啥材料")  # another programme named: a new question
    assert "危房" in other
