"""A market price (收购价, 行情, 多少钱一斤) is an everyday matter although 收购 is a word of consumption
support: the everyday word holds the cue, so the cue does not make the question a policy one. A price
question that asks about support or its rules stays in scope."""

from __future__ import annotations

import pytest

from knowledge.analyzer import Analyzer
from knowledge.base import KnowledgeBase

LEDU_VILLAGE = "630202101201"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


@pytest.mark.parametrize("question", ["牦牛肉最近啥行情", "青稞收购价今年咋样", "土豆市场价一斤多少"])
def test_a_market_price_is_refused(kb: KnowledgeBase, question: str) -> None:
    assert Analyzer().analyse(question).everyday
    assert kb.search(question, county_code=LEDU_VILLAGE).out_of_scope


def test_a_cue_inside_an_everyday_word_does_not_count() -> None:
    analyzer = Analyzer()
    assert analyzer.analyse("青稞收购价今年咋样").cue  # 收购 is a cue...
    assert analyzer.analyse("青稞收购价今年咋样").everyday  # ... but only inside 收购价
    assert not analyzer.analyse("合作社收购价比市场价低 合规不").everyday  # 合规 asks about rules


def test_a_price_next_to_a_question_of_rules_stays_in_scope(kb: KnowledgeBase) -> None:
    assert not kb.search("合作社收购价比市场价低 合规不", county_code=LEDU_VILLAGE).out_of_scope
