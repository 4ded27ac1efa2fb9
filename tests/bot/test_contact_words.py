"""The named reporter's contact step: a name and a phone in one message, with the words around them
(我叫马有才，电话139…), keep only the name; 电话不想留 is not a name."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.intents.report.identity import name_said
from tests.report_support import bound_villager

TO_CONTACT = ("3", "4", "低保政策村里一直没落实到我家", "好了", "跳过", "1")


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("我叫马有才，电话13997001234", "马有才"),
        ("马有才 13997001234", "马有才"),
        ("名字：李梅 手机13900001111", "李梅"),
        ("电话13997001234 马有才", "马有才"),
        ("马有才，我的电话是13997001234", "马有才"),
        ("王五", "王五"),
    ],
)
def test_the_name_is_read_without_its_lead_in_or_the_phone_label(said: str, name: str) -> None:
    assert name_said(said) == name


def test_name_and_phone_in_one_message_reach_the_check_as_the_name(engine: Engine) -> None:
    v = bound_villager(engine, "o-contact-words")
    for text in TO_CONTACT:
        v.say(text)
    check = v.say("我叫马有才，电话13997001234")
    assert "马有才" in check and "我叫" not in check and "提交" in check


def test_a_phone_withheld_is_not_taken_for_a_name(engine: Engine) -> None:
    v = bound_villager(engine, "o-contact-withheld")
    for text in TO_CONTACT:
        v.say(text)
    asked = v.say("电话不想留")
    assert "电话可以不留" in asked and "请只发您的姓名" in asked
    check = v.say("马有才")
    assert "马有才" in check and "不想留" not in check
