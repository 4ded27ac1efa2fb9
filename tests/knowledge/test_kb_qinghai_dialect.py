"""Qinghai (Hehuang) speech: 莫 is 没 (钱还莫下来 tells a problem), 阿么 is 怎么 (aliases.yaml)."""

from __future__ import annotations

from knowledge.analyzer import Analyzer
from knowledge.base import KnowledgeBase

LEDU_VILLAGE = "630202101201"


def test_mo_is_read_as_not_and_tells_a_problem() -> None:
    analysed = Analyzer().analyse("俺家的危改钱咋还莫下来")
    assert "还没下来" in analysed.text
    assert analysed.trouble


def test_amo_is_read_as_how() -> None:
    assert "怎么申请" in Analyzer().analyse("残疾补贴阿么申请").text


def test_mo_inside_a_word_is_left_alone() -> None:
    assert "莫名其妙" in Analyzer().analyse("低保莫名其妙停了").text


def test_a_dialect_question_finds_its_entry() -> None:
    kb = KnowledgeBase.load_default()
    result = kb.search("残疾补贴阿么申请", county_code=LEDU_VILLAGE)
    assert result.top is not None and result.top.entry_id == "disability-two-subsidies"
