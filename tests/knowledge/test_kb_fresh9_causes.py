"""Causes of fresh set 9's misses (issue #19), each fixed in general and tested with phrasings of our own,
not the eval set's, and with negatives.

- Help in an emergency asked for without 钱 (有没有救急的, 能不能救个急) was not read as 临时救助: aliases.
- Reimbursed said with 了 (报了以后自己还得掏) was not read as 报销: aliases, with 举报/上报/申报了以后 kept.
- A house to be mended said house first (把房子修一修, 房子修修) was not 修房子: it reads 修房子, so a
  story that begins with a divorce (离婚, a family-dispute term) still reaches 危房改造.
- Getting onto a programme said as 报上 (我们家能不能报上, 报得上不) was not read as applying: aliases to
  申报, with 报上去 (sent up by the village) kept.
- Everyday matters beside a policy word were answered: learning to drive (驾校, 考驾照), noise from
  neighbours or a square (广场舞, 太吵), finding a partner (找对象, 相亲), a car's roof or window (车顶漏雨).
"""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase

LEDU_VILLAGE = "630202101201"


def _search(question: str):  # type: ignore[no-untyped-def]
    return KnowledgeBase.load_default().search(question, county_code=LEDU_VILLAGE)


def _top(question: str) -> str | None:
    result = _search(question)
    return None if result.out_of_scope or not result.hits else result.hits[0].entry_id


@pytest.mark.parametrize(
    "question",
    [
        "有没有救急的",
        "厂子倒了工钱也没拿到 家里揭不开锅了 能不能给救个急",
        "家里断顿了 村上有救急的办法没",
    ],
)
def test_emergency_help_without_money_word_is_temporary_assistance(question: str) -> None:
    assert _top(question) in {"temporary-assistance-apply", "temporary-assistance-urgent"}


def test_emergency_money_still_reads_as_before() -> None:
    assert _top("救急的钱咋这么慢") == "temporary-assistance-urgent"


@pytest.mark.parametrize(
    "question",
    [
        "爹住院花了五万 报了之后还差两万 咋办",
        "娘做了手术 报了以后还欠三万 还能找哪里",
    ],
)
def test_reimbursed_said_with_le_is_reimbursement(question: str) -> None:
    result = _search(question)
    assert "报销" in result.policy_terms
    assert _top(question) in {"three-layer-medical-high-cost", "three-layer-medical-basics"}


@pytest.mark.parametrize("question", ["举报了以后多久有结果", "村里上报了以后多久能批下来"])
def test_reported_up_or_denounced_is_not_reimbursement(question: str) -> None:
    assert "报销" not in _search(question).policy_terms


@pytest.mark.parametrize(
    "question",
    [
        "男人走了以后我一个人住 土房子漏雨 想把房子修一修",
        "老房子一下雨就漏雨 能申请把房子修一下不",
        "离婚以后带着娃住老屋 房子漏雨 想申请把房子修修",
    ],
)
def test_leaking_house_to_mend_is_dangerous_housing(question: str) -> None:
    assert _top(question) == "dangerous-housing-apply"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("家里遭了雹灾 监测户我们能报上不", "return-monitoring-apply"),
        ("低保我们家报得上不", "dibao-apply"),
    ],
)
def test_getting_onto_a_programme_is_applying(question: str, entry: str) -> None:
    assert _top(question) == entry


def test_sent_up_by_the_village_is_not_applying() -> None:
    assert _top("危改报上去没批") == "dangerous-housing-refused"


def test_divorce_alone_still_family_disputes() -> None:
    assert _top("离婚了财产咋分") == "family-disputes-where"


@pytest.mark.parametrize(
    "question",
    [
        "驾校报名学车要多少钱",
        "考驾照科目二难不难 培训几天",
        "安置小区楼下广场舞太吵 晚上睡不着",
        "搬迁房隔壁装修吵得很 咋办",
        "离婚了想找对象 相亲网站靠谱不",
        "车顶漏雨咋修",
    ],
)
def test_everyday_matters_beside_policy_words_are_refused(question: str) -> None:
    assert _search(question).out_of_scope


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("监测对象咋认定", "identification-process"),
        ("彩礼太高了村里管不管", "family-disputes-where"),
        ("搬迁户的就业有没有培训", None),
    ],
)
def test_policy_questions_near_everyday_words_stay_answered(question: str, entry: str | None) -> None:
    result = _search(question)
    assert not result.out_of_scope
    if entry is not None:
        assert result.hits[0].entry_id == entry
