"""A word of public support typed by voice (补主 for 补助, 干不 for 干部) is repaired like a policy word,
so it still tells the search that the question is about public support; chit-chat stays refused."""

from __future__ import annotations

import pytest

from knowledge.analyzer import Analyzer
from knowledge.base import KnowledgeBase

LEDU_VILLAGE = "630202101201"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


@pytest.mark.parametrize(
    ("question", "meant"),
    [("家里羊死了 有啥补主没", "补助"), ("村理的干不说这事归他管", "干部")],
)
def test_a_support_word_said_by_voice_is_repaired(question: str, meant: str) -> None:
    analysed = Analyzer().analyse(question)
    assert meant in analysed.text
    assert analysed.cue


def test_a_repaired_support_word_keeps_the_question_in_scope(kb: KnowledgeBase) -> None:
    result = kb.search("家里羊死了 有啥补主没", county_code=LEDU_VILLAGE)
    assert not result.out_of_scope
    assert {"disaster-relief-living", "agricultural-insurance-claim"} & {h.entry_id for h in result.hits[:2]}


@pytest.mark.parametrize("question", ["明天下雨不", "今天猪肉多少钱一斤", "晚上吃啥饭好"])
def test_chit_chat_stays_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.search(question, county_code=LEDU_VILLAGE).out_of_scope
