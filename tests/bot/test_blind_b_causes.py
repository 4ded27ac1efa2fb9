"""Causes found by blind dialogue set B, as general rules: misconduct told as being out of reach, as a cut of
every payment, or as something said to be given and never seen; calling someone to answer; plural addressees
in small talk; declining a hand-over; an application for monitoring; a query code typed in groups; a case
number's dashed shape that does not fit; changing paths and asking to edit in any wording; the kind of a
hardship named alone. Phrasings here are not set B's."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from bot.reading.normal_form import normalise
from bot.reading.step_answers import means
from bot.report_prompts import switch_to
from bot.understand import classify
from cases.case_input import read
from storage.db import make_sessionmaker
from storage.models import Inquiry
from tests.report_support import bound_villager

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.mark.parametrize(
    "text",
    [
        "主任整天住在县城 村里有事找不着人",
        "支书电话也不接 人也见不着",
        "出纳每次发粮补都要扣点 说是手续费",
        "上面说给俺家发了两只羊 俺们从来没见着",
        "村会计每个月都从俺的护林员工资里扣二十",
    ],
)
def test_misconduct_told_in_other_words_is_a_story(text: str) -> None:
    assert classify(text).name == "story", classify(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("让工作人员回复我一下", "person"),
        ("来个人解答下", "person"),
        ("能不能叫个懂政策的人来回答", "person"),
        ("医保的事没弄明白 你们这有没有真人", "person"),
        ("同志们辛苦啦", "smalltalk"),
        ("谢谢干部们", "smalltalk"),
        ("不找人了", "cancel"),
        ("算了不转了", "cancel"),
    ],
)
def test_people_thanks_and_declining_by_class(text: str, name: str) -> None:
    assert classify(text).name == name, classify(text)


def test_calling_someone_is_not_read_into_questions_or_stories() -> None:
    assert classify("请人看病要多少钱").name != "person"
    assert classify("支书把钱拿走了 叫领导来看").name == "story"
    assert classify("书记说扣款标准是多少").name != "story"


def test_an_application_is_hardship_and_tells_a_story_only_when_it_has_one() -> None:
    alone = classify("我想申请纳入监测")
    assert alone.name == "hardship" and not alone.told
    told = classify("老伴瘫痪了 想申请帮扶")
    assert told.name == "hardship" and told.told
    assert classify("申请监测需要什么条件").name != "hardship"


def test_a_code_in_groups_is_read_and_a_misshapen_number_is_doubted() -> None:
    grouped = read("编号630223-2026-000123 码 12 34 56")
    assert (grouped.number, grouped.code) == ("630223-2026-000123", "123456")
    assert read("码是 654 321").code == "654321"
    assert read("630223-26-000123 654321").doubtful == "630223-26-000123"
    assert read("630223-2026-000123 654 32 1").code is None  # a 1-digit group is not a code's part
    assert read("2026-12-06").doubtful is None and read("0971-8123456").doubtful is None


@pytest.mark.parametrize(
    ("text", "path"),
    [("换成困难登记", "hardship"), ("我想改为申请救助", "hardship"), ("改为投诉吧", "report"), ("转成举报", "report")],
)
def test_changing_paths_in_any_wording(text: str, path: str) -> None:
    assert switch_to(normalise(text)) == path


def test_a_story_that_mentions_changing_is_not_a_switch() -> None:
    assert switch_to(normalise("村长把低保改成了他侄子的名字 俺们想申请帮扶")) is None


@pytest.mark.parametrize("text", ["我想改改", "有要改的", "修改一下吧", "说错了", "想改一下"])
def test_asking_to_edit_in_other_words(text: str) -> None:
    assert means(text, "edit")


def test_edit_asked_in_words_at_the_confirmation_opens_the_fields(engine: Engine) -> None:
    v = bound_villager(engine, "o-bb-edit")
    for text in ("3", "1", "村会计把今年的草原补奖扣了八百块", "好了", "1", "跳过"):
        v.say(text)
    assert "核对" in v.say("2")
    fields = v.say("俺要改改")
    assert "经过" in fields and "核对" not in fields


def test_a_hardship_kind_named_alone_answers_the_kind_and_goes_on(engine: Engine) -> None:
    v = bound_villager(engine, "o-bb-kind")
    for text in ("3", "6", "1"):
        v.say(text)
    reply = v.say("遭灾了")
    assert "自然灾害" in reply and "什么时候" in reply


def test_declining_the_hand_over_files_no_question(engine: Engine) -> None:
    v = bound_villager(engine, "o-bb-person")
    assert "转给工作人员" in v.say("叫个领导来回复")
    assert "请回复数字" in v.say("算了 不转了")
    with make_sessionmaker(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Inquiry)) == 0
