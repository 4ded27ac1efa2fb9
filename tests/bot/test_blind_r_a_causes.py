"""Causes found by blind dialogue set R (group a: an old man's dialect answers at the report's steps, and a
safety question beside a story), fixed by general rules. Phrasings here are not set R's.

- (a) A dialect yes (能成, 成, 中哩, 行嘞, 能行) at an offer starts the report, at the story step says the story is
  done, at the summary submits; a dialect no (不成, 莫要了, 要不得, 算球了) at an offer declines it. 成 inside a word
  (成绩, 成本) is no yes, and 不成 inside a story stays the story.
- (b) Anonymity said in words with the north-western 莫 or the northern 甭 (名字莫写, 甭留名字): anonymous.
- (c) A topic named at the category step and nothing told (林地的事, 关于宅基地的问题): kept as the story's first
  part; a category it names is a guess to confirm and the story is asked for; one naming none asks for the story
  and guesses the category from it. A yes or an ask to report there (中 那就反映) shows the list as the next thing.
- (d) A story with a safety question beside it (…我告了会不会让村上晓得): the question answered and never stored, the
  story offered as any story told alone is, with the category it names.
- (e) One leaving word alone (算了算了) is the word lists' to read; a leaving run together (算了算了先不举报了) leaves.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.reading.step_answers import means
from bot.shapes import leaving
from bot.understand import classify
from storage.db import make_sessionmaker
from storage.models.cases import Case, ReportDraft
from tests.report_support import Villager, bound_villager

STORY = "组长把俺家的退耕还林补助领走了 说是替俺领 到今天也没给"


def _one_case(engine: Engine) -> Case:
    with make_sessionmaker(engine)() as s:
        return s.scalars(select(Case)).one()


def _draft(engine: Engine) -> ReportDraft | None:
    with make_sessionmaker(engine)() as s:
        return s.scalars(select(ReportDraft)).first()


def _to_identity(v: Villager, yes: str) -> str:
    """From the offer of a story to the identity step, saying yes the dialect way at the offer and story."""
    assert "开始反映" in v.say(STORY)
    assert "记为反映内容" in v.say(yes)
    reply = v.say(yes)  # the story is done
    if "哪一级" in reply:
        reply = v.say("1")
    assert "照片" in reply or "证据" in reply, reply
    return v.say("没有")


@pytest.mark.parametrize("yes", ["成", "中哩", "能行", "行嘞"])
def test_a_a_dialect_yes_goes_on_at_the_offer_and_the_story_step(engine: Engine, yes: str) -> None:
    v = bound_villager(engine, f"r-a-yes-{len(yes)}")
    assert "实名" in _to_identity(v, yes)


@pytest.mark.parametrize("yes", ["成", "能成", "中"])
def test_a_a_dialect_yes_submits_at_the_summary(engine: Engine, yes: str) -> None:
    v = bound_villager(engine, "r-a-submit")
    _to_identity(v, "能成")
    assert "核对" in v.say("2")
    assert "已提交" in v.say(yes)
    assert "退耕还林" in _one_case(engine).description


@pytest.mark.parametrize("no", ["不成", "莫要了", "要不得", "算球了"])
def test_a_a_dialect_no_declines_the_offer(engine: Engine, no: str) -> None:
    v = bound_villager(engine, "r-a-no")
    assert "开始反映" in v.say(STORY)
    assert "什么也没有提交" in v.say(no)
    assert _draft(engine) is None


@pytest.mark.parametrize("text", ["成绩", "成本", "成分", "完成"])
def test_a_cheng_inside_a_word_is_no_yes(text: str) -> None:
    assert not any(means(text, kind) for kind in ("agree", "confirm")), text


def test_a_bu_cheng_is_no_not_yes() -> None:
    assert means("不成", "refuse") and not means("不成", "agree") and not means("不成", "confirm")


def test_a_bu_cheng_inside_a_story_stays_the_story(engine: Engine) -> None:
    v = bound_villager(engine, "r-a-story-bucheng")
    v.say("3")
    v.say("1")
    v.say("村会计说不交两百块钱 低保就办不成")
    v.say("好了")
    with make_sessionmaker(engine)() as s:
        draft = s.scalars(select(ReportDraft)).one()
        assert "办不成" in str(draft.data)


@pytest.mark.parametrize("text", ["名字莫写", "甭留名字", "莫留我的名字", "名字就甭写了"])
def test_b_anonymity_said_with_mo_or_beng(text: str) -> None:
    assert means(text, "anonymous"), text
    assert not means(text, "real_name"), text


@pytest.mark.parametrize("text", ["写上我的名字", "实名"])
def test_b_real_name_stays(text: str) -> None:
    assert means(text, "real_name") and not means(text, "anonymous"), text


def test_b_anonymous_in_words_files_anonymously(engine: Engine) -> None:
    v = bound_villager(engine, "r-a-anon")
    assert "实名" in _to_identity(v, "能成")
    assert "核对" in v.say("名字甭留")
    assert "已提交" in v.say("1")
    assert _one_case(engine).anonymous


def test_c_a_topic_naming_no_category_asks_for_the_story_and_keeps_it(engine: Engine) -> None:
    v = bound_villager(engine, "r-a-topic")
    v.say("3")
    reply = v.say("关于林地的问题")
    assert "林地" in reply and "怎么回事" in reply and "请先回复数字" not in reply, reply
    reply = v.say("村上把集体的林地租给老板了 租金一分没分给大家")
    assert "类别像是" in reply, reply
    v.say("好了")
    v.say("1")
    v.say("没有")
    v.say("2")
    assert "已提交" in v.say("1")
    case = _one_case(engine)
    assert "林地的问题" in case.description and "租金" in case.description


def test_c_a_topic_naming_a_category_is_a_guess_to_confirm(engine: Engine) -> None:
    v = bound_villager(engine, "r-a-topic-cat")
    v.say("3")
    reply = v.say("是低保上的事")
    assert "类别像是" in reply and "返回" in reply and "说说" in reply, reply
    draft = _draft(engine)
    assert draft is not None and draft.step == "description" and "低保" in str(draft.data)


@pytest.mark.parametrize("text", ["这个事", "啥事", "我不知道是什么事"])
def test_c_no_topic_is_not_taken(engine: Engine, text: str) -> None:
    v = bound_villager(engine, "r-a-notopic")
    v.say("3")
    v.say(text)
    draft = _draft(engine)
    assert draft is not None and draft.step == "category" and not draft.data.get("parts"), text


@pytest.mark.parametrize("text", ["中 那就反映", "行嘞", "开始反映"])
def test_c_a_yes_at_the_category_step_shows_the_list(engine: Engine, text: str) -> None:
    v = bound_villager(engine, "r-a-yes-cat")
    v.say("3")
    reply = v.say(text)
    assert "好的" in reply and "1 扶贫资金" in reply and "请先回复数字" not in reply, reply


def test_c_a_number_at_the_category_step_still_picks(engine: Engine) -> None:
    v = bound_villager(engine, "r-a-cat-number")
    v.say("3")
    assert "您选择了" in v.say("2")


def test_d_a_story_beside_a_safety_question_is_offered(engine: Engine) -> None:
    v = bound_villager(engine, "r-a-safe-story")
    reply = v.say("会计把村上的拖拉机拉回自家用了半年 我告了会不会让村上晓得")
    assert "安全问题" in reply and "开始反映" in reply, reply
    assert "记为反映内容" in v.say("1")
    v.say("好了")
    v.say("1")
    v.say("没有")
    v.say("2")
    assert "已提交" in v.say("1")
    case = _one_case(engine)
    assert "拖拉机" in case.description and "晓得" not in case.description and case.anonymous


def test_d_an_ask_to_report_beside_a_safety_question_starts(engine: Engine) -> None:
    v = bound_villager(engine, "r-a-safe-ask")
    reply = v.say("我要举报 村会计扣了俺家的危房补助 能不能匿名")
    assert "安全问题" in reply and "记为反映内容" in reply and "开始反映" not in reply, reply


def test_d_a_fear_alone_is_still_answered_and_offered(engine: Engine) -> None:
    v = bound_villager(engine, "r-a-safe-alone")
    reply = v.say("俺告了村长会不会给俺穿小鞋")
    assert "安全问题" in reply and "反映" in reply
    assert _draft(engine) is None


@pytest.mark.parametrize("text", ["算了算了", "算了", "不弄了吧"])
def test_e_one_leaving_word_alone_is_the_word_lists(text: str) -> None:
    assert not leaving(text), text
    assert classify(text).name == "cancel", text


@pytest.mark.parametrize("text", ["算了算了这回先不弄了", "罢了 算了算了先不登记了", "算了😅不反映了"])
def test_e_a_leaving_run_together_leaves(text: str) -> None:
    assert leaving(text), text
