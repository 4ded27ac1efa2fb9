"""The `asks:` field: an entry saying which kinds of question it answers (apply, amount, whom, ...), which
the tie-breaker between entries of one topic reads instead of the kinds its title states."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from knowledge.engine import Doc, SearchEngine
from knowledge.intent import ASKS, TITLE_WEIGHT, profile
from knowledge.schema import ASK_KINDS
from tests.knowledge.test_kb_check import entry, messages, run

# The overview of a topic, whose title says who may apply and how, and a sibling about a problem
# (appraisal refused) whose variants hold the question's words many times over.
HOUSING = [
    Doc(
        "housing-apply",
        "危房改造谁能申请",
        ["危房改造咋申请", "危改补助多少钱", "土房子漏雨能不能给修", "危改归哪个部门管", "房子裂了能改造不"],
        ["dangerous-housing"],
        overview=True,
    ),
    Doc(
        "housing-refused",
        "危房不给鉴定咋办",
        ["危房鉴定不公平咋办", "危改补助被扣了", "村里不给报危改", "申请危改一直没人来看", "危改钱没拿全找谁"],
        ["dangerous-housing"],
    ),
]


def test_the_kinds_are_those_the_question_reader_knows() -> None:
    assert set(ASKS) == set(ASK_KINDS)


def test_declared_kinds_replace_the_titles() -> None:
    title, variants = "危房改造谁能申请", ["危房改造咋申请", "危改补助多少钱"]
    by_title = profile(title, variants)
    declared = profile(title, variants, ("whom", "amount"))
    assert by_title["eligible"] >= TITLE_WEIGHT and "whom" not in by_title
    assert declared["whom"] == TITLE_WEIGHT
    assert declared["amount"] > TITLE_WEIGHT  # the variant asking it still adds its share
    assert "eligible" not in declared  # the maintainers did not list it


def test_an_entry_listing_whom_is_lifted_and_the_answer_becomes_a_choice() -> None:
    question = "危房鉴定找谁"
    plain = SearchEngine(HOUSING).search(question)
    assert plain.hits[0].entry_id == "housing-refused"  # the words alone lean to the problem entry
    said = [replace(HOUSING[0], asks=("eligible", "apply", "whom")), HOUSING[1]]
    result = SearchEngine(said).search(question)
    lifted = {h.entry_id: h.score for h in result.hits}["housing-apply"]
    assert lifted > {h.entry_id: h.score for h in plain.hits}["housing-apply"]
    assert result.hits[0].entry_id == "housing-apply" or result.hits[0].score - lifted < 0.2
    assert not result.confident  # a sibling answering what is asked came near: offered as a choice


def test_a_question_asking_nothing_is_left_alone() -> None:
    said = [replace(HOUSING[0], asks=("whom",)), HOUSING[1]]
    for question in ("危房鉴定不公平", "房子裂了"):
        before = SearchEngine(HOUSING).search(question)
        after = SearchEngine(said).search(question)
        assert [(h.entry_id, h.score) for h in before.hits] == [(h.entry_id, h.score) for h in after.hits]


def test_kb_check_accepts_the_field(tmp_path: Path) -> None:
    report = run(tmp_path, entry("a", asks=["apply", "whom"]), entry("b"))
    assert report.ok, messages(report)


@pytest.mark.parametrize(
    ("asks", "fault"), [(["apply", "phone"], "phone"), (["whom", "whom"], "twice"), ("whom", "list")]
)
def test_kb_check_refuses_an_unknown_or_repeated_kind(tmp_path: Path, asks: object, fault: str) -> None:
    report = run(tmp_path, entry("a", asks=asks))
    text = messages(report)
    assert not report.ok and "asks" in text and fault in text


def test_an_entry_of_another_topic_than_the_policy_named_is_never_a_confident_answer() -> None:
    from knowledge.base import KnowledgeBase

    kb = KnowledgeBase.load_default()
    result = kb.search("自然灾害救助多久能到", county_code="630202101201")
    assert result.top is not None
    if "disaster-relief" not in result.top.topics:  # won on 多久能到 alone: offered as a choice
        assert not result.confident
    assert "disaster-relief-living" in [h.entry_id for h in result.hits[:3]]
