"""Refuse only what is out of scope: long stories, dialect and two questions at once (issue #19 §1)."""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase
from knowledge.story import asked_apart, asking_part, focus

LEDU_VILLAGE = "630202101201"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("庄廓土房子墙裂了好几道缝 下雨天漏水 俺家是脱贫户 能不能给改造", "dangerous-housing-apply"),
        # what is left after the insurance paid: the costly-illness entry, not the 三重保障 overview
        ("娃得了白血病花了二十多万 合作医疗报了一部分 还欠着亲戚的钱 还有啥办法", "three-layer-medical-high-cost"),
        ("羊得病死了好几只 保险能赔不", "agricultural-insurance-claim"),
        ("养老钱啥时候发", "elderly-pension"),
        ("村长冒领俺的补贴", "micro-corruption-kickback"),
    ],
)
def test_stories_and_dialect_get_their_answer_not_a_refusal(kb: KnowledgeBase, question: str, answer: str) -> None:
    result = kb.search(question, county_code=LEDU_VILLAGE)
    assert not result.out_of_scope
    assert result.top is not None and result.top.entry_id == answer


@pytest.mark.parametrize(
    ("question", "right"),
    [
        ("谁能帮我看看我家是不是监测户", {"identification-process", "return-monitoring-apply"}),
        ("种洋芋有补贴不", {"farmland-subsidy-basics", "industry-support-subsidy"}),
        ("低保咋申请 还有医保交不起咋办", {"dibao-apply"}),
    ],
)
def test_once_confidently_wrong_now_right_or_offered_as_choices(
    kb: KnowledgeBase, question: str, right: set[str]
) -> None:
    answer = kb.ask(question, county_code=LEDU_VILLAGE)
    if answer.kind == "answer":
        assert answer.entry is not None and answer.entry.id in right
    else:
        assert answer.kind == "choices" and right & {e.id for e in answer.choices}


@pytest.mark.parametrize("question", ["明天下雨不", "手抓羊肉咋煮才嫩", "牛犊子现在多少钱一头", "你好"])
def test_chat_is_still_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.search(question, county_code=LEDU_VILLAGE).out_of_scope


def test_the_question_is_found_in_the_story() -> None:
    def names(clause: str) -> bool:
        return "医疗" in clause

    story = "娃得了白血病花了二十多万 合作医疗报了一部分 还欠着亲戚的钱 还有啥办法"
    # the asking clause, the one naming a policy and the sum the trouble cost (not the debt told after)
    assert focus(story, names) == "娃得了白血病花了二十多万 合作医疗报了一部分 还有啥办法"
    assert focus("低保咋申请", names) is None


def test_two_questions_are_told_apart() -> None:
    table = {"低保": frozenset({"dibao"}), "医保": frozenset({"medical"})}

    def topics(clause: str) -> frozenset[str]:
        return frozenset().union(*(t for word, t in table.items() if word in clause))

    assert asked_apart("低保咋申请 还有医保交不起咋办", topics) == ["低保咋申请", "医保交不起咋办"]  # 还有 only joins
    assert asked_apart("低保咋申请 低保多少钱", topics) == []


def test_the_asking_clauses_name_the_policy_asked_about(kb: KnowledgeBase) -> None:
    assert asking_part("外出打工能领交通补贴 那去参加培训还给钱不") == "那去参加培训还给钱不"
    assert asking_part("低保咋申请") is None  # nothing told apart from the question
    assert asking_part("俺家房子塌了 住不成了") is None  # nothing asked
    result = kb.search("外出打工能领交通补贴 那去参加培训还给钱不", county_code=LEDU_VILLAGE)
    assert result.top is not None and result.top.entry_id == "skills-training-free"
