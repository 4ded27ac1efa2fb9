"""Causes found by blind dialogue set R (group b: politeness and a hotline caller's words around what is meant),
fixed by general rules. Phrasings here are not set R's.

- (a) Greetings, thanks and hotline openers (您好, 谢谢您, 麻烦了, 喂, 是12345不, 这是政务热线吧) around a command, a
  choice, a step's answer or a story are taken away before reading, at the top and at every step.
- (b) A cadre keeping what was to be handed out (慰问金村会计自个儿留下了, 救灾面粉组长他们私下分掉了): a wrong told.
- (c) The hotline's own staff named (话务员, 接线员, 值班的, 坐席): a person.
- (d) 在吗 after a short preamble that tells nothing (刚放完羊 还有人在不): small talk.
- Negatives: 谢谢 or 你好 alone keep their small talk; a wrapper around a policy question leaves it a question; a
  story that says 谢谢 inside stays the story; villagers sharing among themselves (我们自己分了) is no wrong; 值班的
  inside a story is no ask for a person; a preamble that tells a trouble or a wrong is not small talk; 没说完 wrapped
  in thanks is not done.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.reading.step_answers import means
from bot.reading.wrappers import unwrapped
from bot.understand import classify
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.report_support import bound_villager


@pytest.mark.parametrize(
    ("text", "name", "choice"),
    [
        ("您好，3，谢谢", "choice", 3),
        ("您好 第二个 麻烦您了", "choice", 2),
        ("喂，菜单", "menu", None),
        ("你好 转人工 谢谢", "person", None),
        ("麻烦了，返回", "back", None),
        ("是12345不 我要反映", "report", None),
        ("您好，查进度，谢谢您", "track", None),
    ],
)
def test_a_a_wrapped_command_or_choice_is_read_alone(text: str, name: str, choice: int | None) -> None:
    meant = classify(text)
    assert meant.name == name, (text, meant)
    if choice is not None:
        assert meant.choice == choice, (text, meant)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("您好，就这些，谢谢您", "done"),
        ("你好就这些了谢谢", "done"),
        ("喂 没别的了 麻烦了", "done"),
        ("您好，没拍照片，麻烦了", "skip"),
        ("你好 匿名吧 谢谢", "anonymous"),
        ("您好，提交，谢谢", "confirm"),
    ],
)
def test_a_a_wrapped_step_answer_is_the_answer(text: str, kind: str) -> None:
    assert means(text, kind), text


@pytest.mark.parametrize(
    "text",
    [
        "喂 是12345不 村上发的救灾面粉 组长他们私下分掉了",
        "这是政务热线吧 慰问金让村会计自个儿留下了 一分没给俺",
        "您好，去年过节发的慰问品，村干部自己留下了，谢谢",
    ],
)
def test_a_b_a_wrapped_story_of_goods_kept_is_a_story(text: str) -> None:
    assert classify(text).name == "story", text


@pytest.mark.parametrize("text", ["帮我转一下话务员", "接线员在不在", "值班的", "你好 我找一下接线员 谢谢", "转坐席"])
def test_c_the_hotlines_staff_named_is_a_person(text: str) -> None:
    assert classify(text).name == "person", text


@pytest.mark.parametrize("text", ["刚放完羊 还有人在不", "下班了 你们都还在没", "你还在不"])
def test_d_still_there_after_a_short_preamble_is_small_talk(text: str) -> None:
    meant = classify(text)
    assert meant.name == "smalltalk", (text, meant)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("谢谢", "smalltalk"),
        ("你好", "smalltalk"),
        ("您好，谢谢", "smalltalk"),
        ("你好，我想问一下残疾人补贴一个月多少钱，谢谢", "none"),
        ("村长在会上说谢谢大家 转头就把扶贫羊卖了", "story"),
        ("村里分的地 我们自己分了", "none"),
        ("村上值班的干部天天不在", "story"),
        ("低保还在吗", "none"),
        ("村长把救灾款贪了 你们在吗", "story"),
    ],
)
def test_negatives_keep_their_meaning(text: str, name: str) -> None:
    assert classify(text).name == name, (text, classify(text))


def test_negatives_of_steps_and_wrappers() -> None:
    assert not means("你好，还没说完，谢谢", "done")
    assert not means("您好 有照片 等会发 谢谢", "skip")
    assert unwrapped("谢谢") is None and unwrapped("你好 谢谢") is None
    assert unwrapped("村长说谢谢大家 然后把钱拿走了") is None
    assert unwrapped("查询码 12345") is None  # a number given, not the hotline asked after


def test_a_polite_report_through_every_step(engine: Engine) -> None:
    v = bound_villager(engine, "r-b-polite")
    reply = v.say("您好，村会计把过年的慰问金自个儿留下了，俺们一分没见，麻烦了")
    assert "回复 1 开始反映" in reply, reply
    reply = v.say("您好，1，谢谢")
    assert "好了" in reply and "回答不了" not in reply, reply
    reply = v.say("您好，就这些，谢谢您")
    if "哪一级" in reply:
        reply = v.say("您好，1，谢谢")
    assert "照片" in reply, reply
    assert "匿名" in v.say("您好，没拍照片，麻烦了")
    assert "核对" in v.say("你好 匿名吧 谢谢")
    assert "已提交" in v.say("您好，提交，谢谢")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.anonymous and "慰问金" in case.description
        assert "就这些" not in case.description


def test_top_choice_person_and_small_talk_wrapped(engine: Engine) -> None:
    v = bound_villager(engine, "r-b-top")
    reply = v.say("您好，2，谢谢")
    assert "公开的项目" in reply and "回答不了" not in reply, reply
    v.say("菜单")
    reply = v.say("帮我转一下话务员")
    assert "转给工作人员" in reply, reply
    reply = v.say("俺娘的高龄补贴这两个月没到账 想问问咋回事")
    assert "已转给" in reply, reply
    reply = v.say("刚放完羊 还有人在不")
    assert "请回复数字" in reply and "回答不了" not in reply, reply
