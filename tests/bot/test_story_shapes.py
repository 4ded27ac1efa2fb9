"""Shapes of wrongs, hardships and step answers beyond any dialogue set's phrasings (written to probe the
rules after blind set E, not taken from a set): connections, gifts to cadres, public money spent on oneself,
vote buying, visitors feasted, benefits held back for long; troubles a household tells without a listed
word; answers with a clause after them. Questions about the rules stay questions."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.hardship_story import when_answer
from bot.reading.step_answers import means
from bot.report_prompts import people_of, troubles_of
from bot.understand import classify
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import Villager
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.mark.parametrize(
    "text",
    [
        "俺们村的低保都是有关系的人吃",
        "评低保要给村干部送东西",
        "书记的车是用扶贫款买的",
        "我们村选举的时候书记给每家发了二百块钱",
        "俺家危房改造的钱到现在没下来 村上说还没批",
        "上面拨的扶贫款 村里拿去还了以前的账",
        "驻村书记一个月来一次 来了就拍个照走了",
        "他们家有三个低保 我们家一个都没有",
        "乡上的人来检查 村上又杀羊又喝酒",
        "村主任的弟弟包了村里的工程 质量太差了",
        "社长老婆当了保洁员 从来不扫地",
    ],
)
def test_wrongs_in_shapes_are_stories(text: str) -> None:
    assert classify(text).name == "story", classify(text)


@pytest.mark.parametrize(
    "text",
    [
        "家里就剩我和老伴 都七十多了 种不了地了",
        "我男人跑了 丢下三个娃 我一个人养不活",
        "俺家房子裂了 下雨就漏",
        "娃娃是脑瘫 天天要人照顾",
        "养的牛得病死了好几头 贷款还不上",
        "今年雨水太多 庄稼烂在地里了 一家人吃啥",
        "孩子在医院 钱不够了 能不能帮帮我们",
    ],
)
def test_troubles_in_shapes_are_hardship(text: str) -> None:
    assert classify(text).name == "hardship", classify(text)


@pytest.mark.parametrize(
    "text",
    [
        "俺家的低保今年咋还没发",  # asks why: a question for the policy answer or a person
        "种地的补贴啥时候发",
        "有车能吃低保不",
        "驻村干部是不是天天都得住在村里 俺们村的那个一个礼拜就来一趟",
        "俺舅一个人过 没儿没女 也干不动了 能办特困不 要去哪办",
        "看病能报多少",
    ],
)
def test_questions_stay_questions(text: str) -> None:
    assert classify(text).name == "none", classify(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("差不多就这些", "done"),
        ("没啥补充的", "done"),
        ("其他没有了", "done"),
        ("我说完了 你们看着办", "done"),
        ("没拍到", "skip"),
        ("手机坏了拍不了", "skip"),
        ("证据没有 村里人都知道", "skip"),
        ("不想让人知道是我", "anonymous"),
        ("写我名字", "real_name"),
        ("对着呢", "confirm"),
    ],
)
def test_step_answers_in_more_words(text: str, kind: str) -> None:
    assert means(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("我还没说完", "done"),
        ("好了 还有一件事", "done"),
        ("没有照片 但有录音", "skip"),
        ("我要实名 不怕人知道", "anonymous"),
        ("别留我电话", "real_name"),
        ("先别提交", "confirm"),
    ],
)
def test_what_says_otherwise_is_not_that_answer(text: str, kind: str) -> None:
    assert not means(text, kind)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我不想跟机器说话", "person"),
        ("能不能打电话给我", "person"),
        ("叫个人出来", "person"),
        ("我想找你们的人问问", "person"),
        ("返回上一级", "back"),
        ("前一步", "back"),
        ("退出来", "cancel"),
        ("从头再来", "restart"),
        ("返回主界面", "menu"),
        ("不用了 我再看看", "cancel"),
        ("谢了兄弟", "smalltalk"),
        ("谢谢你们的帮助", "smalltalk"),
        ("好的 我知道了", "smalltalk"),
        ("谢谢啊领导", "smalltalk"),
        ("村上搞的那些项目", "money"),
        ("查一下我的案子", "track"),
        ("进展咋样", "track"),
    ],
)
def test_people_ways_thanks_money_and_tracking_in_more_words(text: str, name: str) -> None:
    assert classify(text).name == name, classify(text)


@pytest.mark.parametrize("text", ["我", "啊", "我们"])
def test_small_words_alone_are_not_small_talk(text: str) -> None:
    assert classify(text).name != "smalltalk"


@pytest.mark.parametrize(
    ("said", "people"), [("一家六口", 6), ("俩人", 2), ("就我自己", 1), ("我和老伴两个", 2), ("五口人", 5)]
)
def test_how_many_people_in_words(said: str, people: int) -> None:
    assert people_of(said) == people


@pytest.mark.parametrize("said", ["从小就是", "生下来就这样", "不记得了"])
def test_a_time_told_without_a_date(said: str) -> None:
    assert when_answer(said) == said


def test_a_kind_of_trouble_in_words() -> None:
    assert troubles_of("腿断了") == ["意外事故"]


def test_a_trouble_no_kind_names_is_other_and_kept(engine: Engine) -> None:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), "o-shape-other")
    v.scan(VILLAGE)
    for said in ("3", "6", "1", "家里日子实在过不下去了"):
        v.say(said)
    assert "哪类事" in v.say("好了")
    assert "什么时候" in v.say("羊都叫狼吃了")
    for said in ("去年冬天", "4", "给点救助"):
        v.say(said)
    summary = v.say("13800001111")
    assert "遇到的事：其他" in summary and "羊都叫狼吃了" in summary


@pytest.mark.parametrize("text", ["对 就是这个事", "好 你们给查查", "登记一下"])
def test_yes_to_an_offer_in_more_words(text: str) -> None:
    assert means(text, "agree")


def test_not_reporting_is_never_an_ask_to_report() -> None:
    assert classify("不反映").name == "cancel" and classify("不想举报").name == "cancel"


def test_saying_the_story_was_a_question_answers_it(engine: Engine) -> None:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), "o-shape-ask")
    v.scan(VILLAGE)
    assert "开始反映" in v.say("村支书把低保名额给他亲戚了")
    answered = v.say("不是 我就问问")
    assert "什么也没有提交" not in answered and "开始反映" not in answered
