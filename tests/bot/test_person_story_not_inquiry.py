"""Reporter safety: after an ask for a person (叫你们管事的来, 转人工), a misconduct story or an ask to report is
offered as a report, which may be anonymous, never filed silently as an inquiry (an inquiry keeps who asked,
sealed, so staff can answer). A question, a hardship or a progress question there still goes to the staff."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from storage.db import make_sessionmaker, transaction
from storage.models import Inquiry
from tests.report_support import bound_villager


def _questions(engine: Engine) -> list[str]:
    with transaction(make_sessionmaker(engine)) as s:
        return [row.question for row in s.scalars(select(Inquiry)).all()]


@pytest.mark.parametrize(
    ("ask", "story"),
    [
        ("叫你们管事的来", "村书记把扶贫款贪了，我是他侄子"),
        ("转人工", "村长把低保给他侄子了"),
        ("把你们领导喊过来", "我想反映村会计的问题"),
    ],
)
def test_a_story_after_asking_for_a_person_is_offered_as_a_report(engine: Engine, ask: str, story: str) -> None:
    v = bound_villager(engine, "person-story")
    assert "一条消息" in v.say(ask)
    reply = v.say(story)
    assert "已转给" not in reply
    assert "反映" in reply
    assert _questions(engine) == []


@pytest.mark.parametrize(
    "question",
    ["俺娘的高龄补贴咋停了", "我爹腿摔断了 住院花了三万 家里实在没钱了", "低保是谁定的 为啥他家有我家没有"],
)
def test_a_question_after_asking_for_a_person_still_goes_to_staff(engine: Engine, question: str) -> None:
    v = bound_villager(engine, "person-question")
    assert "一条消息" in v.say("叫你们管事的来")
    assert "已转给" in v.say(question)
    assert _questions(engine) == [question]
