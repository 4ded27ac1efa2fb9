"""The text pipeline shared by entries and questions: normalise, aliases, bigrams, pinyin, terms."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.aliases import AliasTable, default_aliases
from knowledge.normalise import normalise
from knowledge.phonetic import syllables
from knowledge.terms import PolicyTerms, default_terms


def bigrams(tokens: str | list[str], sep: str = "") -> list[str]:
    """Adjacent pairs; a single token stands for itself."""
    if len(tokens) == 1:
        return [tokens[0]]
    return [tokens[i] + sep + tokens[i + 1] for i in range(len(tokens) - 1)]


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

    def analyse(self, raw: str, *, with_terms: bool = True) -> Analysed:
        text = self.aliases.rewrite(normalise(raw))
        compact = text.replace(" ", "")
        sylls = syllables(text)
        return Analysed(
            text=compact,
            chars=bigrams(compact) if compact else [],
            sounds=bigrams(sylls, "_") if sylls else [],
            spoken=" ".join(sylls),
            terms=self.terms.find(text) if with_terms else [],
        )
