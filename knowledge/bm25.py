"""A sparse BM25 index: one posting list per term, weights precomputed, impact-ordered.

Scores are returned as a fraction of what the query could score (the sum of its terms' idf, terms
the index has never seen counting at the highest idf), so they compare across queries.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

Ids = npt.NDArray[np.int32] | npt.NDArray[np.int64]  # row or term numbers, 32 bits where they fit

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


class Postings:
    """BM25 weights of many rows (documents) as numpy CSR matrices, no scipy. Built from flat
    (row, term) occurrence arrays with one sort.

    - row-major (always): `row_scores` scores chosen rows exactly;
    - term-major (`by_term`): `scores` scores every row at once, each term keeping only its `cap`
      strongest postings (a bigram in thousands of rows, like 怎么, would otherwise dominate the
      time of every query while barely moving the ranking).

    Several spaces (character bigrams, syllable bigrams) share one matrix: each space gets its own
    length normalisation, terms are numbered globally in the order of `spaces`."""

    def __init__(
        self,
        n_rows: int,
        spaces: Sequence[tuple[Ids, Ids, int]],
        *,
        k1: float = 1.2,
        b: float = 0.4,
        by_term: bool = False,
        cap: int | npt.NDArray[np.int64] = 1 << 30,
    ) -> None:
        self.n_rows = n_rows
        offsets = np.cumsum([0, *(n_terms for _, _, n_terms in spaces)]).tolist()
        self.n_terms = n_terms_total = int(offsets[-1])
        # one sort: (row, term) keys in row-major order, with their term frequencies. Arrays of
        # millions are written in place and kept to 32 bits where they fit: a large build's time
        # went as much to the kernel, faulting in fresh pages, as to the arithmetic.
        width = max(n_terms_total, 1)
        keys = np.empty(sum(len(rows) for rows, _, _ in spaces), np.int64)
        at = 0
        for (rows, terms, _), offset in zip(spaces, offsets, strict=False):
            part = keys[at : at + len(rows)]
            np.multiply(rows, width, out=part, dtype=np.int64)
            part += terms
            part += offset
            at += len(rows)
        keys, tf = _counted(keys)
        row_of, term_of = np.empty(len(keys), np.int32), np.empty(len(keys), np.int32)
        np.divmod(keys, width, out=(row_of, term_of), casting="unsafe")
        del keys
        counts = np.bincount(term_of, minlength=n_terms_total)
        df = counts.astype(np.float64)
        self.idf = np.log1p((n_rows - df + 0.5) / (df + 0.5))
        self.unseen_idf = math.log1p((n_rows + 0.5) / 0.5)
        # tf-saturation with each space's own length normalisation: k1 * (1 - b + b * length / avgdl)
        lengths = np.zeros((max(len(spaces), 1), n_rows))
        for index, (rows, _, _) in enumerate(spaces):
            lengths[index] = np.bincount(rows, minlength=n_rows)
        avgdl = np.maximum(lengths.mean(axis=1, keepdims=True), 1e-9) if n_rows else np.ones((len(lengths), 1))
        norms = (k1 * b / avgdl * lengths + k1 * (1.0 - b)).ravel()
        where = row_of.astype(np.int64)  # (space, row) of each key; a term's space: the boundaries below it
        for boundary in offsets[1:-1]:
            np.add(where, n_rows, out=where, where=term_of >= boundary)
        norm = norms[where]
        del where
        norm += tf
        weights = self.idf[term_of]
        weights *= tf
        weights *= k1 + 1.0
        weights /= norm
        del norm, tf
        # row-major
        self.row_terms = term_of.astype(np.intp)  # (take converts narrower indices on every call)
        self.row_weights = weights.astype(np.float32)
        self.row_ptr = _pointers(row_of, n_rows)
        # term-major, capped to the strongest postings of each term
        self.rows = np.zeros(0, np.int32)
        self.weights = np.zeros(0)
        self.indptr = np.zeros(n_terms_total + 1, np.int64)
        if by_term:
            caps = np.broadcast_to(np.asarray(cap, dtype=np.int64), (n_terms_total,))
            order = _by_term(term_of, n_terms_total)  # row order kept within a term
            starts = np.cumsum(counts) - counts
            common = np.flatnonzero(counts > caps)
            if len(common):  # the common terms keep their strongest `cap` postings
                keep = np.ones(len(order), dtype=bool)
                for start, count, limit in zip(*(a[common].tolist() for a in (starts, counts, caps)), strict=True):
                    strength = weights[order[start : start + count]]
                    least = np.partition(strength, count - limit)[count - limit]
                    above = strength > least
                    # ties at the cut go to the earlier rows, so a build is the same whatever the sort
                    ties = np.flatnonzero(strength == least)[: limit - int(np.count_nonzero(above))]
                    above[ties] = True
                    keep[start : start + count] = above
                order = order[keep]
            self.rows = row_of[order].astype(np.intp)
            self.weights = weights[order].astype(np.float32)
            np.cumsum(np.minimum(counts, caps), out=self.indptr[1:])

    def scores(self, terms: npt.NDArray[np.int64], scale: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """Per row, the sum over `terms` (unique, known) of `scale` x the term's (capped) weight."""
        starts = self.indptr[terms]
        lengths = self.indptr[terms + 1] - starts
        positions = _ranges(starts, lengths)
        weights = self.weights[positions] * np.repeat(scale, lengths)
        return np.bincount(self.rows[positions], weights, minlength=self.n_rows).astype(np.float64, copy=False)

    def row_scores(self, rows: npt.NDArray[np.int64], scale: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """The exact score of each of `rows`, `scale` giving each term's weight (dense, by term id;
        0 for terms not asked about)."""
        starts = self.row_ptr[rows]
        lengths = self.row_ptr[rows + 1] - starts
        ends = np.cumsum(lengths)
        total = int(ends[-1]) if len(ends) else 0
        if not total:
            return np.zeros(len(rows))
        first = ends - lengths
        positions = np.arange(total) + np.repeat(starts - first, lengths)
        weighted = self.row_weights.take(positions) * scale.take(self.row_terms.take(positions))
        np.minimum(first, total - 1, out=first)
        return _segment_sums(weighted, first, lengths > 0)


def _segment_sums(
    values: npt.NDArray[np.float64], first: npt.NDArray[np.int64], nonempty: npt.NDArray[np.bool_]
) -> npt.NDArray[np.float64]:
    """Sums of consecutive segments of `values` starting at `first` (clipped into range); empty
    segments sum to 0. (np.add.reduceat, several times faster than a weighted bincount.)"""
    sums: npt.NDArray[np.float64] = np.add.reduceat(values, first)
    if not nonempty.all():
        sums[~nonempty] = 0.0
    return sums


def _counted(keys: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """`np.unique(keys, return_counts=True)`, without its extra passes; sorts `keys` in place."""
    if not len(keys):
        return keys, np.zeros(0, np.int64)
    keys.sort(kind="stable")
    new = np.empty(len(keys), dtype=bool)
    new[0] = True
    np.not_equal(keys[1:], keys[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    counts = np.empty(len(starts), dtype=np.int64)
    np.subtract(starts[1:], starts[:-1], out=counts[:-1])
    counts[-1] = len(keys) - starts[-1]
    return keys[starts], counts


def _by_term(terms: Ids, n_terms: int) -> npt.NDArray[np.intp]:
    """`np.argsort(terms, kind="stable")`: for ids below 2**24 as two radix passes (16 bits, then 8),
    which numpy runs as counting sorts, several times faster than a comparison sort of millions."""
    if n_terms > 1 << 24:
        return np.argsort(terms, kind="stable")
    low = np.argsort((terms & 0xFFFF).astype(np.uint16), kind="stable")
    high = (terms >> 16).astype(np.uint8)[low]
    order: npt.NDArray[np.intp] = low[np.argsort(high, kind="stable")]
    return order


def _pointers(sorted_ids: Ids, count: int) -> npt.NDArray[np.int64]:
    """CSR pointers of ids 0..count-1 in a sorted array."""
    pointers = np.zeros(count + 1, np.int64)
    np.cumsum(np.bincount(sorted_ids, minlength=count), out=pointers[1:])
    return pointers


def _ranges(starts: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The concatenated ranges start..start+length, without a Python loop."""
    ends = np.cumsum(lengths)
    ranges: npt.NDArray[np.int64] = np.arange(int(ends[-1]) if len(ends) else 0) + np.repeat(
        starts - (ends - lengths), lengths
    )
    return ranges
