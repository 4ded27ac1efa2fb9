"""What villagers ask that the knowledge base cannot answer: their refused questions grouped by
similarity, most asked first, for the maintainers' page (issue #19 §3)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from knowledge.normalise import normalise

SIMILAR = 60  # rapidfuzz ratio of two normalised questions in one group
EXAMPLES = 5


@dataclass
class Group:
    key: str  # the normalised text of its most asked question
    question: str  # that question as a villager wrote it
    count: int = 0
    examples: list[str] = field(default_factory=list)
    counties: Counter[str] = field(default_factory=Counter)

    @property
    def county(self) -> str | None:
        """The county asking most (its villagers' view decides whether the group is covered)."""
        return self.counties.most_common(1)[0][0] if self.counties else None


def group_questions(asked: Iterable[tuple[str, str | None]], *, limit: int = 200) -> list[Group]:
    """(text, county) pairs -> groups of similar questions, largest first. Each distinct text joins the
    first group (by size) whose question it resembles; distinct texts are met most asked first."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, str] = {}
    counties: dict[str, Counter[str]] = {}
    for text, county in asked:
        key = normalise(text)
        if not key:
            continue
        counts[key] += 1
        first_seen.setdefault(key, text)
        if county:
            counties.setdefault(key, Counter())[county] += 1
    groups: list[Group] = []
    for key, count in counts.most_common():
        home = next((g for g in groups if fuzz.ratio(key, g.key) >= SIMILAR), None)
        if home is None:
            home = Group(key, first_seen[key])
            groups.append(home)
        home.count += count
        home.counties.update(counties.get(key, Counter()))
        if len(home.examples) < EXAMPLES:
            home.examples.append(first_seen[key])
    groups.sort(key=lambda g: -g.count)
    return groups[:limit]
