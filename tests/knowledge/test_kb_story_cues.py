"""A long story asking the state to act, in words of no policy term (庄廓…能不能给改造), is a policy question."""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase
from knowledge.loader import load_entries
from knowledge.story import asked_apart, focus


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase(load_entries())


def test_a_story_asking_for_renovation_gets_the_housing_answer(kb: KnowledgeBase) -> None:
    result = kb.search("庄廓土房子墙裂了好几道缝 下雨还漏 俺家就俺和老伴 能不能给改造", county_code="630223")
    assert not result.out_of_scope
    assert result.top is not None and result.top.entry_id == "dangerous-housing-apply"


@pytest.mark.parametrize("text", ["旧手机能改造成监控吗", "把客厅改造成卧室要多少钱"])
def test_renovating_ones_own_things_is_still_refused(kb: KnowledgeBase, text: str) -> None:
    assert kb.search(text).out_of_scope


def test_a_costly_illness_is_not_answered_with_confidence_by_the_premium_or_the_overview(kb: KnowledgeBase) -> None:
    result = kb.search("娃得了白血病花了二十多万 合作医疗报了一部分 还欠着亲戚的钱 还有啥办法")
    assert result.top is not None
    assert result.top.entry_id == "three-layer-medical-high-cost" or not result.confident
    assert "three-layer-medical-high-cost" in [h.entry_id for h in result.hits[:3]]


def test_two_questions_are_searched_without_the_words_joining_them(kb: KnowledgeBase) -> None:
    assert asked_apart("低保咋申请 还有医保交不起咋办", kb.engine._topics_named) == ["低保咋申请", "医保交不起咋办"]
    result = kb.search("低保咋申请 还有医保交不起咋办")
    assert not result.confident
    ids = [h.entry_id for h in result.hits]
    assert ids[0] == "dibao-apply" and ids[1].startswith("medical-insurance-")


def test_a_question_naming_nothing_is_searched_with_its_whole_story() -> None:
    story = "俺男人去年在工地上出事没了 俺一个人带两个娃 地也种不了 咋办"
    assert focus(story, lambda clause: False) is None  # 咋办 alone would find anything
    assert focus(story, lambda clause: clause.startswith("地")) == "地也种不了 咋办"
