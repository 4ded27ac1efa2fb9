"""5-fold cross-validation of engine parameters over the whole evaluation set.

Each fold is every 5th question (fold k: questions k, k+5, ... counting from 1; fold 0 is the
held-out fifth of `make eval`). For each fold, the grid value with the best hit@1 (then MRR) on the
other four folds is chosen and scored on that fold; the cross-validated hit@1 is the sum over folds.
A value to ship is the one chosen on folds 1-4 (never on the held-out fifth).

Run: .venv/bin/python tests/eval/cv.py [--noisy|--both|--lovo] fuzz_weight=0.1,0.2 [trouble_boost=0,0.075 ...]
(--noisy: on the questions with 20% same-pinyin characters, as `make eval` makes them; --both: each
question counted clean and noisy, in the same fold; --lovo: leave-one-variant-out hit@1 of each grid
value instead, which owes nothing to the evaluation set: each national entry's variants, one at a
time, taken out of an index of all entries and searched for; ~25 s a value)
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import fields, replace

from bench.kb_eval import noise_for
from bench.kb_evalset import load_evalset
from knowledge.base import KnowledgeBase, to_doc
from knowledge.engine import SearchEngine, Tuning
from knowledge.loader import load_entries

FOLDS = 5
MODE = "clean"  # or "noisy", or "both" (each question counted clean and noisy)


def per_question(tuning: Tuning) -> tuple[list[float], list[float], list[bool], float]:
    """hit@1 and reciprocal rank per in-scope question, confident-but-wrong per question, refusal rate."""
    entries = load_entries()
    evalset = load_evalset()
    kb = KnowledgeBase(entries, tuning=tuning)
    noisy = noise_for(entries, evalset)
    hits, rrs, wrong = [], [], []
    texts = [q.q for q in evalset.in_scope]
    # the same questions with 20% same-pinyin characters, as `make eval` makes them
    noised = [noisy(text, f"in{index}") for index, text in enumerate(texts)]
    texts = {"clean": texts, "noisy": noised, "both": texts + noised}[MODE]
    for question, text in zip(evalset.in_scope * (2 if MODE == "both" else 1), texts, strict=True):
        result = kb.search(text, limit=10)
        ids = [h.entry_id for h in result.hits]
        rank = next((pos for pos, i in enumerate(ids, 1) if i in question.entries), None)
        hits.append(float(rank == 1))
        rrs.append(1.0 / rank if rank else 0.0)
        wrong.append(result.confident and not result.out_of_scope and rank != 1)
    refused = [kb.search(text).out_of_scope for text in evalset.out_of_scope]
    return hits, rrs, wrong, sum(refused) / len(refused)


def leave_one_variant_out(tuning: Tuning) -> tuple[int, int]:
    """Variants found (their own entry first) when left out of the index, and variants tried."""
    docs = [to_doc(e) for e in load_entries()]
    analyzer = SearchEngine(docs[:1]).analyzer
    found = tried = 0
    for index, doc in enumerate(docs):
        if doc.scope != "national":  # a local entry is not seen without a county
            continue
        for left_out, question in enumerate(doc.questions):
            rest = [q for n, q in enumerate(doc.questions) if n != left_out]
            index_docs = [*docs[:index], replace(doc, questions=rest), *docs[index + 1 :]]
            hits = SearchEngine(index_docs, analyzer=analyzer, tuning=tuning).search(question).hits
            tried += 1
            found += bool(hits) and hits[0].entry_id == doc.id
    return found, tried


def main(argv: list[str]) -> int:
    global MODE
    if argv and argv[0] in ("--noisy", "--both", "--lovo"):
        MODE, argv = argv[0][2:], argv[1:]
    types = {f.name: type(getattr(Tuning(), f.name)) for f in fields(Tuning)}
    names, grids = [], []
    for arg in argv:
        name, values = arg.split("=")
        names.append(name)
        grids.append([types[name](v) for v in values.split(",")])
    configs = list(itertools.product(*grids))
    if MODE == "lovo":
        for config in configs:
            chosen = dict(zip(names, config, strict=True))
            found, tried = leave_one_variant_out(replace(Tuning(), **chosen))
            print(f"{chosen}: leave-one-variant-out hit@1 {100 * found / tried:.1f} ({found}/{tried})")
        return 0
    runs = {}
    for config in configs:
        tuning = replace(Tuning(), **dict(zip(names, config, strict=True)))
        runs[config] = per_question(tuning)
        hits, rrs, wrong, refusal = runs[config]
        n = len(hits)
        print(
            f"{dict(zip(names, config, strict=True))}: hit@1 {100 * sum(hits) / n:.1f} MRR {100 * sum(rrs) / n:.1f} "
            f"c-wrong {100 * sum(wrong) / n:.1f} refusal {100 * refusal:.1f}"
        )
    n = len(next(iter(runs.values()))[0])
    questions = n // 2 if MODE == "both" else n
    fold = [(i % questions + 1) % FOLDS for i in range(n)]
    total = 0.0
    for k in range(FOLDS):

        def train(config: tuple[object, ...], k: int = k) -> tuple[float, float]:
            hits, rrs, _, _ = runs[config]
            return (
                sum(h for h, f in zip(hits, fold, strict=True) if f != k),
                sum(r for r, f in zip(rrs, fold, strict=True) if f != k),
            )

        best = max(configs, key=train)
        tested = [h for h, f in zip(runs[best][0], fold, strict=True) if f == k]
        total += sum(tested)
        label = "held-out fifth" if k == 0 else f"fold {k}"
        print(
            f"{label}: chosen on the other folds {dict(zip(names, best, strict=True))}, hit@1 there "
            f"{100 * sum(tested) / len(tested):.1f} ({int(sum(tested))}/{len(tested)})"
        )
    print(f"cross-validated hit@1: {100 * total / n:.1f} ({int(total)}/{n})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
