"""The knowledge base as the bot uses it: entries + engine, `ask` -> Answer, and the reply text."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from knowledge.engine import Doc, SearchEngine, SearchResult, Tuning, visible
from knowledge.loader import ENTRIES_DIR, load_entries
from knowledge.reply import answer_text, choices_text, out_of_scope_text
from knowledge.schema import Entry
from knowledge.short import OFFER, brief, how_to, source_line

AnswerKind = Literal["answer", "choices", "out_of_scope"]
MAX_RELATED = 3
MAX_CHOICES = 3
# Villagers ask the same few questions over and over (低保怎么申请): answers are kept per index
# version (a reload builds a new KnowledgeBase, so nothing stale survives it).
ASK_CACHE_SIZE = 4096


@dataclass(frozen=True)
class Answer:
    """kind "answer": `entry` and up to 3 `related` questions (entry ids in `related_ids`);
    kind "choices": up to 3 `choices`; kind "out_of_scope": nothing matched."""

    kind: AnswerKind
    result: SearchResult
    entry: Entry | None = None
    related: tuple[str, ...] = ()
    related_ids: tuple[str, ...] = ()
    choices: tuple[Entry, ...] = ()
    asked: str = ""  # the question, which decides the part of the answer shown first
    county_code: str | None = None  # the villager's county: its offices follow 找谁

    def brief(self) -> str:
        """The part of the entry's answer the question asks for, in about 150 characters."""
        return brief(self.entry, self.asked, self.county_code) if self.entry is not None else ""

    def source(self) -> str:
        return source_line(self.entry) if self.entry is not None else ""

    @cached_property
    def reply(self) -> str:
        """`format_reply`'s text, made once: answers are kept per question and county (KnowledgeBase.ask), and
        villagers ask the same few questions over and over (issue #23)."""
        if self.kind == "answer" and self.entry is not None:
            body = "\n".join(filter(None, [self.brief(), self.source(), OFFER]))
            return answer_text(self.entry.title, body, self.related, offers_report=self.entry.offers_report)
        if self.kind == "choices":
            return choices_text([e.title for e in self.choices])
        return out_of_scope_text()


def to_doc(entry: Entry) -> Doc:
    return Doc(
        id=entry.id,
        title=entry.title,
        questions=entry.questions,
        topics=entry.topics,
        scope=entry.scope,
        replaces=entry.replaces,
        overview=entry.overview,
        asks=entry.asks,
    )


class KnowledgeBase:
    def __init__(self, entries: Sequence[Entry], *, tuning: Tuning | None = None) -> None:
        self.entries = {e.id: e for e in entries}
        self.engine = SearchEngine((to_doc(e) for e in entries), tuning=tuning)
        # Entries linked to each entry, made once: related questions are asked for on every answer, and
        # scanning all entries each time cost more than the search itself. Linked means one of the two is
        # of the other's own (first) topic: 危房 and 危房's problem entry, or the problem entry and 微腐败.
        # Two entries that merely both list a broad topic second (两不愁三保障, 微腐败) are not linked: 危房改造
        # and 辍学 both list 两不愁三保障. The answer's own topic comes first, then the linked ones, in file order.
        order = {e.id: i for i, e in enumerate(self.entries.values())}
        by_topic: dict[str, list[Entry]] = {}
        for e in self.entries.values():
            for topic in e.topics:
                by_topic.setdefault(topic, []).append(e)
        self._siblings: dict[str, list[Entry]] = {}
        for e in self.entries.values():
            own = e.topics[0]
            linked = {o.id: o for o in by_topic[own]}
            linked.update({o.id: o for t in e.topics[1:] for o in by_topic[t] if o.topics[0] == t})
            self._siblings[e.id] = sorted(
                linked.values(), key=lambda o: (o.topics[0] != own and own not in o.topics, order[o.id])
            )
        self._asked: dict[tuple[str, str | None], Answer] = {}
        self._asked_lock = threading.Lock()

    @classmethod
    def load(cls, directory: Path) -> KnowledgeBase:
        return cls(load_entries(directory))

    @classmethod
    def load_default(cls) -> KnowledgeBase:
        """The entries packaged with this module (knowledge/entries)."""
        return cls.load(ENTRIES_DIR)

    def __len__(self) -> int:
        return len(self.entries)

    def search(self, text: str, *, county_code: str | None = None, limit: int = 3) -> SearchResult:
        return self.engine.search(text, county_code=county_code, limit=limit)

    def ask(self, text: str, *, county_code: str | None = None) -> Answer:
        key = (text, county_code)
        cached = self._asked.get(key)
        if cached is None:
            cached = self._answer(text, county_code)
            with self._asked_lock:
                if len(self._asked) >= ASK_CACHE_SIZE:
                    self._asked.pop(next(iter(self._asked)))  # oldest first; no LRU bookkeeping on hits
                self._asked[key] = cached
        return cached

    def _answer(self, text: str, county_code: str | None) -> Answer:
        result = self.search(text, county_code=county_code, limit=MAX_CHOICES)
        if result.out_of_scope or not result.hits:
            return Answer("out_of_scope", result, asked=text)
        if not result.confident:
            choices = tuple(self.entries[h.entry_id] for h in result.hits[:MAX_CHOICES])
            return Answer("choices", result, choices=choices, asked=text)
        entry = self.entries[result.hits[0].entry_id]
        related = self.related(entry, result, county_code)
        return Answer(
            "answer",
            result,
            entry=entry,
            related=tuple(e.title for e in related),
            related_ids=tuple(e.id for e in related),
            asked=text,
            county_code=county_code,
        )

    def related(self, entry: Entry, result: SearchResult, county_code: str | None) -> list[Entry]:
        """Entries of the answer's own topic, then the search's next hits of a linked topic (see __init__),
        then the other linked entries; as the villager sees them. An unrelated entry is never offered,
        even if the search found it: none rather than that."""
        hidden = self.engine.hidden_for(county_code)
        picked: list[Entry] = []
        siblings = list(self._siblings.get(entry.id, ()))
        linked = {o.id for o in siblings}
        own = entry.topics[0]
        pool = [o for o in siblings if o.topics[0] == own or own in o.topics]
        pool += [self.entries[h.entry_id] for h in result.hits[1:] if h.entry_id in linked]
        pool += siblings
        for other in pool:
            if len(picked) >= MAX_RELATED:
                break
            if other.id == entry.id or other.id in hidden or other in picked:
                continue
            if visible(other.scope, county_code):
                picked.append(other)
        return picked


def format_reply(answer: Answer) -> str:
    """The villager's reply, one WeChat message: for an answer, the short one (`format_detail` is the
    whole entry, `format_how_to` its 怎么办 and 找谁)."""
    return answer.reply


def format_detail(entry: Entry) -> str:
    """The whole entry (回复「详细」), with its source."""
    return answer_text(
        entry.title, f"{entry.answer.strip()}\n{source_line(entry)}", (), offers_report=entry.offers_report
    )


def format_how_to(entry: Entry, county_code: str | None = None) -> str:
    """How to apply and whom to ask (回复「办理」), with the county's offices and the source."""
    return "\n".join(filter(None, [how_to(entry, county_code), source_line(entry)]))
