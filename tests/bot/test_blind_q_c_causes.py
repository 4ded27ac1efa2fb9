"""Causes found by blind dialogue set Q (group c: what a villager wants, said at the top level in their own way),
fixed by general rules. Phrasings here are not set Q's.

- (a) Asking for a person in a letter's, an indirect or a dialect's words: put through to the staff of the office
  concerned (麻烦转一下相关部门的同志, 烦请转交主管部门负责同志), a grown-up or whoever is in charge fetched when the
  service is taken for a child (小朋友 叫你家大人来 我跟大人讲, 把你们领导喊过来, 叫你们管事的来), with the matter
  named but not said (本人有要紧事需当面汇报, 我有话当面说): a person, carrying no question, so the next message
  reaches the staff whatever it sounds like. 转账, money 转给 a cadre, a story beside the ask keep their reading.
- (b) Hurt at work and unable to work (手指头被铡刀铡掉两个, 两个指头叫石头压掉了, 地里的活干不了了): a household's
  trouble, offered the hardship registration. A question about injury benefits (工伤咋报销, 算不算工伤) stays a
  question.
- (c) The service's features named beside an explicit ask for help (听说能问政策 还能看项目 怎么用, 查进度 帮助):
  help, which explains each. Asking how to track without a help word, a case number, or how to report stay as
  they were.
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
        "麻烦转一下相关部门的同志 我有事要当面汇报",
        "烦请转交主管部门负责同志，本人有要紧事需当面汇报。",
        "劳驾 转一下你们负责的同志",
        "请帮我转给工作人员",
        "请转相关部门",
        "我有个私事要单独谈 请转相关部门工作人员",
        "小朋友 叫你家大人来 我跟大人讲",
        "小伙子 把你们领导喊过来",
        "丫头 叫你们当官的来 我有话当面说",
        "叫你们管事的来",
        "把你们领导叫来 我跟领导说",
    ],
)
def test_a_a_person_asked_in_other_words_carries_no_question(text: str) -> None:
    assert classify(text).name == "person", text
    assert not carried_question(text), text


@pytest.mark.parametrize("text", ["转账", "钱转给村干部了", "把钱转给村干部了", "转户口怎么办", "我想转学 有什么补助"])
def test_a_transfers_are_no_ask_for_a_person(text: str) -> None:
    assert classify(text).name != "person", text


@pytest.mark.parametrize(
    "text",
    ["请转有关部门工作人员 村长把低保给他侄子了", "把你们领导叫来 村长贪污", "我家孩子跟大人说了 村长不给办"],
)
def test_a_a_story_beside_the_words_keeps_its_reading(text: str) -> None:
    assert classify(text).name == "story", text


def test_a_a_child_called_alone_is_no_small_talk() -> None:
    # 孩子 joins the words that only call the listener beside an ask, not the small talk words.
    assert classify("孩子好").name != "smalltalk"
    assert classify("娃娃").name == "none"


@pytest.mark.parametrize(
    ("ask", "question"),
    [
        ("烦请转交主管部门负责同志，本人有事需当面汇报。", "我爹腿摔断了 住院花了三万 家里实在没钱了"),
        ("小朋友 叫你家大人来 奶奶跟大人说", "我上次反映的那个事 有消息没"),
    ],
)
def test_a_the_next_message_goes_to_staff_whatever_it_sounds_like(engine: Engine, ask: str, question: str) -> None:
    v = bound_villager(engine, "q-c-person")
    assert "一条消息" in v.say(ask)
    handed = v.say(question)
    assert "已转给" in handed and "工作日" in handed
    assert question in _questions(engine) and ask not in _questions(engine)


@pytest.mark.parametrize(
    "text",
    [
        "我手指头被铡刀铡掉两个 屋里老的小的都靠我",
        "我男人的胳膊让车撞了 地里的活干不了了 一家人没指望了",
        "我是石匠 两个指头叫石头压掉了 屋里三个娃",
        "我的腿叫牛顶了 农活干不动了",
    ],
)
def test_b_hurt_and_unable_to_work_is_a_hardship(text: str) -> None:
    meant = classify(text)
    assert meant.name == "hardship" and meant.told, text


@pytest.mark.parametrize(
    "text",
    ["工伤咋报销", "干活把手砸了 工伤保险怎么报", "手指头被机器夹断了 算不算工伤", "手机被人砸了", "我家手续没办好"],
)
def test_b_injury_benefit_questions_and_lookalikes_are_not(text: str) -> None:
    assert classify(text).name != "hardship", text


def test_b_the_hardship_offer_follows(engine: Engine) -> None:
    v = bound_villager(engine, "q-c-hurt")
    reply = v.say("我是石匠 两个指头叫石头压掉了 屋里三个娃")
    assert "登记困难情况" in reply


@pytest.mark.parametrize(
    "text",
    [
        "听说这个能问政策 还能看项目 怎么用",
        "你们这个能查进度还能补充材料咋用",
        "听人说能反映问题 能查进度 这个咋用啊",
        "能补充材料吗 帮助",
        "查进度 帮助",
        "补充材料怎么用",
    ],
)
def test_c_features_named_beside_help_are_help(text: str) -> None:
    assert classify(text).name == "help", text


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("怎么查进度", "track"),
        ("我上次反映的事 怎么查进度", "track"),
        ("630223-2026-000123 123456 怎么用", "none"),
        ("反映问题 怎么用", "none"),
    ],
)
def test_c_without_help_beside_features_the_reading_stays(text: str, meant: str) -> None:
    assert classify(text).name == meant, text


def test_c_help_explains_tracking_and_adding_material(engine: Engine) -> None:
    v = bound_villager(engine, "q-c-help")
    reply = v.say("听人说能查进度 还能补充材料 这个咋用啊")
    assert "查询进度" in reply and "补充材料" in reply and "您还没有反映过问题" not in reply
