"""Dialect and colloquial aliases (aliases.yaml): rewrite a normalised text, longest match first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ALIASES_FILE = Path(__file__).with_name("aliases.yaml")


def _trie_pattern(keys: Iterable[str]) -> str:
    """A regex matching the longest of `keys` at a position, as a trie of nested groups: the
    regex engine then rejects a position on its first character instead of trying every key."""
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class AliasTable:
    """A one-pass rewriter. Targets are also keys mapping to themselves, so a canonical form is
    never rewritten from inside (小额信贷 in 脱贫人口小额信贷)."""

    def __init__(self, mapping: Mapping[str, str]) -> None:
        table = {target: target for target in mapping.values()}
        table.update(mapping)
        self._table = table
        # One capturing group: `split` then hands over the matches in C, with no callback per match.
        self._pattern = re.compile(f"({_trie_pattern(table)})") if table else None

    def __len__(self) -> int:
        return len(self._table)

    @property
    def words(self) -> frozenset[str]:
        """Every alias and canonical form."""
        return frozenset(self._table)

    def rewrite(self, text: str) -> str:
        if self._pattern is None:
            return text
        parts = self._pattern.split(text)  # text, match, text, match, ..., text
        table = self._table
        parts[1::2] = [table[match] for match in parts[1::2]]
        return "".join(parts)


def parse_aliases(data: object) -> dict[str, str]:
    """Flatten the sections of an aliases document into one alias -> canonical mapping."""
    if not isinstance(data, dict):
        raise ValueError("aliases: expected a mapping of sections")
    merged: dict[str, str] = {}
    for section, pairs in data.items():
        if not isinstance(pairs, dict):
            raise ValueError(f"aliases: section {section!r} is not a mapping")
        for alias, target in pairs.items():
            if not isinstance(alias, str) or not isinstance(target, str) or not alias:
                raise ValueError(f"aliases: bad pair {alias!r}: {target!r} in {section!r}")
            merged[alias] = target
    return merged


@lru_cache(maxsize=1)
def default_aliases() -> AliasTable:
    with ALIASES_FILE.open(encoding="utf-8") as fh:
        return AliasTable(parse_aliases(yaml.safe_load(fh)))
