"""The real knowledge base passes `kb check` and covers every topic."""

from __future__ import annotations

from knowledge.base import KnowledgeBase, format_reply
from knowledge.check import check
from knowledge.loader import load_entries, load_topics
from knowledge.reply import utf8_len


def test_the_knowledge_base_passes_check() -> None:
    report = check()
    assert report.ok, "\n".join(str(p) for p in report.problems)


def test_all_topics_are_covered_by_at_least_80_entries() -> None:
    entries = load_entries()
    assert len(entries) >= 80
    covered = {t for e in entries for t in e.topics}
    assert set(load_topics()) <= covered


def test_every_answer_reply_fits_in_one_message() -> None:
    kb = KnowledgeBase.load_default()
    for entry in kb.entries.values():
        answer = kb.ask(entry.questions[0], county_code=entry.scope if len(entry.scope) == 6 else None)
        assert utf8_len(format_reply(answer)) <= 2048
