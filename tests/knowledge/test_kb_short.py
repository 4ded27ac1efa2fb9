"""Answers shaped for a phone (issue #19 §5): the asked part first in about 150 characters, the source
in one line with single book-title marks, and 详细 / 办理 for the rest, in the chat and on the H5 page."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from knowledge.base import KnowledgeBase, format_reply
from knowledge.short import OFFER, SHORT_CHARS, answer_parts, asked_part, brief, source_line
from storage.db import make_sessionmaker
from storage.models.kb import KbHit, KbUnanswered
from storage.repos import hit_tally
from tests.cases_support import VILLAGE
from tests.h5_support import h5_client
from tests.webhook_support import Sender, event_xml, make_client, text_xml


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("雨露计划一年补多少钱", "标准"),
        ("低保咋申请", "怎么办"),
        ("在哪举报村干部", "找谁"),
        ("谁能领高龄补贴", "谁能享受"),
    ],
)
def test_the_asked_part_comes_first(kb: KnowledgeBase, question: str, part: str) -> None:
    answer = kb.ask(question)
    entry = answer.entry or answer.choices[0]
    text = brief(entry, question)
    assert asked_part(question) == part and text.startswith(f"{part}：")
    assert len(text) <= SHORT_CHARS + len("\n具体以当地公布为准")


def test_every_entry_has_a_short_answer_and_one_source_line(kb: KnowledgeBase) -> None:
    for entry in kb.entries.values():
        text = brief(entry, entry.title)
        assert 0 < len(text) <= SHORT_CHARS + len("\n具体以当地公布为准"), entry.id
        line = source_line(entry)
        assert line.startswith("依据：《") and "《《" not in line and "》》" not in line, entry.id
        assert set(answer_parts(entry.answer)) == {"谁能享受", "标准", "怎么办", "找谁"}, entry.id


def test_the_chat_reply_is_short_and_offers_the_rest(kb: KnowledgeBase) -> None:
    answer = kb.ask("雨露计划一年补多少钱")
    reply = format_reply(answer)
    first = reply.split("\n\n")[0]
    assert "依据：《" in first and first.endswith(OFFER)
    assert len(first) < len(answer.entry.answer) if answer.entry else False  # the whole answer was 300-390


@pytest.fixture
def sender(engine: Engine) -> Sender:
    return Sender(make_client(engine))


def test_detail_and_how_to_in_the_chat(sender: Sender) -> None:
    openid = "o-short-1"
    sender.reply_text(event_xml(openid, "subscribe", "qrscene_630223106213"))
    first = sender.reply_text(text_xml(openid, "雨露计划一年补多少钱"))
    assert first.splitlines()[1].startswith("标准：") and OFFER in first
    detail = sender.reply_text(text_xml(openid, "详细"))
    assert all(label in detail for label in ("谁能享受：", "标准：", "怎么办：", "找谁：")) and "依据：《" in detail
    how = sender.reply_text(text_xml(openid, "办理"))
    assert "怎么办：" in how and "找谁：" in how and "标准：" not in how


def test_the_h5_answer_is_short_first_with_the_details_folded_and_one_source(engine: Engine, tmp_path: Path) -> None:
    client = h5_client(engine, tmp_path / "media")
    page = client.get(f"/v/{VILLAGE}/search", params={"q": "低保怎么申请"}).text
    brief_at, details_at = page.index('class="text brief"'), page.index("<details")
    assert brief_at < details_at and "<summary>详细</summary>" in page
    assert page.count("依据：") == 1 and "《《" not in page and "》》" not in page


def test_the_h5_search_feeds_the_maintainers_page(engine: Engine, tmp_path: Path) -> None:
    client = h5_client(engine, tmp_path / "media")
    client.get(f"/v/{VILLAGE}/search", params={"q": "给牦牛办户口咋弄"})
    client.get(f"/v/{VILLAGE}/search", params={"q": "雨露计划一年补多少钱"})
    hit_tally.flush()  # answer counts are written after the answer's transaction, about once a second
    with make_sessionmaker(engine)() as s:
        assert [(r.text, r.reason) for r in s.scalars(select(KbUnanswered))] == [("给牦牛办户口咋弄", "refused")]
        assert sum(h.count for h in s.scalars(select(KbHit))) == 1
