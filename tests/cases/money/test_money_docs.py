"""docs/money.md's example rows import cleanly, and every rule and item it must name is there (#21)."""

from __future__ import annotations

import re
from pathlib import Path

from cases.money.checks import rules
from cases.money.files import HEADERS, Row
from cases.money.importer import RowProblem, parse_cadre, parse_death, parse_household, parse_payment
from cases.money.items import items

DOC = (Path(__file__).resolve().parents[3] / "docs" / "money.md").read_text(encoding="utf-8")
PARSERS = {"households": parse_household, "payments": parse_payment, "deaths": parse_death, "cadres": parse_cadre}


def test_every_example_row_is_valid() -> None:
    block = DOC.split("```\n户编号", 1)[1].split("```", 1)[0]
    sections = ("户编号" + block).strip().split("\n\n")
    assert len(sections) == 4
    villages = {"630223106213", "630223106201"}
    for kind, section in zip(PARSERS, sections, strict=True):
        header, *rows = section.splitlines()
        assert header.split(",") == [h[1] for h in HEADERS[kind]]
        for line in rows:
            values = dict(zip((h[0] for h in HEADERS[kind]), line.split(","), strict=True))
            try:
                PARSERS[kind](Row(2, values).values, villages)
            except RowProblem as problem:
                raise AssertionError(f"{kind}: {line}: {problem}") from None


def test_every_rule_and_item_is_documented() -> None:
    for code, rule in rules().items():
        assert f"`{code}`" in DOC and rule.name in DOC
    for name in items():
        assert name in DOC
    assert re.search(r"QF_IDENTITY_KEY", DOC)
