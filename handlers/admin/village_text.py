"""A village as the staff pages name it: by its registry name, never its 12-digit code. A code the page
could not name (missing from the registry, or a name left blank) reads as a plain note for the
administrator instead."""

from __future__ import annotations

from collections.abc import Mapping

UNKNOWN_VILLAGE = "未登记的村（请管理员核对村庄名录）"


def village_name(names: Mapping[str, str], code: str | None) -> str:
    """The village's name from `names` (code -> name), or UNKNOWN_VILLAGE."""
    name = names.get(code or "", "").strip()
    return name or UNKNOWN_VILLAGE
