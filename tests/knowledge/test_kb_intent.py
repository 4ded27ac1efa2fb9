"""What a question asks for (knowledge.intent) and the tie-breaker it gives between entries of one topic."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.analyzer import Analyzer, describes_trouble
from knowledge.engine import Doc, SearchEngine, Tuning
from knowledge.intent import asks, profile

# Two entries of one topic: the standard, and what to do when the water stops (whom to call).
WATER = [
    Doc(
        "water-standard",
        "农村饮水安全的标准",
        ["吃水安全有啥标准", "饮水安全达标要求多少", "饮水安全怎么算达标", "自来水水质标准", "一天能用多少水才算安全"],
        ["drinking-water"],
    ),
    Doc(
        "water-repair",
        "停水了水管坏了找谁修",
        ["村里停水了找谁", "水管冻裂了谁来修", "自来水坏了打哪个电话", "水龙头不出水了咋办", "饮水工程坏了没人修"],
        ["drinking-water"],
    ),
    Doc(
        "dibao-apply",
        "低保谁能吃咋申请",
        ["低保咋申请", "低保要啥材料", "家里困难能吃低保吗", "低保一个月给多少", "低保找谁申请"],
        ["dibao"],
    ),
]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("低保怎么申请", {"apply"}),
        ("临时救助能给多少", {"amount"}),
        ("饮水安全报修电话多少", {"whom"}),  # a phone number's 多少 asks whom to call, not how much
        ("补助什么时候发", {"when"}),
        ("哪些人能领", {"eligible"}),
        ("三保障是什么意思", {"what"}),
        ("村里账目能查不", {"where"}),
        ("监测户能享受什么帮扶", {"gives"}),
        ("留守儿童谁来管", {"whom"}),
        ("农业保险怎么理赔", {"apply"}),
        ("你好", set()),
    ],
)
def test_asks(text: str, kinds: set[str]) -> None:
    assert asks(text) == kinds


def test_profile_weighs_the_title_and_skips_variants_telling_a_problem() -> None:
    weights = profile("低保谁能吃怎么申请", ["低保怎么申请", "低保一个月多少钱", "低保被取消了找谁"])
    assert weights["apply"] > weights["amount"] > 0.0
    assert weights["eligible"] >= 1.0  # asked by the title
    assert "whom" not in weights  # only the variant telling a problem asks whom to call


def engines() -> tuple[SearchEngine, SearchEngine]:
    on = SearchEngine(WATER)
    off = SearchEngine(WATER, tuning=replace(Tuning(), facet_boost=0.0))
    return on, off


def test_the_kind_asked_picks_between_entries_of_one_topic() -> None:
    on, off = engines()
    question = "饮水安全报修电话多少"
    assert off.search(question).hits[0].entry_id == "water-standard"  # the words alone lean to the standard
    result = on.search(question)
    assert result.hits[0].entry_id == "water-repair"
    assert not result.confident  # a tie-breaker's pick is offered, not asserted


def test_the_tie_breaker_leaves_an_entry_without_a_sibling_alone() -> None:
    on, off = engines()
    for question in ("低保一个月给多少", "低保找谁申请"):
        assert [h.entry_id for h in on.search(question).hits] == [h.entry_id for h in off.search(question).hits]
        assert on.search(question).hits[0].score == off.search(question).hits[0].score


def test_a_question_telling_a_problem_gets_no_tie_breaker() -> None:
    on, off = engines()
    question = "水管冻裂了没人修 打哪个电话"
    assert [(h.entry_id, h.score) for h in on.search(question).hits] == [
        (h.entry_id, h.score) for h in off.search(question).hits
    ]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("临时救助能给多绍", {"amount"}),  # the asking words typed by voice, read as they sound
        ("饮水安全报修典话多少", {"whom"}),
    ],
)
def test_asks_hears_a_voice_slip(text: str, kinds: set[str]) -> None:
    assert asks(text) == kinds


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("农机补贴申请了半年 钱还眉下来", True),  # 没 typed by voice as 眉
        ("农机补贴申请了半年 钱还没下来", True),
        ("农机补贴怎么申请", False),
        ("低保给不给", False),  # a question form, not a problem
        ("住院还让交押金 不是说先看病后交钱吗", True),  # a promise not kept
    ],
)
def test_a_problem_told_by_voice_is_heard(question: str, told: bool) -> None:
    assert Analyzer().analyse(question).trouble is told


def test_a_problem_in_a_variant_is_read_as_written() -> None:
    assert not describes_trouble("钱还眉下来")  # entries are written correctly: no reading by sound
