"""Causes found by blind dialogue set K, fixed by general rules. Phrasings here are not set K's.

- (a) At the evidence step, 暂无 and evidence held but sent later (截图有 现在发不了, 材料以后再补) pass the step.
- (b) An ask to report that comes last (…替我娘写几句 我想反映) is not read as hardship.
- (c) A lost harvest (收成全没了, 颗粒无收) told with the household is hardship.
- (d) A polite summons with only 我的问题 after it asks for a person.
- (e) The story offer's option 2 carries no 不, so a villager who reads 不 finds only 0 不用了.
"""

from __future__ import annotations

import pytest

from bot import report_prompts as p
from bot.reading.step_answers import means
from bot.understand import classify


@pytest.mark.parametrize(
    "text", ["暂无", "暂时无", "视频有 可是现在发不了", "单子我回头再补", "收条在家里 这会不方便拍"]
)
def test_a_no_evidence_now_passes_the_evidence_step(text: str) -> None:
    assert means(text, "skip"), text


@pytest.mark.parametrize("text", ["有照片 马上发", "以后再补能行吗", "截图发了", "有录音"])
def test_a_evidence_coming_or_asked_about_does_not_pass_the_step(text: str) -> None:
    assert not means(text, "skip"), text


@pytest.mark.parametrize(
    "text", ["我在县城打工，替家里老娘写几句。我想反映", "你好 我是他家孙子 帮家里人问个事 我要举报"]
)
def test_b_an_ask_to_report_that_comes_last_is_a_report(text: str) -> None:
    assert classify(text).name == "report", text


def test_b_a_household_trouble_before_a_plea_is_still_hardship() -> None:
    assert classify("娃娃上学交不起学费 家里困难得很").name == "hardship"


@pytest.mark.parametrize("text", ["雹子把我家麦子打了 今年收成全没了", "发大水 我家地里颗粒无收 还欠着账"])
def test_c_a_lost_harvest_told_with_the_household_is_hardship(text: str) -> None:
    assert classify(text).name == "hardship", text


def test_c_a_question_about_harvest_rules_is_not_hardship() -> None:
    assert classify("收成没了 农业保险能赔多少").name != "hardship"


@pytest.mark.parametrize("text", ["你好，请问可以请一位工作人员回复我的问题吗？", "麻烦派个工作人员答复一下我的问题"])
def test_d_a_polite_summons_asks_for_a_person(text: str) -> None:
    assert classify(text).name == "person", text


def test_d_a_summons_with_a_question_in_it_stays_a_question() -> None:
    assert classify("请一位工作人员答复一下村里的低保是咋评的").name != "person"


def test_e_only_the_decline_option_of_the_offer_says_no() -> None:
    lines = p.story_offer("其他意见建议").splitlines()
    with_no = [line for line in lines if "不" in line]
    assert with_no == ["回复 0 不用了"], lines
    assert any(line.startswith("回复 2 ") and "问政策" in line for line in lines)
