"""Defects a new-user review found on the villager's side, through the real webhook (safe mode)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from config.privacy import user_key
from storage.db import make_sessionmaker
from storage.models.cases import ReportDraft
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import Villager
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def villager(engine: Engine, openid: str) -> Villager:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), openid)
    v.scan(VILLAGE)
    return v


def test_a_report_offered_while_a_hardship_draft_waits_starts_cleanly(engine: Engine) -> None:
    v = villager(engine, "o-review2")
    v.say("３")
    assert "谁家" in v.say("６")
    v.say("转人工")
    v.say("5")
    v.say("取消")
    offered = v.say("村支书的亲戚叫王某某，去年评上了低保，他家有车有楼房")
    assert "反映" in offered
    started = v.say("好了")  # SAWarning (a row deleted twice) would be an error here
    assert "记" in started
    with make_sessionmaker(engine)() as s:
        draft = s.scalars(select(ReportDraft).where(ReportDraft.user_key == user_key("o-review2"))).one()
        assert "村支书的亲戚" in "".join(draft.data.get("parts", []))


def _hardship_draft(engine: Engine, openid: str) -> dict[str, object]:
    with make_sessionmaker(engine)() as s:
        draft = s.scalars(select(ReportDraft).where(ReportDraft.user_key == user_key(openid))).one()
        return dict(draft.data)


def test_the_whole_story_told_at_whose_household_is_kept_and_whose_read_from_it(engine: Engine) -> None:
    v = villager(engine, "o-whose-own")
    v.say("3")
    assert "谁家" in v.say("6")
    story = "俺家老汉去年得了脑梗，住院花了三万多，现在干不了活"
    reply = v.say(story)
    assert "已记下您说的情况" in reply and "谁家" not in reply and "请回复 1 自己家" not in reply
    data = _hardship_draft(engine, "o-whose-own")
    assert data["household"] == "own" and story in data["parts"]  # type: ignore[operator]
    assert "大病或重病" in data["troubles"]  # type: ignore[operator]


def test_a_neighbours_story_at_whose_household_is_someone_elses(engine: Engine) -> None:
    v = villager(engine, "o-whose-other")
    v.say("3")
    v.say("6")
    v.say("隔壁的老阿奶一个人住，房子漏雨，冬天没有煤烧")
    assert _hardship_draft(engine, "o-whose-other")["household"] == "other"


def test_a_story_that_does_not_say_whose_is_kept_and_whose_asked_again(engine: Engine) -> None:
    v = villager(engine, "o-whose-unsaid")
    v.say("3")
    v.say("6")
    story = "娃娃上大学的学费交不起了，今年羊也死了好几只"
    reply = v.say(story)
    assert "已记下您说的情况" in reply and "这是谁家的困难" in reply
    after = v.say("1")
    assert "请简单说说家里的情况" not in after  # the story is not asked for again
    data = _hardship_draft(engine, "o-whose-unsaid")
    assert data["household"] == "own" and data["parts"] == [story]


def test_short_answers_at_whose_household_still_get_the_hint(engine: Engine) -> None:
    v = villager(engine, "o-whose-short")
    v.say("3")
    v.say("6")
    assert "请回复 1 自己家 或 2 别人家" in v.say("不晓得")
    assert "household" not in _hardship_draft(engine, "o-whose-short")
