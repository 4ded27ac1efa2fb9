"""Report categories, loaded from categories.yaml: label, routing default and deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).with_name("categories.yaml")

# Who is reported, asked for the categories about cadres.
CADRE_LEVELS: tuple[tuple[str, str], ...] = (
    ("village", "村干部"),
    ("town", "乡镇干部"),
    ("county", "县级部门干部"),
    ("unknown", "其他或不清楚"),
)


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    about_cadres: bool
    route: str  # discipline | revitalization
    first_response_days: int
    resolve_days: int
    basis: str


def _parse(item: dict[str, Any]) -> Category:
    category = Category(
        code=str(item["code"]),
        label=str(item["label"]),
        about_cadres=bool(item["about_cadres"]),
        route=str(item["route"]),
        first_response_days=int(item["first_response_days"]),
        resolve_days=int(item["resolve_days"]),
        basis=str(item["basis"]),
    )
    if category.route not in ("discipline", "revitalization"):
        raise ValueError(f"category {category.code}: unknown route {category.route!r}")
    return category


@lru_cache(maxsize=1)
def categories() -> tuple[Category, ...]:
    """All categories in the order villagers see them."""
    items = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return tuple(_parse(item) for item in items)


def by_code(code: str) -> Category | None:
    return next((c for c in categories() if c.code == code), None)


def cadre_level_label(code: str | None) -> str:
    return dict(CADRE_LEVELS).get(code or "", "")
