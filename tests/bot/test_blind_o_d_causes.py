"""Causes found by blind dialogue set O (group d: asking for a person, help, small talk), fixed by general rules.
Phrasings here are not set O's.

- (a) An ask for a person with why beside it: the machine too slow or long-winded (这机器回得太啰嗦, 跟机器说话
  费劲), or the villager cannot type (俺不会打字, 眼睛看不清字), also after a voice slip (转人攻): a person, and
  the ask carries no question, so the next message is the question that reaches the staff.
- (b) The words of an ask for a person in any order with wanting or insisting beside them (干部 到底 有没有 说话
  的, 要 人 说话 有吗).
- (c) A letter's ask (尊敬的…您好 想请工作人员当面答复一下 万分感谢): an adverb before the verb (亲自, 直接,
  当面) and a letter's courtesies around it; nothing carried, so the question comes next.
- (d) How to use the service, named in other words (这东西咋使, 你们这个公众号怎么弄), with an ask to be told
  beside it (跟我讲讲, 教教我): help. 说道说道 alone still asks to report, and a how-question about a benefit
  stays a question.
- (e) Courtesies and kind words: a letter's thanks with what for, wishes and closing (感谢政府这些年对我们全家的
  照顾 祝各位身体健康 此致敬礼), care about the weather (大热天的 辛苦了 🙏), an emoji clause beside small
  talk: small talk with the menu, never offered as a report. A question or a wrong beside them is not.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.understand import carried_question, classify
from storage.db import make_sessionmaker, transaction
from storage.models import Inquiry
from tests.report_support import bound_villager


def _questions(engine: Engine) -> list[str]:
    with transaction(make_sessionmaker(engine)) as s:
        return [row.question for row in s.scalars(select(Inquiry)).all()]


@pytest.mark.parametrize(
    "text",
    [
        "喊个干部来聊聊 这机器回得太啰嗦",
        "找个真人 跟机器说话太费劲",
        "转人工 俺不会打字",
        "人工。我眼睛看不清字。",
        "转人攻 我打字太慢",
        "弄个工作人员来唠唠",
        "来个人吧 我眼神不好",
        "给我转个人工吧 我年纪大了不会打字",
    ],
)
def test_a_person_with_why_beside_it_carries_nothing(text: str) -> None:
    assert classify(text).name == "person", text
    assert not carried_question(text), text


@pytest.mark.parametrize(
    "text",
    [
        "转人工 我不会打字 俺娘的高龄补贴咋停了",
        "这机器说话太磨叽 我问低保咋申请它不回答 转人工",
        "让工作人员回复一下我家低保的事",
        "转个人工 问问低保咋申请",
    ],
)
def test_a_a_question_beside_the_ask_is_still_carried(text: str) -> None:
    assert classify(text).name == "person", text
    assert carried_question(text), text


@pytest.mark.parametrize("text", ["我不会打字", "他弄个人来顶替我", "打字慢", "村上的机器坏了好几天"])
def test_a_why_alone_or_a_story_is_not_a_person(text: str) -> None:
    assert classify(text).name != "person", text


@pytest.mark.parametrize(
    "text", ["干部 到底 有没有 说话 的", "要 人 说话 有吗", "真的有干部能回答吗", "想要 真人 回答 有没有"]
)
def test_b_person_words_in_any_order_with_wanting(text: str) -> None:
    assert classify(text).name == "person", text


@pytest.mark.parametrize("text", ["干部 真的 要 钱", "人 真的 有", "要 说话"])
def test_b_without_a_verb_of_talking_or_a_person_it_is_not(text: str) -> None:
    assert classify(text).name != "person", text


@pytest.mark.parametrize(
    "text",
    [
        "尊敬的工作人员：你们好！能否请一位干部当面答复一下我的问题？万分感谢。",
        "各位领导好，想请工作人员直接回复我，感激不尽！",
        "尊敬的领导，我想让干部亲自回答我的问题，谢谢。",
    ],
)
def test_c_a_letters_ask_for_a_person_carries_nothing(text: str) -> None:
    assert classify(text).name == "person", text
    assert not carried_question(text), text


@pytest.mark.parametrize(
    "text", ["尊敬的领导：您好！我家低保被停了，请您亲自过问。", "尊敬的书记：社长把俺家的补贴扣了，请您主持公道。"]
)
def test_c_a_letter_that_tells_a_matter_is_not_small_talk(text: str) -> None:
    assert classify(text).name not in ("smalltalk", "help"), text


def test_a_c_the_next_message_is_the_question_staff_get(engine: Engine) -> None:
    for who, ask, question in (
        ("o-bo-d-slow", "喊个干部来聊聊 这机器回得太啰嗦", "俺家的危房改造补助啥时候能批下来"),
        ("o-bo-d-type", "转人攻。俺不会打字。", "我爹的残疾证到期了在哪换"),
        ("o-bo-d-letter", "尊敬的工作人员：你们好！请一位干部当面答复我的问题。万分感谢。", "种粮补贴今年发了没有"),
    ):
        v = bound_villager(engine, who)
        assert "一条消息" in v.say(ask), ask
        handed = v.say(question)
        assert "已转给" in handed and "工作日" in handed, question
        assert question in _questions(engine) and ask not in _questions(engine)


@pytest.mark.parametrize(
    "text",
    [
        "这东西咋使 跟我讲讲",
        "你们这个公众号怎么弄啊",
        "这玩意怎么用 教教我",
        "给我说说 这个小程序到底怎么用",
        "这个公众号是干啥用的",
        "俺不会用这东西",
        "这个平台能干啥",
        "你们这个是干嘛的",
    ],
)
def test_d_how_to_use_the_service_in_other_words_is_help(text: str) -> None:
    assert classify(text).name == "help", text


@pytest.mark.parametrize(
    "text", ["给俺说道说道", "这个补贴怎么用 给我讲讲", "医保卡咋用", "这钱怎么用的", "医保卡是干什么用的", "我不会弄"]
)
def test_d_a_bare_ask_to_be_told_or_a_question_is_not_help(text: str) -> None:
    assert classify(text).name != "help", text


def test_d_help_through_the_webhook(engine: Engine) -> None:
    v = bound_villager(engine, "o-bo-d-help")
    reply = v.say("这东西咋使 跟我讲讲")
    assert "可以帮您" in reply and "回答不了" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "尊敬的各位领导：感谢政府这些年对我们全家的照顾和帮助，祝各位身体健康，万事如意！此致敬礼",
        "衷心感谢党和政府的好政策 祝你们工作顺利",
        "大热天的 辛苦了 🙏",
        "大过节的 你们还值班 辛苦啦",
        "天冷了 你们多穿点",
        "我没事 就是来问个好",
        "家人们辛苦啦 天冷 注意身体 👍👍",
        "不胜感激",
    ],
)
def test_e_courtesies_and_kind_words_are_small_talk(text: str) -> None:
    meant = classify(text)
    assert meant.name == "smalltalk", text


@pytest.mark.parametrize(
    "text",
    [
        "感谢政府的帮助 但是俺家的低保咋还没发",
        "祝你们工作顺利 村长把救灾物资拉回自己家了",
        "尊敬的领导：我家房子塌了 一家五口没地方住",
        "对我家的帮助",
        "大冷天的 暖气补贴啥时候发",
        "你们",
        "领导 同志",
    ],
)
def test_e_a_question_a_wrong_or_a_trouble_beside_them_is_not_small_talk(text: str) -> None:
    assert classify(text).name != "smalltalk", text


def test_e_a_thank_you_letter_is_answered_with_the_menu_not_offered_as_a_report(engine: Engine) -> None:
    v = bound_villager(engine, "o-bo-d-letter-thanks")
    reply = v.say("尊敬的各位领导：感谢政府这些年对我们全家的照顾和帮助，祝各位身体健康，万事如意！此致敬礼")
    assert "不客气" in reply and "1 政策咨询" in reply
    assert "反映" not in reply.split("\n")[0] and "回复 1 开始" not in reply
