"""Policy questions in the chat: answers, numbered follow-ups, choices with hand-over, out of scope, voice."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from storage.db import make_sessionmaker
from storage.models import Inquiry
from storage.repos import inquiries
from tests.webhook_support import Sender, make_client, text_xml, xml_message


@pytest.fixture
def sender(engine: Engine) -> Sender:
    return Sender(make_client(engine))


def test_menu_item_1_prompts_then_answers(sender: Sender) -> None:
    assert "问题" in sender.reply_text(text_xml("o-a1", "1"))
    reply = sender.reply_text(text_xml("o-a1", "俺想贷款养牛 扶贫小额贷款咋申请"))
    # the short answer (issue #19): how to apply, asked for first; the source; 详细 / 办理 for the rest
    assert "怎么办：" in reply and "依据：《" in reply and "回复「办理」" in reply
    assert len(reply.encode()) <= 2048


def test_free_text_is_a_policy_question_and_digits_follow_up(sender: Sender) -> None:
    reply = sender.reply_text(text_xml("o-a2", "俺家是低保户 低保咋申请"))
    assert "回复数字" in reply and "低保" in reply
    # Whether it answered (with related questions) or offered choices, "1" picks the first number shown.
    follow = sender.reply_text(text_xml("o-a2", "1"))
    assert "谁能享受" in follow and follow != reply


def test_voice_recognition_goes_through_the_same_search(sender: Sender) -> None:
    body = "<MediaId>v1</MediaId><Format>amr</Format><Recognition>雨露计化补助咋申请</Recognition><MsgId>6601</MsgId>"
    reply = sender.reply_text(xml_message("o-a3", "voice", body))
    assert "雨露计划" in reply


def test_out_of_scope_says_what_the_service_does(sender: Sender) -> None:
    reply = sender.reply_text(text_xml("o-a4", "明天下雨不"))
    assert "政策咨询" in reply and "反映问题" in reply
    assert "谁能享受" not in reply


def test_choices_hand_over_to_staff_as_an_inquiry(sender: Sender, engine: Engine) -> None:
    reply = ""
    for question in ("补助", "政策", "钱", "办事找谁", "申请"):
        reply = sender.reply_text(text_xml("o-a5", question))
        if "都不是" in reply:
            break
    assert "都不是" in reply, reply
    handoff = next(line.split(".")[0] for line in reply.splitlines() if "都不是" in line)
    assert "工作人员" in sender.reply_text(text_xml("o-a5", handoff))
    with make_sessionmaker(engine)() as s:
        row = next(r for r in s.scalars(select(Inquiry)) if inquiries.asker(r) == "o-a5")
        assert row is not None and row.status == "open" and row.question == question


def test_menu_word_leaves_the_question_flow(sender: Sender) -> None:
    sender.reply_text(text_xml("o-a6", "1"))
    assert "请回复数字" in sender.reply_text(text_xml("o-a6", "菜单"))
