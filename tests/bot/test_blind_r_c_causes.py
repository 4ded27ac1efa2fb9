"""Causes found by blind dialogue set R (group c), fixed by general rules. Phrasings here are not set R's.

- (a) An ask for a person in its own clause, in a letter's or a dialect's order (领导我见一下, 我希望由工作人员答复
  如下问题, 请转相关负责同志), with the question in other clauses before or after it, a greeting beside: the
  question goes to staff at once. A story or an ask to report beside the ask keeps its reading; the ask alone
  still waits for the question.
- (b) Asking for the step said again (再说一遍, 没听清, 重说一下, 刚才说啥) at any step: that step's prompt again,
  nothing kept, and the step then answered as usual. 再说 inside a story, 再来一次 (start again) keep their meaning.
- (c) Not understanding the service (没看懂, 看不懂, 搞不懂) beside or without 帮助: help, at any step.
- (d) Asking where the village's money went (钱都用到哪儿了, 花哪去了 想看看): the village's projects and funds, with
  the offer to report. A wrong told (被村长拿了, 给了他侄子) is still offered as a report.
- (e) A feature's name typed by sound (项木公开, 想目公开, 查寻进度, 政策咨寻): read as that feature.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.reading.normal_form import normalise
from bot.understand import carried_question, classify
from storage.db import make_sessionmaker, transaction
from storage.models import Inquiry
from storage.types import utcnow
from tests.report_support import bound_villager
from villages.projects.load import load_demo_projects


def _with_projects(engine: Engine) -> None:
    with transaction(make_sessionmaker(engine)) as s:
        load_demo_projects(s, now=utcnow())


def _questions(engine: Engine) -> list[str]:
    with transaction(make_sessionmaker(engine)) as s:
        return [row.question for row in s.scalars(select(Inquiry)).all()]


@pytest.mark.parametrize(
    "text",
    [
        "领导我见一下 俺家的低保今年咋停了",
        "村上的干部俺找要 我的养老金一个月多少钱 问要",
        "你好。我希望由工作人员答复如下问题：家里有残疾人，能否申请护理补贴？",
        "退伍军人回村创业有没有补贴？请转相关负责同志。谢谢",
        "老师好 请转有关部门工作人员 危房改造一户补多少钱",
    ],
)
def test_a_a_person_asked_beside_the_question_carries_it(text: str) -> None:
    assert classify(text).name == "person", text
    assert carried_question(text), text


@pytest.mark.parametrize("text", ["领导我见一下", "我希望由工作人员答复以下问题", "你好 请转相关负责同志"])
def test_a_the_ask_alone_still_waits_for_the_question(text: str) -> None:
    assert classify(text).name == "person", text
    assert not carried_question(text), text


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("村长把低保给了他侄子 我找领导", "story"),
        ("村长我找了好几次 也没人管", "hardship"),
        ("这事由村干部处理了", "none"),
        ("我家养老金一个月多少钱", "none"),
    ],
)
def test_a_a_story_or_a_plain_question_keeps_its_reading(text: str, meant: str) -> None:
    assert classify(text).name == meant, text


def test_a_the_question_reaches_staff_at_once(engine: Engine) -> None:
    v = bound_villager(engine, "r-c-person")
    text = "你好。我希望由工作人员答复如下问题：家里有残疾人，能否申请护理补贴？"
    reply = v.say(text)
    assert "已转给" in reply and "工作日" in reply
    assert text in _questions(engine)


@pytest.mark.parametrize(
    "text",
    ["再说一遍", "没听清", "重说一下", "刚才说啥", "你说啥？", "没听清楚 再讲一遍", "在说一遍", "看不懂 重说一下"],
)
def test_b_asking_it_said_again(text: str) -> None:
    assert classify(text).name == "repeat", text


@pytest.mark.parametrize(
    ("text", "meant"),
    [("再来一次", "restart"), ("村长说再说吧 就再也不管了", "none"), ("他说啥了我们都不知道 钱也没发", "none")],
)
def test_b_said_again_words_inside_other_things_keep_their_meaning(text: str, meant: str) -> None:
    assert classify(text).name != "repeat", text


def test_b_the_hardship_offer_said_again_then_answered(engine: Engine) -> None:
    v = bound_villager(engine, "r-c-rep-hard")
    first = v.say("我男人在工地上摔断了腿 家里没收入了")
    assert "登记困难情况" in first
    assert v.say("没听清 再说一遍") == first
    assert "谁家的困难" in v.say("1")


def test_b_the_report_offer_and_a_report_step_said_again(engine: Engine) -> None:
    v = bound_villager(engine, "r-c-rep-story")
    first = v.say("村会计把危房补助扣了三千块")
    assert "开始反映" in first
    assert v.say("刚才说啥") == first
    assert "好了" in v.say("1")
    again = v.say("重说一下")
    assert "取消" in again and "回答不了" not in again
    assert "哪一级" in v.say("好了")  # the step answered as usual; 重说一下 was never kept as the story


def test_b_said_again_beside_not_understanding_at_the_category_step(engine: Engine) -> None:
    v = bound_villager(engine, "r-c-rep-cat")
    listed = v.say("我要反映")
    assert v.say("没看明白 再讲一遍") == listed


def test_b_the_project_list_said_again(engine: Engine) -> None:
    v = bound_villager(engine, "r-c-rep-proj")
    _with_projects(engine)
    shown = v.say("2")
    assert "项目公开】" in shown
    assert v.say("再说一遍") == shown


def test_b_said_again_where_nothing_is_pending_shows_the_menu(engine: Engine) -> None:
    v = bound_villager(engine, "r-c-rep-idle")
    reply = v.say("再说一遍")
    assert "1 政策咨询" in reply and "回答不了" not in reply


@pytest.mark.parametrize("text", ["没看懂", "看不懂 帮助", "搞不懂 咋用", "没看明白", "没听清 帮助"])
def test_c_not_understanding_is_help(text: str) -> None:
    assert classify(text).name == "help", text


@pytest.mark.parametrize("text", ["我不会弄", "通知没看懂 低保到底停没停", "医保卡咋用"])
def test_c_a_question_or_not_managing_something_is_not_help(text: str) -> None:
    assert classify(text).name != "help", text


def test_c_help_in_the_project_list(engine: Engine) -> None:
    v = bound_villager(engine, "r-c-help-proj")
    _with_projects(engine)
    v.say("2")
    reply = v.say("看不懂 帮助")
    assert "补充材料" in reply and "回答不了" not in reply


@pytest.mark.parametrize(
    "text", ["村上的补助款都用到哪儿了 想看看", "集体的钱花哪去了 我们要看账", "村里的钱都花在哪了"]
)
def test_d_where_the_village_money_went_is_asked(text: str) -> None:
    assert classify(text).name == "money", text


@pytest.mark.parametrize("text", ["村里修渠的钱叫会计拿走了", "支书把村里的钱给了他小舅子"])
def test_d_a_wrong_told_about_the_money_stays_a_report(text: str) -> None:
    assert classify(text).name == "story", text


def test_d_the_projects_follow_with_the_offer_to_report(engine: Engine) -> None:
    v = bound_villager(engine, "r-c-money")
    _with_projects(engine)
    reply = v.say("村上的补助款都用到哪儿了 想看看")
    assert "项目公开】" in reply and "反映" in reply


@pytest.mark.parametrize(
    ("said", "read"),
    [("项木公开", "项目公开"), ("想看村里的想目公开", "项目公开"), ("查寻进度", "查询进度"), ("政策咨寻", "政策咨询")],
)
def test_e_feature_names_typed_by_sound(said: str, read: str) -> None:
    assert read in normalise(said)


@pytest.mark.parametrize("text", ["我想要公开", "我家项目", "想没公开", "查询一下"])
def test_e_other_words_do_not_change(text: str) -> None:
    assert normalise(text) == text


def test_e_the_projects_shown_for_a_voice_slip(engine: Engine) -> None:
    v = bound_villager(engine, "r-c-voice")
    _with_projects(engine)
    assert "项目公开】" in v.say("给我看看村上的项木公开")
