"""How much one pays (医保一年交多少, 保险自己掏多少) is another ask than how much one gets (保险能赔多少,
补多少): the premium entry answers the first, the claim entry the second (knowledge.intent `pays`)."""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase
from knowledge.intent import asks, profile

LEDU_VILLAGE = "630202101201"


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("医保一年交多少", {"pays"}),
        ("上保险一只羊自己掏多少", {"pays"}),
        ("保费多少", {"pays"}),
        ("保险能赔多少", {"amount"}),
        ("种地上保险政府补多少", {"amount"}),
        ("举报电话多少", {"whom"}),
    ],
)
def test_paying_and_getting_are_told_apart(question: str, kinds: set[str]) -> None:
    assert asks(question) == kinds


def test_a_title_on_what_one_pays_answers_pays() -> None:
    weights = profile("政策性农业保险自己交多少在哪买", [])
    assert "pays" in weights and "amount" not in weights


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("种的洋芋被水淹了 保险赔多少", "agricultural-insurance-claim"),
        ("种地保险自己出多少钱", "agricultural-insurance-premium"),
        ("合作医疗今年每人掏多少", "medical-insurance-contribution"),
    ],
)
def test_each_amount_goes_to_its_entry(question: str, answer: str) -> None:
    result = KnowledgeBase.load_default().search(question, county_code=LEDU_VILLAGE)
    assert result.top is not None and result.top.entry_id == answer
