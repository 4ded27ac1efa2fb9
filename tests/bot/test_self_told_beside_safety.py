"""Who the reporter is, said beside a safety question, goes with the question and is never stored: kin to the
accused, an office held, a name (a reporter-safety review found 我叫马明 能不能匿名 kept as 我叫马明 in an anonymous
report). Someone else's relation (我们组长是他亲戚) is the story and stays."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from bot.safety import split
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.report_support import bound_villager


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("我叫马明 能不能匿名", ""),
        ("我姓韩 你们会保密吧", ""),
        ("我是他亲侄子 能匿名吗", ""),
        ("我是他家兄弟媳妇 你们能保密吗", ""),
        ("我跟他是亲戚 能保密吗", ""),
        ("我家跟书记家是亲家 会不会被报复", ""),
        ("我们两家是亲戚 能保密吗", ""),
        ("我是老村干部 会不会被报复", ""),
        ("我以前当过会计 能不能匿名", ""),
        ("村会计扣了补助 我是他表弟 能匿名吗", "村会计扣了补助"),
    ],
)
def test_the_reporter_told_beside_a_safety_question_goes_with_it(text: str, kept: str) -> None:
    assert split(text) == (True, kept)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("我们组长是他亲戚 能匿名吗", "我们组长是他亲戚"),
        ("书记的亲戚领了补助 能匿名吗", "书记的亲戚领了补助"),
        ("村长把低保给了他侄子 能匿名吗", "村长把低保给了他侄子"),
        ("我是说村长拿钱了 能匿名吗", "我是说村长拿钱了"),
        ("我在村上 能匿名吗", "我在村上"),
    ],
)
def test_someone_elses_relation_or_the_story_stays(text: str, kept: str) -> None:
    assert split(text) == (True, kept)


def test_without_a_safety_question_nothing_is_taken() -> None:
    text = "我是他亲侄子 他把低保给了自己家"
    assert split(text) == (False, text)


def test_a_name_said_with_the_question_at_the_story_step_is_not_stored(engine: Engine) -> None:
    v = bound_villager(engine, "o-self-told")
    for text in ("3", "1", "村里的低保钱都给了他家亲戚 好几年了"):
        v.say(text)
    answered = v.say("我叫马明 能不能匿名")
    assert "匿名" in answered and "马明" not in answered
    for text in ("好了", "1", "跳过", "2"):
        v.say(text)
    assert "已提交" in v.say("1")
    with make_sessionmaker(engine)() as session:
        stored = session.scalars(select(Case.description).order_by(Case.id.desc()).limit(1)).one()
    assert "亲戚" in stored and "马明" not in stored and "我叫" not in stored
