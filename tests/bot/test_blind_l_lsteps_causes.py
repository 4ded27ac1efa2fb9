"""Causes found by blind dialogue set L at the report's later steps, fixed by general rules. Phrasings here are
not set L's.

- (a) Done without 都: 该说的说完了, 能讲的也讲到了.
- (b) No evidence, told with why or in other words: 没拍 then a reason in one run (没照 天太黑了), a paper never
  given (收条没开, 单子也不给), where would evidence come from (上哪弄照片去), 冇 (粤语 没有).
- (c) Evidence told in words with nothing sent (a paper or witness held, a thing anyone can go and see): the
  words go into the report and the step is passed; a photo still to come, or a question, keeps the step.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.reading.step_answers import evidence_in_words, means
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.report_support import bound_villager


@pytest.mark.parametrize("text", ["该说的说完了", "能讲的也讲到了", "我想说的说完了", "该说的说了 谢谢"])
def test_a_done_without_all_is_done(text: str) -> None:
    assert means(text, "done"), text


@pytest.mark.parametrize("text", ["该说的还没说完", "能说的没说完", "说的那个事还有"])
def test_a_not_done_is_not_done(text: str) -> None:
    assert not means(text, "done"), text


@pytest.mark.parametrize(
    "text",
    ["没照天太黑了", "没拍 当时吓坏了", "收条没开", "单子也不给 上哪弄照片去", "上哪弄照片去", "冇", "冇相片"],
)
def test_b_no_evidence_with_why_passes_the_step(text: str) -> None:
    assert means(text, "skip"), text


@pytest.mark.parametrize(
    "text",
    [
        "没照顾好老人",
        "没拍到 但是有录音",
        "没拍 等下就发",
        "没给钱",
        "没拍他收钱的时候我有聊天截图",
        "有照片吗",
        "没照片他把钱拿走了",
    ],
)
def test_b_evidence_still_there_or_other_words_do_not_skip(text: str) -> None:
    assert not means(text, "skip"), text


@pytest.mark.parametrize(
    "text",
    [
        "有发票",
        "收条在我家放着",
        "他们几家都能作证",
        "那段渠就在河边 大家都看得见",
        "羊还在他家院里圈着 你们下来看",
        "一问就知道",
        "留着几张条子 现在拍不了",
    ],
)
def test_c_evidence_told_in_words(text: str) -> None:
    assert evidence_in_words(text), text


@pytest.mark.parametrize(
    "text",
    [
        "没有发票",
        "有发票吗",
        "你们能下来看看吗",
        "有照片 马上发",
        "有截图",
        "谁知道他把钱弄哪去了",
        "看不见",
        "他家有车有楼",
        "你们看着办",
    ],
)
def test_c_no_evidence_a_question_or_a_photo_to_come_is_not_evidence_in_words(text: str) -> None:
    assert not evidence_in_words(text), text


def test_c_evidence_in_words_is_kept_and_the_step_passed(engine: Engine) -> None:
    v = bound_villager(engine, "o-lsteps-words")
    v.say("3")
    v.say("1")
    v.say("村会计把危房改造补助一户扣了两千")
    if "哪一级" in v.say("好了"):
        v.say("1")
    reply = v.say("扣钱的条子在我家放着 你们下来看")
    assert "证据情况" in reply and "1 实名" in reply and "补充材料" in reply and "取消" in reply
    v.say("2")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.description == "村会计把危房改造补助一户扣了两千\n证据：扣钱的条子在我家放着 你们下来看"


def test_c_a_photo_to_come_keeps_the_evidence_step(engine: Engine) -> None:
    v = bound_villager(engine, "o-lsteps-photo")
    v.say("3")
    v.say("1")
    v.say("村会计把危房改造补助一户扣了两千")
    if "哪一级" in v.say("好了"):
        v.say("1")
    reply = v.say("有照片 等一下就发")
    assert "如有证据" in reply and "1 实名" not in reply
    assert "跳过" in reply
