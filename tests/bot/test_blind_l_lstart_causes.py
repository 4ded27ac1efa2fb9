"""Causes found by blind dialogue set L at a report's start, its category and its identity step, fixed by general
rules. Phrasings here are not set L's.

- (a) A pick after a word that settles it (那就2, 还是选一吧, 那我选第二个) is the pick, at any numbered step.
- (b) Owning to a wrong pick (点错了, 刚才按错了, 选错类了) goes back; with a way named after it, that way. At the
  story step right after the category it goes back to the category and nothing is kept as the story.
- (c) 算了 and then this step's own answer (算了 还是匿名吧, 算了 没照片) is a change of mind, not leaving; 算了 不弄了
  still leaves.
- (d) A matter of one's own to report with a how (有件事情要反映 咋弄呢), beside words naming nothing of the
  village's (家里的事), is answered "here" and the report starts; a how-question about reporting someone
  (怎么举报村干部) stays a question, and a wrong told beside the ask is kept.
- (e) Wrongs by shape: a sum granted with little done with it (拨了三十万 结果就刷了一层漆), money spent elsewhere
  (挪作他用, 用到别处), money or a list never made public (从来不公示), beside the village or a role and not asked;
  the same things asked (批下来多少, 咋没公示) stay questions.
- (f) A statement about the village's money, long and asking nothing nor to be shown anything (咱村的修路资金去年
  就到位了 到现在路还是土路), is offered as a report keeping the words, never answered with the project list; what
  asks or asks to be shown (修路的钱去哪了, 想看一下集体收入) still gets the list. A statement naming the 社里, the
  集体 or the 合作社 is about the village's side, never offered the hardship path (which is not anonymous).
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.intents.projects import MONEY_LEAD
from bot.reading.choices import choice_of
from bot.understand import classify
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.report_support import Villager, bound_villager


@pytest.mark.parametrize(("text", "number"), [("那就1", 1), ("还是选一吧", 1), ("那我选第二个", 2), ("那3吧", 3)])
def test_a_a_settled_pick_is_the_pick(text: str, number: int) -> None:
    assert choice_of(text) == number, text


@pytest.mark.parametrize("text", ["那就这样", "那个", "还是算了", "那就是二十万"])
def test_a_words_that_are_no_pick_pick_nothing(text: str) -> None:
    assert choice_of(text) is None, text


@pytest.mark.parametrize(
    ("text", "way"), [("点错了", "back"), ("刚才按错了", "back"), ("我选错类了", "back"), ("选岔了 取消", "cancel")]
)
def test_b_owning_to_a_wrong_pick_goes_back(text: str, way: str) -> None:
    assert classify(text).name == way, text


@pytest.mark.parametrize("text", ["错了", "写错了", "村上把名单报错了", "算错了账"])
def test_b_other_mistakes_are_not_a_wrong_pick(text: str) -> None:
    assert classify(text).name not in ("back", "cancel"), text


def test_b_a_wrong_pick_at_the_story_step_goes_back_to_the_category(engine: Engine) -> None:
    v = bound_villager(engine, "o-bl-lstart-wrong-pick")
    v.say("3")
    assert "发生了什么" in v.say("5")
    again = v.say("哎呀 点错了")
    assert "问题类别" in again
    assert "发生了什么" in v.say("2")
    v.say("组长把他小姨子评成了低保户 她家开着饭馆")
    for text in ("好了", "1", "没有", "2"):
        reply = v.say(text)
    assert "核对" in reply and "点错" not in reply and "评定不公" in reply


def _to_the_identity_step(v: Villager, step_texts: tuple[str, ...]) -> str:
    reply = ""
    for text in step_texts:
        reply = v.say(text)
    return reply


_REPORT = ("3", "1", "会计把今年的草原补奖每户扣了三百", "好了", "1", "没有")


def test_c_giving_up_then_anonymous_at_the_name_step_is_anonymous(engine: Engine) -> None:
    v = bound_villager(engine, "o-bl-lstart-mind")
    assert "实名" in _to_the_identity_step(v, _REPORT)
    assert "姓名和手机号" in v.say("1")
    reply = v.say("唉 算了 还是不留名字了 匿名")
    assert "核对" in reply and "匿名" in reply
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case).order_by(Case.id.desc())).first()
        assert case is not None and case.anonymous


def test_c_giving_up_then_a_pick_at_the_identity_step_is_the_pick(engine: Engine) -> None:
    v = bound_villager(engine, "o-bl-lstart-pick")
    _to_the_identity_step(v, _REPORT)
    reply = v.say("算了 那就2")
    assert "核对" in reply and "身份：匿名" in reply


def test_c_giving_up_and_leaving_still_leaves(engine: Engine) -> None:
    v = bound_villager(engine, "o-bl-lstart-leave")
    _to_the_identity_step(v, _REPORT)
    reply = v.say("算了 不弄了")
    assert "已取消" in reply
    with make_sessionmaker(engine)() as s:
        assert s.scalars(select(Case)).first() is None


@pytest.mark.parametrize(
    "text",
    [
        "娃他爸不在家 就我一个人 有件事情要反映 咋弄呢",
        "有个事要举报 怎么弄",
        "我是外地嫁过来的 有个情况想反映一下 咋整",
    ],
)
def test_d_a_matter_to_report_with_a_how_starts_it(text: str) -> None:
    meant = classify(text)
    assert (meant.name, meant.detail, meant.told) == ("report", "where", False), text


@pytest.mark.parametrize("text", ["怎么举报村干部", "村干部贪污了怎么举报"])
def test_d_how_to_report_someone_is_no_start(text: str) -> None:
    meant = classify(text)
    assert not (meant.name == "report" and meant.detail == "where"), text


def test_d_a_wrong_told_beside_the_ask_is_kept() -> None:
    meant = classify("有个事要反映 村上把低保名额给了会计的亲戚 怎么弄")
    assert meant.name in ("story", "report") and meant.detail != "where"
    assert meant.name == "story" or meant.told


def test_d_the_report_starts_with_here(engine: Engine) -> None:
    v = bound_villager(engine, "o-bl-lstart-how")
    reply = v.say("家里就我跟老人 有件事情想反映 阿么弄哩")
    assert "在这里就能反映" in reply and "问题类别" in reply


@pytest.mark.parametrize(
    "text",
    [
        "村里修桥拨了三十万 结果就刷了一层漆",
        "社里的防疫经费乡上说挪作他用了",
        "村上收的卫生费从来不公示",
        "村卫生室的改造资金 剩下的钱村里用到别处了",
    ],
)
def test_e_wrongs_by_shape_are_stories(text: str) -> None:
    assert classify(text).name == "story", text


@pytest.mark.parametrize(
    "text",
    ["村里修桥的钱批下来多少 实际用了多少", "村上的钱咋没有公示", "修路的资金批下来了吗", "这笔钱能不能挪作他用"],
)
def test_e_the_same_things_asked_stay_questions(text: str) -> None:
    assert classify(text).name != "story", text


def test_e_a_sum_granted_and_little_done_is_offered_as_a_report(engine: Engine) -> None:
    v = bound_villager(engine, "o-bl-lstart-granted")
    offered = v.say("您好。村里小学的维修款去年就拨下来了，实际只刷了一面墙，其余的钱说是用到别处了。")
    assert "听起来您要反映问题" in offered
    started = v.say("好的，开始反映吧。")
    assert "已把您的话记为反映内容" in started or "问题类别" in started


@pytest.mark.parametrize(
    "text",
    [
        "咱村的修路资金去年就到位了 到现在路还是土路",
        "村上的分红钱用在给干部发奖金上了",
        "社里的集体收入明细从来没见过 说是保密",
    ],
)
def test_f_a_statement_about_the_villages_money_is_offered_as_a_report(engine: Engine, text: str) -> None:
    v = bound_villager(engine, f"o-bl-lstart-money-{len(text)}")
    reply = v.say(text)
    assert "听起来您要反映问题" in reply and MONEY_LEAD not in reply, reply
    started = v.say("1")
    assert "反映内容" in started or "问题类别" in started


@pytest.mark.parametrize(
    "text", ["村里修路的钱去哪了", "想看一下我们村今年的集体经济收入情况", "村里的项目资金公开一下"]
)
def test_f_asking_about_the_villages_money_still_shows_the_projects(engine: Engine, text: str) -> None:
    v = bound_villager(engine, f"o-bl-lstart-list-{len(text)}")
    reply = v.say(text)
    assert "项目" in reply and "听起来" not in reply, reply
