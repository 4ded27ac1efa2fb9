"""The text pipeline: voice-slip repair leaves ordinary words alone, batch index forms agree."""

from __future__ import annotations

import pytest

from knowledge.analyzer import Analyzer, char_grams, describes_trouble


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize(
    ("question", "kept", "lost"),
    [
        ("下大雪羊冻死了", "大雪", "大学"),  # snow, not university
        ("扶贫资金能修村委会办公室不", "办公室", "公示"),
        ("补助能及时发吗", "及时", "几时"),
        ("去乡政府办", "乡政府", "乡镇府"),
        ("去民政局报名", "民政局报", "举报"),  # an office, then 报名: not 举报
        ("出院了要不要拿单子去医保局报", "医保局报", "举报"),
    ],
)
def test_ordinary_words_are_not_repaired(analyzer: Analyzer, question: str, kept: str, lost: str) -> None:
    text = analyzer.analyse(question).text
    assert kept in text and lost not in text


@pytest.mark.parametrize(("question", "word"), [("医报咋交", "医保"), ("建当立卡户", "建档立卡"), ("反应问题", "反映")])
def test_voice_slips_are_still_repaired(analyzer: Analyzer, question: str, word: str) -> None:
    assert word in analyzer.analyse(question).text


def test_batch_index_forms_equal_one_by_one(analyzer: Analyzer) -> None:
    texts = ["俺家娃上中专 咋申请？", "ＡＢＣ 低保", "", "扶贫贷\n咋办", "五保户", "a  b"]
    assert analyzer.index_forms(texts) == [analyzer.index_form(t) for t in texts]
    assert analyzer.index_forms([]) == []


def test_character_terms() -> None:
    assert char_grams("低保") == ["低保", "低", "保"]
    assert char_grams("保") == ["保"]
    assert char_grams("ab") == ["ab"]
    assert char_grams("") == []


@pytest.mark.parametrize(
    ("text", "trouble"),
    [
        ("补贴一直领不了", True),  # X不了: cannot get it
        ("工钱村里扣着一半", True),
        ("补贴给不给", False),  # a question form
        ("农机补贴怎么申请", False),
    ],
)
def test_telling_of_a_problem(text: str, trouble: bool) -> None:
    assert describes_trouble(text) is trouble
