"""Which cadres a villager's words name, so a report or inquiry about them never reaches the accused.

The vocabulary is data (cases/data/cadre_terms.yaml): titles that tell their level by themselves
(村长, 镇长, 包村干部, 局长), and generic roles (书记, 主任, 干部, 领导) whose level is read from the
nearest 县/乡/镇/村/社/组 before them in the same clause ("五十镇的书记", "村里的妇联主任"). A role with
no such place is a cadre of unknown level, which the router lifts like a town cadre: when in doubt, up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parents[1] / "data" / "cadre_terms.yaml"
LEVELS = ("village", "town", "county")
# Which mention explains a report best when it names several: the highest level it reaches.
_STRENGTH = {"county": 3, "town": 2, "unknown": 1, "village": 0}
_CLAUSE_END = re.compile(r"[，。；！？、,.;!?\s\n：:“”\"（）()]")


@dataclass(frozen=True)
class Mention:
    level: str  # village, town, county, or unknown (a cadre whose level the words do not tell)
    word: str  # as the villager wrote it, for the routing explanation


@dataclass(frozen=True)
class Vocabulary:
    titles: tuple[tuple[str, str], ...]  # (word, level), longest first
    offices: frozenset[str]
    place_after: tuple[str, ...]
    roles: tuple[str, ...]  # longest first
    markers: dict[str, str]  # character -> level
    window: int
    not_cadres: tuple[str, ...]


def _words(items: Any) -> list[str]:
    return [str(w).strip() for w in items or () if str(w).strip()]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    titles = [(w, level) for level in LEVELS for w in _words(raw["titles"].get(level))]
    markers = {ch: level for level in LEVELS for m in _words(raw["markers"].get(level)) for ch in m}
    return Vocabulary(
        titles=tuple(sorted(titles, key=lambda t: -len(t[0]))),
        offices=frozenset(_words(raw.get("offices"))),
        place_after=tuple(_words(raw.get("place_after"))),
        roles=tuple(sorted(_words(raw["roles"]), key=len, reverse=True)),
        markers=markers,
        window=int(raw.get("marker_window", 8)),
        not_cadres=tuple(_words(raw.get("not_cadres"))),
    )


def mentions(text: str) -> list[Mention]:
    """Every cadre the text names, in order of appearance."""
    vocab = vocabulary()
    covered = [False] * len(text)
    for word in vocab.not_cadres:
        for m in re.finditer(re.escape(word), text):
            covered[m.start() : m.end()] = [True] * len(word)
    found: list[tuple[int, Mention]] = []
    for word, level in vocab.titles:
        for start in _free(text, word, covered):
            end = start + len(word)
            covered[start:end] = [True] * len(word)
            if word in vocab.offices and text.startswith(vocab.place_after, end):
                continue  # "镇政府门口": a place, not a person
            found.append((start, Mention(level, word)))
    for role in vocab.roles:
        for start in _free(text, role, covered):
            covered[start : start + len(role)] = [True] * len(role)
            found.append((start, _role_mention(text, start, role, vocab)))
    return [mention for _, mention in sorted(found, key=lambda f: f[0])]


def strongest(text: str) -> Mention | None:
    """The mention that decides the routing: the highest level the text reaches, first such word."""
    found = mentions(text)
    return max(found, key=lambda m: _STRENGTH[m.level]) if found else None


def _free(text: str, word: str, covered: list[bool]) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text) if not any(covered[m.start() : m.end()])]


def _role_mention(text: str, start: int, role: str, vocab: Vocabulary) -> Mention:
    """A generic role takes the level of the nearest place marker before it in the same clause."""
    end = start + len(role)
    for i in range(start - 1, max(-1, start - 1 - vocab.window), -1):
        if _CLAUSE_END.match(text[i]):
            break
        level = vocab.markers.get(text[i])
        if level is not None:
            return Mention(level, text[i:end])
    # "王书记", "李主任": name the person as the villager did.
    before = start - 1 if start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" else start
    return Mention("unknown", text[before:end])
