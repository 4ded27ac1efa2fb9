"""Policy-term detection: segmenting only the spans terms cover finds what segmenting it all does."""

from __future__ import annotations

import random

from bench.kb_evalset import load_evalset
from knowledge.analyzer import Analyzer
from knowledge.loader import load_entries
from knowledge.terms import PolicyTerms, default_terms


def whole_text(terms: PolicyTerms, text: str) -> list[str]:
    """The reference: jieba over the whole text."""
    found: dict[str, None] = {}
    for word in terms._segmenter().cut(text, HMM=False):
        if word in terms.topics_of:
            found[word] = None
    return list(found)


def test_spans_find_what_the_whole_text_does() -> None:
    terms = default_terms()
    analyzer = Analyzer()
    texts = [q.q for q in load_evalset().in_scope] + load_evalset().out_of_scope
    for entry in load_entries():
        texts += [entry.title, *entry.questions]
    texts = [analyzer.analyse(text, with_terms=False).text for text in texts]
    # and strings packed with overlapping terms and their pieces, where the segmenter has to choose
    rng = random.Random(8)
    known, filler = sorted(terms.topics_of), "".join(texts)
    for _ in range(5000):
        parts = []
        for _ in range(rng.randint(1, 6)):
            term = rng.choice(known)
            start = rng.randrange(len(term))
            parts.append(term if rng.random() < 0.5 else term[start : rng.randint(start + 1, len(term))])
            parts.append("".join(rng.choice(filler) for _ in range(rng.randint(0, 3))))
        texts.append("".join(parts))
    found = [terms.find(text) for text in texts]
    assert found == [whole_text(terms, text) for text in texts]
    assert sum(map(bool, found)) > len(texts) // 2  # most texts hold terms: the comparison says something
