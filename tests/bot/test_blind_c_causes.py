"""Causes found by blind dialogue set C, as general rules: a wrong told as a story about a benefit (a cadre's
relative, the dead or the well-off still paid, paid twice, taken by someone, withheld while others got it);
a cadre's meals on the village's money; thanks and acknowledgements with small words between; the village's
money named alone; command words typed by their sound; a hardship application and troubles told in shapes;
a long story that moves the report on; a person mentioned inside an answer; a trailing exit; a switch of
paths as one clause; another's household registered; the identity changed at the summary. Phrasings here
are not set C's."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.hardship_story import household_told
from bot.reading.step_answers import means
from bot.understand import classify
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.report_support import bound_villager

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.mark.parametrize(
    "text",
    [
        "村主任他外甥开着个饭馆 照样领着困难补助",
        "老王头前年就过世了 他的养老金一直有人在领",
        "会计家的儿媳妇也是监测户 人家在县城上班",
        "俺们组有一家低保领两份",
        "俺家的护林员名额让别人顶了",
        "救灾的面粉乡上扣下了 一袋也没发",
        "高龄补贴俺爹一直没给 别人家的老人都领上了",
        "村干部把俺家的低保取消了 也不说为啥",
        "驻村的干部天天在农家乐吃饭 都是村委会买单",
    ],
)
def test_a_wrong_told_as_a_story_about_a_benefit_is_a_story(text: str) -> None:
    assert classify(text).name == "story", classify(text)


@pytest.mark.parametrize(
    "text",
    [
        "有车的人家能吃低保吗",  # a question about the rule
        "我家没有车 也没楼房 能评低保不",
        "我老伴去世了 想申请低保",
        "低保咋申请",
        "养老金有人替我领可以不",
    ],
)
def test_questions_and_hardship_about_a_benefit_are_not_stories(text: str) -> None:
    assert classify(text).name != "story", classify(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("多谢你们 大家都辛苦了", "smalltalk"),
        ("知道了 谢谢", "smalltalk"),
        ("好的 收到啦", "smalltalk"),
        ("咱村的钱", "money"),
        ("俺们村的项目情况", "money"),
        ("村里资金", "money"),
        ("找人公", "person"),  # 找人工 typed by its sound
        ("菜但", "menu"),
        ("句报", "report"),
        ("去消", "cancel"),
    ],
)
def test_small_talk_money_and_command_words_by_shape_and_sound(text: str, name: str) -> None:
    assert classify(text).name == name, classify(text)


def test_a_sound_alike_needs_two_syllables_and_a_whole_message() -> None:
    assert classify("停").name == "cancel"
    assert classify("听").name != "cancel"  # one syllable is never read as another word
    assert classify("转人公 我想问医保").name != "person" or "医保" in classify("转人公 我想问医保").norm


@pytest.mark.parametrize(
    "text",
    [
        "俺想给老人申请个救助",
        "帮我们家办个困难帮扶",
        "我骑摩托把腿摔断了 家里就靠我挣钱",
        "我家男人干不了活了 一分钱也挣不上",
    ],
)
def test_applications_and_troubles_in_shapes_are_hardship(text: str) -> None:
    assert classify(text).name == "hardship", classify(text)


def test_step_answers_joined_or_typed_by_sound() -> None:
    assert means("没了没了就这些了", "done")
    assert means("就这样了好了", "done")
    assert means("挑过", "skip")
    assert not means("他说就这样了 不给就是不给", "done")


def test_another_household_is_read_from_who_registers_it() -> None:
    assert household_told("隔壁的老阿奶一个人过 我想帮她登记一下") == "other"
    assert household_told("我是社长 替我们社里一户人家申请帮扶") == "other"
    assert household_told("给老人看病花光了钱") is None  # the villager's own household


LONG = (
    "我们社的社长去年收了每家二百块钱说是修路的钱后来路也没修钱也没退"
    "我们几家去问他他说钱交到村上了村上又说没见过这个钱到现在也没人管我们也不知道该找谁"
)


def test_a_long_story_goes_on_and_more_can_still_be_added(engine: Engine) -> None:
    v = bound_villager(engine, "o-bc-long")
    offered = v.say(LONG)
    assert "开始反映" in offered
    started = v.say("1")
    assert "接着问下一步" in started and "哪一级的干部" in started
    added = v.say("还有三社的几家也交了 一共交了一千多块钱")
    assert "已加到反映内容里" in added and "哪一级的干部" in added
    v.say("1")
    v.say("没有")
    v.say("2")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert "每家二百块钱" in case.description and "一共交了一千多块钱" in case.description


def test_a_person_named_inside_an_answer_stays_the_answer(engine: Engine) -> None:
    v = bound_villager(engine, "o-bc-help")
    v.say("我家老人瘫痪在床 家里没了收入")
    v.say("1")
    v.say("1")
    v.say("去年")
    v.say("2")
    phone = v.say("想申请护理补贴 再找个人来帮着照看")
    assert "电话" in phone and "转给工作人员" not in phone
    assert "核对" in v.say("13800001111")


def test_a_trailing_exit_leaves_a_step_and_a_scrap_does_not(engine: Engine) -> None:
    v = bound_villager(engine, "o-bc-exit")
    v.say("我家老人瘫痪在床 家里没了收入")
    v.say("1")
    v.say("1")
    v.say("去年")
    v.say("2")
    v.say("看病报销")
    assert "请回复数字" in v.say("不想留电话 不登记了")
    w = bound_villager(engine, "o-bc-exit2")
    for said in ("3", "1", "会计把危房补助扣了三千块", "好了", "1"):
        w.say(said)
    assert "是否留下姓名" in w.say("照片没有 算了")  # no photos, not leaving the report


def test_a_hardship_that_turns_into_a_report_keeps_the_story(engine: Engine) -> None:
    v = bound_villager(engine, "o-bc-switch")
    v.say("想申请个困难帮扶")
    v.say("1")
    v.say("1")
    told = v.say("俺家的粮食补贴让社长扣下了 问他就说上面没发 别人都拿到了")
    assert "改为反映问题" in told
    switched = v.say("这是要反映社长的 改为反映问题")
    assert "已改为反映问题" in switched and "类别" in switched
    v.say("1")
    v.say("好了")
    v.say("1")
    v.say("没有")
    v.say("2")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.category != "poverty_risk" and "粮食补贴" in case.description


def test_real_name_said_at_the_summary_asks_for_the_name(engine: Engine) -> None:
    v = bound_villager(engine, "o-bc-realname")
    for said in ("3", "1", "会计把危房补助扣了三千块", "好了", "1", "跳过", "2"):
        v.say(said)
    asked = v.say("我要实名")
    assert "姓名和手机号" in asked
    summary = v.say("王芳 13900001111")
    assert "身份：实名" in summary
    w = bound_villager(engine, "o-bc-same")
    for said in ("3", "1", "会计把危房补助扣了三千块", "好了", "1", "跳过", "2", "2"):
        w.say(said)
    assert "1 实名" in w.say("匿名")  # the value it already has: the identity question is asked
