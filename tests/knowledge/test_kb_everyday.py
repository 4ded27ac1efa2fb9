"""Everyday matters that share a word with a policy (拖拉机打不着火咋修) are out of scope; the same
everyday word next to a policy the knowledge base answers (扶贫贷能买车不) is not (everyday_cues.txt)."""

from __future__ import annotations

import pytest

from knowledge.analyzer import Analyzer
from knowledge.base import KnowledgeBase

LEDU_VILLAGE = "630202101201"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


@pytest.mark.parametrize(
    "question",
    ["拖拉机打不着火咋修", "贷款买车利息多少", "光伏板上的灰咋擦", "保险公司推销的理财靠谱不", "拖拉机电瓶没电了咋整"],
)
def test_an_everyday_matter_is_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.search(question, county_code=LEDU_VILLAGE).out_of_scope


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("扶贫贷能买车不", "microcredit-misuse"),
        ("小额信贷的钱拿去买车行不行", "microcredit-misuse"),
        ("农机补贴买的拖拉机打不着火找谁", "farm-machinery-subsidy-problems"),
        ("买二手农机有补贴吗", "farm-machinery-subsidy-apply"),
    ],
)
def test_an_everyday_word_next_to_a_policy_asked_about_stays_in_scope(
    kb: KnowledgeBase, question: str, answer: str
) -> None:
    result = kb.search(question, county_code=LEDU_VILLAGE)
    assert not result.out_of_scope
    assert answer in [h.entry_id for h in result.hits[:2]]


def test_everyday_needs_no_word_of_support_besides_the_policy_terms() -> None:
    analyzer = Analyzer()
    assert analyzer.analyse("贷款买车利息多少").everyday  # 贷款 names a product here
    assert not analyzer.analyse("买车有补贴不").everyday  # 补贴: asked about support
    assert not analyzer.analyse("拖拉机咋申请补贴").everyday  # no everyday word
    assert not analyzer.analyse("拖拉机打不着火", with_terms=False).everyday  # entries' texts are not read so


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("种洋芋有补贴不", "industry-support-subsidy"),  # the crop's topics, not the potato harvester's
        ("种青稞有补贴没", "industry-support-subsidy"),
        ("种洋芋能上保险不", "agricultural-insurance-premium"),
        ("种洋芋想买台收获机能补贴不", "farm-machinery-subsidy-apply"),
    ],
)
def test_a_crop_points_to_the_topics_that_speak_of_growing_it(kb: KnowledgeBase, question: str, answer: str) -> None:
    result = kb.search(question, county_code=LEDU_VILLAGE)
    assert result.top is not None and result.top.entry_id == answer


@pytest.mark.parametrize("question", ["种洋芋啥时候下种好", "种洋芋咋施肥"])
def test_how_to_grow_a_crop_is_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.search(question, county_code=LEDU_VILLAGE).out_of_scope


@pytest.mark.parametrize("question", ["实名举报了 结果村里都知道是俺 咋整", "俺举报的事被泄露了"])
def test_a_reporter_whose_name_got_out_gets_the_confidentiality_entry_first(kb: KnowledgeBase, question: str) -> None:
    result = kb.search(question, county_code=LEDU_VILLAGE)
    assert result.top is not None and result.top.entry_id == "whistleblower-confidential"
