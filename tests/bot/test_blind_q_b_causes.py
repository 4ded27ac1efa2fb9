"""Causes found by blind dialogue set Q (group b: leaving a step, and a safety question at the start), fixed by
general rules. Phrasings here are not set Q's.

- (a) Leaving mixed with a hesitation before (嗯, 呃, 等等, 等一下), an emoji between (算了🙏不弄了), leaving words
  run together in one clause (算了算了今天先不弄了) and any of 这次/今儿/要不/干脆 before them: leaves at any
  step, the story step too. A story with 算了 or 不弄了 in it stays the story.
- (b) A safety question at the top level that asks whether someone would be let know (会不会让单位知道) or
  whether reporting harms the reporter's own (会不会连累家里人, 会不会影响娃上学): answered and never stored.
  A policy question with 影响 (有车会不会影响低保) is no safety question.
- (c) An ask to report said in words at an offer that guessed no category (其他意见建议): the category list is
  shown, and what was told beside the ask is kept with what was offered.
- (d) A category's own words said at the story step (虚报冒领, 是优亲厚友那一类): the category changes and is
  not stored as the story; a story naming such words among others stays the story.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot import safety
from bot.shapes import leaving
from bot.understand import classify
from storage.db import make_sessionmaker
from storage.models.cases import Case, ReportDraft
from tests.report_support import bound_villager


@pytest.mark.parametrize(
    "text",
    [
        "呃 算了 回主页",
        "等等 今天先不弄了",
        "嗯嗯先不反映了",
        "算了🙏不弄了",
        "算了算了今天先不弄了",
        "这次就算了吧",
        "干脆不弄了",
        "哈哈算了 不登记了",
    ],
)
def test_a_leaving_with_hesitation_emoji_or_run_together_leaves(text: str) -> None:
    assert leaving(text), text
    assert classify(text).name == "cancel", text


@pytest.mark.parametrize(
    "text",
    [
        "他说这事就算了",  # a story
        "村长说不交钱就不办了",
        "等一下 我先问问",  # a hold, not leaving
        "嗯 村会计把低保给了他小舅子",
        "算了嘛 能不能先查一下",  # asks
        "😂😂",
    ],
)
def test_a_not_leaving(text: str) -> None:
    assert classify(text).name != "cancel", text


def test_a_leaving_at_the_story_step_cancels(engine: Engine) -> None:
    v = bound_villager(engine, "q-b-leave")
    v.say("3")
    v.say("3")
    assert "已取消" in v.say("呃呃 算了🙏今天先不弄了")
    with make_sessionmaker(engine)() as s:
        assert s.scalars(select(ReportDraft)).first() is None


def test_a_leaving_at_the_category_step_shows_the_menu(engine: Engine) -> None:
    v = bound_villager(engine, "q-b-menu")
    v.say("3")
    reply = v.say("稍等 先不整了 回主页")
    assert "请回复数字" in reply and "回答不了" not in reply, reply


def test_a_a_story_with_suanle_stays_the_story(engine: Engine) -> None:
    v = bound_villager(engine, "q-b-story")
    v.say("3")
    v.say("2")
    reply = v.say("组长说低保的事就算了 不弄了 可他把名额给了他弟弟")
    assert "已记下" in reply, reply


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("会不会让单位知道", ""),
        ("我反映的话 会让他们家知道吗", "我反映的话"),
        ("举报了会不会连累家里人", ""),
        ("会不会影响娃上学", ""),
        ("我替老人反映 会不会影响我们家以后", "我替老人反映"),
    ],
)
def test_b_let_know_or_harm_is_a_safety_question(text: str, kept: str) -> None:
    assert safety.split(text) == (True, kept), text


@pytest.mark.parametrize(
    "text",
    [
        "我家有车会不会影响低保",  # a policy question
        "孩子考上大学会不会影响我家低保",
        "这事会不会影响我们村评先进",
        "能不能让村长知道这事",
        "村长告诉我们这会影响低保吗",
        "村长说不让我们知道",  # a story
    ],
)
def test_b_not_a_safety_question(text: str) -> None:
    assert not safety.split(text)[0], text


def test_b_safety_question_at_the_start_is_answered_never_stored(engine: Engine) -> None:
    v = bound_villager(engine, "q-b-safe")
    reply = v.say("我帮我妈反映 会不会让村上晓得？会不会连累我们家？")
    assert "安全" in reply, reply
    v.say("那我说一下")
    v.say("2")
    v.say("组长把我妈的低保停了 给了他自己亲戚 说是轮流吃")
    reply = v.say("好了")
    if "哪一级" in reply:
        v.say("1")
    v.say("没有")
    v.say("2")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.anonymous and "轮流" in case.description
        assert "晓得" not in case.description and "连累" not in case.description


def test_c_report_asked_in_words_at_an_uncategorised_offer_shows_the_categories(engine: Engine) -> None:
    v = bound_villager(engine, "q-b-offer")
    assert "其他意见建议" in v.say("村里通知每户要交三十元卫生费 年底前交齐")
    reply = v.say("往年都不收这个钱 我想反映")
    assert "问题类别" in reply, reply
    reply = v.say("3")
    assert "之前说的内容都还在" in reply and "发生了什么" in reply, reply
    v.say("组长挨家挨户收 不给收据")
    reply = v.say("好了")
    if "哪一级" in reply:
        v.say("1")
    v.say("没有")
    v.say("2")
    v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.category == "conduct"
        assert "卫生费" in case.description and "往年都不收" in case.description and "收据" in case.description


def test_c_an_offer_with_a_category_keeps_it(engine: Engine) -> None:
    v = bound_villager(engine, "q-b-offer2")
    assert "项目质量" in v.say("村上贴了告示，说每家出二十块修路钱，不交的不给开证明")
    reply = v.say("以前没这个规矩 我要举报")
    assert "类别：项目质量" in reply and "问题类别" not in reply, reply


@pytest.mark.parametrize(
    ("word", "label"), [("虚报冒领", "扶贫资金"), ("是优亲厚友那一类", "评定不公"), ("作风问题", "吃拿卡要")]
)
def test_d_category_words_at_the_story_step_change_the_category(engine: Engine, word: str, label: str) -> None:
    v = bound_villager(engine, "q-b-cat")
    v.say("3")
    v.say("7")
    reply = v.say(word)
    assert "类别已改为" in reply and label in reply, reply
    with make_sessionmaker(engine)() as s:
        draft = s.scalars(select(ReportDraft)).one()
        assert draft.step == "description"
        assert not (draft.data or {}).get("parts"), draft.data


@pytest.mark.parametrize("text", ["村干部吃拿卡要 收了我家五百块", "会计虚报冒领了三户的补助"])
def test_d_a_story_with_category_words_stays_the_story(engine: Engine, text: str) -> None:
    v = bound_villager(engine, "q-b-cat2")
    v.say("3")
    v.say("7")
    reply = v.say(text)
    assert "已记下" in reply and "类别已改为" not in reply, reply
