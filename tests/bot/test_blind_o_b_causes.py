"""Causes found by blind dialogue set O (part b: the first message's reading and the offer), fixed by general
rules. Phrasings here are not set O's.

- (a) A thing handed to a cadre's own kin, told without 把 (资金全给了支书侄女开的店, 名额分给村长他小舅子了): a
  story; asked (能不能给村长的亲戚吗, 为什么给了书记的外甥) it is not this rule's.
- (b) The category guessed for such a story is 优亲厚友 (a cadre's kin named), and 低报 said by voice is 低保;
  a story naming a project and only one relative stays a project's.
- (c) The village's project money asked in fragments or any order (水渠 钱 多少, 那个桥 投资 多少) or where to see it
  (哪里能看到村里的项目公示): the project list. A household's own payment beside a project (修路占地补偿多少钱,
  自来水费一个月多少钱, 修路工钱一天多少) is not.
- (d) At the story offer, yes said in slang or dialect (冲冲冲, 走起, 安排, 必须的, 整起来) starts the report, and any
  such yes with the option's number after it (走起 1, 必须的 3) picks that option; 不冲, 别整了 do not.
- (e) At the identity step, a plea to stay unknown (千万别说是我, 2 别告诉他们是我反映的) is 匿名, and never kept in
  the report's text; 别说是我家的事 and a number alone are not this reading.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.reading.normal_form import normalise
from bot.reading.step_answers import means
from bot.reading.track_and_money import asks_money, asks_project_cost
from bot.reading.wrongs import guess_category, handed_to_kin
from bot.understand import classify
from storage.db import make_sessionmaker, transaction
from storage.models.cases import Case
from storage.types import utcnow
from tests.report_support import bound_villager
from villages.projects.load import load_demo_projects


@pytest.mark.parametrize(
    "text",
    [
        "合作社的分红全给了理事长他外甥",
        "名额都分给村长他小舅子了 我们家一个也没有",
        "护路员的活包给了社长家女婿",
        "今年的慰问品都发给了会计的亲戚",
        "养殖补助批给了主任的侄儿 我们申请了三回都没批",
        "救灾的棉被都发给了村干部家里",
    ],
)
def test_a_handed_to_a_cadres_kin_is_a_story(text: str) -> None:
    norm = normalise(text)
    assert handed_to_kin(norm), text
    assert classify(text).name == "story", text


@pytest.mark.parametrize(
    "text",
    [
        "低保能不能给村长的亲戚",  # asked
        "为什么名额给了书记的外甥",  # asked why: not this rule (the answer or another rule decides)
        "我把羊给了我侄子",  # no cadre
        "书记给了我一个电话",  # no kin
        "这个补助可以给村干部的亲属吗",
    ],
)
def test_a_not_handed_to_kin(text: str) -> None:
    assert not handed_to_kin(normalise(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "救济粮让书记给了他外甥",
        "支书把护林员给了他女婿",
        "村上的主任。把我的低报。取消了。给了他儿媳。",
        "组长他侄女啥也不干 保洁员工资照领",
    ],
)
def test_b_a_cadres_kin_is_unfair(text: str) -> None:
    assert guess_category(normalise(text)) == "unfair", text


@pytest.mark.parametrize("text", ["今年的低保 又是书记他们家的人", "名单上的监测户全是社长家的"])
def test_a_a_benefit_that_went_to_a_cadres_people_again_is_a_story(text: str) -> None:
    assert classify(text).name == "story", text


@pytest.mark.parametrize(
    "text", ["村长家的人说低保下个月发", "补助都是书记发的", "低保还是书记管的吗", "我们家的人都去打工了"]
)
def test_a_a_cadres_people_merely_named_is_no_story(text: str) -> None:
    assert classify(text).name != "story", text


def test_b_a_project_story_with_one_relative_stays_a_project() -> None:
    assert guess_category(normalise("书记把修水渠的工程给了他小舅子 修得质量差 渠都裂了")) == "project"


@pytest.mark.parametrize(
    "text",
    [
        "水渠 钱 多少",
        "那个桥 投资 多少 想看",
        "修路花了多少钱",
        "项目 资金 几十万 多少",
        "哪里能看到村里的项目公示",
        "咱村的钱都用到哪了 能看到吗",
    ],
)
def test_c_project_money_asked_in_fragments(text: str) -> None:
    assert asks_money(normalise(text)), text
    assert classify(text).name == "money", text


@pytest.mark.parametrize(
    "text",
    ["修路占地补偿多少钱", "自来水费一个月多少钱", "修路工钱一天多少", "产业项目能补多少钱", "项目贷款能贷多少"],
)
def test_c_a_households_payment_is_not_project_money(text: str) -> None:
    assert not asks_project_cost(normalise(text)), text
    assert classify(text).name != "money", text


def test_c_fragments_show_the_project_list(engine: Engine) -> None:
    v = bound_villager(engine, "o-bo-b-frag")
    with transaction(make_sessionmaker(engine)) as s:
        load_demo_projects(s, now=utcnow())
    reply = v.say("渠 修 钱 多少 要看")
    assert "项目公开】" in reply, reply


def test_a_kin_story_offered_and_filed_anonymous(engine: Engine) -> None:
    v = bound_villager(engine, "o-bo-b-kin")
    offer = v.say("村里的养殖扶持资金 结果都给了主任他侄儿 我们问了也没人管")
    assert "优亲厚友" in offer and "回复 1" in offer, offer
    v.say("1")
    assert "哪一级" in v.say("好了")
    assert "照片" in v.say("1")
    assert "匿名" in v.say("没有")
    assert "核对" in v.say("2")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case).order_by(Case.id.desc())).first()
    assert case is not None and case.anonymous and "侄儿" in case.description


@pytest.mark.parametrize("text", ["冲冲冲", "冲鸭", "走起", "安排上", "必须的", "整起来", "搞起", "干就完了"])
def test_d_slang_yes_agrees(text: str) -> None:
    assert means(text, "agree"), text


@pytest.mark.parametrize("text", ["不冲", "别整了", "弄不了", "冲他家去了"])
def test_d_not_agreeing(text: str) -> None:
    assert not means(text, "agree"), text


_STORY = "村里的养殖扶持资金 结果都给了主任他侄儿 我们问了也没人管"


@pytest.mark.parametrize("answer", ["走起 1", "必须的，1", "安排 1", "冲冲冲 1"])
def test_d_yes_then_the_number_starts_the_report(engine: Engine, answer: str) -> None:
    v = bound_villager(engine, "o-bo-b-yes")
    assert "回复 1" in v.say(_STORY)
    assert "已把您的话记为反映内容" in v.say(answer), answer


def test_d_yes_then_three_picks_the_category_again(engine: Engine) -> None:
    v = bound_villager(engine, "o-bo-b-three")
    v.say(_STORY)
    assert "请选一下类别" in v.say("走起 3")


@pytest.mark.parametrize("answer", ["不冲 1", "村长拿了2"])
def test_d_no_or_a_story_with_a_number_does_not_start(engine: Engine, answer: str) -> None:
    v = bound_villager(engine, "o-bo-b-no")
    v.say(_STORY)
    assert "已把您的话记为反映内容" not in v.say(answer), answer


@pytest.mark.parametrize("text", ["千万别说是我", "2 别告诉他们是我反映的", "2，不要透露是我说的", "别讲是我举报的"])
def test_e_a_plea_to_stay_unknown_is_anonymous(text: str) -> None:
    assert means(text, "anonymous") and not means(text, "real_name"), text


@pytest.mark.parametrize("text", ["别说是我家的事", "说是我干的", "1 我叫马国强", "2"])
def test_e_not_a_plea(text: str) -> None:
    assert not means(text, "anonymous"), text


def test_e_plea_with_the_number_files_anonymous_without_it(engine: Engine) -> None:
    v = bound_villager(engine, "o-bo-b-plea")
    v.say(_STORY)
    v.say("1")
    v.say("好了")
    v.say("1")
    assert "匿名" in v.say("没有")
    assert "核对" in v.say("2 别讲是我举报的")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case).order_by(Case.id.desc())).first()
    assert case is not None and case.anonymous
    assert "举报的" not in case.description and "侄儿" in case.description
