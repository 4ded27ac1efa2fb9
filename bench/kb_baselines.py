"""Baselines the eval measures the engine against, in the same run."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz, process

from knowledge.bm25 import SparseBM25
from knowledge.normalise import normalise

RAPIDFUZZ_CONFIDENT = 70.0
RAPIDFUZZ_REFUSE = 40.0


@dataclass(frozen=True)
class Ranked:
    ids: list[str]
    confident: bool | None = None  # None: the system has no notion of it
    out_of_scope: bool | None = None


class System(Protocol):
    name: str

    def rank(self, text: str) -> Ranked: ...


class Searchable(Protocol):
    """What a baseline indexes: an entry (knowledge.schema.Entry) or an engine Doc."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def questions(self) -> Sequence[str]: ...


def _texts(entry: Searchable) -> list[str]:
    return [normalise(t) for t in (entry.title, *entry.questions)]


class RapidfuzzRatio:
    """The best rapidfuzz ratio to any variant; sure at >= 70, refuses below 40."""

    name = "rapidfuzz ratio"

    def __init__(self, entries: Sequence[Searchable]) -> None:
        self._choices: list[str] = []
        self._owner: list[str] = []
        for entry in entries:
            for text in _texts(entry):
                self._choices.append(text)
                self._owner.append(entry.id)

    def rank(self, text: str) -> Ranked:
        matches = process.extract(normalise(text), self._choices, scorer=fuzz.ratio, limit=60)
        ids: list[str] = []
        best = matches[0][1] if matches else 0.0
        for _, _, index in matches:
            if self._owner[index] not in ids:
                ids.append(self._owner[index])
        return Ranked(ids[:10], best >= RAPIDFUZZ_CONFIDENT, best < RAPIDFUZZ_REFUSE)


def jieba_words(text: str) -> list[str]:
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    return [w for w in jieba.lcut(normalise(text)) if w.strip()]


class JiebaBM25:
    """BM25 on jieba words (jieba's own dictionary), each entry one document."""

    name = "BM25 jieba words"

    def __init__(self, entries: Sequence[Searchable]) -> None:
        self._ids = [e.id for e in entries]
        self._index = SparseBM25([[w for t in _texts(e) for w in jieba_words(t)] for e in entries], b=0.75)

    def rank(self, text: str) -> Ranked:
        scores: dict[int, float] = {}
        self._index.accumulate(set(jieba_words(text)), 1.0, scores)
        order = sorted(scores, key=lambda i: -scores[i])[:10]
        return Ranked([self._ids[i] for i in order])


class RankBM25:
    """rank-bm25's BM25Okapi on jieba words, each question variant one document."""

    name = "rank-bm25 (variants)"

    def __init__(self, entries: Sequence[Searchable]) -> None:
        from rank_bm25 import BM25Okapi  # type: ignore[import-untyped]

        corpus: list[list[str]] = []
        self._owner: list[str] = []
        for entry in entries:
            for text in _texts(entry):
                corpus.append(jieba_words(text) or ["∅"])
                self._owner.append(entry.id)
        self._bm25 = BM25Okapi(corpus)

    def rank(self, text: str) -> Ranked:
        scores = self._bm25.get_scores(jieba_words(text))
        order = sorted(range(len(scores)), key=lambda i: -float(scores[i]))
        ids: list[str] = []
        for index in order:
            if float(scores[index]) <= 0 or len(ids) >= 10:
                break
            if self._owner[index] not in ids:
                ids.append(self._owner[index])
        return Ranked(ids)
