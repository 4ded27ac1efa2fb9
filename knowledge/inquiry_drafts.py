"""A new entry drafted from a staff answer to a villager's question (an inquiry, 转人工): what the
browser's entry form is opened with (handlers/admin/kb_from_inquiry.py), reviewed like any other entry.

The topic is guessed only when it fits: when the knowledge base as served answers the question with an
entry (its own confident answer, not a list of choices), the new entry gets that entry's first topic.
Otherwise no topic is guessed and the maintainer chooses one; the entries a search merely offered (养蜂补贴
got 农机购置补贴 and 群众身边的腐败 that way) say nothing about what the question is about.
"""

from __future__ import annotations

from knowledge.base import KnowledgeBase

TITLE_CHARS = 40


def draft_title(question: str) -> str:
    question = " ".join(question.split())
    return question if len(question) <= TITLE_CHARS else question[:TITLE_CHARS] + "…"


def fitting_topics(kb: KnowledgeBase, question: str, county: str | None) -> list[str]:
    """The first topic of the entry the knowledge base answers the question with, or none."""
    answer = kb.ask(question, county_code=county)
    if answer.kind != "answer" or answer.entry is None or not answer.entry.topics:
        return []
    return [answer.entry.topics[0]]
