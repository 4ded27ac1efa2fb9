"""A repeated question's reply text is made once per answer (issue #23) and stays what format_reply made."""

from __future__ import annotations

import dataclasses

from bot.emergency import urgent
from bot.hardship_story import troubles_told
from knowledge.base import KnowledgeBase, format_reply
from knowledge.reply import answer_text

HUZHU = "630223"


def test_a_kept_answer_gives_the_same_reply_and_a_reload_a_fresh_one() -> None:
    kb = KnowledgeBase.load_default()
    answer = kb.ask("低保怎么申请？", county_code=HUZHU)
    assert answer.kind == "answer" and answer.entry is not None
    first = format_reply(answer)
    assert kb.ask("低保怎么申请？", county_code=HUZHU) is answer  # kept per question and county
    assert format_reply(answer) == first
    assert first.startswith(answer_text(answer.entry.title, "", (), offers_report=False).split("\n")[0])
    # A reload builds a new base: an entry retitled there shows its new title, never the kept text.
    entries = [
        dataclasses.replace(e, title="低保申请（新）") if e.id == answer.entry.id else e for e in kb.entries.values()
    ]
    fresh = KnowledgeBase(entries).ask("低保怎么申请？", county_code=HUZHU)
    assert fresh.entry is not None and fresh.entry.id == answer.entry.id
    assert "低保申请（新）" in format_reply(fresh) and "低保申请（新）" not in first


def test_choices_and_out_of_scope_replies_are_kept_too() -> None:
    kb = KnowledgeBase.load_default()
    out = kb.ask("明天下雨不下雨", county_code=HUZHU)
    assert out.kind == "out_of_scope"
    assert format_reply(out) == format_reply(out) and "回答不了" in format_reply(out)


def test_remembered_readings_hand_out_fresh_lists_and_the_same_verdicts() -> None:
    told = troubles_told("娃得了白血病 家里没了收入")
    assert told, "the story names its trouble"
    told.append("changed by a caller")
    assert "changed by a caller" not in troubles_told("娃得了白血病 家里没了收入")
    assert urgent("农药中毒了 快来人") and urgent("农药中毒了 快来人")
    assert not urgent("农药补贴怎么申请")
