"""Causes found by blind dialogue set O (group a: the report's steps), fixed by general rules. Phrasings here
are not set O's.

- (a) Hesitation words said as clauses of their own (那个, 就是说, 嗯, 呃) around a pick or an answer, at any
  step: they count for nothing; 那个人 and a lone 嗯 are untouched.
"""

from __future__ import annotations

import pytest

from bot.reading.choices import pick
from bot.reading.normal_form import normalise
from bot.reading.step_answers import means

CATEGORIES = ("扶贫资金", "评定不公", "吃拿卡要", "政策没落实", "项目质量", "家庭困难", "其他")


@pytest.mark.parametrize(
    ("text", "number"),
    [("呃 就是 2", 2), ("那个 第五个 嗯", 5), ("嗯 那个 4 吧", 4), ("就是说 那个 三", 3), ("那个，那个，1。", 1)],
)
def test_a_fillers_around_a_pick_leave_the_pick(text: str, number: int) -> None:
    assert pick(text, CATEGORIES) == number, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("呃 说完了", "done"),
        ("那个 那个 没别的了 嗯", "done"),
        ("就是说 照片 没有", "skip"),
        ("嗯 那个 不留名字", "anonymous"),
        ("呃 那个 实名", "real_name"),
        ("那个 确认", "confirm"),
    ],
)
def test_a_fillers_around_a_step_answer_leave_the_answer(text: str, kind: str) -> None:
    assert means(text, kind), text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("那个人把钱拿走了", "那个人把钱拿走了"),  # 那个 inside a clause is a word, not a filler
        ("嗯", "嗯"),  # alone, still an answer
        ("就是", "就是"),
        ("嗯 嗯", "嗯嗯"),
        ("就是那个会计", "就是那个会计"),
    ],
)
def test_a_fillers_only_go_as_whole_clauses_beside_other_words(text: str, kept: str) -> None:
    assert normalise(text) == kept


def test_a_fillers_do_not_make_a_story_an_answer() -> None:
    assert not means("那个 会计 那个 把钱 拿走了", "done")
    assert pick("那个 村上 收了 三百 块钱", CATEGORIES) is None
