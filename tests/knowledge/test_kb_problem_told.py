"""A question telling a problem (钱还没到) is read so after the aliases too (Qinghai 还莫发 is 还没发), and
is not answered with confidence by the entry on a policy's standard while a sibling about a problem with
that policy is near: then the villager gets a choice. A sub-programme's name (草畜平衡奖励, 禁牧补助) in a
problem told leads to the problem entry."""

from __future__ import annotations

import pytest

from knowledge.analyzer import Analyzer
from knowledge.base import KnowledgeBase

LEDU_VILLAGE = "630202101201"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


@pytest.mark.parametrize("question", ["退耕还林的钱咋还莫发", "高龄补贴莫领上", "今年的草场补贴阿么还莫见"])
def test_a_problem_in_dialect_is_a_problem(question: str) -> None:
    assert Analyzer().analyse(question).trouble


def test_a_question_without_a_problem_tells_none() -> None:
    assert not Analyzer().analyse("禁牧补助一亩多少钱").trouble


def test_a_standard_is_no_sure_answer_to_a_problem_with_a_sibling_near(kb: KnowledgeBase) -> None:
    result = kb.search("禁牧补助标准多少 今年还没发", county_code=LEDU_VILLAGE)
    assert not result.confident
    assert {"grassland-compensation-standard", "grassland-compensation-payment"} <= {h.entry_id for h in result.hits}


def test_a_sub_programme_named_in_a_problem_leads_to_the_problem_entry(kb: KnowledgeBase) -> None:
    result = kb.search("草畜平衡奖励的钱今年一直没见着", county_code=LEDU_VILLAGE)
    assert result.top is not None and result.top.entry_id == "grassland-compensation-payment"


def test_the_standard_asked_plainly_stays_a_sure_answer(kb: KnowledgeBase) -> None:
    result = kb.search("禁牧补助一亩多少钱", county_code=LEDU_VILLAGE)
    assert result.confident
    assert result.top is not None and result.top.entry_id == "grassland-compensation-standard"
