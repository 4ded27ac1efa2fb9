"""What villagers say for a policy's subject without naming it: wages withheld (包工头跑了, 工钱要不回来:
欠薪), a child whose parents are both gone (爸妈都没了: 孤儿), a device for a disabled person (助听器,
轮椅). Each leads to its entry; a question about one's own pay slip or a civil servant's pay does not."""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase

LEDU_VILLAGE = "630202101201"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("包工头跑了咋办", "wage-arrears-help"),
        ("讨薪打啥电话", "wage-arrears-help"),
        ("被拖欠了两个月工资 去哪反映", "wage-arrears-help"),
        ("娃的爸妈都没了 跟着奶奶过 有补助不", "children-orphan-allowance"),
        ("助听器咋配 要钱不", "disability-employment-aids"),
    ],
)
def test_a_colloquial_subject_finds_its_entry(kb: KnowledgeBase, question: str, answer: str) -> None:
    result = kb.search(question, county_code=LEDU_VILLAGE)
    assert not result.out_of_scope
    assert result.top is not None and result.top.entry_id == answer


@pytest.mark.parametrize("question", ["工资条咋打印", "公务员工资多少"])
def test_pay_that_is_not_withheld_stays_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.search(question, county_code=LEDU_VILLAGE).out_of_scope
