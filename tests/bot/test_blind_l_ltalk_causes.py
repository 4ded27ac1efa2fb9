"""Causes found by blind dialogue set L in small talk, help, asking for a person and leaving, fixed by general
rules. Phrasings here are not set L's.

- (a) Greetings and praise in other words: festival greetings (新年好, 拜个年), Qinghai praise (攒劲, 美得很) beside
  greetings or thanks, and a clause-final 莫 that asks (有人莫 is 有人没).
- (b) The commonest service words typed in pinyin (xiexie, haode, nihao), read only as whole runs of letters.
- (c) Saying one is new to the service (第一次用这个, 刚关注) beside 帮助 or 菜单 is that way around.
- (d) Asking for whoever is in charge (有没有管事的), to talk with a person (跟人工说话), or saying the machine is
  not understood, asks for a person; a question in the same message goes to staff, the complaint does not.
- (e) Leaving with a reason or a put-off (不会弄 退出, 算了 等他回来再说) at any step, the 我家补贴 name step and
  the hardship script's whose step included.
- (f) A Qinghai ok (哦呀) before the offer's own word (登记) accepts the offer.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.reading.normal_form import normalise
from bot.reading.step_answers import means
from bot.understand import carried_question, classify
from tests.report_support import bound_villager

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
MENU = "请回复数字"
HANDED = "已转给"
ASKED = "请用一条消息说说您想问什么"


@pytest.mark.parametrize(
    "text",
    [
        "新年快乐 给大家拜年了",
        "春节快乐",
        "色俩目 你们这个东西攒劲得很",
        "突及其 这个美得很",
        "在莫",
        "有人在莫",
        "给领导拜个晚年",
    ],
)
def test_a_greetings_and_praise_in_other_words_are_small_talk(text: str) -> None:
    assert classify(text).name == "smalltalk", text


@pytest.mark.parametrize(
    "text",
    ["这个一点都不攒劲", "新年好 村长把救济粮分给他亲戚了", "拜年的时候村干部收礼了没人管", "莫高窟在哪"],
)
def test_a_negated_praise_a_wrong_or_a_question_beside_them_is_not_small_talk(text: str) -> None:
    assert classify(text).name != "smalltalk", text


def test_a_final_mo_asks_but_mo_inside_a_word_stays() -> None:
    assert normalise("吃了莫") == "吃了没"
    assert normalise("莫名其妙") == "莫名其妙"
    assert normalise("俺家莫有低保") == "我家没有低保"


@pytest.mark.parametrize(
    ("text", "meant"), [("nihao", "smalltalk"), ("haode xiexie", "smalltalk"), ("bangzhu", "help")]
)
def test_b_service_words_in_pinyin_are_read(text: str, meant: str) -> None:
    assert classify(text).name == meant, text


@pytest.mark.parametrize(("text", "kept"), [("haoderen", "haoderen"), ("xie", "xie"), ("hello", "hello")])
def test_b_other_letters_are_left_as_typed(text: str, kept: str) -> None:
    assert normalise(text) == kept


@pytest.mark.parametrize(("text", "meant"), [("我刚关注 帮助", "help"), ("头一回用这个 菜单", "menu")])
def test_c_new_to_the_service_beside_a_way_is_that_way(text: str, meant: str) -> None:
    assert classify(text).name == meant, text


@pytest.mark.parametrize("text", ["头一回用这个 残疾证咋办", "我第一次来 支书把补助款揣兜里了 帮助"])
def test_c_a_question_or_a_wrong_beside_it_is_not_help(text: str) -> None:
    assert classify(text).name not in ("help", "menu"), text


@pytest.mark.parametrize(
    "text", ["有没有负责的", "找个说了算的人", "想和真人聊几句", "机器人答非所问", "同工作人员沟通一下"]
)
def test_d_asking_for_someone_in_charge_or_a_person_asks_for_a_person(text: str) -> None:
    assert classify(text).name == "person", text
    assert not carried_question(text), text


@pytest.mark.parametrize(
    "text", ["我跟干部说了好几回 他们就是不管", "负责的人把修路的钱拿走了", "村里管事的人是谁", "跟干部沟通过了"]
)
def test_d_telling_about_people_is_not_asking_for_one(text: str) -> None:
    assert classify(text).name != "person", text


def test_d_someone_in_charge_asked_with_a_question_hands_the_question_to_staff(engine: Engine) -> None:
    v = bound_villager(engine, "lfix-d-in-charge")
    reply = v.say("有没有负责的 我问一下在外省住院回来能报多少")
    assert HANDED in reply, reply


def test_d_asking_to_talk_with_a_person_then_asking(engine: Engine) -> None:
    v = bound_villager(engine, "lfix-d-talk")
    reply = v.say("想跟真人说话 机器人说的看不懂")
    assert ASKED in reply, reply
    assert HANDED in v.say("我家的退耕还林补助今年还发不发"), "the next message goes to staff"


@pytest.mark.parametrize("text", ["我弄不来 取消", "算了 等他回来再说", "那算了 过两天再登记吧", "不会弄 不要了"])
def test_e_leaving_with_a_reason_or_a_put_off_cancels(text: str) -> None:
    assert classify(text).name == "cancel", text


@pytest.mark.parametrize("text", ["算了 村长为啥不给我低保", "取消 村会计把钱拿走了", "退出 我要举报", "等他回来再说"])
def test_e_a_wrong_a_question_or_a_put_off_alone_does_not_cancel(text: str) -> None:
    assert classify(text).name != "cancel", text


def test_e_leaving_at_the_household_name_step(engine: Engine) -> None:
    v = bound_villager(engine, "lfix-e-household")
    assert "姓名" in v.say("5")
    reply = v.say("我弄不来 取消")
    assert "已退出" in reply and MENU in reply, reply


def test_e_leaving_at_the_hardship_whose_step(engine: Engine) -> None:
    v = bound_villager(engine, "lfix-e-whose")
    assert "登记困难" in v.say("我妈中风瘫在床上了 家里就我一个劳力")
    assert "谁家的困难" in v.say("1")
    reply = v.say("算了 等我哥回来再说")
    assert "没有提交" in reply and MENU in reply, reply


@pytest.mark.parametrize("text", ["哦呀 登记", "能成 登记一下"])
def test_f_a_qinghai_ok_before_the_offers_word_accepts(text: str) -> None:
    assert means(text, "agree"), text


def test_f_ok_with_a_refusal_does_not_accept() -> None:
    assert not means("哦呀 不登记", "agree")
