"""Issue #19 §1, in scope or not: a question of some length whose two closest entries share a topic is
a policy question at a lower coverage; terms with a plain ask (多少, 找谁) lean to the topic's overview."""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase
from knowledge.engine import Tuning


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


def test_a_policy_question_in_other_words_lands_on_one_topic_and_is_answered(kb: KnowledgeBase) -> None:
    result = kb.search("娃爸妈都在服刑 算不算事实无人抚养", county_code="630202")
    assert not result.out_of_scope and result.hits[0].entry_id == "children-orphan-allowance"
    strict = KnowledgeBase(list(kb.entries.values()), tuning=Tuning(in_scope_lexical_agreeing=0.8))
    assert strict.search("娃爸妈都在服刑 算不算事实无人抚养").out_of_scope  # the rule is what answers it


@pytest.mark.parametrize("chat", ["血压高不能吃啥", "几点了", "抖音咋开直播", "今年过年是几号"])
def test_chit_chat_stays_refused(kb: KnowledgeBase, chat: str) -> None:
    assert kb.search(chat, county_code="630202").out_of_scope


@pytest.mark.parametrize(
    ("question", "plain"),
    [("临时救助能给多少", True), ("临时救助找谁申请", True), ("低保停了咋办", False), ("低保", False)],
)
def test_plain_asks(kb: KnowledgeBase, question: str, plain: bool) -> None:
    engine = kb.engine
    query = engine.analyzer.analyse(question)
    assert (not engine._bare(query) and engine._plain(query)) is plain


def test_a_plain_ask_does_not_answer_a_sibling_with_confidence(kb: KnowledgeBase) -> None:
    result = kb.search("临时救助能给多少")
    assert not (result.confident and result.hits[0].entry_id == "temporary-assistance-urgent")
