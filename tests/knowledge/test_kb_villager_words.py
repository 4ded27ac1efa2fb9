"""Villagers' words the search now reads (issue #19): an alias no longer joins the end of one word to the
next (退耕的地 补助 is not 地补, the farmland subsidy); parents who have died (爹妈都过世了: 孤儿); grown children
not supporting their parents (儿女不养老人: 赡养); 大夫 for 医生; a doctor who never comes tells a problem.
Phrasings of our own, not the eval sets'."""

from __future__ import annotations

import pytest

from knowledge.aliases import default_aliases
from knowledge.analyzer import describes_trouble
from knowledge.base import KnowledgeBase

LEDU_VILLAGE = "630202101201"


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        ("退耕的地补助", "退耕的地补助"),
        ("地补多少", "耕地地力保护补贴多少"),
        ("种地补助多少", "耕地地力保护补贴多少"),
    ],
)
def test_an_alias_does_not_join_two_words(text: str, rewritten: str) -> None:
    assert default_aliases().rewrite(text) == rewritten


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("退耕的地 补助一年给多少", "returning-farmland-subsidy"),
        ("种地补贴一亩多少", "farmland-subsidy-basics"),
        ("娃的爹妈都过世了 跟着奶奶 能领啥补助", "children-orphan-allowance"),
        ("女儿不管俺 俺六十八了 找谁说理", "family-disputes-where"),
        ("儿女不养老人 村上管不管", "family-disputes-where"),
    ],
)
def test_villager_words_find_their_entry(question: str, answer: str) -> None:
    result = KnowledgeBase.load_default().search(question, county_code=LEDU_VILLAGE)
    assert not result.out_of_scope
    assert result.top is not None and result.top.entry_id == answer


@pytest.mark.parametrize(
    ("text", "told"), [("签约医生一年都不来", True), ("医生来不来", False), ("家庭医生能上门不", False)]
)
def test_a_doctor_who_never_comes_is_a_problem(text: str, told: bool) -> None:
    assert describes_trouble(text) is told
