"""Issue #18 §4, §5: the hardship script takes what the story already tells and checks each answer; the
report's prompts and refusals say what can be done given what is already saved."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.hardship_story import fill_from_story, people_told, troubles_told, when_answer, when_told
from cases.intake.report_drafts import DraftData
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import Villager
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

STORY = "我爱人今年三月查出癌症，我也没了工作，一家四口人全靠低保。"


def villager(engine: Engine, openid: str) -> Villager:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), openid)
    v.scan(VILLAGE)
    return v


def test_the_story_gives_several_troubles_the_time_and_the_household() -> None:
    assert troubles_told(STORY) == ["大病或重病", "失业或收入大减"]
    assert when_told(STORY) == "今年三月"
    assert people_told(STORY) == 4
    assert when_told("我家男人得了尿毒症 每周都要透析") is None
    assert people_told("家里还有两个娃上学") is None


def test_only_steps_not_answered_are_filled() -> None:
    data: DraftData = {"parts": [STORY], "troubles": ["残疾"]}
    taken = fill_from_story(data)
    assert data["troubles"] == ["残疾"] and data["when"] == "今年三月" and data["people"] == 4
    assert taken == ["时间：今年三月", "家里人数：4 人"]
    assert "help" not in data


@pytest.mark.parametrize("said", ["2", "２", "二", "12", "嗯"])
def test_a_bare_number_is_not_a_time(said: str) -> None:
    assert when_answer(said) is None


@pytest.mark.parametrize("said", ["今年3月", "上个月", "去年冬天", "好久了", "3号", "不清楚"])
def test_a_time_in_words_is_kept(said: str) -> None:
    assert when_answer(said) == said


def test_hardship_does_not_ask_again_what_the_story_told(engine: Engine) -> None:
    v = villager(engine, "o-h17-told")
    v.say("3")
    v.say("6")
    v.say("1")
    after = v.say(STORY)  # a story told: the script goes on without waiting for 好了
    assert "大病或重病、失业或收入大减" in after and "时间：今年三月" in after and "4 人" in after
    assert "哪类事" not in after and "什么时候" not in after and "几口人" not in after
    assert "希望得到什么帮助" in after
    v.say("看病报销")
    summary = v.say("张三 13800001111")
    assert "时间：今年三月" in summary and "家庭人口：4人" in summary
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case).where(Case.category == "poverty_risk")).one()
        assert "遇到的事：大病或重病、失业或收入大减" in case.description


def test_hardship_when_refuses_a_bare_digit(engine: Engine) -> None:
    v = villager(engine, "o-h17-when")
    v.say("3")
    v.say("6")
    v.say("1")
    assert "什么时候" in v.say("我家男人得了尿毒症 每周都要透析 家里实在撑不下去了")
    refused = v.say("2")
    assert "“2”看不出是什么时候" in refused and "不清楚" in refused
    assert "几口人" in v.say("去年")
    assert "希望得到什么帮助" in v.say("4")
    assert "看不出想要什么帮助" in v.say("3")
    assert "电话" in v.say("临时救助")


def test_a_scrap_or_skip_after_the_story_says_it_is_saved(engine: Engine) -> None:
    v = villager(engine, "o-h17-scrap")
    v.say("3")
    v.say("4")
    v.say("低保政策村里一直没落实到我家")
    kept = v.say("1")
    assert "经过已经记下了" in kept and "接着说" in kept and "看不出" not in kept
    moved = v.say("跳过")
    assert "不能跳过" not in moved and "证据" in moved


def test_skip_before_any_story_says_what_to_do(engine: Engine) -> None:
    v = villager(engine, "o-h17-empty")
    v.say("3")
    v.say("4")
    refused = v.say("跳过")
    assert "不能跳过" in refused and "好了" in refused


def test_the_entry_location_is_offered_only_when_there_is_one(engine: Engine) -> None:
    v = villager(engine, "o-h17-noloc")
    v.say("3")
    v.say("4")
    v.say("低保政策村里一直没落实到我家")
    assert "用我的位置" not in v.say("好了")
    w = villager(engine, "o-h17-loc")
    w.entered_at(36.85, 101.96)
    w.say("3")
    w.say("4")
    w.say("低保政策村里一直没落实到我家")
    offered = w.say("好了")
    assert "用我的位置" in offered and "打开公众号时" in offered
    assert "已用上" in w.say("用我的位置")


def test_a_story_that_names_no_trouble_is_still_asked_its_kind(engine: Engine) -> None:
    v = villager(engine, "o-h17-kind")
    for said in ("3", "6", "1", "家里日子实在过不下去了"):
        v.say(said)
    assert "哪类事" in v.say("好了")
    w = villager(engine, "o-h17-offer")
    w.say("我家老人瘫痪在床 家里没了收入")
    started = w.say("1")
    assert "残疾、失业或收入大减" in started and "谁家的困难" in started
    assert "什么时候" in w.say("1")
