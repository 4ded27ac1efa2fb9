"""Causes found by blind dialogue set P (group c: the hardship path and a project picked in words), fixed by
general rules. Phrasings here are not set P's.

- (a) A pick with a spoken particle after it (第二个嘛, 3呀, 第四个哈, 就五个噻) is still the pick; a number inside
  more words (第一个项目, 一个人) or a laugh (2哈哈) is not.
- (b) At the report's offer to change to the hardship path, the path named alone as a whole message (帮扶, 要帮扶,
  是申请帮扶, 就困难救助吧) changes it, keeping what was said; the same word as one clause of a story (把 帮扶
  给了他亲戚) or inside a longer thing (帮扶资金, 救助款) does not.
- (c) The speaker saying what cadre they are or were (我是退下来的老村干部, 我以前当过会计, 俺是原来的村长) names
  no cadre accused: a household's trouble told after it is hardship. A cadre named beside it (书记把低保给了他
  侄子) or the speaker as a cadre's kin (我是村长家的亲戚) is still a story.
- (d) Care that is missing (没人照顾, 无人照看, 照顾不过来) is not 照顾 as favouring one's people (书记照顾他亲戚).
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.reading.choices import choice_of
from bot.reading.normal_form import normalise
from bot.report_prompts import switch_to
from bot.understand import classify
from storage.db import make_sessionmaker, transaction
from storage.types import utcnow
from tests.report_support import bound_villager
from villages.projects.load import load_demo_projects

OFFER = "申请防止返贫帮扶"
SWITCHED = "已改为困难帮扶登记"
SWITCH_OFFER = "改为困难帮扶"


# (a) --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [("第二个嘛", 2), ("3呀", 3), ("第四个哈", 4), ("就五个噻", 5), ("第1个啦", 1), ("看第三个呗", 3), ("2 呀", 2)],
)
def test_a_a_pick_with_a_particle_after_it(text: str, number: int) -> None:
    assert choice_of(text) == number, text


@pytest.mark.parametrize("text", ["第一个项目", "一个人", "2哈哈", "三嘛好", "好呀", "第二个项目有问题呀"])
def test_a_not_a_bare_pick(text: str) -> None:
    assert choice_of(text) is None, text


@pytest.mark.parametrize(("pick", "number"), [("第二个嘛", 2), ("3哈", 3)])
def test_a_a_project_picked_with_a_particle_shows_its_detail(engine: Engine, pick: str, number: int) -> None:
    v = bound_villager(engine, f"p-c-a-{pick}")
    with transaction(make_sessionmaker(engine)) as s:
        load_demo_projects(s, now=utcnow())
    assert "项目公开】" in v.say("项目公开")
    assert f"【项目 {number}】" in v.say(pick)


# (b) --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["帮扶", "要帮扶", "是申请帮扶", "就困难救助吧", "帮扶吧", "我要申请帮扶"])
def test_b_the_path_named_alone_as_a_whole_message(text: str) -> None:
    assert switch_to(normalise(text), whole=True) == "hardship", text


@pytest.mark.parametrize("text", ["帮扶资金", "救助款", "帮扶干部不来", "我要帮扶干部", "临时救助", "反映"])
def test_b_not_the_path_named(text: str) -> None:
    assert switch_to(normalise(text), whole=True) is None, text


@pytest.mark.parametrize("text", ["帮扶", "要帮扶", "救助"])
def test_b_a_clause_alone_is_not_the_path_named(text: str) -> None:
    assert switch_to(normalise(text)) is None, text


@pytest.mark.parametrize("answer", ["要帮扶", "帮扶吧", "是申请帮扶"])
def test_b_the_switch_offer_taken_by_naming_the_path(engine: Engine, answer: str) -> None:
    v = bound_villager(engine, f"p-c-b-{answer}")
    v.say("我要举报")
    assert "说说发生了什么" in v.say("1")
    assert SWITCH_OFFER in v.say("不是要告谁 俺娘中风了 家里没钱看病 想申请帮扶")
    assert SWITCHED in v.say(answer), answer


def test_b_a_story_with_the_word_as_a_clause_stays_a_report(engine: Engine) -> None:
    v = bound_villager(engine, "p-c-b-not")
    v.say("我要举报")
    assert "说说发生了什么" in v.say("2")
    reply = v.say("村长把 帮扶 都给了他亲戚 我们一家啥也没有")
    assert SWITCHED not in reply and "已记下" in reply


# (c) and (d) ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我以前当过会计 帮隔壁老两口登记一下 老汉瘫了 没人照看",
        "俺是原来的村长 替王奶奶申请一下 她一个人住 没有人照顾",
        "我是退休的老支书 给村里的孤寡老人登记 老人卧床两年了",
        "我是村干部 帮一户登记困难 他家娃得了白血病 欠了很多钱",
    ],
)
def test_c_the_speaker_as_a_cadre_names_no_cadre_accused(text: str) -> None:
    assert classify(text).name == "hardship", text


@pytest.mark.parametrize(
    "text",
    [
        "我是老村干部 书记把低保给了他侄子",
        "我是村长家的亲戚 村长把补助领走了",
        "我是村干部 会计把钱拿走了",
        "书记照顾他亲戚 低保都给了自家",
        "村长把老人的补助领了 老人没人照顾",
    ],
)
def test_c_d_a_cadre_accused_beside_it_is_still_a_story(text: str) -> None:
    assert classify(text).name == "story", text


@pytest.mark.parametrize(
    "text",
    ["俺爹瘫在炕上了 家里没人照顾", "老人卧床不起 儿女都在外地 照顾不过来", "她一个人住 腿脚不好 无人照看"],
)
def test_d_missing_care_is_a_trouble_not_favouring(text: str) -> None:
    assert classify(text).name == "hardship", text


def test_c_the_cadre_speaker_is_offered_the_hardship_path(engine: Engine) -> None:
    v = bound_villager(engine, "p-c-c-offer")
    assert OFFER in v.say("我以前当过村会计 替村里的低保户韩奶奶登记 奶奶中风了 没人照顾")
