"""A sparse BM25 index: one posting list per term, weights precomputed, impact-ordered.

Scores are returned as a fraction of what the query could score (the sum of its terms' idf, terms
the index has never seen counting at the highest idf), so they compare across queries.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence

# A term in more documents than this keeps only its strongest postings: at 10,000 entries a common
# bigram (怎么) would otherwise dominate the time of every query while barely moving its ranking.
POSTINGS_CAP = 128


class SparseBM25:
    def __init__(
        self,
        docs: Sequence[Sequence[str]],
        *,
        k1: float = 1.2,
        b: float = 0.4,
        cap: int = POSTINGS_CAP,
    ) -> None:
        self.size = len(docs)
        total = sum(len(d) for d in docs)
        avgdl = total / self.size if self.size else 1.0
        lengths = [len(d) for d in docs]
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for doc_id, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                entry = postings.get(term)
                if entry is None:
                    postings[term] = ([doc_id], [tf])
                else:
                    entry[0].append(doc_id)
                    entry[1].append(tf)
        norms = [k1 * (1 - b + b * length / avgdl) for length in lengths]
        scale = k1 + 1
        self.idf: dict[str, float] = {}
        self.postings: dict[str, tuple[array[int], array[float]]] = {}
        for term, (ids, tfs) in postings.items():
            df = len(ids)
            idf = math.log(1.0 + (self.size - df + 0.5) / (df + 0.5))
            self.idf[term] = idf
            weights = [idf * tf * scale / (tf + norms[d]) for d, tf in zip(ids, tfs, strict=True)]
            if df > cap:
                order = sorted(range(df), key=weights.__getitem__, reverse=True)[:cap]
                ids = [ids[i] for i in order]
                weights = [weights[i] for i in order]
            self.postings[term] = (array("i", ids), array("f", weights))
        self.unseen_idf = math.log(1.0 + (self.size + 0.5) / 0.5)

    def ideal(self, terms: Iterable[str]) -> float:
        return sum(self.idf.get(t, self.unseen_idf) for t in terms)

    def accumulate(self, terms: Iterable[str], scale: float, into: dict[int, float]) -> None:
        """Add `scale` x the BM25 score of each document matching `terms` (unique) into `into`."""
        get = into.get
        for term in terms:
            posting = self.postings.get(term)
            if posting is None:
                continue
            for doc_id, weight in zip(*posting, strict=True):
                into[doc_id] = get(doc_id, 0.0) + weight * scale
