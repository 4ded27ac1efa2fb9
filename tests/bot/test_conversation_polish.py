"""Section 4 end to end: 菜单 from every state, digits after an answer, the report hint, 更多 with nothing open."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from knowledge.reply import REPORT_HINT
from tests.webhook_support import Sender, event_xml, make_client, text_xml

MAIN_MENU = "请回复数字：\n1 政策咨询"


@pytest.fixture
def sender(engine: Engine) -> Sender:
    return Sender(make_client(engine))


def bound(sender: Sender, openid: str) -> str:
    sender.reply_text(event_xml(openid, "subscribe", "qrscene_630223106213"))
    return openid


@pytest.mark.parametrize(
    "enter",
    [
        ["1"],  # asking
        ["低保咋申请"],  # answered (numbers shown)
        ["2"],  # project list with 更多 pending (no projects here: idle again)
        ["切换村庄"],  # choosing a village
        ["切换村庄", "李家村"],  # village choices shown
    ],
)
def test_menu_word_always_returns_to_the_main_menu(sender: Sender, enter: list[str]) -> None:
    openid = bound(sender, f"o-m{len(enter)}{enter[-1]}")
    for text in enter:
        sender.reply_text(text_xml(openid, text))
    assert MAIN_MENU in sender.reply_text(text_xml(openid, "菜单"))


def test_digits_after_an_answer_mean_the_numbers_in_that_reply(sender: Sender) -> None:
    openid = bound(sender, "o-d1")
    reply = sender.reply_text(text_xml(openid, "俺想贷款养牛 扶贫小额贷款咋申请"))
    numbers = [line.split(".")[0] for line in reply.splitlines() if line[:1].isdigit() and ". " in line]
    assert numbers, reply
    beyond = str(len(numbers) + 2)
    hint = sender.reply_text(text_xml(openid, beyond))
    assert "请回复上面列出的数字" in hint and "项目公开】" not in hint
    picked = sender.reply_text(text_xml(openid, numbers[0]))
    assert "谁能享受" in picked and picked != reply


def test_answers_that_offer_a_report_end_with_the_hint(sender: Sender) -> None:
    openid = bound(sender, "o-h1")
    reply = sender.reply_text(text_xml(openid, "互助县在哪反映问题"))
    assert "互助" in reply and reply.endswith(REPORT_HINT)
    assert len(reply.encode()) <= 2048
    plain = sender.reply_text(text_xml(openid, "雨露计划一年补多少钱"))
    assert REPORT_HINT not in plain


def test_more_with_nothing_open_says_so(sender: Sender) -> None:
    openid = bound(sender, "o-x1")
    reply = sender.reply_text(text_xml(openid, "更多"))
    assert "没有更多内容" in reply and MAIN_MENU in reply


def test_a_complaint_no_policy_answers_is_steered_to_a_report(sender: Sender) -> None:
    openid = bound(sender, "o-c1")
    reply = sender.reply_text(text_xml(openid, "村里修路的钱被干部贪了"))
    assert "反映问题" in reply and "回答不了" not in reply
    started = sender.reply_text(text_xml(openid, "反映"))  # the report starts with what was said
    assert "已把您的话记为反映内容" in started and "扶贫资金" in started
    other = bound(sender, "o-c2")
    assert "回答不了" in sender.reply_text(text_xml(other, "今晚有球赛没"))
