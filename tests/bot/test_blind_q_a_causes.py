"""Causes found by blind dialogue set Q (group a: a choice said with words around it), fixed by general rules.
Phrasings here are not set Q's.

- (a) A number first with words that only go along with it (2 就这样吧, 1 好的 我同意, 3 那就这个) or say it again
  (2 第二个): the number is picked, at the top menu and at every numbered step (offers, lists, the summary).
- (b) A number first with words naming the same option (1 政策的, 5 补贴那个, 1 提交吧 at the summary, 2 问政策的
  at the story offer, 1 登记吧 at the hardship offer, 3 吃拿卡要的 at the category step): that option; at the top
  level the main-menu item.
- (c) 我选X last after a few words that tell nothing (这里有好几个 我选四): the pick.
- Negatives: words against the pick (2 不对, 1 不要了, 1 不提交), naming another option (3 项目的), a count that
  begins a story (5个月没给钱, 2 块钱一斤), a longer story after the number, or several numbers (1 5): no pick.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.menu import MAIN_MENU
from bot.reading.choices import agreed_pick, pick
from bot.understand import classify
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.report_support import bound_villager

MENU = [label for number, label in MAIN_MENU if number != "0"]
CATEGORIES = [
    "扶贫资金被截留挪用、虚报冒领",
    "评定不公、优亲厚友（低保、监测户、补助）",
    "干部吃拿卡要、作风问题",
    "政策没落实、应享未享",
    "项目质量或进度问题",
    "家庭遇到困难、有返贫风险",
    "其他意见建议",
]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2 就这样吧", 2),
        ("1 好的 我同意", 1),
        ("3、那就这个", 3),
        ("2 第二个", 2),
        ("第一个 好的", 1),
        ("1，行 就这么弄", 1),
        ("4 对的", 4),
    ],
)
def test_a_a_number_with_words_that_go_along_is_the_pick(text: str, number: int) -> None:
    meant = classify(text)
    assert (meant.name, meant.choice) == ("choice", number), text
    assert pick(text, ["提交", "修改", "取消", "别的"]) == number, text


@pytest.mark.parametrize(
    ("text", "labels", "number"),
    [
        ("1 提交吧", ["提交", "修改"], 1),
        ("2 改一下", ["提交", "修改"], 2),
        ("1 村上的", ["村干部", "乡镇干部", "县级部门干部", "其他或不清楚"], 1),
        ("3 吃拿卡要的", CATEGORIES, 3),
        ("5 质量的", CATEGORIES, 5),
        ("2 匿名的", ["实名", "匿名"], 2),
    ],
)
def test_b_a_number_with_its_options_words_is_that_option(text: str, labels: list[str], number: int) -> None:
    assert pick(text, labels) == number, text


@pytest.mark.parametrize(("text", "number"), [("1 政策的", 1), ("5 补贴那个", 5), ("2 看项目", 2), ("4 查进度的", 4)])
def test_b_a_number_with_the_menu_items_words_is_that_item(text: str, number: int) -> None:
    meant = classify(text)
    assert meant.name in ("menu_item", "choice") and meant.choice == number, (text, meant)


@pytest.mark.parametrize(
    ("text", "number"), [("这里有好几个 我选四", 4), ("看了一下 就选第一个", 1), ("嗯 我选三吧", 3)]
)
def test_c_a_pick_said_last_after_a_few_words(text: str, number: int) -> None:
    meant = classify(text)
    assert (meant.name, meant.choice) == ("choice", number), text


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("2 不对", ()),
        ("1 不要了", ()),
        ("1 不提交", ("提交", "修改")),
        ("2 不是这个", ()),
        ("3 项目的", MENU),  # names item 2, not 3
        ("2 反映问题的", MENU),
        ("5个月没给钱", MENU),
        ("5 个月没给钱", MENU),
        ("2 块钱一斤", MENU),
        ("3 村长把低保给了他侄子", MENU),
        ("1 5", ()),  # several numbers
        ("1 村长他交了钱", ("提交", "修改")),  # a story sharing a character
        ("村长把钱贪了 我选二", ()),  # a story before 我选
        ("我没选二", ()),
        ("你们那个不对 我选二", ()),
    ],
)
def test_not_a_pick(text: str, labels: tuple[str, ...]) -> None:
    assert agreed_pick(text, labels) is None, text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("3 村长把低保给了他侄子", "story"),  # the story keeps its meaning
        ("2 不对", "none"),
    ],
)
def test_negatives_keep_their_meaning(text: str, name: str) -> None:
    assert classify(text).name == name, text


def test_top_menu_item_with_its_words(engine: Engine) -> None:
    v = bound_villager(engine, "q-a-menu")
    for said in ("2 看项目", "2 好的", "二 就这个"):
        reply = v.say(said)
        assert "公开的项目" in reply and "没有找到" not in reply, (said, reply)
    reply = v.say("4 查进度的")
    assert "您还没有反映过问题" in reply, reply


def test_offer_and_summary_picked_with_words(engine: Engine) -> None:
    v = bound_villager(engine, "q-a-steps")
    reply = v.say("村会计把危房改造补助扣了两千 说是管理费 一户都扣")
    assert "回复 1 开始反映" in reply, reply
    reply = v.say("1 行 就这样吧")
    assert "回答不了" not in reply and "好了" in reply, reply
    reply = v.say("好了")
    if "哪一级" in reply:
        reply = v.say("1 村上的")
    assert "照片" in reply, reply
    v.say("没有")
    assert "核对" in v.say("2 匿名的")
    assert "已提交" in v.say("1 提交吧")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.anonymous and "管理费" in case.description
        assert "就这样" not in case.description


def test_summary_not_submitted_on_words_against(engine: Engine) -> None:
    v = bound_villager(engine, "q-a-against")
    v.say("3")
    v.say("3 吃拿卡要的")
    v.say("村长让每户交两百块才给盖章")
    v.say("好了")
    v.say("1")
    v.say("没有")
    assert "核对" in v.say("2")
    reply = v.say("1 不提交")
    assert "已提交" not in reply, reply
    with make_sessionmaker(engine)() as s:
        assert s.scalars(select(Case)).first() is None
