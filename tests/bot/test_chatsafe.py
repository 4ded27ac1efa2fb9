"""What a new user found in the report paths (issues #18, #21): a question about the reporter's safety is
answered and never kept as the report; a story told at the category step is kept."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.safety import split
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.report_support import bound_villager

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.mark.parametrize(
    "text",
    [
        "能不能匿名举报 会不会被村里知道",
        "能匿名不",
        "会不会被村里知道",
        "村里会知道吗",
        "举报了会不会被报复",
        "保密吗",
        "谁能看到我的名字",
        "举报人信息会泄露吗",
        "我反映了村支书会不会知道是我",
        "怕被打击报复",
    ],
)
def test_safety_questions_are_read_whole(text: str) -> None:
    assert split(text) == (True, "")


@pytest.mark.parametrize(
    "text",
    [
        "他说谁举报就报复谁",  # a story about a threat, no question about oneself
        "谁知道他把钱弄哪去了",
        "村里的人都知道这事",
        "匿名",  # the identity step's answer
        "低保咋申请",
        "张三 13800001111",
    ],
)
def test_stories_and_answers_are_not_safety_questions(text: str) -> None:
    assert split(text) == (False, text)


def test_a_story_beside_the_question_is_kept() -> None:
    assert split("村会计把危房补助扣了三千块 能不能匿名") == (True, "村会计把危房补助扣了三千块")


def test_the_fear_before_a_report_is_answered_and_never_filed(engine: Engine) -> None:
    v = bound_villager(engine, "o-cs-fear")
    first = v.say("能不能匿名举报 会不会被村里知道")
    assert "看不到是谁反映的" in first and "请选择您要反映的问题类别" in first
    assert "已记下" not in first
    v.say("1")
    v.say("村会计把危房补助扣了三千块")
    if "哪一级" in v.say("好了"):
        v.say("1")
    v.say("跳过")
    v.say("2")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert "匿名" not in case.description and "知道" not in case.description
        assert case.description == "村会计把危房补助扣了三千块"


def test_the_fear_at_any_step_is_answered_and_the_step_follows(engine: Engine) -> None:
    v = bound_villager(engine, "o-cs-steps")
    v.say("3")
    v.say("1")
    at_story = v.say("会不会被村里知道")
    assert "看不到是谁反映的" in at_story and "请说说发生了什么" in at_story and "取消" in at_story
    v.say("村会计把危房补助扣了三千块 他会不会报复我")
    if "哪一级" in v.say("好了"):
        v.say("1")
    at_evidence = v.say("照片会被村里看到吗")
    assert "看不到是谁反映的" in at_evidence and "如有证据" in at_evidence
    v.say("跳过")
    at_identity = v.say("实名的话谁能看到")
    assert "纪委监委经审批" in at_identity and "1 实名" in at_identity
    v.say("2")
    assert "核对" in v.say("保密吗")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.description == "村会计把危房补助扣了三千块"


def test_the_fear_outside_a_report_and_at_the_offer(engine: Engine) -> None:
    v = bound_villager(engine, "o-cs-idle")
    idle = v.say("村里会知道吗")
    assert "看不到是谁反映的" in idle and "回复“反映”" in idle
    offered = v.say("村支书把低保名额给他亲戚了")
    assert "回复 1 开始反映" in offered
    again = v.say("会不会被报复")
    assert "看不到是谁反映的" in again and "回复 1 开始反映" in again
    assert "已把您的话记为反映内容" in v.say("1")


def test_the_hardship_path_says_it_is_not_anonymous(engine: Engine) -> None:
    v = bound_villager(engine, "o-cs-hard")
    v.say("俺家娃得了白血病 住院花了十几万 日子过不下去了")
    v.say("1")
    asked = v.say("能匿名吗")
    assert "不是匿名的" in asked and "这是谁家的困难" in asked


@pytest.mark.parametrize("opening", ["我想举报个事情 能不能匿名", "我要举包"])
def test_a_story_at_the_category_step_is_kept_and_its_category_guessed(engine: Engine, opening: str) -> None:
    v = bound_villager(engine, f"o-cs-cat-{len(opening)}")
    v.say(opening)
    told = v.say("村会计把危房补助扣了三千块")
    assert "已把您的话记为反映内容" in told and "扶贫资金被截留挪用" in told and "返回" in told
    assert "请选择" in v.say("返回")  # the guess can be changed, the words stay
    v.say("3")
    if "哪一级" in v.say("好了"):
        v.say("1")
    v.say("跳过")
    v.say("2")
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.category == "conduct" and "危房补助扣了三千块" in case.description


def test_a_story_with_no_guess_keeps_the_words_and_asks_the_category(engine: Engine) -> None:
    v = bound_villager(engine, "o-cs-other")
    v.say("3")
    told = v.say("村上那个事情一直没人管 都好几年了")
    assert "已记下您说的话" in told and "请选择" in told
    assert "之前说的内容都还在" in v.say("7")


def test_a_resumed_report_shows_what_was_kept_and_asks_to_add(engine: Engine) -> None:
    v = bound_villager(engine, "o-cs-resume")
    v.say("3")
    v.say("1")
    v.say("村会计把危房补助扣了三千块")
    v.say("菜单")
    resumed = v.say("3")
    assert "继续您上次没有提交的反映" in resumed and "村会计把危房补助扣了三千块" in resumed
    assert "要补充就接着说" in resumed and "请说说发生了什么" not in resumed
    v.say("去年腊月的事")
    if "哪一级" in v.say("好了"):
        v.say("1")
    v.say("菜单")
    later = v.say("3")
    assert "村会计把危房补助扣了三千块" in later and "如有证据" in later


def test_housing_and_an_old_person_alone_are_kinds_of_trouble(engine: Engine) -> None:
    v = bound_villager(engine, "o-cs-kinds")
    v.say("想申请个困难帮扶")
    v.say("1")
    v.say("1")
    v.say("家里日子难过得很 一家人挤在一间屋里")
    kinds = v.say("房子漏雨 冬天没煤烧")
    assert "大概是什么时候" in kinds
    for said in ("今年入冬以后", "3", "想修修房子"):
        v.say(said)
    summary = v.say("13800001111")
    assert "遇到的事：住房或取暖困难" in summary
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case)).one()
        assert case.category == "poverty_risk" and "住房或取暖困难" in case.description
    w = bound_villager(engine, "o-cs-kinds2")
    w.say("想申请个困难帮扶")
    w.say("1")
    w.say("2")
    w.say("隔壁阿奶八十多了 儿女都在外地打工")
    assert "大概是什么时候" in w.say("8")
    assert "老人独居或无人照顾" in " ".join(w.say(x) for x in ("去年", "1", "有人照看一下", "13800001111"))


def test_a_fear_told_inside_a_story_stays_in_the_story() -> None:
    assert split("村支书把补助扣了 村民都怕他报复") == (False, "村支书把补助扣了 村民都怕他报复")
    assert split("村支书把补助扣了 会不会被报复") == (True, "村支书把补助扣了")


def test_a_house_or_an_old_person_alone_told_at_the_menu_is_offered_the_hardship_path(engine: Engine) -> None:
    v = bound_villager(engine, "o-cs-house")
    offered = v.say("房子漏雨 冬天没煤烧")
    assert "回答不了" not in offered and "登记困难情况" in offered
    started = v.say("1")
    assert "遇到的事：住房或取暖困难" in started
    w = bound_villager(engine, "o-cs-house2")
    assert "登记困难情况" not in w.say("危房改造咋申请")  # a question about the rule stays a question
