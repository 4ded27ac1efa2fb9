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
        lengths = [len(d) for d in docs]
        avgdl = sum(lengths) / self.size if self.size else 1.0
        norms = [k1 * (1 - b + b * length / avgdl) for length in lengths]
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for doc_id, doc in enumerate(docs):
            norm = norms[doc_id]
            # tf-saturation of each term, (k1+1)·tf / (tf + norm); idf is applied per term below.
            for term, tf in Counter(doc).items():
                entry = postings.get(term)
                if entry is None:
                    entry = postings[term] = ([], [])
                entry[0].append(doc_id)
                entry[1].append(tf / (tf + norm))
        scale = k1 + 1
        log, size = math.log, self.size
        self.idf: dict[str, float] = {}
        self.postings: dict[str, tuple[array[int], array[float]]] = {}
        for term, (ids, sats) in postings.items():
            df = len(ids)
            idf = log(1.0 + (size - df + 0.5) / (df + 0.5))
            self.idf[term] = idf
            factor = idf * scale
            if df > cap:
                order = sorted(range(df), key=sats.__getitem__, reverse=True)[:cap]
                ids = [ids[i] for i in order]
                sats = [sats[i] for i in order]
            self.postings[term] = (array("i", ids), array("f", [sat * factor for sat in sats]))
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
