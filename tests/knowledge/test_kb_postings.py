"""The BM25 postings matrices: the term-major copy keeps each term's strongest postings."""

from __future__ import annotations

import numpy as np

from knowledge.bm25 import Postings, _by_term


def test_by_term_is_a_stable_argsort() -> None:
    rng = np.random.default_rng(5)
    for bound in (300, 70_000, 1 << 24):  # one byte, two, and the three-byte limit of the radix passes
        terms = rng.integers(0, bound, 50_000)
        assert (_by_term(terms, bound) == np.argsort(terms, kind="stable")).all()


def test_term_major_keeps_the_strongest_postings_of_common_terms() -> None:
    rng = np.random.default_rng(11)
    n_rows, n_terms, cap = 400, 30, 7
    rows = np.repeat(np.arange(n_rows), rng.integers(1, 12, n_rows))
    terms = rng.integers(0, n_terms, len(rows)) ** 2 % n_terms  # skewed: some terms in most rows
    postings = Postings(n_rows, [(rows, terms, n_terms)], by_term=True, cap=cap)
    for term in range(n_terms):
        # the reference: every row holding the term, with its weight from the row-major copy
        found = [
            (float(postings.row_weights[at]), row)
            for row in range(n_rows)
            for at in range(int(postings.row_ptr[row]), int(postings.row_ptr[row + 1]))
            if postings.row_terms[at] == term
        ]
        strongest = sorted(found, key=lambda pair: (-pair[0], pair[1]))[:cap]  # ties: earlier rows
        start, end = int(postings.indptr[term]), int(postings.indptr[term + 1])
        kept = sorted(zip(postings.weights[start:end].tolist(), postings.rows[start:end].tolist(), strict=True))
        assert kept == sorted(strongest)
    assert int(postings.indptr[-1]) < len(postings.row_terms)  # some terms were capped


def test_bigram_codes_widen_when_32_bits_overflow() -> None:
    from knowledge.engine import _bigram_codes

    ids = np.array([0, 50_000, 50_001, 0, 7, 0], dtype=np.int32)  # two texts: a pair, and one token alone
    codes, texts = _bigram_codes(ids, 60_000)
    assert codes.tolist() == [50_000 * 60_000 + 50_001, 7 * 60_000 + 59_999]
    assert texts.tolist() == [0, 1]


def test_top_finds_the_best_scores_as_a_full_sort_does() -> None:
    from knowledge.engine import _top

    rng = np.random.default_rng(2)
    for positive in (0, 3, 19, 20, 21, 40, 3000):
        scores = np.zeros(10_000)
        scores[rng.choice(10_000, positive, replace=False)] = rng.random(positive) ** 4  # a long tail
        chosen = _top(scores, 20)
        expected = np.sort(scores[scores > 0])[::-1][:20]
        assert len(set(chosen.tolist())) == len(chosen) == min(20, positive)
        assert np.array_equal(np.sort(scores[chosen])[::-1], expected)
