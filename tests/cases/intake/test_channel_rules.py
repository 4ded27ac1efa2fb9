"""Where the channels differ, validation says so (CHANNEL_RULES): a real-name report on the H5 form gives
both name and phone, while the chat lets a villager leave both out; the name limit is the same everywhere."""

from __future__ import annotations

import pytest

from cases.validation import (
    CHANNEL_RULES,
    MAX_NAME,
    Channel,
    InvalidReport,
    check,
    contact_problems,
    name_problem,
)
from tests.cases_support import report


def problems_of(**changes: object) -> list[str]:
    try:
        check(report(anonymous=False, **changes))
    except InvalidReport as exc:
        return exc.problems
    return []


def test_every_channel_has_its_rules() -> None:
    assert set(CHANNEL_RULES) == set(Channel)


def test_a_real_name_h5_report_needs_name_and_phone() -> None:
    assert problems_of(channel=Channel.H5) == ["实名反映请填写姓名。", "实名反映请填写手机号，方便办理单位联系您。"]
    assert problems_of(channel=Channel.H5, name="张三") == ["实名反映请填写手机号，方便办理单位联系您。"]
    assert problems_of(channel=Channel.H5, name="张三", phone="13800001111") == []
    assert check(report(anonymous=True, channel=Channel.H5)) is None  # anonymous: nothing asked


@pytest.mark.parametrize("channel", [Channel.CHAT, Channel.OPEN311, Channel.DATA])
def test_other_channels_let_a_real_name_reporter_leave_both_out(channel: Channel) -> None:
    assert problems_of(channel=channel) == []
    assert problems_of(channel=channel, name="张三") == []
    assert problems_of(channel=channel, phone="13800001111") == []


@pytest.mark.parametrize("channel", list(Channel))
def test_what_is_given_is_checked_the_same_on_every_channel(channel: Channel) -> None:
    long_name = "张" * (MAX_NAME + 1)
    assert contact_problems(channel=channel, name=long_name, phone="123") == [
        f"姓名最多 {MAX_NAME} 个字。",
        "手机号应为 11 位数字，以 1 开头。",
    ]
    assert contact_problems(channel=channel, name="张" * MAX_NAME, phone="13800001111") == []


def test_the_name_limit_counts_characters_not_surrounding_spaces() -> None:
    assert name_problem("张" * MAX_NAME) is None
    assert name_problem(" " + "张" * MAX_NAME + " ") is None
    assert name_problem("张" * (MAX_NAME + 1)) == f"姓名最多 {MAX_NAME} 个字。"
