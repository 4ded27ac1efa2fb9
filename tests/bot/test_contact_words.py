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


@pytest.mark.parametrize(
    "phone", ["13997001234", "电话13997001234", "手机号是 139 9700 1234", "１３９９７００１２３４"]
)
def test_a_phone_sent_after_the_name_at_the_check_is_added_not_refused(engine: Engine, phone: str) -> None:
    v = bound_villager(engine, f"o-contact-later-{len(phone)}-{phone[:2]}")
    for text in TO_CONTACT:
        v.say(text)
    check = v.say("马阿訇")
    assert "没有留手机号" in check and "直接发手机号" in check
    added = v.say(phone)
    assert added.startswith("已补上手机号") and "马阿訇 139****1234" in added and "没有留手机号" not in added
    done = v.say("1")
    assert "已提交" in done


def test_a_number_that_is_no_phone_or_an_anonymous_report_is_not_taken_as_a_phone(engine: Engine) -> None:
    v = bound_villager(engine, "o-contact-not-phone")
    for text in TO_CONTACT:
        v.say(text)
    v.say("马阿訇")
    assert "已补上" not in v.say("12345")  # too short: the check is asked again
    anon = bound_villager(engine, "o-contact-anon")
    for text in TO_CONTACT[:-1]:
        anon.say(text)
    check = anon.say("2")  # anonymous
    assert "身份：匿名" in check and "没有留手机号" not in check
    again = anon.say("13997001234")
    assert "已补上" not in again and "139" not in again  # an anonymous reporter's number is never kept
