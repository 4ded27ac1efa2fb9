"""Causes found by blind dialogue set A, as general rules: wrongs told without a named role, favouritism told
as making someone a beneficiary, a trouble with a plea for help, 修改 by a field's words or value, and every
reply of the report flow (返回 too) saying how to get out. Phrasings here are not set A's."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.understand import classify
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import Villager
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
FOOTER = "（回复“返回”回到上一步，“取消”退出）"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("盖个章村委会要五十块 不交钱就不给盖", "conduct"),
        ("开低保证明得给文书两百元才给开", "conduct"),
        ("不送烟就不给批宅基地", "conduct"),
        ("危房补助的单子上那个手印不是我按的", "funds"),
        ("俺们从来没拿到过产业补助 镇上说早发过了", "funds"),
        ("主任把他女婿报成了监测户 人家开着超市", "unfair"),
        ("组长把自家小舅子评成了贫困户", "unfair"),
        # relief goods taken home are funds misused; handed to one's own people, favouritism
        ("我们组长把救灾的面粉拿回自己家了", "funds"),
        ("发下来的救济物资让文书拉回家了", "funds"),
        ("救灾的棉被村上都分给自己人了", "unfair"),
    ],
)
def test_wrongs_without_a_listed_act_are_stories(text: str, category: str) -> None:
    intent = classify(text)
    assert intent.name == "story" and intent.detail == category, intent


@pytest.mark.parametrize("text", ["我把低保证明拿回家了", "救灾的面粉啥时候能拿回家", "把补贴的单子拿回家给娃他爹看"])
def test_taking_home_without_a_cadre_is_not_a_wrong(text: str) -> None:
    assert classify(text).name != "story", text


@pytest.mark.parametrize(
    "text",
    ["发大水把地里的苞谷全冲了 能不能帮一把", "一场雪灾羊冻死了一半 求助", "住院花光了积蓄 救救我们吧"],
)
def test_a_trouble_with_a_plea_for_help_is_hardship(text: str) -> None:
    assert classify(text).name == "hardship"


@pytest.mark.parametrize(
    "text",
    [
        *("冰雹灾害有什么补助", "庄稼受灾了怎么申请救助", "办证要多少钱", "低保证明去哪开", "村里修路花了多少钱"),
        *("不交医保就不给报销吗", "办新农合一年要交几百块", "领补贴是不是要交20元手续费"),
    ],
)
def test_questions_stay_questions(text: str) -> None:
    assert classify(text).name in ("none", "money")


def _at_confirm(engine: Engine, openid: str) -> Villager:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), openid)
    v.scan(VILLAGE)
    v.say("3")
    v.say("1")
    v.say("村会计把今年的草原补奖扣了八百块 说是管理费")
    v.say("好了")
    v.say("1")
    v.say("跳过")
    assert "核对" in v.say("2")
    return v


def test_edit_by_the_fields_value_sets_it_and_by_its_words_opens_it(engine: Engine) -> None:
    v = _at_confirm(engine, "o-edit-words")
    v.say("修改")
    contact = v.say("我想实名")
    assert "姓名和手机号" in contact
    shown = v.say("马青山 13912345678")
    assert "核对" in shown and "身份：实名" in shown
    v.say("修改")
    assert "原来记下的" in v.say("补充一下情况")
    assert "核对" in v.say("好了")
    v.say("2")
    assert "如有证据" in v.say("加张照片")


def test_the_edit_is_filed_with_the_new_identity(engine: Engine) -> None:
    v = _at_confirm(engine, "o-edit-filed")
    v.say("改一下")
    v.say("换成实名吧")
    v.say("韩梅 13812345678")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.anonymous is False


def test_going_back_a_step_still_says_how_to_get_out(engine: Engine) -> None:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), "o-back")
    v.scan(VILLAGE)
    v.say("3")
    v.say("2")
    v.say("评低保的时候村上没开会 名单是书记一个人定的")
    v.say("好了")
    v.say("1")
    for word in ("上一步", "返回"):
        assert v.say(word).rstrip().endswith(FOOTER), word
