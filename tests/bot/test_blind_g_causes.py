"""Causes found by blind dialogue set G, as general rules. Phrasings here are not set G's.

- A story that also asks outright to report starts the report with the story kept and its category guessed.
- A step answered with more than asked: a category number with words after it is the pick, the words are kept as
  the story; 好了 with small handing-over clauses after it (你问吧) is still done.
- Wrongs in classes the word lists did not name: collective property sold or rented with the money gone, land
  rent or compensation that never reached the villagers, works accepted after a meal, a job or contract handed to
  someone's kin, a cadre (or someone) drawing a benefit that is not theirs.
- Unpaid wages with only an employer named are a household's trouble, not a cadre's wrong.
- How a policy term is decided or what it means is a question, not an application.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot import report_prompts as p
from bot.reading.choices import leading_choice
from bot.reading.step_answers import means
from bot.understand import classify
from tests.report_support import bound_villager

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.mark.parametrize(
    "text",
    [
        "村里的集体草场包出去了 一年好几万 账上啥都没有",
        "合作社的牛都卖掉了 卖的钱不知道去哪了",
        "村集体的铺面租给外人了 租的钱账上一分没见",
        "社里把俺们的耕地流转给公司了 流转费到现在一分都没拿到",
        "修水渠占了俺家两亩地 村上说有补偿款 俺一分都没见着",
        "新修的桥验收那天 镇上来的人吃了一顿饭就签了字",
        "检查的时候收了个红包就通过了 路面到处是坑",
        "食堂的活主任叫他小舅子包了 菜都是烂的",
        "村医的位子让她女婿当了 他连针都不会打",
        "俺大伯死了两年了 他的低保卡上还有人在取",
        "五保老人的钱是社长在领 老人自己一分没见",
        "村上把俺家的草场划给他们亲戚了",
    ],
)
def test_wrongs_by_class_are_report_stories(text: str) -> None:
    said = classify(text)
    assert said.name == "story", (text, said)
    assert said.detail != "poverty_risk"


@pytest.mark.parametrize(
    "text",
    [
        "集体的羊卖了多少钱 能公开吗",
        "土地流转费一亩地多少钱",
        "村里的地租给公司了 租金咋分",
        "工程验收要走哪些程序",
        "征地补偿款什么时候发",
    ],
)
def test_the_same_things_asked_stay_questions(text: str) -> None:
    assert classify(text).name not in ("story", "report", "hardship"), text


@pytest.mark.parametrize(
    "text",
    [
        "在城里搬砖的时候从架子上掉下来了 包工头跑了 工资一分没结 家里三个娃要养",
        "给老板放羊放了一年 工钱没给 我爹又住院了 日子过不下去了",
    ],
)
def test_unpaid_wages_with_only_an_employer_are_hardship(text: str) -> None:
    assert classify(text).name == "hardship", text


def test_unpaid_wages_kept_by_a_cadre_stay_a_report() -> None:
    said = classify("村主任把公益岗的工资扣了 说是管理费 俺娘看病都没钱")
    assert said.name == "story"


@pytest.mark.parametrize(
    "text",
    ["低保户是怎么评的", "脱贫户是咋样认定的", "监测对象是什么意思", "边缘易致贫户指的是啥", "特困供养是如何确定的"],
)
def test_how_a_policy_term_is_decided_is_a_question(text: str) -> None:
    assert classify(text).name == "none", text


@pytest.mark.parametrize("text", ["想申请防返贫监测", "我家娃得了白血病 家里过不下去了 能帮帮吗"])
def test_applications_and_troubles_stay_hardship(text: str) -> None:
    assert classify(text).name == "hardship", text


@pytest.mark.parametrize(
    ("text", "number", "words"),
    [
        ("2 就是他们家那个低保", 2, "就是他们家那个低保"),
        ("第三个，村长天天要好处", 3, "村长天天要好处"),
        ("１ 扶贫款叫会计拿了", 1, "扶贫款叫会计拿了"),
    ],
)
def test_a_pick_with_words_after_it(text: str, number: int, words: str) -> None:
    assert leading_choice(text) == (number, words)


@pytest.mark.parametrize("text", ["2", "我家2个娃都病了", "2024年村上修的路", "第二"])
def test_no_pick_with_words(text: str) -> None:
    assert leading_choice(text) is None


@pytest.mark.parametrize("text", ["好了 你问吧", "说完了 下一步", "好了 就这些 还有啥要填的 你们问"])
def test_done_with_handing_over_after_it(text: str) -> None:
    assert means(text, "done"), text


@pytest.mark.parametrize("text", ["好了 还有一个事", "还有 没说完", "我说完了 还有个情况没说"])
def test_more_to_tell_is_not_done(text: str) -> None:
    assert not means(text, "done"), text


def test_a_story_that_asks_to_report_starts_with_it_and_a_guessed_category(engine: Engine) -> None:
    v = bound_villager(engine, "o-bg-asks-story")
    reply = v.say("俺要反映 村上把俺家的承包地收走了 补偿款一分没给")
    assert "已把您的话记为反映内容" in reply and "类别：" in reply
    assert "请选择您要反映的问题类别" not in reply


def test_a_question_about_reporting_stays_a_question() -> None:
    assert classify("村干部贪污了 该怎么举报").name != "report"


def test_a_category_pick_with_words_keeps_the_words(engine: Engine) -> None:
    v = bound_villager(engine, "o-bg-pick-words")
    assert "类别" in v.say("我要举报")
    reply = v.say("2 就是他们家那个低保 有车有房还吃着")
    assert "您选择了：评定不公" in reply and "已记下您说的" in reply
    v.say("支书去年把他小舅子报成了低保户 他家开着超市")
    assert "哪一级" in v.say("好了 你问吧")


def test_a_category_pick_with_only_an_ok_after_it_asks_the_story(engine: Engine) -> None:
    v = bound_villager(engine, "o-bg-pick-ok")
    v.say("我要举报")
    reply = v.say("1 好的")
    assert "您选择了：扶贫资金" in reply and "已记下您说的" not in reply and p.DESCRIPTION in reply


def test_the_offer_answered_with_a_category_word_starts_there(engine: Engine) -> None:
    v = bound_villager(engine, "o-bg-offer-word")
    assert "开始反映" in v.say("合作社的牛都卖掉了 卖的钱不知道去哪了")
    reply = v.say("项目")
    assert "类别：项目质量" in reply
