"""The standalone search engine: index any list of documents, search them, say how sure it is.

Retrieval: character-bigram BM25 plus folded-pinyin-bigram BM25 over each entry (its title and all
its question variants), then the best candidates are reranked with rapidfuzz against every variant,
with a boost for entries tagged with the policy a question names (found by jieba).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from knowledge.analyzer import Analysed, Analyzer
from knowledge.bm25 import SparseBM25
from knowledge.normalise import normalise


@dataclass(frozen=True)
class Doc:
    """What the engine needs of an entry. `terms`: extra policy terms the entry is tagged with."""

    id: str
    title: str
    questions: Sequence[str]
    topics: Sequence[str] = ()
    terms: Sequence[str] = ()
    scope: str = "national"
    overrides: str | None = None


@dataclass(frozen=True)
class Hit:
    entry_id: str
    topics: tuple[str, ...]
    score: float
    title: str


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[Hit, ...]
    confident: bool
    out_of_scope: bool
    policy_terms: tuple[str, ...] = ()

    @property
    def top(self) -> Hit | None:
        return self.hits[0] if self.hits else None


@dataclass(frozen=True)
class Tuning:
    char_weight: float = 0.5  # of the character-bigram coverage
    sound_weight: float = 0.5  # of the pinyin-bigram coverage
    fuzz_weight: float = 0.35  # of the best rapidfuzz similarity to a variant
    topic_boost: float = 0.08  # the question names a policy of the entry's topics
    term_boost: float = 0.08  # ... a policy term the entry itself is tagged with
    candidates: int = 20
    confident_score: float = 0.60
    confident_margin: float = 0.25  # a wrong answer costs more than a choice: tuned for c-wrong <= 3%
    in_scope_lexical: float = 0.45  # below this coverage, with no policy term, it is out of scope
    in_scope_lexical_terms: float = 0.0  # ... and with one (拖拉机打不着火: a term, but not its policy)


@dataclass
class _Stored:
    doc: Doc
    variants: list[Analysed]
    terms: frozenset[str]
    topics: frozenset[str] = field(default_factory=frozenset)
    texts: list[str] = field(default_factory=list)
    spoken: list[str] = field(default_factory=list)


def visible(scope: str, county_code: str | None) -> bool:
    """National entries are seen by everyone; local ones by villagers of that province/county."""
    if scope == "national":
        return True
    return county_code is not None and county_code.startswith(scope)


class SearchEngine:
    def __init__(self, docs: Iterable[Doc], *, analyzer: Analyzer | None = None, tuning: Tuning | None = None) -> None:
        self.analyzer = analyzer if analyzer is not None else Analyzer()
        self.tuning = tuning if tuning is not None else Tuning()
        self._stored: list[_Stored] = []
        char_docs: list[list[str]] = []
        sound_docs: list[list[str]] = []
        for doc in docs:
            texts = (doc.title, *doc.questions)
            variants = [self.analyzer.analyse(q, with_terms=False) for q in texts]
            tagged = " ".join((*texts, *doc.terms))
            found = self.analyzer.terms.contained(self.analyzer.aliases.rewrite(normalise(tagged)))
            stored = _Stored(doc, variants, frozenset(found), frozenset(doc.topics))
            stored.texts = [v.text for v in variants]
            stored.spoken = [v.spoken for v in variants]
            self._stored.append(stored)
            char_docs.append([g for v in variants for g in v.chars])
            sound_docs.append([g for v in variants for g in v.sounds])
        self._chars = SparseBM25(char_docs)
        self._sounds = SparseBM25(sound_docs)
        self._hidden: dict[str | None, frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self._stored)

    def hidden_for(self, county_code: str | None) -> frozenset[str]:
        """Ids replaced by a local entry this county sees."""
        hidden = self._hidden.get(county_code)
        if hidden is None:
            hidden = frozenset(
                s.doc.overrides
                for s in self._stored
                if s.doc.overrides and s.doc.scope != "national" and visible(s.doc.scope, county_code)
            )
            self._hidden[county_code] = hidden
        return hidden

    def search(self, text: str, *, county_code: str | None = None, limit: int = 3) -> SearchResult:
        query = self.analyzer.analyse(text, known=self._chars.idf)
        if not query.chars:
            return SearchResult((), confident=False, out_of_scope=True)
        tuning = self.tuning
        chars, sounds = set(query.chars), set(query.sounds)
        lexical: dict[int, float] = {}
        self._chars.accumulate(chars, tuning.char_weight / self._chars.ideal(chars), lexical)
        self._sounds.accumulate(sounds, tuning.sound_weight / self._sounds.ideal(sounds), lexical)
        hidden = self.hidden_for(county_code)
        pool = [(i, lexical[i]) for i in heapq.nlargest(tuning.candidates * 2, lexical, key=lexical.__getitem__)]
        q_topics = self.analyzer.terms.topics(query.terms)
        q_terms = set(query.terms)
        scored: list[tuple[float, float, int]] = []
        for doc_index, lex in pool:
            stored = self._stored[doc_index]
            if stored.doc.id in hidden or not visible(stored.doc.scope, county_code):
                continue
            score = lex + tuning.fuzz_weight * self._similarity(query, stored)
            if q_topics & stored.topics:
                score += tuning.topic_boost
            if q_terms:
                score += tuning.term_boost * len(q_terms & stored.terms) / len(q_terms)
            scored.append((score, lex, doc_index))
            if len(scored) >= tuning.candidates:
                break
        scored.sort(reverse=True)
        hits = tuple(
            Hit(
                entry_id=self._stored[i].doc.id,
                topics=tuple(self._stored[i].doc.topics),
                score=round(score, 4),
                title=self._stored[i].doc.title,
            )
            for score, _, i in scored[:limit]
        )
        best_lex = max((lex for _, lex, _ in scored), default=0.0)
        floor = tuning.in_scope_lexical_terms if query.terms else tuning.in_scope_lexical
        out_of_scope = not scored or best_lex < floor
        confident = False
        if scored and not out_of_scope:
            second = scored[1][0] if len(scored) > 1 else 0.0
            confident = scored[0][0] >= tuning.confident_score and scored[0][0] - second >= tuning.confident_margin
        return SearchResult(hits, confident, out_of_scope, tuple(query.terms))

    @staticmethod
    def _similarity(query: Analysed, stored: _Stored) -> float:
        by_text = process.extractOne(query.text, stored.texts, scorer=fuzz.ratio)
        by_sound = process.extractOne(query.spoken, stored.spoken, scorer=fuzz.ratio)
        return max(by_text[1] if by_text else 0.0, by_sound[1] if by_sound else 0.0) / 100.0
