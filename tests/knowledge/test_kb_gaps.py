"""The gap topics villagers in Haidong ask about now answer (issue #19 §3)."""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("退耕还林补助今年还发不发", "returning-farmland-subsidy"),
        ("俺两个闺女 计划生育的钱咋领", "family-planning-reward"),
        ("改厕补助找谁要", "toilet-renovation-subsidy"),
        ("合作医疗今年交多少", "medical-insurance-contribution"),
        ("想当生态护林员找谁报名", "ecological-ranger"),
        ("残疾人要轮椅去哪申请", "disability-employment-aids"),
        ("羊死了保险咋理赔", "agricultural-insurance-claim"),
        ("在西宁工地打工老板欠钱不给", "wage-arrears-help"),
        ("儿女不给老人养老钱咋办", "family-disputes-where"),
        ("离婚了娃归谁 找谁说", "family-disputes-where"),
        ("土地流转合同咋签", "land-contract-transfer"),
        ("吃水有问题找谁", "drinking-water-repair"),
    ],
)
def test_gap_topic_answers(kb: KnowledgeBase, question: str, entry_id: str) -> None:
    answer = kb.ask(question, county_code="630202")
    offered = [answer.entry.id] if answer.entry else [e.id for e in answer.choices]
    assert entry_id in offered, (answer.kind, offered)


def test_gap_entries_cite_a_dated_document(kb: KnowledgeBase) -> None:
    new = ["returning-farmland-subsidy", "family-planning-reward", "toilet-renovation-subsidy", "wage-arrears-help"]
    for entry_id in new:
        entry = kb.entries[entry_id]
        assert entry.sources and all(s.name.startswith("《") and s.date for s in entry.sources)
