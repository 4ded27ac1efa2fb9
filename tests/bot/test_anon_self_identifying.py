"""An anonymous report whose story tells who the reporter is (a reporter-safety review found 就这些 我就住他家隔壁
and 我是五社的马老三 怕被他整 kept in anonymous reports, said without any safety question): at the 匿名 choice those
clauses are shown and the villager deletes (1) or keeps (2) them. Someone else's relation or office is the story and
is never offered; a named report is never asked; nothing is logged with the clauses."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import Engine, select

from bot.reading.self_told import Told, found, tells_who, without
from storage.db import make_sessionmaker
from storage.models.cases import Case
from tests.report_support import Villager, bound_villager

QUESTION = "这几句可能让人认出您，要删掉吗？"


@pytest.mark.parametrize(
    "clause",
    [
        "我就住他家隔壁",  # where the reporter lives beside the accused
        "俺家就在他家对门",
        "我跟他住一个院",
        "我就住他家隔壁所以知道",
        "我是五社的马老三",  # a name
        "我叫马明",
        "本人马明",
        "我是他亲侄子",  # kin
        "我家跟书记家是亲家",
        "会计是我舅舅",
        "他是我邻居",
        "我以前当过会计",  # an office
        "我是村上的网格员",
        "我是护林员",
        "我在村委会上班",
        "我就是那个被扣了低保的人",  # the one it happened to
        "我是那家被占了地的",
        "我就是当事人",
        "我们两家是亲戚",
        "我是隔壁的",
    ],
)
def test_a_clause_telling_who_the_reporter_is_is_found(clause: str) -> None:
    assert tells_who(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "他给他小舅子报了低保",  # someone else's relation: the story
        "我们组长是他亲戚",
        "书记的亲戚领了补助",
        "村长把低保给了他侄子",
        "他是我们组长",
        "我家隔壁的老人没人管",
        "我舅舅的低保被扣了",
        "我是说村长拿钱了",
        "我在村上",
        "我是村民",
        "我是贫困户",
        "我叫他别弄了",
        "我就是这么听说的",
        "我是马家庄的",
        "就这些",
        "我们都知道",
        "我儿子",  # the reporter's own people, not the accused's
        "我家隔壁",
        "我是石匠",  # a trade, not a name
        "我是个老党员",  # a village has dozens: no post held
    ],
)
def test_someone_elses_relation_and_the_story_are_not_found(clause: str) -> None:
    assert not tells_who(clause)


def test_exactly_those_clauses_are_taken_out_evidence_lines_too() -> None:
    parts = ["村会计把补助扣了 我就住他家隔壁，天天看见", "就这些 我就住他家隔壁", "证据：我是五社的马老三 怕被他整"]
    told = found(parts)
    assert told == [Told(0, "我就住他家隔壁"), Told(1, "我就住他家隔壁"), Told(2, "我是五社的马老三")]
    assert without(parts, told) == ["村会计把补助扣了 天天看见", "就这些", "证据：怕被他整"]
    assert without(["证据：我就住他家隔壁"], found(["证据：我就住他家隔壁"])) == []
    story = ["他给他小舅子报了低保 我们组长是他亲戚"]
    assert found(story) == [] and without(story, []) == story


def _to_identity(v: Villager, story: str) -> None:
    v.say("3")
    v.say("1")
    v.say(story)
    if "哪一级的干部" in v.say("好了"):
        v.say("1")
    v.say("跳过")


def _stored(engine: Engine) -> str:
    with make_sessionmaker(engine)() as session:
        return session.scalars(select(Case.description).order_by(Case.id.desc()).limit(1)).one()


def test_deleting_takes_them_out_of_the_filed_case(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    v = bound_villager(engine, "o-anon-self-1")
    _to_identity(v, "村会计把危房补助扣了 3000 元 就这些 我就住他家隔壁")
    asked = v.say("2")
    assert QUESTION in asked and "· 我就住他家隔壁" in asked and "1 删掉" in asked and "取消" in asked
    summary = v.say("1")
    assert "已删掉" in summary and "请核对" in summary and "隔壁" not in summary
    assert "已提交" in v.say("1")
    stored = _stored(engine)
    assert "3000" in stored and "扣了" in stored and "隔壁" not in stored
    assert not any("隔壁" in r.getMessage() or "隔壁" in str(r.__dict__) for r in caplog.records)


def test_keeping_keeps_them_and_the_summary_follows(engine: Engine) -> None:
    v = bound_villager(engine, "o-anon-self-2")
    _to_identity(v, "村会计把危房补助扣了 3000 元 我是五社的马老三 怕被他整")
    assert "· 我是五社的马老三" in v.say("匿名")
    summary = v.say("2")
    assert "保留" in summary and "请核对" in summary
    assert "已提交" in v.say("1")
    assert "马老三" in _stored(engine)


def test_evidence_told_in_words_is_read_too(engine: Engine) -> None:
    v = bound_villager(engine, "o-anon-self-3")
    v.say("3")
    v.say("1")
    v.say("村会计把危房补助扣了 3000 元")
    if "哪一级的干部" in v.say("好了"):
        v.say("1")
    assert "实名" in v.say("有票 我就住他家隔壁")  # evidence told in words: on to the identity step
    asked = v.say("2")
    assert "· 我就住他家隔壁" in asked and "有票" not in asked
    v.say("删掉")
    assert "已提交" in v.say("1")
    stored = _stored(engine)
    assert "证据：有票" in stored and "隔壁" not in stored


def test_a_story_without_such_words_goes_straight_to_the_summary(engine: Engine) -> None:
    v = bound_villager(engine, "o-anon-self-4")
    _to_identity(v, "村支书给他小舅子报了低保 我们组长是他亲戚")
    summary = v.say("2")
    assert QUESTION not in summary and "请核对" in summary
    assert "已提交" in v.say("1")
    assert "小舅子" in _stored(engine) and "组长是他亲戚" in _stored(engine)


def test_a_named_report_is_never_asked(engine: Engine) -> None:
    v = bound_villager(engine, "o-anon-self-5")
    _to_identity(v, "村会计把危房补助扣了 3000 元 我就住他家隔壁")
    v.say("1")
    summary = v.say("王五 13900002222")
    assert QUESTION not in summary and "请核对" in summary
    assert "已提交" in v.say("1")
    assert "隔壁" in _stored(engine)


def test_back_and_cancel_work_at_the_question(engine: Engine) -> None:
    v = bound_villager(engine, "o-anon-self-6")
    _to_identity(v, "村会计把危房补助扣了 3000 元 我就住他家隔壁")
    assert QUESTION in v.say("2")
    assert "实名" in v.say("返回")  # back at the identity step
    assert QUESTION in v.say("2")
    assert "已取消" in v.say("取消")
    with make_sessionmaker(engine)() as session:
        assert session.scalars(select(Case.id)).first() is None


def _route_reason(engine: Engine) -> str:
    with make_sessionmaker(engine)() as session:
        return session.scalars(select(Case.route_reason).order_by(Case.id.desc()).limit(1)).one()


@pytest.mark.parametrize(
    ("answer", "said"), [("书记", "由反映内容推断反映对象为村干部"), ("1", "群众选择的反映对象为村干部")]
)
def test_the_case_says_whether_the_level_was_chosen_or_inferred(engine: Engine, answer: str, said: str) -> None:
    """A bare title at the cadre step (书记) takes its level from the story: the record must not say the villager
    chose it. A picked level (1) is the villager's choice."""
    v = bound_villager(engine, "o-anon-level-" + answer)
    v.say("3")
    v.say("2")
    v.say("村书记把低保给了他亲戚 好几年了")
    assert "哪一级的干部" in v.say("好了")
    v.say(answer)
    v.say("跳过")
    assert "请核对" in v.say("2")
    assert "已提交" in v.say("1")
    reason = _route_reason(engine)
    assert said in reason
    assert ("群众选择" in reason) == (answer == "1")
