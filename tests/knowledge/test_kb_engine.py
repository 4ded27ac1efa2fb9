"""The standalone engine on a small list of documents: dialect, typos, homophones, scope, refusal."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.aliases import AliasTable
from knowledge.analyzer import Analyzer
from knowledge.bm25 import _counted
from knowledge.engine import SMALL_INDEX, Doc, SearchEngine, _numbered
from knowledge.terms import PolicyTerms

DOCS = [
    Doc(
        "microcredit-apply",
        "脱贫人口小额信贷怎么申请",
        ["扶贫小额贷款怎么申请", "我想贷款发展产业去哪办", "小额信贷要什么条件", "贷款5万要担保吗", "贷款利息谁出"],
        ["microcredit"],
    ),
    Doc(
        "yulu-plan",
        "雨露计划补助怎么领",
        [
            "孩子读中职有补助吗",
            "雨露计划每年补多少钱",
            "上高职的补助怎么申请",
            "雨露计划要交什么材料",
            "补助什么时候发",
        ],
        ["yulu-plan"],
    ),
    Doc(
        "dibao-apply",
        "低保怎么申请",
        ["家里困难能吃低保吗", "低保标准是多少", "申请低保要什么材料", "低保被取消了怎么办", "低保多久复核一次"],
        ["dibao"],
    ),
    Doc(
        "treat-first",
        "住院先诊疗后付费",
        ["住院要不要交押金", "先诊疗后付费谁能享受", "出院怎么一站式结算", "县里住院能先看病吗", "看病先不交钱行吗"],
        ["treat-first-pay-later"],
    ),
    Doc(
        "report-hotline",
        "怎样反映问题",
        ["12388怎么打", "发现干部贪污怎么举报", "可以匿名举报吗", "举报要什么证据", "举报打哪个电话"],
        ["how-to-report"],
    ),
    Doc(
        "report-hotline-630223",
        "互助县反映问题电话",
        ["互助县纪委电话多少", "在互助县怎么举报", "互助县举报电话", "本县纪委在哪里", "县里举报电话是多少"],
        ["how-to-report"],
        scope="630223",
        replaces="report-hotline",
    ),
]


@pytest.fixture(scope="module")
def engine() -> SearchEngine:
    return SearchEngine(DOCS)


def top(engine: SearchEngine, text: str, county: str | None = None) -> str | None:
    result = engine.search(text, county_code=county)
    return result.hits[0].entry_id if result.hits else None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("俺想贷点款养牛咋弄", "microcredit-apply"),  # dialect
        ("扶贫贷咋申请", "microcredit-apply"),  # colloquial alias
        ("娃上中专有啥补助", "yulu-plan"),
        ("先看病后交钱是咋回事", "treat-first"),
        ("低保咋申请", "dibao-apply"),
    ],
)
def test_dialect_and_colloquial_forms(engine: SearchEngine, question: str, expected: str) -> None:
    assert top(engine, question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("雨露计化每年补多少", "yulu-plan"),  # voice homophone
        ("滴保标准是多少", "dibao-apply"),
        ("地保被取消了咋办", "dibao-apply"),
        ("住院要不要交压金", "treat-first"),
        ("小额信代要啥条件", "microcredit-apply"),
        ("ＬＯＷ保 低报咋申请", "dibao-apply"),
    ],
)
def test_typos_and_homophones(engine: SearchEngine, question: str, expected: str) -> None:
    assert top(engine, question) == expected


def test_hits_carry_id_topics_score_title(engine: SearchEngine) -> None:
    result = engine.search("雨露计划每年补多少钱")
    hit = result.hits[0]
    assert (hit.entry_id, hit.topics, hit.title) == ("yulu-plan", ("yulu-plan",), "雨露计划补助怎么领")
    assert hit.score > 0
    assert result.confident and not result.out_of_scope
    assert [h.score for h in result.hits] == sorted((h.score for h in result.hits), reverse=True)


def test_policy_term_is_detected(engine: SearchEngine) -> None:
    assert "雨露计划" in engine.search("雨露计划咋领").policy_terms


def test_local_entry_replaces_the_national_one_for_its_county(engine: SearchEngine) -> None:
    assert top(engine, "举报电话是多少") == "report-hotline"
    assert top(engine, "举报电话是多少", county="630223") == "report-hotline-630223"
    ids = [h.entry_id for h in engine.search("举报电话是多少", county_code="630223", limit=10).hits]
    assert "report-hotline" not in ids


def test_local_entry_without_replaces_adds_to_the_national_ones() -> None:
    adds = [d if d.scope == "national" else Doc(d.id, d.title, d.questions, d.topics, scope=d.scope) for d in DOCS]
    engine = SearchEngine(adds)
    assert top(engine, "互助县纪委电话多少", county="630223") == "report-hotline-630223"
    assert top(engine, "12388怎么打", county="630223") == "report-hotline"


def test_local_entry_is_not_seen_elsewhere(engine: SearchEngine) -> None:
    for county in (None, "630102", "620102"):
        ids = [h.entry_id for h in engine.search("互助县纪委电话多少", county_code=county, limit=10).hits]
        assert "report-hotline-630223" not in ids


def test_province_scope() -> None:
    docs = [*DOCS, Doc("qh-dibao", "青海低保标准", ["青海低保每月多少钱"] * 5, ["dibao"], scope="63")]
    engine = SearchEngine(docs)
    assert top(engine, "青海低保每月多少钱", county="630223") == "qh-dibao"
    assert top(engine, "青海低保每月多少钱", county="620102") != "qh-dibao"


@pytest.mark.parametrize("question", ["今天天气咋样", "你好", "讲个笑话", "明天下雨不", "手机话费咋充", "", "？？"])
def test_out_of_scope(engine: SearchEngine, question: str) -> None:
    result = engine.search(question)
    assert result.out_of_scope
    assert not result.confident


def test_unsure_question_is_not_confident(engine: SearchEngine) -> None:
    result = engine.search("咋申请")
    assert not result.out_of_scope
    assert not result.confident


def test_any_faq_data_works_without_the_knowledge_base() -> None:
    engine = SearchEngine(
        [
            Doc("a", "How to reset a password", ["forgot my password", "reset password"]),
            Doc("b", "Opening hours", ["when are you open"]),
        ]
    )
    assert top(engine, "I forgot the password") == "a"


def test_a_bare_policy_term_gets_the_overview_of_its_topic() -> None:
    docs = [
        Doc(
            "dibao-refused",
            "低保被取消咋办",
            ["低保被取消了", "低保被停了找谁", "低保不给批", "低保名额被顶了"],
            ["dibao"],
        ),
        Doc("dibao-apply", "低保怎么申请", ["低保怎么申请", "吃低保要啥条件"], ["dibao"], overview=True),
    ]
    engine = SearchEngine(docs)
    assert top(engine, "低保") == "dibao-apply"
    assert top(engine, "低保停了咋办") == "dibao-refused"  # not bare: the overview is not preferred


def test_a_policy_term_counts_for_every_entry_of_its_topic() -> None:
    # 特困 is in the first entry's texts only; the question is about care, which the second answers
    docs = [
        Doc("tekun-who", "特困供养谁能享受", ["特困老人的条件", "特困老人一个月领多少"], ["tekun"], overview=True),
        Doc("tekun-care", "在家养还是去敬老院", ["老人病了没人照顾", "生活不能自理谁来照料"], ["tekun"]),
    ]
    analyzer = Analyzer(aliases=AliasTable({}), terms=PolicyTerms({"特困": ["tekun"]}))
    engine = SearchEngine(docs, analyzer=analyzer)
    assert top(engine, "特困老人没人照顾") == "tekun-care"
    assert top(engine, "特困") == "tekun-who"  # a bare term: still the overview that holds it


def test_characters_match_when_the_bigrams_do_not() -> None:
    docs = [
        Doc(
            "insurance", "农业保险保费谁交", ["庄稼保险自己交多少", "种地上保险政府补多少"], ["agricultural-insurance"]
        ),
        Doc("pension", "养老金怎么领", ["养老金每月领多少", "养老金去哪办"], ["elderly-support"]),
    ]
    assert top(SearchEngine(docs), "保的险是谁交的") == "insurance"


def test_large_index_agrees_with_exact_scoring() -> None:
    """Beyond SMALL_INDEX entries the engine scores a pool; an entry that stands out is still found."""
    filler = [Doc(f"f{i}", f"其他事项{i}号", [f"第{i}件别的事情怎么办", f"别的问题{i}找谁"]) for i in range(500)]
    engine = SearchEngine([*filler, *DOCS])
    assert len(engine) > SMALL_INDEX
    assert top(engine, "雨露计划每年补多少钱") == "yulu-plan"
    assert top(engine, "俺想贷点款养牛咋弄") == "microcredit-apply"


def test_build_numbering_matches_numpy() -> None:
    rng = np.random.default_rng(3)
    values = rng.integers(0, 5000, 20_000)
    unique, inverse = _numbered(values, 5000)
    expected_unique, expected_inverse = np.unique(values, return_inverse=True)
    assert (unique == expected_unique).all() and (inverse == expected_inverse.reshape(-1)).all()
    keys, counts = _counted(values.copy())
    expected_keys, expected_counts = np.unique(values, return_counts=True)
    assert (keys == expected_keys).all() and (counts == expected_counts).all()
