"""Causes found by blind dialogue set M (part b: traditional characters, asking for a person, small talk, the
hardship phone step), fixed by general rules. Phrasings here are not set M's.

- (a) Traditional characters (多謝, 舉報, 講完了) are read as simplified in the chat's normal form and in a
  policy question's analysis; the villager's own text is stored as typed.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.reading.normal_form import normalise
from bot.understand import classify
from knowledge.analyzer import Analyzer
from knowledge.simplified import simplified
from tests.report_support import bound_villager

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
MENU = "请回复数字"


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("多謝 麻煩你們了", "smalltalk"),
        ("我要舉報村會計", "report"),
        ("村長把低保名額給了他親戚", "story"),
        ("請轉人工", "person"),
        ("回到主菜單", "menu"),
    ],
)
def test_a_traditional_characters_mean_what_the_simplified_do(text: str, meant: str) -> None:
    assert classify(text).name == meant, text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("沈书记好", "沈书记好"),  # a surname, not 沉
        ("村干部著急了", "村干部著急了"),
        ("余下的钱", "余下的钱"),
        ("村里的台账", "村里的台账"),
    ],
)
def test_a_simplified_text_is_never_changed(text: str, kept: str) -> None:
    assert normalise(text) == kept
    assert simplified(text) == text


def test_a_a_policy_question_in_traditional_is_analysed_as_in_simplified() -> None:
    analyzer = Analyzer()
    assert analyzer.analyse("殘疾證過期了怎麼換").text == analyzer.analyse("残疾证过期了怎么换").text


def test_a_traditional_thanks_through_the_webhook_gets_the_menu(engine: Engine) -> None:
    v = bound_villager(engine, "mfixb-a-thanks")
    reply = v.say("多謝你們 麻煩了")
    assert MENU in reply and "回答不了" not in reply, reply


def test_a_a_report_in_traditional_steps_on_and_keeps_the_villagers_own_text(engine: Engine) -> None:
    v = bound_villager(engine, "mfixb-a-report")
    assert "问题类别" in v.say("我要舉報")
    assert "发生了什么" in v.say("2")
    kept = v.say("村會計把集體的錢借給他小舅子了 三年沒還")
    assert "已记下" in kept, kept
    reply = v.say("講完了")
    assert "哪一级的干部" in reply and "已记下" not in reply, reply
    assert "如有证据" in v.say("1")
    assert "实名" in v.say("沒有")
    summary = v.say("匿名")
    assert "经过：村會計把集體的錢" in summary and "身份：匿名" in summary, "the description is kept as typed"
