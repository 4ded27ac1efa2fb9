"""Find a village-level unit from what a villager types: a code, a name, or town/county plus name."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pypinyin import lazy_pinyin
from rapidfuzz import fuzz, process
from sqlalchemy.orm import Session

from storage.repos.villages import Place, list_places

MIN_SCORE = 50.0
# A homophone ("土关" for 土观) is a good guess but must rank below the characters actually typed.
PINYIN_WEIGHT = 0.9

_COMMITTEE = re.compile(r"(?:社区)?(?:村民委员会|居民委员会|村委会|居委会|委员会)$|社区$")
_TOWN_SUFFIX = re.compile(r"(?:藏族|回族|土族|撒拉族|蒙古族)?(?:街道|镇|乡)$")
_COUNTY_SUFFIX = re.compile(r"(?:(?:回族|土族|撒拉族|藏族|蒙古族)+自治县|区|县|市)$")
_SEPARATORS = re.compile(r"[\s\W_]+")  # punctuation and spaces; CJK and ASCII letters/digits are \w


@dataclass(frozen=True)
class Match:
    place: Place
    score: float  # 0-100


def normalise(text: str) -> str:
    """NFKC folds full-width digits and letters; separators become one space."""
    return _SEPARATORS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def village_core(name: str) -> str:
    """土观村委会 -> 土观: the part people actually say."""
    return _COMMITTEE.sub("", name) or name


def _core(name: str, suffix: re.Pattern[str]) -> str:
    core = suffix.sub("", name)
    return core if len(core) >= 2 else name


def _pinyin(text: str) -> str:
    return "".join(lazy_pinyin(text))


def _query_variants(text: str) -> list[str]:
    """The text as typed, without a committee suffix, and without a trailing 村 (土观村 -> 土观)."""
    stripped = _COMMITTEE.sub("", text)
    bare = stripped[:-1] if stripped.endswith("村") else stripped
    return list(dict.fromkeys(v for v in (text, stripped, bare) if v))


class PlaceIndex:
    """Normalised names, pinyin and town/county aliases, computed once; build it once per process."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.places: tuple[Place, ...] = tuple(places)
        self._codes = [p.code for p in self.places]
        self._cores = [normalise(village_core(p.name)).replace(" ", "") for p in self.places]
        self._pinyin = [_pinyin(core) for core in self._cores]
        self._members: dict[str, list[int]] = {}
        aliases: dict[str, set[str]] = {}
        for i, p in enumerate(self.places):
            self._members.setdefault(p.town_code, []).append(i)
            self._members.setdefault(p.county_code, []).append(i)
            for alias in {p.town_name, _core(p.town_name, _TOWN_SUFFIX)}:
                aliases.setdefault(normalise(alias), set()).add(p.town_code)
            for alias in {p.county_name, _core(p.county_name, _COUNTY_SUFFIX)}:
                aliases.setdefault(normalise(alias), set()).add(p.county_code)
        # Longest first, so 五十镇 is taken whole before its core 五十 could match.
        self._aliases = sorted(aliases.items(), key=lambda item: -len(item[0]))

    @classmethod
    def from_session(cls, session: Session) -> PlaceIndex:
        return cls(list_places(session))

    def find(self, text: str, *, limit: int = 5) -> list[Match]:
        query = normalise(text)
        compact = query.replace(" ", "")
        if not compact or limit <= 0:
            return []
        if compact.isascii() and compact.isdigit():
            return self._find_code(compact, limit)
        scores = self._score(compact, None)
        rest, context = self._qualifiers(query)
        if context:
            # "五十镇土观": score 土观 against the villages of 五十镇 only, keep the better reading.
            for i, score in self._score(rest, context).items():
                scores[i] = max(score, scores.get(i, 0.0))
        ranked = sorted(
            (i for i, s in scores.items() if s >= MIN_SCORE),
            key=lambda i: (-scores[i], not self.places[i].is_village, self._codes[i]),
        )
        return [Match(self.places[i], round(scores[i], 1)) for i in ranked[:limit]]

    def _find_code(self, digits: str, limit: int) -> list[Match]:
        if len(digits) > 12:
            return []
        if len(digits) == 12:
            exact = [Match(p, 100.0) for p in self.places if p.code == digits]
            if exact:
                return exact
            while digits.endswith("000"):  # a padded town or county code means "in that unit"
                digits = digits[:-3]
        score = round(50.0 + 50.0 * len(digits) / 12, 1)
        hits = [Match(p, score) for p in self.places if p.code.startswith(digits)]
        return sorted(hits, key=lambda m: m.place.code)[:limit]

    def _qualifiers(self, query: str) -> tuple[str, list[int] | None]:
        """Take leading county/town names off the query ("互助 五十镇 土观", "五十镇土观").

        Only a prefix counts, and something must remain, so 李家村 is never read as 李家乡 + 村.
        """
        rest = query
        groups: list[set[str]] = []
        while True:
            rest = rest.lstrip()
            # The longest alias decides: 高庙镇社区 must not fall back to 高庙 + 镇社区.
            taken = next((a for a in self._aliases if rest.startswith(a[0])), None)
            if taken is None or not _has_name(rest[len(taken[0]) :]):
                break
            groups.append(taken[1])
            rest = rest[len(taken[0]) :]
        rest = rest.replace(" ", "")
        if not groups:
            return rest, None
        allowed = set.intersection(*({i for code in g for i in self._members[code]} for g in groups))
        return rest, sorted(allowed)

    def _score(self, text: str, indices: list[int] | None) -> dict[int, float]:
        """Best ratio per place index, over the query variants and their pinyin."""
        choices: Sequence[str] | dict[int, str] = self._cores
        pinyin: Sequence[str] | dict[int, str] = self._pinyin
        if indices is not None:
            choices = {i: self._cores[i] for i in indices}
            pinyin = {i: self._pinyin[i] for i in indices}
        scores: dict[int, float] = {}
        variants = _query_variants(text)
        for variant in variants:
            for _, score, i in process.extract(variant, choices, scorer=fuzz.ratio, limit=None, score_cutoff=MIN_SCORE):
                scores[i] = max(score, scores.get(i, 0.0))
        spoken = _pinyin(variants[-1])
        cutoff = MIN_SCORE / PINYIN_WEIGHT
        hits = process.extract(spoken, pinyin, scorer=fuzz.ratio, limit=None, score_cutoff=cutoff)
        for _, score, i in hits:
            scores[i] = max(score * PINYIN_WEIGHT, scores.get(i, 0.0))
        return scores


def _has_name(text: str) -> bool:
    """Whether a village name is left once spaces and a bare 村/村委会 suffix are gone."""
    return bool(_COMMITTEE.sub("", text.replace(" ", "")).removesuffix("村"))


_last: tuple[Sequence[Place], PlaceIndex] | None = None


def find_places(places: Sequence[Place], text: str, *, limit: int = 5) -> list[Match]:
    """Best matches first. Reuses the index while it is called with the same `places` object."""
    global _last  # a one-slot per-process cache
    if _last is None or _last[0] is not places or len(_last[1].places) != len(places):
        _last = (places, PlaceIndex(places))
    return _last[1].find(text, limit=limit)
