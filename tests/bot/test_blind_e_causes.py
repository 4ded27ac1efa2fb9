"""Causes found by blind dialogue set E, as general rules: the category prompt says it asks which kind; an
urgent how-to is an ask to report; what was taken told the other way round (叫/让/被 … 分了) and a record
that says one thing while the truth is another; a cadre's child in dialect; the village withholding with
words between; calling for "your" leader; a way around after a question about use; "no photos" with a
modal verb; whose household said in words. Phrasings here are not set E's."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.reading.step_answers import means
from bot.report_prompts import category_prompt
from bot.understand import classify
from tests.report_support import bound_villager

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_the_category_prompt_says_it_asks_which_kind() -> None:
    assert "哪一类" in category_prompt() and "类别" in category_prompt()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("怎么举报 急", "report"),
        ("咋投诉 赶紧的", "report"),
        ("修桥的钱让村长和包工头拿走了", "story"),
        ("公示上写的是每户三千 实际到手一千", "story"),
        ("主任家的闺女在村上领着护林员的钱 从来没上过山", "story"),
        ("高龄补贴乡上一直压着 说是没拨下来", "story"),
        ("让你们领导来", "person"),
        ("这个怎么弄 帮助", "help"),
        ("好的 回主菜单", "menu"),
        ("谢谢 拜拜", "smalltalk"),
    ],
)
def test_causes_by_class(text: str, name: str) -> None:
    assert classify(text).name == name, classify(text)


def test_how_to_report_alone_is_still_a_question() -> None:
    assert classify("怎么举报村干部").name == "none"


@pytest.mark.parametrize("text", ["不方便拍", "没敢照", "不好意思拍"])
def test_no_photos_with_a_modal_verb(text: str) -> None:
    assert means(text, "skip")


@pytest.mark.parametrize(("said", "asked"), [("帮我邻居家登记的", "什么时候"), ("就是我们家", "什么时候")])
def test_whose_household_said_in_words(engine: Engine, said: str, asked: str) -> None:
    v = bound_villager(engine, f"o-be-whose-{len(said)}")
    v.say("我家老人瘫痪在床 家里没了收入")
    assert "谁家" in v.say("1")
    assert asked in v.say(said)
