"""An entry whose title only names its policy (先诊疗后付费和一站式结算) answers what that policy is: the
asked-kind tie-breaker prefers it to a sibling about a problem with the same policy when the question
asks what something is. A title that asks something, or tells a problem, is read as before."""

from __future__ import annotations

from knowledge.base import KnowledgeBase
from knowledge.intent import asks, profile

LEDU_VILLAGE = "630202101201"


def test_a_title_naming_a_policy_answers_what_it_is() -> None:
    assert "what" in profile("先诊疗后付费和一站式结算", [])
    assert "what" not in profile("医院让交押金或不给一站式结算怎么办", [])  # a problem
    assert "what" not in profile("过渡期结束后帮扶政策还有", [])  # 还有没有: a question
    assert profile("低保谁能吃怎么申请", []).keys() == {"eligible", "apply"}  # asks, as before


def test_is_a_what_reads_as_asking_what() -> None:
    assert "what" in asks("一站式结算是个什么")


def test_what_a_policy_is_goes_to_the_entry_naming_it() -> None:
    kb = KnowledgeBase.load_default()
    for question in ("一站式结算是个啥", "出院结账说的一站式结算是什么意思"):
        result = kb.search(question, county_code=LEDU_VILLAGE)
        assert result.top is not None and result.top.entry_id == "treat-first-pay-later-basics"
