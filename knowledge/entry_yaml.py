"""An entry's document as YAML in the format of the files under knowledge/entries: keys in their order,
Chinese as it is, text of several lines as a block."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def entry_yaml(data: Mapping[str, Any], width: int = 1_000_000) -> str:
    """The YAML of `data`; `width` folds longer lines (a draft for hand-editing folds at 1,000)."""
    return yaml.dump(dict(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=width)
