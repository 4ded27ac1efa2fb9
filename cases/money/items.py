"""Payment items as data (items.yaml): which status each requires, and whether it is discretionary."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "items.yaml"
STATUSES = ("脱贫户", "监测户", "低保户", "特困户", "一般户")
RELATIONS = ("户主", "配偶", "子女", "父母", "其他")


@dataclass(frozen=True)
class Item:
    name: str
    requires: str | None
    discretionary: bool
    monthly: bool
    basis: str
    disclosed: bool = False


@lru_cache(maxsize=1)
def items() -> dict[str, Item]:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    found = {
        str(r["name"]): Item(
            name=str(r["name"]),
            requires=r.get("requires") or None,
            discretionary=bool(r.get("discretionary")),
            monthly=bool(r.get("monthly")),
            basis=str(r["basis"]),
            disclosed=bool(r.get("disclosed")),
        )
        for r in raw
    }
    bad = [i.name for i in found.values() if i.requires is not None and i.requires not in STATUSES]
    if bad:
        raise ValueError(f"items.yaml: unknown household status required by {bad}")
    return found
