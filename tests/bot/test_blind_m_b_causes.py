"""Causes found by blind dialogue set M (part b: traditional characters, asking for a person, small talk, the
hardship phone step), fixed by general rules. Phrasings here are not set M's.

- (a) Traditional characters (多謝, 舉報, 講完了) are read as simplified in the chat's normal form and in a
  policy question's analysis; the villager's own text is stored as typed.
- (b) Asking to be put through with a word inside the command (转个人工, 接个真人), in a long unpunctuated voice
  message: a person, and the question in it goes to staff.
- (c) Whoever is in charge asked for with another noun (同志, 工作人员), then how one wants to ask (我想当面问问):
  a person, the question to follow.
- (d) Talking with the cadre of a named office (跟县上管医保的领导说) plus a question: the question goes to staff,
  never the hardship offer.
- (e) The words of an ask for a person in the speaker's own order (干部 有没有 跟我 说话的).
- (f) Asking after the staff (你们都好着没, 最近都好吗), the young's addressees (家人们, 老铁, 宝子们) and
  internet praise (yyds, 绝绝子, 真香): small talk.
- (g) The hardship phone step: one with no phone is told whose number will do (a relative's, a neighbour's, a
  cadre's) instead of a bare refusal, a number sent beside 没手机 is taken with whose it is, and a phone number
  sent at the people step is not a count.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.reading.normal_form import normalise
from bot.report_prompts import people_of
from bot.understand import carried_question, classify
from knowledge.analyzer import Analyzer
from knowledge.simplified import simplified
from tests.report_support import Villager, bound_villager

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
MENU = "请回复数字"
HANDED = "已转给"
ASKED = "请用一条消息说说您想问什么"


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


@pytest.mark.parametrize(
    "text",
    [
        "给我转一下人工 我想问问残疾人两项补贴咋领",
        "转到人工 我家的养老金这个月咋少了",
        "帮我接个真人 我要问医保报销的事",
    ],
)
def test_b_put_through_with_a_word_inside_asks_for_a_person_and_carries_the_question(text: str) -> None:
    assert classify(text).name == "person", text
    assert carried_question(text), text


@pytest.mark.parametrize("text", ["钱转到一卡通上以后少了一百", "他把补助转给人家了", "转个账给我"])
def test_b_other_transfers_are_not_asking_for_a_person(text: str) -> None:
    assert classify(text).name != "person", text


def test_b_a_voice_message_asking_for_a_person_hands_its_question_to_staff(engine: Engine) -> None:
    v = bound_villager(engine, "mfixb-b-voice")
    reply = v.say("麻烦转一下人工我在地里干活不方便我想问我家的退耕还林补助今年咋没到")
    assert HANDED in reply, reply


@pytest.mark.parametrize(
    "text", ["找个负责的领导 我想当面问问", "有没有管事的同志 我就是问问", "有负责的工作人员没 我想直接说"]
)
def test_c_someone_in_charge_then_how_one_wants_to_ask_is_a_person_with_the_question_to_follow(text: str) -> None:
    assert classify(text).name == "person", text
    assert not carried_question(text), text


@pytest.mark.parametrize("text", ["负责的同志把补助款扣下了", "有没有负责的同志 村会计把低保钱拿走了"])
def test_c_a_wrong_told_of_someone_in_charge_is_not_asking_for_one(text: str) -> None:
    assert classify(text).name != "person", text


def test_c_someone_in_charge_then_the_question_in_the_next_message(engine: Engine) -> None:
    v = bound_villager(engine, "mfixb-c-in-charge")
    assert ASKED in v.say("有没有管事的同志 我想当面问问")
    assert HANDED in v.say("我们村的自来水一年收多少钱是咋定的")


@pytest.mark.parametrize(
    "text",
    ["想和县上管医保的领导说 我娘住院报销咋还没到", "我要跟镇上负责低保的干部说 我家低保为啥停了"],
)
def test_d_talking_with_the_cadre_of_an_office_hands_the_question_to_staff(text: str) -> None:
    assert classify(text).name == "person", text
    assert carried_question(text), text


@pytest.mark.parametrize(
    "text", ["我跟村上管低保的干部说了好几回 没人管", "跟管账的干部说过 他不理", "乡上管民政的干部把救灾款扣了"]
)
def test_d_having_talked_or_a_wrong_of_a_cadre_is_not_asking_for_one(text: str) -> None:
    assert classify(text).name != "person", text


def test_d_through_the_webhook_the_question_goes_to_staff_not_the_hardship_offer(engine: Engine) -> None:
    v = bound_villager(engine, "mfixb-d-office")
    reply = v.say("我想和县上管残联的干部说 我儿子的残疾证等级咋评")
    assert HANDED in reply and "登记困难" not in reply, reply


@pytest.mark.parametrize(
    "text", ["说话的人 有没有", "干部 有没有 能回答的", "有没有人 跟我 说说", "真人 在不在 回个话"]
)
def test_e_the_words_of_an_ask_for_a_person_in_any_order(text: str) -> None:
    assert classify(text).name == "person", text
    assert not carried_question(text), text


@pytest.mark.parametrize("text", ["有人说低保要取消了", "村里有人说闲话", "人家说的", "没人回复我"])
def test_e_people_talked_about_is_not_asking_for_a_person(text: str) -> None:
    assert classify(text).name != "person", text


def test_e_any_order_then_the_question_goes_to_staff(engine: Engine) -> None:
    v = bound_villager(engine, "mfixb-e-order")
    assert ASKED in v.say("干部 有没有 跟我 说话的")
    assert HANDED in v.say("俺的 养老保险 交了 十五年 咋领哩")


@pytest.mark.parametrize(
    "text",
    [
        "大伙儿最近都好吗",
        "老师们 身体好着呢吧",
        "孩子们 忙不忙",
        "老铁们 在吗",
        "宝子们 这个号绝绝子",
        "亲 这个公众号真香",
    ],
)
def test_f_asking_after_the_staff_and_internet_greetings_and_praise_are_small_talk(text: str) -> None:
    assert classify(text).name == "smalltalk", text


@pytest.mark.parametrize(
    ("text", "not_meant"),
    [
        ("低保好着没", "smalltalk"),
        ("房子还好吗", "smalltalk"),
        ("宝子们", "smalltalk"),
        ("这事做得太绝了", "smalltalk"),
        ("老铁们 村会计把低保钱扣了", "smalltalk"),
        ("好着没 我家低保停了", "smalltalk"),
    ],
)
def test_f_a_thing_asked_after_an_addressee_alone_or_a_matter_beside_it_is_not_small_talk(
    text: str, not_meant: str
) -> None:
    assert classify(text).name != not_meant, text


def test_f_a_greeting_asking_after_the_staff_gets_the_menu(engine: Engine) -> None:
    v = bound_villager(engine, "mfixb-f-greet")
    reply = v.say("孩子们 你们身体都好着呢吧")
    assert MENU in reply and "回答不了" not in reply, reply


def _at_phone_step(engine: Engine, openid: str) -> Villager:
    v = bound_villager(engine, openid)
    assert "登记困难" in v.say("我老伴中风瘫在床上了 今年三月的事 想申请临时救助")
    assert "谁家的困难" in v.say("1")
    assert "几口人" in v.say("1")
    assert "电话" in v.say("2")
    return v


def test_g_no_phone_of_ones_own_is_told_whose_number_will_do(engine: Engine) -> None:
    v = _at_phone_step(engine, "mfixb-g-none")
    reply = v.say("老汉我没有手机")
    assert "亲戚" in reply and "村干部" in reply and "不能跳过" not in reply, reply
    assert "不能跳过" in v.say("跳过"), "the phone is still required"


def test_g_a_number_beside_saying_one_has_no_phone_is_taken_with_whose_it_is(engine: Engine) -> None:
    v = _at_phone_step(engine, "mfixb-g-nephew")
    summary = v.say("我没手机 打我侄子的电话 13909721111")
    assert "核对" in summary and "侄子" in summary and "1111" in summary, summary
    assert "没手机" not in summary, summary


def test_g_a_phone_number_at_the_people_step_is_not_a_count() -> None:
    assert people_of("13909721111") is None
    assert people_of("3口人") == 3
