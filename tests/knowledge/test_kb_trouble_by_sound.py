"""A problem heard through a voice slip (钱还眉下来 is 钱还没下来) is read as one, but 每 (每个月) and 再
(再报一次) are words of their own, not slips of 没 and 在: 护林员每个月发多少 tells no problem."""

from __future__ import annotations

from knowledge.analyzer import tells_trouble


def test_a_slip_of_a_problem_word_still_tells_a_problem() -> None:
    assert tells_trouble("钱还眉下来")
    assert tells_trouble("钱到现在还眉到")


def test_every_and_again_are_not_slips() -> None:
    assert not tells_trouble("护林员每个月发多少")
    assert not tells_trouble("医保每年再交一次吗")
