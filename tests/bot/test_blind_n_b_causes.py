"""Causes found by blind dialogue set N (part b: asking for a person, small talk, money and amount questions),
fixed by general rules. Phrasings here are not set N's.

- (a) X不来 is not being able to do X (手机他整不来): never a cadre who does not come, so an ask for a cadre
  beside it is an ask for a person.
- (b) Same-sound slips inside service words: 工作任员 is 工作人员, 项木 is 项目 (before the dialect 木有).
- (c) Arranging for a person to get in touch (安排个县上的同志联系我) asks for a person, the place before or after
  the measure word.
- (d) A salute to the staff (向工作人员们致敬) is a greeting, not an ask for a person.
- (e) Thanks from the speaker's household (我们老两口感谢你们), a break or an invitation beside a greeting or
  laughter (您好 地里累了歇会儿, 秋天来我们村吃苹果 哈哈) are small talk; a question inside never is.
- (f) How much a benefit is a month or a year (每月能领多少) is a question, never the hardship offer.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.understand import classify
from tests.report_support import bound_villager

HANDED = "已转给"
ASKED = "请用一条消息说说您想问什么"
HARDSHIP = "登记困难情况"
CANNOT = "回答不了"


@pytest.mark.parametrize("text", ["俺娘说手机她整不来 想跟干部说话", "老汉我搞不来这个 要跟工作人员说"])
def test_a_cannot_manage_then_a_cadre_asked_is_a_person(text: str) -> None:
    assert classify(text).name == "person", text


@pytest.mark.parametrize("text", ["支书从来不来村里", "村长一年到头都不来 低保也不管"])
def test_a_a_cadre_who_does_not_come_is_still_a_story(text: str) -> None:
    assert classify(text).name == "story", text


@pytest.mark.parametrize("text", ["我想找个工作任员", "有没有工做人员"])
def test_b_staff_typed_with_a_slip_is_a_person(text: str) -> None:
    assert classify(text).name == "person", text


def test_b_projects_typed_with_a_slip_is_the_money_question() -> None:
    assert classify("我们村今年的项木都有啥").name == "money"
    assert "没有" in classify("我木有钱").norm  # the dialect 木有 stays 没有


@pytest.mark.parametrize("text", ["安排个县上的同志联系我", "请派一位镇上的干部联系我", "麻烦叫个同志给我回话"])
def test_c_arranging_a_person_to_get_in_touch_is_a_person(text: str) -> None:
    assert classify(text).name == "person", text


@pytest.mark.parametrize("text", ["村里安排好了没有", "同志们辛苦了"])
def test_c_arranging_or_comrades_alone_is_not_a_person(text: str) -> None:
    assert classify(text).name != "person", text


@pytest.mark.parametrize("text", ["向工作人员们致敬！", "报告 给各位同志问个好"])
def test_d_a_salute_is_a_greeting(text: str) -> None:
    assert classify(text).name == "smalltalk", text


@pytest.mark.parametrize("text", ["工作人员在吗", "找工作人员"])
def test_d_staff_named_without_a_salute_is_still_a_person(text: str) -> None:
    assert classify(text).name == "person", text


@pytest.mark.parametrize(
    "text",
    [
        "我们老两口感谢你们了 🙏",
        "俺全家谢谢你们",
        "您好 地里累了歇会儿",
        "秋天来我们村吃苹果 哈哈",
        "大家好 路过 问个好",
    ],
)
def test_e_household_thanks_a_break_or_an_invitation_is_small_talk(text: str) -> None:
    assert classify(text).name == "smalltalk", text


@pytest.mark.parametrize(
    "text", ["你好 来村里吃低保要啥条件", "你好 什么时候来吃饭", "哈哈 书记来吃饭喝酒", "你好 歇一下 怎么举报"]
)
def test_e_a_question_or_a_wrong_beside_small_talk_is_not_small_talk(text: str) -> None:
    assert classify(text).name != "smalltalk", text


@pytest.mark.parametrize("text", ["重度残疾人护理补贴每月能领多少", "高龄补贴一年有多少"])
def test_f_an_amount_asked_is_a_question(text: str) -> None:
    assert classify(text).name not in ("hardship", "story"), text


def test_f_a_trouble_with_a_monthly_cost_is_still_hardship() -> None:
    assert classify("娃残疾了 一个月药费三千多 家里撑不住了").name == "hardship"


def test_webhook_a_slip_for_staff_then_the_question_goes_to_staff(engine: Engine) -> None:
    v = bound_villager(engine, "nfixb-slip")
    assert ASKED in v.say("找个工作任员 我想问个事")
    assert HANDED in v.say("我家老人的养老保险断了两年 还能补交吗")


def test_webhook_arranging_a_person_then_the_question_goes_to_staff(engine: Engine) -> None:
    v = bound_villager(engine, "nfixb-arrange")
    assert ASKED in v.say("安排个镇上的同志联系我")
    assert HANDED in v.say("村里的饮水管子冻裂了 谁来修")


def test_webhook_a_salute_and_a_break_get_a_short_answer(engine: Engine) -> None:
    v = bound_villager(engine, "nfixb-salute")
    for text in ("向工作人员们致敬！", "您好 地里累了歇会儿"):
        reply = v.say(text)
        assert HANDED not in reply and CANNOT not in reply, reply


def test_webhook_an_amount_is_answered_not_offered_hardship(engine: Engine) -> None:
    v = bound_villager(engine, "nfixb-amount")
    reply = v.say("重度残疾人护理补贴每月能领多少")
    assert HARDSHIP not in reply, reply
