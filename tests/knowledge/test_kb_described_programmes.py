"""Programmes asked for by what they give, not by name, and siblings told apart (issue #19, fresh set 4's
misses): the money for a poor family's child at a vocational school is 雨露计划; shares in the village
collective are the collective's dividend, not the poverty-fund shares; 贷保 typed for 低保.
Phrasings of our own, not the eval sets', with negatives."""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase

LEDU_VILLAGE = "630202101201"


def _top(question: str) -> str | None:
    top = KnowledgeBase.load_default().search(question, county_code=LEDU_VILLAGE).top
    return top.entry_id if top else None


def _top3(question: str) -> list[str]:
    hits = KnowledgeBase.load_default().search(question, county_code=LEDU_VILLAGE).hits
    return [hit.entry_id for hit in hits[:3]]


@pytest.mark.parametrize(
    "question",
    [
        "脱贫户家的孩子在技工学校念书 每年国家给的那笔钱有多少",
        "家里是脱贫户 孩子上职高了 一年补个三千左右的那个钱谁能拿",
    ],
)
def test_vocational_school_money_for_a_poor_family_is_yulu(question: str) -> None:
    assert _top(question) in {"yulu-plan-basics", "yulu-plan-apply"}


def test_free_tuition_at_a_vocational_school_stays_the_grant() -> None:
    # Negative: asking about tuition itself is the high-school and vocational grant, not 雨露计划.
    assert _top("上中职要不要交学费") == "high-school-aid-grant"


@pytest.mark.parametrize("question", ["村里集体的股份 每个人头算一股吗", "村里集体经济入的股 年底每个人分多少钱"])
def test_shares_in_the_village_collective_are_its_dividend(question: str) -> None:
    assert _top(question) == "collective-economy-dividend"


def test_poverty_fund_shares_stay_the_industry_dividend() -> None:
    # Negative: poverty-relief money put into a co-operative is the industry-support dividend.
    assert _top("扶贫的钱入股了养牛场 分红一年给多少") == "industry-support-dividend"


def test_dai_bao_typed_for_di_bao() -> None:
    assert set(_top3("贷保每年都要重新查一遍吗")) & {"dibao-apply", "dibao-refused"}


def test_a_loan_is_not_read_as_di_bao() -> None:
    # Negative: 贷款 alone is never rewritten to 低保.
    assert not set(_top3("贷款要找人担保吗")) & {"dibao-apply", "dibao-refused"}
