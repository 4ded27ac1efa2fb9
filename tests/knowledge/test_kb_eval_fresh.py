"""The fresh held-out sets (tests/eval/questions_fresh.yaml to questions_fresh7.yaml): written from the topic
list alone, labelled by reading question and entries, and printed by `make eval` each as its own part, by
county, with the goals."""

from __future__ import annotations

from pathlib import Path

import pytest
from rapidfuzz import fuzz

from bench.kb_eval import (
    FRESH2_QUESTIONS,
    FRESH3_QUESTIONS,
    FRESH4_QUESTIONS,
    FRESH5_QUESTIONS,
    FRESH6_QUESTIONS,
    FRESH7_QUESTIONS,
    FRESH_QUESTIONS,
    HAIDONG_COUNTIES,
    fresh_report,
)
from bench.kb_evalset import EvalSet, Question, load_evalset
from knowledge.loader import load_entries

ENTRIES = load_entries()


def test_the_fresh_part_is_printed_by_county_with_the_goals() -> None:
    fresh = EvalSet(
        [Question("低保咋申请", ("dibao",), ("dibao-apply",)), Question("12388是干啥的电话", ("how-to-report",), ())],
        ["明天下雨不"],
    )
    lines = "\n".join(fresh_report(ENTRIES, fresh, "made-up.yaml"))
    assert "Fresh held-out, made-up.yaml (2 in scope, 1 labelled" in lines
    assert all(f"\n{code}" in lines for code in HAIDONG_COUNTIES) and "\nnone " in lines
    assert lines.count("goal >= 97") == 2 and "(worst: " in lines


@pytest.mark.parametrize(
    "path",
    [
        FRESH_QUESTIONS,
        FRESH2_QUESTIONS,
        FRESH3_QUESTIONS,
        FRESH4_QUESTIONS,
        FRESH5_QUESTIONS,
        FRESH6_QUESTIONS,
        FRESH7_QUESTIONS,
    ],
    ids=["fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7"],
)
def test_every_fresh_question_is_labelled_and_copies_no_variant(path: Path) -> None:
    fresh = load_evalset(path)
    ids = {e.id for e in ENTRIES}
    variants = [q for e in ENTRIES for q in (e.title, *e.questions)]
    for question in fresh.in_scope:
        assert question.entries and set(question.entries) <= ids, question
        assert max(fuzz.ratio(question.q, v) for v in variants) < 100, question
    assert fresh.out_of_scope
