"""Entries added for the gaps of issue #19 had 6-8 question variants against about 20 for the others, so a
sibling with more variants won on the whole-entry score (护林员 questions went to 公益岗位, 工地 to 就业).
Every national entry now has at least `FLOOR` variants, and the gap entries answer their own questions."""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase
from knowledge.loader import load_entries

LEDU_VILLAGE = "630202101201"
FLOOR = 12


def test_every_national_entry_has_enough_variants() -> None:
    thin = {e.id: len(e.questions) for e in load_entries() if not e.is_local and len(e.questions) < FLOOR}
    assert thin == {}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("退耕的地一亩补几个钱", "returning-farmland-subsidy"),
        ("改水厕国家给多少补助", "toilet-renovation-subsidy"),
        ("想当生态护林员 找谁报名", "ecological-ranger"),
        ("计生奖扶一年给几个钱", "family-planning-reward"),
        ("医保一年交多少", "medical-insurance-contribution"),
    ],
)
def test_a_gap_entry_answers_its_question(kb: KnowledgeBase, question: str, answer: str) -> None:
    result = kb.search(question, county_code=LEDU_VILLAGE)
    assert result.top is not None and result.top.entry_id == answer
