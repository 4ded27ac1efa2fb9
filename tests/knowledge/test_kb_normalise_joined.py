"""Normalising many texts as one string gives exactly what normalising each one does."""

from __future__ import annotations

import random

from bench.kb_evalset import load_evalset
from knowledge.loader import load_entries
from knowledge.normalise import normalise, normalise_joined

# Width, case (Greek final sigma too), combining marks, ligatures, odd spaces and separators.
ALPHABET = [
    *"\n低保俺咋a B_，。！ ？ＡＢＣ１２３\u3000\t\u00a0\r\x85\u2028\u200bΣσΑΟΔé-—'\"()（）xy",
    "e\u0301",
    "ﬁ",
    "㈱",
    "①",
    "  ",
    "ΟΔΟΣ ",
]


def test_equal_on_the_knowledge_base_the_evaluation_and_random_texts() -> None:
    entries = load_entries()
    evalset = load_evalset()
    texts = [t for e in entries for t in (e.title, *e.questions, e.answer.replace("\n", " "))]
    texts += [q.q for q in evalset.in_scope] + list(evalset.out_of_scope)
    rng = random.Random(5)
    texts += ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 12))) for _ in range(20_000)]
    assert normalise_joined(texts) == "\n".join(normalise(t) for t in texts)


def test_a_newline_inside_a_text_is_whitespace() -> None:
    assert normalise_joined(["低保", "扶贫贷\n咋办", "a\nb"]) == "低保\n扶贫贷咋办\na b"
    assert normalise_joined(["Ａ", "ｂ"]) == "a\nb"
    assert normalise_joined([""]) == ""
