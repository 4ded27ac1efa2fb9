"""The text pipeline shared by entries and questions: normalise, aliases, bigrams, pinyin, terms."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from itertools import pairwise

from knowledge.aliases import AliasTable, default_aliases
from knowledge.normalise import normalise
from knowledge.phonetic import syllables
from knowledge.soundfix import SoundFixer
from knowledge.terms import PolicyTerms, default_terms


def bigrams(tokens: str | list[str], sep: str = "") -> list[str]:
    """Adjacent pairs; a single token stands for itself."""
    if len(tokens) == 1:
        return [tokens[0]]
    if sep:
        return [a + sep + b for a, b in pairwise(tokens)]
    return [a + b for a, b in pairwise(tokens)]


@dataclass(frozen=True)
class Analysed:
    text: str  # normalised and alias-rewritten
    chars: list[str]  # character bigrams
    sounds: list[str]  # folded pinyin-syllable bigrams
    spoken: str  # folded syllables joined by spaces (for fuzzy matching)
    terms: list[str]  # policy terms found


class Analyzer:
    def __init__(self, aliases: AliasTable | None = None, terms: PolicyTerms | None = None) -> None:
        self.aliases = aliases if aliases is not None else default_aliases()
        self.terms = terms if terms is not None else default_terms()
        self.sounds = SoundFixer(self.aliases.words | self.terms.topics_of.keys())

    def analyse(self, raw: str, *, with_terms: bool = True, known: Container[str] = ()) -> Analysed:
        """`with_terms`: a question (voice slips repaired, policy terms found); `known`: character
        bigrams of the indexed text, which the repair leaves alone."""
        clean = normalise(raw)
        if with_terms:  # a question: repair voice slips first
            clean = self.sounds.fix(clean, known)
        text = self.aliases.rewrite(clean)
        compact = text.replace(" ", "")
        sylls = syllables(text)
        return Analysed(
            text=compact,
            chars=bigrams(compact) if compact else [],
            sounds=bigrams(sylls, "_") if sylls else [],
            spoken=" ".join(sylls),
            terms=self.terms.find(text) if with_terms else [],
        )
