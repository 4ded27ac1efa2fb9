"""Two asking clauses that name two topics are two questions (低保咋申请 还有医保交不起咋办) unless one
entry speaks of both: then they are one question about it (村集体的收入 … 要公开不: the collective's
accounts made public), answered by that entry first."""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase
from knowledge.story import asked_apart

LEDU_VILLAGE = "630202101201"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


def test_one_entry_answering_both_clauses_comes_first(kb: KnowledgeBase) -> None:
    question = "村集体的收入一年多少 要公开不"
    assert len(asked_apart(question, kb.engine._topics_named)) == 2  # read as two questions...
    result = kb.search(question, county_code=LEDU_VILLAGE)
    assert result.top is not None and result.top.entry_id == "collective-economy-disclosure"  # ... one entry


def test_two_policies_asked_at_once_still_get_an_answer_each(kb: KnowledgeBase) -> None:
    result = kb.search("低保咋申请 还有医保交不起咋办", county_code=LEDU_VILLAGE)
    assert not result.confident
    assert result.hits[0].entry_id == "dibao-apply"
    assert "dibao" not in result.hits[1].topics  # the second question's answer, not another 低保 entry
