"""The hotlines printed on posters: villages/data/hotlines.yaml (12388 everywhere, plus county lines)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PACKAGED_HOTLINES = Path(__file__).parents[1] / "data" / "hotlines.yaml"
_NUMBER = re.compile(r"[0-9][0-9 -]{2,19}")
_COUNTY = re.compile(r"[0-9]{12}")


@dataclass(frozen=True)
class Hotline:
    name: str
    number: str


@dataclass(frozen=True)
class Hotlines:
    default: tuple[Hotline, ...]
    counties: dict[str, tuple[Hotline, ...]] = field(default_factory=dict)

    def for_county(self, county_code: str) -> tuple[Hotline, ...]:
        return self.default + self.counties.get(county_code, ())


class HotlineError(ValueError):
    pass


def load_hotlines(path: Path = PACKAGED_HOTLINES) -> Hotlines:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise HotlineError(f"{path}: expected a mapping with `default` and `counties`")
    default = _lines(data.get("default") or [], f"{path}: default")
    counties_raw = data.get("counties") or {}
    if not isinstance(counties_raw, dict):
        raise HotlineError(f"{path}: `counties` must map county codes to lists")
    counties: dict[str, tuple[Hotline, ...]] = {}
    for code, lines in counties_raw.items():
        if not _COUNTY.fullmatch(str(code)):
            raise HotlineError(f"{path}: {code!r} is not a 12-digit county code")
        counties[str(code)] = _lines(lines or [], f"{path}: county {code}")
    return Hotlines(default=default, counties=counties)


def _lines(raw: Any, where: str) -> tuple[Hotline, ...]:
    if not isinstance(raw, list):
        raise HotlineError(f"{where}: expected a list")
    out: list[Hotline] = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise HotlineError(f"{where}: each line needs a name and a number")
        number = str(item.get("number", "")).strip()
        if not _NUMBER.fullmatch(number):
            raise HotlineError(f"{where}: {number!r} is not a phone number")
        out.append(Hotline(name=item["name"].strip(), number=number))
    return tuple(out)
