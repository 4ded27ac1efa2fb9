"""Causes found by blind dialogue set L at the report's later steps, fixed by general rules. Phrasings here are
not set L's.

- (a) Done without 都: 该说的说完了, 能讲的也讲到了.
- (b) No evidence, told with why or in other words: 没拍 then a reason in one run (没照 天太黑了), a paper never
  given (收条没开, 单子也不给), where would evidence come from (上哪弄照片去), 冇 (粤语 没有).
"""

from __future__ import annotations

import pytest

from bot.reading.step_answers import means


@pytest.mark.parametrize("text", ["该说的说完了", "能讲的也讲到了", "我想说的说完了", "该说的说了 谢谢"])
def test_a_done_without_all_is_done(text: str) -> None:
    assert means(text, "done"), text


@pytest.mark.parametrize("text", ["该说的还没说完", "能说的没说完", "说的那个事还有"])
def test_a_not_done_is_not_done(text: str) -> None:
    assert not means(text, "done"), text


@pytest.mark.parametrize(
    "text",
    ["没照天太黑了", "没拍 当时吓坏了", "收条没开", "单子也不给 上哪弄照片去", "上哪弄照片去", "冇", "冇相片"],
)
def test_b_no_evidence_with_why_passes_the_step(text: str) -> None:
    assert means(text, "skip"), text


@pytest.mark.parametrize(
    "text",
    [
        "没照顾好老人",
        "没拍到 但是有录音",
        "没拍 等下就发",
        "没给钱",
        "没拍他收钱的时候我有聊天截图",
        "有照片吗",
        "没照片他把钱拿走了",
    ],
)
def test_b_evidence_still_there_or_other_words_do_not_skip(text: str) -> None:
    assert not means(text, "skip"), text
