"""Causes found by blind dialogue set F, as general rules: an ask for a person that carries its question (or
story) hands that to staff at once, and praise, a joke or laughter about the service is small talk. Phrasings
here are not set F's."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.understand import carried_question, classify
from storage.db import make_sessionmaker, transaction
from storage.models import Inquiry
from tests.report_support import bound_villager

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.mark.parametrize(
    "text",
    [
        "转人工 我家的养老金这个月没到账",
        "找个工作人员问问残疾证在哪办",
        "人工客服你好 想问一下危房改造咋申请",
        "人工服务 俺爹的医保卡丢了咋补",
    ],
)
def test_an_ask_for_a_person_with_its_question_carries_it(text: str) -> None:
    assert classify(text).name == "person" and carried_question(text)


@pytest.mark.parametrize(
    "text",
    ["转人工", "有人工吗", "找人工 谢谢", "我要找人工客服", "转人工 我要举报", "找你们领导 我有事", "找客服 在吗"],
)
def test_an_ask_for_a_person_alone_carries_nothing(text: str) -> None:
    assert not carried_question(text)


def _questions(engine: Engine) -> list[str]:
    with transaction(make_sessionmaker(engine)) as s:
        return [row.question for row in s.scalars(select(Inquiry)).all()]


def test_the_carried_question_goes_to_staff_at_once(engine: Engine) -> None:
    v = bound_villager(engine, "o-bf-carried")
    said = "转人工 我家的养老金这个月没到账"
    handed = v.say(said)
    assert "已转给" in handed and "工作日" in handed and "请用一条消息" not in handed
    assert _questions(engine) == [said]


def test_the_ask_alone_keeps_the_two_steps(engine: Engine) -> None:
    v = bound_villager(engine, "o-bf-two-steps")
    assert "请用一条消息" in v.say("找个工作人员")
    assert _questions(engine) == []
    handed = v.say("我家的养老金这个月没到账")
    assert "已转给" in handed and "工作日" in handed
    assert _questions(engine) == ["我家的养老金这个月没到账"]


@pytest.mark.parametrize(
    "text",
    [
        "嘿嘿 这个东西还真方便",
        "你们这个真不错 点赞",
        "比跑乡上强多了",
        "呵呵呵 挺好用的",
        "这个清风还挺厉害",
        "哈哈哈 比打电话省事",
    ],
)
def test_praise_and_laughter_are_small_talk(text: str) -> None:
    assert classify(text).name == "smalltalk", classify(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("这个不好用", "none"),
        ("一点都不方便", "none"),
        ("这个好用吗", "none"),
        ("低保政策挺好 我家能不能吃", "none"),
        ("你们比村干部强 他们把低保给亲戚了", "story"),
        ("方便面", "none"),
        ("我家的牛", "none"),
    ],
)
def test_complaints_questions_and_stories_are_not_praise(text: str, name: str) -> None:
    assert classify(text).name == name, classify(text)


def test_praise_gets_a_warm_reply_and_the_menu(engine: Engine) -> None:
    v = bound_villager(engine, "o-bf-praise")
    reply = v.say("嘿嘿 这个东西还真方便 比去乡上跑强")
    assert "谢谢" in reply and "1 政策咨询" in reply and "回答不了" not in reply


def test_after_an_answer_the_carried_question_is_the_one_handed_over(engine: Engine) -> None:
    v = bound_villager(engine, "o-bf-after-answer")
    v.say("扶贫贷款")
    said = "转人工 我家的养老金这个月没到账"
    assert "已转给" in v.say(said)
    assert _questions(engine) == [said]
