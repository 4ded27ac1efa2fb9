"""Causes found by blind dialogue set P (group d: asking for a person, small talk), fixed by general rules.
Phrasings here are not set P's.

- (a) Where one is or why, said first, then an ask for a person last (俺人在外地 想找个干部聊聊): a person, and
  the first clauses carry no question, so the next message is the question that reaches the staff. A wrong, a
  trouble, a matter of the village or a question said first keeps its own reading.
- (b) Praise told as what the people around say (村里人都夸你们, 邻居们都说清风方便): small talk. A question,
  a complaint in the same words (不好用) or a wrong told as what people say is not.
- (c) A precise acknowledgement (已收到, 已了解, 知悉) and thanks for the reply (谢谢您的回复 我知道了): small talk
  answered as thanks.
- (d) Thanks and goodbye typed as numbers or pinyin (3Q, 3x, 886, 666): small talk, never a numbered pick; a
  plain number is still a pick.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.understand import carried_question, classify
from storage.db import make_sessionmaker, transaction
from storage.models import Inquiry
from tests.report_support import bound_villager


def _questions(engine: Engine) -> list[str]:
    with transaction(make_sessionmaker(engine)) as s:
        return [row.question for row in s.scalars(select(Inquiry)).all()]


@pytest.mark.parametrize(
    "text",
    [
        "俺人在外地 想找个干部聊聊",
        "我在格尔木跑车 叫个工作人员跟我说",
        "我在拉萨打工，能不能找个乡上的干部跟我说说",
        "我在西宁打零工 这阵子回不去 找个干部跟我说说",
    ],
)
def test_a_where_one_is_then_an_ask_for_a_person(text: str) -> None:
    assert classify(text).name == "person", text
    assert not carried_question(text), text


def test_a_a_question_in_the_last_clause_is_still_carried() -> None:
    text = "我在外地 找个干部跟我说说低保的事"
    assert classify(text).name == "person"
    assert carried_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "书记把钱拿走了 叫领导来看",
        "村长把救灾面粉拉回自己家了 能不能找个乡上的干部跟我说说",
        "低保名额今年给了谁 能不能找个村上的干部跟我说说",
    ],
)
def test_a_a_wrong_or_a_matter_said_first_keeps_its_reading(text: str) -> None:
    meant = classify(text)
    assert meant.name != "person" or carried_question(text), text


def test_a_the_next_message_is_the_question_staff_get(engine: Engine) -> None:
    v = bound_villager(engine, "p-bo-d-away")
    ask = "我在格尔木跑车，能不能找个乡上的干部跟我说说"
    assert "一条消息" in v.say(ask)
    question = "俺爹的高龄补贴今年还发不发 我回不去 能不能让我哥去问"
    handed = v.say(question)
    assert "已转给" in handed and "工作日" in handed
    assert question in _questions(engine) and ask not in _questions(engine)


@pytest.mark.parametrize(
    "text",
    [
        "村里人都夸你们 谢谢",
        "我阿妈说这个挺好使",
        "邻居们都说清风方便 辛苦了",
        "大伙儿都觉得这个不错",
        "姐妹们都夸 谢谢啦🌹",
    ],
)
def test_b_praise_told_as_what_people_say(text: str) -> None:
    meant = classify(text)
    assert meant.name == "smalltalk" and meant.detail == "praise", text


@pytest.mark.parametrize(
    "text",
    [
        "乡亲们都说这个好用吗",
        "阿姐们都说这个不好用",
        "书记说低保下个月发",
        "大家都说低保名额给了书记家亲戚",
        "姐妹们都说合作社的刺绣卖得好",
        "大家都说",
    ],
)
def test_b_a_question_a_complaint_or_a_matter_is_not_praise(text: str) -> None:
    meant = classify(text)
    assert not (meant.name == "smalltalk" and meant.detail == "praise"), text


@pytest.mark.parametrize(
    "text", ["好的，已了解。", "已收到", "知悉，谢谢。", "谢谢您的回复 我知道了", "感谢，已阅。", "清楚了 谢谢"]
)
def test_c_a_precise_acknowledgement_is_small_talk(text: str) -> None:
    assert classify(text).name == "smalltalk", text


@pytest.mark.parametrize("text", ["已收到低保的通知 但是钱没到", "已了解 那残疾补贴咋申请", "收到了吗"])
def test_c_an_acknowledgement_beside_a_question_or_a_matter_is_not(text: str) -> None:
    assert classify(text).name != "smalltalk", text


def test_c_thanks_with_an_acknowledgement_is_answered_as_thanks(engine: Engine) -> None:
    v = bound_villager(engine, "p-bo-d-ack")
    reply = v.say("好的谢谢，已了解。")
    assert "不客气" in reply and "1 政策咨询" in reply


@pytest.mark.parametrize("text", ["3Q", "３ｑ 辛苦了", "3x啦", "886", "666", "3q3q", "xiexie 辛苦啦"])
def test_d_number_and_pinyin_thanks_are_small_talk(text: str) -> None:
    meant = classify(text)
    assert meant.name == "smalltalk", text


@pytest.mark.parametrize(("text", "number"), [("3", 3), ("第3个", 3), ("88", 88), ("12", 12)])
def test_d_a_plain_number_is_still_a_pick(text: str, number: int) -> None:
    meant = classify(text)
    assert meant.name == "choice" and meant.choice == number, text


def test_d_3q_at_the_menu_is_not_item_3(engine: Engine) -> None:
    v = bound_villager(engine, "p-bo-d-3q")
    reply = v.say("3Q 辛苦了")
    assert "不客气" in reply and "1 政策咨询" in reply
    assert "反映什么" not in reply and "匿名" not in reply.split("\n")[0]
