"""Causes found by blind dialogue set P (part b: stories told at the first message, and the offer), fixed by
general rules. Phrasings here are not set P's.

- (a) A cadre's own thing (or their kin's) paid for with public money, told after the thing or in a list
  (支书家的新房 花的是项目的钱, 村长儿子的大棚 钱是从扶贫款里出的): a story about funds, never the hardship
  path even when 没钱 is said beside it; the village's own works built with such money, a cadre's thing paid by
  himself, or the same asked, are not.
- (b) A cadre making people hand him money out of their pay, or lose the job (组长叫每个月给他交一百块 不交就换人,
  社长让每人从工资里给他拿二百, 队长说不给他送钱就换别人): a story of 吃拿卡要; an ordinary fee collected
  (组长叫每家给他交三百八的医保), a fee that stops a benefit or the same asked, are not.
- (c) At the evidence step, a paper that shows it, not photographed (折子上都有记录 还没拍), or a paper kept
  elsewhere for the staff to fetch (账本在乡上 你们可以去要): evidence in words, kept as 证据：… and the step
  passes; a paper that shows nothing (存折上没有记录) or the same asked (合同你们能调到吗) is not.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.reading.normal_form import normalise
from bot.reading.step_answers import evidence_in_words
from bot.reading.wrongs import guess_category, kickback, misconduct, own_with_public_money
from bot.understand import classify
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.report_support import bound_villager


@pytest.mark.parametrize(
    "text",
    [
        "支书家的新房 花的是项目的钱",
        "村长儿子的大棚 钱是从扶贫款里出的",
        "会计家的铺子去年装修 拿的是村集体的钱",
        "1.主任他小舅子的羊圈是今年修的\n2.用的是上面拨的帮扶资金\n3.我们申请的时候都说没钱",
        "书记自家的院墙 用了村上的经费砌的",
    ],
)
def test_a_a_cadres_own_thing_paid_with_public_money_is_a_funds_story(text: str) -> None:
    norm = normalise(text)
    assert own_with_public_money(norm), text
    intent = classify(text)
    assert intent.name == "story", (text, intent)
    assert guess_category(norm) == "funds", text


@pytest.mark.parametrize(
    "text",
    [
        "村里的路用的是扶贫资金",  # the village's own works
        "书记家的温棚是自己出钱盖的",  # paid by himself
        "书记家的温棚用的是扶贫资金吗",  # asked
        "支书家的新房花了多少钱",  # no public money
        "合作社的厂房用的是衔接资金",  # no cadre's own thing
    ],
)
def test_a_not_a_cadres_own_thing_paid_with_public_money(text: str) -> None:
    assert not own_with_public_money(normalise(text)), text


def test_a_the_list_story_is_no_hardship() -> None:
    text = "1.村长家的两座大棚是前年盖的\n2.花的是村集体的扶贫资金\n3.别人想申请都说没钱了"
    assert classify(text).name == "story"


@pytest.mark.parametrize(
    "text",
    [
        "我们几个护林员 队长让每个月给他交五十块 不交就不叫干了",
        "社长让我们每人从工资里给他拿二百",
        "保洁员的工资一千 组长要求每人给他返三百",
        "村长叫我们给他交两百块 不给就换别人",
        "每个月要给组长上交五十 不然就不让干",  # to a role named, 不然 as the threat
        "工资发下来 社长每人要抽走两百",  # a cut skimmed
        "村长让我们每人每年给他一千块 说是感谢费",  # no verb of handing
    ],
)
def test_b_pay_to_the_cadre_is_a_conduct_story(text: str) -> None:
    norm = normalise(text)
    assert kickback(norm), text
    assert classify(text).name == "story", text
    assert guess_category(norm) == "conduct", text


@pytest.mark.parametrize(
    "text",
    ["护林员的活 队长说不给他送钱就换别人", "主任说公益岗不交钱就让别人干"],
)
def test_b_pay_or_lose_the_job_is_a_conduct_story(text: str) -> None:
    norm = normalise(text)
    assert misconduct(norm), text
    assert guess_category(norm) == "conduct", text


@pytest.mark.parametrize(
    "text",
    [
        "组长叫每家给他交三百八的医保",  # an ordinary fee collected
        "组长说不交医保就停了",  # a fee that stops a benefit: not a job threat
        "不交钱就换人吗",  # asked
        "队长让我给他交材料",  # no money
        "社长让每个月给他交一百块吗",  # asked
        "组长让每人每年给他交三百八的医保",  # ordinary dues, no threat
        "社长每个月抽成多少",  # asked
        "村长让我每个月给他打个电话",  # no money
        "村长说要不就不用申请了",  # no threat to a job
    ],
)
def test_b_not_a_kickback(text: str) -> None:
    norm = normalise(text)
    assert not kickback(norm), text
    assert not misconduct(norm), text


def test_b_kickback_offered_and_filed_anonymous(engine: Engine) -> None:
    v = bound_villager(engine, "p-b-kickback")
    offer = v.say("我们几个护路员 社长叫每个月给他交八十块 不交就换人")
    assert "吃拿卡要" in offer and "回复 1" in offer, offer
    v.say("1")
    assert "哪一级" in v.say("好了")
    assert "照片" in v.say("1")
    assert "匿名" in v.say("没有")
    assert "核对" in v.say("2")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case).order_by(Case.id.desc())).first()
    assert case is not None and case.anonymous and "八十块" in case.description


@pytest.mark.parametrize(
    "text",
    [
        "折子上都有记录 还没拍",
        "收据上写着呢 没拍照",
        "银行的流水上看得出来",
        "账本在乡上 你们可以去要",
        "名单在镇上存着 你们去调出来看",
        "协议会计那儿有 你们来查",
    ],
)
def test_c_a_paper_that_shows_it_or_is_kept_elsewhere_is_evidence_in_words(text: str) -> None:
    assert evidence_in_words(text), text


@pytest.mark.parametrize(
    "text",
    [
        "存折上没有记录",  # shows nothing
        "存折上看不出来",
        "合同你们能调到吗",  # asked
        "账本在乡上 你们能不能去要",
        "存折上能看出来吗",
        "你们去调吧",  # no paper named
    ],
)
def test_c_not_evidence_in_words(text: str) -> None:
    assert not evidence_in_words(text), text


def test_c_a_paper_kept_elsewhere_passes_the_evidence_step(engine: Engine) -> None:
    v = bound_villager(engine, "p-b-paper")
    offer = v.say("村长把集体的草场包给他侄子了 一年才收两千")
    assert "回复 1" in offer, offer
    v.say("1")
    assert "哪一级" in v.say("好了")
    assert "照片" in v.say("1")
    reply = v.say("承包合同在村委会锁着 你们去调")
    assert "证据" in reply and "匿名" in reply, reply
    assert "核对" in v.say("2")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case).order_by(Case.id.desc())).first()
    assert case is not None and "证据：承包合同在村委会锁着" in case.description
