"""Causes found by blind dialogue set I, caught by general safety nets that read a message's shape (bot/shapes.py).
Phrasings here are not set I's.

- (a) A statement, not a question, of some length about the village, a cadre, money, a project or a benefit that
  the policy search has no sure answer for is offered as a report (听起来…开始反映); 2 still searches it.
  A household's trouble told flat is offered the hardship path.
- (b) A short message whose every clause carries a thanks, greeting or care cue is small talk.
- (c) A first clause that leaves, or a last one after a short reason, cancels, unless a wrong is told.
- (d) A step answer with a word to the listener after it (就这些了 你们看着办) is that answer.
- (e) A person asked (also in pinyin) with a question after it hands the question over.
- (f) A question about a benefit's amount or change is a policy question, not hardship.
- (g) A safety question beside a story: the fear answered, the story offered without it.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.reading.normal_form import normalise
from bot.reading.step_answers import means
from bot.shapes import asks, flat_statement
from bot.understand import classify
from tests.report_support import bound_villager

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
OFFERED = "听起来您要反映问题"
REFUSED = "这个问题我回答不了"


@pytest.mark.parametrize(
    "text",
    [
        "社里的草场承包费一年收五万 公示出来只有两万",
        "镇上说危房补助早就打过来了 存折上一分都看不到",
        "去年村里新打的机井 用了三个月就抽不上水了",
    ],
)
def test_a_statement_about_the_village_is_offered_as_a_report(engine: Engine, text: str) -> None:
    v = bound_villager(engine, f"ifix-a-{hash(text) % 10_000}")
    reply = v.say(text)
    assert OFFERED in reply and REFUSED not in reply, reply
    searched = v.say("2")  # 2 searches it as a question after all, and it is not offered again
    assert OFFERED not in searched and searched.strip(), searched


@pytest.mark.parametrize(
    "text",
    [
        "村里的合作社分红今年是多少",
        "新修的路坏了找谁修",
        "低保的钱啥时候到账",
        "残疾补贴今年涨了没有",
        "村上的项目资金有没有公示",
        "我是村里的低保户 孩子今年考上大学了 有啥补助",
        "村上去年修了新渠 我家的地浇不上水 该找乡上还是村上",
    ],
)
def test_questions_stay_questions(text: str) -> None:
    assert asks(normalise(text))
    assert not flat_statement(normalise(text))


def test_a_short_statement_is_left_to_the_search() -> None:
    assert not flat_statement(normalise("村上的路"))


def test_a_household_trouble_told_flat_is_offered_the_hardship_path(engine: Engine) -> None:
    v = bound_villager(engine, "ifix-hardship-flat")
    reply = v.say("俺老伴在砖厂搬砖叫机器轧了手 干不成活了 厂里也不管")
    assert "登记困难" in reply, reply


@pytest.mark.parametrize("text", ["谢谢你们 帮大忙了 辛苦", "麻烦你了 大热天的", "辛苦辛苦 好人呐", "感谢 你好"])
def test_thanks_and_care_by_cue_are_small_talk(text: str) -> None:
    assert classify(text).name == "smalltalk", text


@pytest.mark.parametrize(
    "text", ["谢谢 低保咋申请", "辛苦了 村长把钱拿了", "谢谢 我家补贴还没到 问问多少", "你好 我要反映村长"]
)
def test_a_cue_beside_a_question_or_a_wrong_is_not_small_talk(text: str) -> None:
    assert classify(text).name != "smalltalk", text


@pytest.mark.parametrize("text", ["那算了 不反映了 家里人不让", "不登记了 怕麻烦人家", "名字不想写 那就算了"])
def test_leaving_with_a_reason_cancels(text: str) -> None:
    assert classify(text).name == "cancel", text


@pytest.mark.parametrize("text", ["算了 村长把低保给他侄子了", "不说了 书记贪了扶贫款", "算了 我还是要举报"])
def test_leaving_words_beside_a_wrong_do_not_cancel(text: str) -> None:
    assert classify(text).name != "cancel", text


def test_leaving_in_the_middle_of_a_report_cancels(engine: Engine) -> None:
    v = bound_villager(engine, "ifix-leave")
    assert "类别" in v.say("我要反映")
    v.say("2")
    reply = v.say("算了 不整了 家里不让说")
    assert "取消" in reply or "没有提交" in reply, reply


@pytest.mark.parametrize("text", ["就这些了 你们看着办吧", "没别的了你们给查一下", "说完了 领导处理吧"])
def test_a_finishing_answer_with_a_word_to_the_listener_is_done(text: str) -> None:
    assert means(text, "done"), text


@pytest.mark.parametrize("text", ["还有 你们看", "会计也拿了 你们查一下"])
def test_more_told_with_a_word_to_the_listener_is_not_done(text: str) -> None:
    assert not means(text, "done"), text


@pytest.mark.parametrize("text", ["kefu", "zhuanrengong", "ren gong"])
def test_a_person_asked_in_pinyin(text: str) -> None:
    assert classify(text).name == "person", text


@pytest.mark.parametrize("text", ["人工 孤儿的生活费一个月有多少", "客服 残疾人两项补贴今年涨了吗"])
def test_a_person_asked_with_a_question_after_it(text: str) -> None:
    assert classify(text).name == "person", text


@pytest.mark.parametrize("text", ["重度残疾补贴今年涨了没有", "大病救助今年一年能领多少"])
def test_an_amount_or_change_asked_is_not_hardship(text: str) -> None:
    assert classify(text).name != "hardship", text


def test_an_injury_with_wages_held_by_the_boss_is_hardship() -> None:
    assert classify("儿子在矿上出事了 腿压断了 包工头不给钱").name == "hardship"


@pytest.mark.parametrize("text", ["包工头不给钱 跑了", "我老公腿断了 村长把我们的低保给了他侄子"])
def test_wages_alone_or_a_cadre_beside_an_injury_stay_a_story(text: str) -> None:
    assert classify(text).name == "story", text


def test_a_hardship_with_an_accident_and_unpaid_wages_stays_hardship(engine: Engine) -> None:
    v = bound_villager(engine, "ifix-accident")
    assert "登记困难" in v.say("儿子在格尔木矿上干活 从车上摔下来了 腿断了 老板躲着不见 工钱也没结")


def test_a_safety_question_beside_a_story_answers_it_and_offers_the_story(engine: Engine) -> None:
    v = bound_villager(engine, "ifix-safety")
    reply = v.say("村上的护林员名额给了在城里上班的人 我们天天在家的反而没有 我要举报会不会被人知道")
    assert "安全" in reply and OFFERED in reply, reply
