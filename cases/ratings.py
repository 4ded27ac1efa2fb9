"""The five levels of the 好差评 rating (国办发〔2019〕51号), their labels, and how satisfaction is weighted.

Stored as 1..5 in `cases.rating` and the statistics: 1 非常满意 … 5 非常不满意. Before migration 0021 there were three
levels (1 满意, 2 基本满意, 3 不满意); that migration moves them to 2, 3 and 4, as `FROM_THREE_LEVELS` says.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Final


class Rating(IntEnum):
    VERY_SATISFIED = 1
    SATISFIED = 2
    BASICALLY_SATISFIED = 3
    DISSATISFIED = 4
    VERY_DISSATISFIED = 5


LABELS: Final[dict[int, str]] = {
    Rating.VERY_SATISFIED: "非常满意",
    Rating.SATISFIED: "满意",
    Rating.BASICALLY_SATISFIED: "基本满意",
    Rating.DISSATISFIED: "不满意",
    Rating.VERY_DISSATISFIED: "非常不满意",
}

# A rating at these levels starts the rectification loop (回访 and 整改) and reopens the case.
DISSATISFIED: Final[frozenset[int]] = frozenset({Rating.DISSATISFIED, Rating.VERY_DISSATISFIED})

# 满意率 counts each rated case by its level's weight; 基本满意 counts for part, as county 12345 rules commonly do.
# The weights are shown on the statistics pages next to the figure.
WEIGHTS: Final[dict[int, float]] = {
    Rating.VERY_SATISFIED: 1.0,
    Rating.SATISFIED: 1.0,
    Rating.BASICALLY_SATISFIED: 0.6,
    Rating.DISSATISFIED: 0.0,
    Rating.VERY_DISSATISFIED: 0.0,
}
WEIGHTS_TEXT: Final = "满意率 =（非常满意 + 满意 + 基本满意 × 0.6）÷ 参评件数"

# The three-level ratings stored before migration 0021, and where that migration puts them.
FROM_THREE_LEVELS: Final[dict[int, int]] = {1: Rating.SATISFIED, 2: Rating.BASICALLY_SATISFIED, 3: Rating.DISSATISFIED}


def satisfaction(counts: dict[int, int]) -> float | None:
    """The weighted share of satisfied ratings, from counts per level; None when nothing was rated."""
    rated = sum(counts.values())
    if not rated:
        return None
    return sum(WEIGHTS[level] * n for level, n in counts.items()) / rated
