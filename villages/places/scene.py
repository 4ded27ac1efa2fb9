"""QR scene strings on village posters: `<12-digit village code>` or `<village code>-<poster number>`."""

from __future__ import annotations

import re
from typing import NamedTuple

# ASCII digits only (\d would accept full-width digits); no leading zero, at most 6 digits in n.
_SCENE = re.compile(r"([0-9]{12})(?:-([1-9][0-9]{0,5}))?")


class Scene(NamedTuple):
    village_code: str
    poster_no: int | None  # None: the village's generic code, not a numbered poster


def parse_scene(scene: str) -> Scene | None:
    """Return the scene's village code and poster number, or None for anything we did not print."""
    match = _SCENE.fullmatch(scene.strip())
    if match is None:
        return None
    code, number = match.groups()
    return Scene(code, int(number) if number else None)


def format_scene(village_code: str, poster_no: int) -> str:
    """The scene of a village's poster: the bare code for poster 1, `<code>-<n>` for the others."""
    if poster_no < 1:
        raise ValueError("poster numbers start at 1")
    return village_code if poster_no == 1 else f"{village_code}-{poster_no}"
