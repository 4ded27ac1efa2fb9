"""Causes found by blind dialogue set P (group a: the report's steps), fixed by general rules. Phrasings here
are not set P's.

- (a) A step answer written as one line of a numbered list (1.说完了, 2、没有证据, （1）确认): the answer stands;
  a number that goes on (1.5万) or a story after the head is no answer.
- (b) Done with a kin word said to the listener after it (说完了阿哥, 没了大爷), and 已 for 已经 (我已讲完).
- (c) 这么/那么 ask nothing (家里人也是这么讲的): a remark after done with them is kept and ends the story.
- (d) No evidence after a why that leaves no paper: paid by hand (交的现钱 没收条, 当面塞给他的 没凭据) or the
  paper in another's hands (账本在会计那儿 我这没有).
- (e) The anonymous choice said with a particle (匿名嘛, 那就匿名呀) is the answer, not a safety question; 能匿名嘛
  and 匿名嘛？ still ask.
- (f) Giving up with a sigh before or a particle after (唉呀算了嘛 不整了, 哎 不弄了呀): leaves at any step,
  the story step too.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot import safety, shapes
from bot.reading.normal_form import normalise
from bot.reading.step_answers import done_then_remark, means
from bot.shapes import leaving
from bot.understand import classify
from storage.db import make_sessionmaker
from storage.models.cases import Case, ReportDraft
from tests.report_support import bound_villager

STORY = "村会计把危房改造补助一户扣了两千 说是管理费"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1.说完了", "done"),
        ("3、没别的了", "done"),
        ("2. 没有证据", "skip"),
        ("1、不留名字", "anonymous"),
        ("（1）确认", "confirm"),
        ("2）照片没有", "skip"),
    ],
)
def test_a_a_numbered_line_answers(text: str, kind: str) -> None:
    assert means(text, kind), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1.5万 就这些", "done"),  # a number, not a list head
        ("1.村长收了钱", "done"),
        ("1.会计有收据", "skip"),
        ("1.说完了\n2.还有他老婆也领了", "done"),  # more lines: a list, not one answer
    ],
)
def test_a_a_numbered_story_is_no_answer(text: str, kind: str) -> None:
    assert not means(text, kind), text


@pytest.mark.parametrize(
    "text", ["说完了阿哥", "没了大爷", "就这么多了阿妈", "我已讲完", "我已说完了。", "就这些了老乡"]
)
def test_b_done_with_a_kin_word_or_yi_is_done(text: str) -> None:
    assert means(text, "done"), text


@pytest.mark.parametrize("text", ["我阿哥", "阿姐也领了", "已经领了两年", "就这些钱阿哥都拿走了"])
def test_b_a_kin_word_in_a_story_is_not_done(text: str) -> None:
    assert not means(text, "done"), text


def test_c_zheme_asks_nothing() -> None:
    assert not shapes.asks(normalise("家里人也是这么讲的"))
    assert not shapes.asks(normalise("他那么干好多年了"))
    assert shapes.asks(normalise("这是怎么回事"))
    assert shapes.asks(normalise("你们管么"))
    assert done_then_remark("能说的就这些 邻居们也是这么讲的") == "邻居们也是这么讲的"
    assert done_then_remark("就这些 这么办行不行") is None  # a question


@pytest.mark.parametrize(
    "text",
    [
        "交的现钱 没收条",
        "当面塞给他的 没凭据",
        "钱是私下给的 啥也没有",
        "账本在会计那儿 我这没有",
        "名单都在村上锁着 我手里没有",
        "合同让包工头拿着 没有",
    ],
)
def test_d_no_evidence_after_a_why_without_a_paper(text: str) -> None:
    assert means(text, "skip"), text


@pytest.mark.parametrize(
    "text",
    [
        "交的现钱 收条我有",  # a paper held
        "账本在会计那儿",  # where it is, no "none"
        "给的现金 没有吗",  # asked
        "钱是现金给的 书记拿了三千 会计拿了两千 没有",  # more story
    ],
)
def test_d_not_no_evidence(text: str) -> None:
    assert not means(text, "skip"), text


@pytest.mark.parametrize("text", ["匿名嘛", "那就匿名呀", "匿名的嘛", "不留名字嘛", "我选匿名哈"])
def test_e_anonymous_with_a_particle_is_an_answer(text: str) -> None:
    assert safety.split(text) == (False, text)
    assert means(text, "anonymous"), text


@pytest.mark.parametrize("text", ["能匿名嘛", "可以匿名嘛", "匿名嘛？", "匿名吗", "会不会被报复嘛"])
def test_e_asking_about_anonymity_still_asks(text: str) -> None:
    assert safety.split(text)[0], text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("会计扣了补助 我说了会不会被他整嘛", "会计扣了补助"),
        ("怕被人收拾", ""),
        ("书记把羊卖了 不会被干部收拾吧", "书记把羊卖了"),
    ],
)
def test_e_a_fear_said_with_bei_goes_with_the_safety_question(text: str, kept: str) -> None:
    assert safety.split(text) == (True, kept)


@pytest.mark.parametrize("text", ["路被他弄坏了吗", "路被他弄坏了 会计扣了钱", "补助被村上整没了"])
def test_e_bei_in_a_story_is_no_fear(text: str) -> None:
    assert safety.split(text) == (False, text)


def test_e_anonymous_with_a_particle_files_anonymously_without_the_fear(engine: Engine) -> None:
    v = bound_villager(engine, "p-a-anon")
    reply = v.say("会计把低保给了他小舅子 我说了会不会被他整嘛")
    assert "安全" in reply, reply
    v.say("1")
    v.say("就这么多了阿妈")
    v.say("1")
    v.say("莫得")
    reply = v.say("那就匿名呀")
    assert "核对" in reply, reply
    assert "已提交" in v.say("提交")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.anonymous
        assert "小舅子" in case.description
        assert "整" not in case.description and "我说了" not in case.description


@pytest.mark.parametrize(
    "text", ["唉呀算了嘛 不整了", "哎 不弄了呀", "嗨 算了吧 不反映了嘛", "哎哟算了 不搞了啦", "算了呀 不办了"]
)
def test_f_giving_up_with_a_sigh_or_a_particle_leaves(text: str) -> None:
    assert leaving(text) or classify(text).name == "cancel", text
    assert classify(text).name == "cancel", text


@pytest.mark.parametrize(
    "text",
    [
        "算了嘛 你们能不能先查一下",  # asks
        "哎呀 村长说路不弄了",  # a story
        "唉 书记把钱拿走了 算了嘛",  # a wrong told
    ],
)
def test_f_not_leaving(text: str) -> None:
    assert classify(text).name != "cancel", text


def test_f_giving_up_at_the_story_step_cancels(engine: Engine) -> None:
    v = bound_villager(engine, "p-a-leave")
    v.say("3")
    v.say("1")
    assert "已取消" in v.say("唉呀算了嘛 不整了")
    with make_sessionmaker(engine)() as s:
        assert s.scalars(select(ReportDraft)).first() is None
        assert s.scalars(select(Case)).first() is None


def test_a_numbered_answers_file_a_report(engine: Engine) -> None:
    v = bound_villager(engine, "p-a-list")
    v.say("3")
    v.say("1")
    v.say("1.村会计把危房改造补助扣了\n2.一户扣了两千\n3.说是管理费")
    reply = v.say("1.说完了")
    assert "哪一级" in reply or "照片" in reply, reply
    if "哪一级" in reply:
        v.say("1.村干部")
    v.say("2.没有证据")
    assert "核对" in v.say("2.匿名")
    assert "已提交" in v.say("1 确认")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.anonymous and "管理费" in case.description
        assert "说完了" not in case.description and "没有证据" not in case.description


def test_d_cash_no_paper_passes_the_evidence_step(engine: Engine) -> None:
    v = bound_villager(engine, "p-a-cash")
    v.say("3")
    v.say("3")
    v.say(STORY)
    reply = v.say("没了")
    if "哪一级" in reply:
        v.say("1")
    reply = v.say("交的现钱 没收条")
    assert "姓名和电话" in reply, reply
