"""Causes of fresh set 6's misses (issue #19), each fixed in general and tested with phrasings of our own,
not the eval set's, and with negatives.

Refused although the best entry was right: a programme named by the money it pays (高龄的钱, 救急的钱),
reimbursement said as 门诊报, and money promised against money received (说补三万 到手两万 剩下的哪去了),
which tells a problem and is public money even when no programme is named."""

from __future__ import annotations

import pytest

from knowledge.analyzer import describes_trouble
from knowledge.base import KnowledgeBase
from knowledge.story import tells_shortfall

LEDU_VILLAGE = "630202101201"


def _search(question: str):  # type: ignore[no-untyped-def]
    return KnowledgeBase.load_default().search(question, county_code=LEDU_VILLAGE)


def _top(question: str) -> str | None:
    top = _search(question).top
    return top.entry_id if top else None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("我妈九十了 那个高龄的钱一个月给多少", "elderly-age-allowance"),
        (
            "家里男人突然走了 办丧事一分钱没有 有没有救急的钱",
            {"temporary-assistance-urgent", "temporary-assistance-apply"},
        ),
        ("糖尿病的药天天吃 门诊能报不", {"chronic-disease-two-diseases", "chronic-disease-basics"}),
    ],
)
def test_a_programme_named_by_its_money_is_answered(question: str, expected: str | set[str]) -> None:
    result = _search(question)
    assert not result.out_of_scope
    wanted = {expected} if isinstance(expected, str) else expected
    assert _top(question) in wanted


@pytest.mark.parametrize("question", ["高龄产妇生娃有危险不", "门诊几点开门", "借给他的钱哪去了"])
def test_the_same_words_elsewhere_stay_out_of_scope(question: str) -> None:
    # Negatives: 高龄 of a mother, a clinic's hours, a private loan gone: none is public support.
    assert _search(question).out_of_scope


@pytest.mark.parametrize("text", ["补助说给两万 剩下的哪去了", "村里的钱都跑哪去了", "其余的钱去哪了"])
def test_money_gone_missing_tells_a_problem(text: str) -> None:
    assert describes_trouble(text)


@pytest.mark.parametrize("text", ["剩下的钱还有啥办法", "钱打到哪个卡上", "你去哪了"])
def test_asking_where_to_or_what_is_left_tells_none(text: str) -> None:
    assert not describes_trouble(text)


def test_two_sums_and_a_problem_tell_a_shortfall() -> None:
    assert tells_shortfall("说补三万 到手两万 剩下的哪去了", True)
    # Negatives: two sums told without a problem; one sum with one.
    assert not tells_shortfall("买车花了三万 修车又花了两万", False)
    assert not tells_shortfall("话费咋又扣了二十块", True)


@pytest.mark.parametrize(
    "question", ["房子改造说给三万 到手才两万 剩下的跑哪去了", "旧房改造说补三万块 我这就来了两万 剩下的去哪了"]
)
def test_a_renovation_paid_short_is_not_refused(question: str) -> None:
    result = _search(question)
    assert not result.out_of_scope
    assert _top(question) in {"dangerous-housing-refused", "micro-corruption-kickback"}


def test_a_private_loss_with_two_sums_stays_out_of_scope() -> None:
    # Negative: a problem and two sums, but a stolen phone and wallet, nothing public.
    assert _search("手机被偷了 里面有两千块 钱包里还有五百块").out_of_scope
