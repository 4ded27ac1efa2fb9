"""What the two composite cells of a project row hold, read the same way by the import, the chat and the H5 page.

The projects table has one column for the fund source and one for the implementing unit; the data format lets
each carry more without a schema change (docs/data-formats.md):

- `fund_source`: one source (`以工代赈资金`), or several with their amounts, separated by `；` or `;`:
  `中央财政衔接资金60万元；县级财政配套26万元` (amounts in 元 or 万元; together they must make `amount_yuan`).
- `implementing_unit`: the unit, then optionally the contractor after `；承包：` (or `；承包单位：`):
  `五十镇人民政府；承包：青海某某建设工程有限公司`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_SPLIT = re.compile(r"[；;]")
# a source's amount at the end of its part: 60万元, 600000元, 26.5万, 600,000
_AMOUNT = re.compile(r"([0-9][0-9,]*(?:\.[0-9]{1,2})?)\s*(万元|万|元)?\s*$")
_CONTRACTOR = re.compile(r"^\s*承包(?:单位)?\s*[:：]\s*(.*)$")
ACCEPTED, DONE = "已验收", "已完工"


class BadCell(ValueError):
    """A composite cell that cannot be read; the message says what is wrong, for the import's report."""


@dataclass(frozen=True)
class FundPart:
    source: str
    amount_yuan: Decimal | None  # None: a single source named without an amount (it is the whole amount)


@dataclass(frozen=True)
class Units:
    implementer: str
    contractor: str | None  # None: not published


def fund_parts(cell: str, total: Decimal) -> tuple[FundPart, ...]:
    """The sources of a project's money. A single source without an amount is the whole of `total`."""
    parts = [p.strip() for p in _SPLIT.split(cell) if p.strip()]
    if not parts:
        raise BadCell("fund_source is empty")
    if len(parts) == 1 and _AMOUNT.search(parts[0]) is None:
        return (FundPart(parts[0], total),)
    read = tuple(_part(p) for p in parts)
    summed = sum((f.amount_yuan or Decimal(0) for f in read), Decimal(0))
    if summed != total:
        raise BadCell(f"fund_source amounts add up to {summed} yuan, not amount_yuan {total}")
    return read


def _part(text: str) -> FundPart:
    m = _AMOUNT.search(text)
    name = text[: m.start()].strip(" ：:，,") if m else text
    if m is None or not name:
        raise BadCell(f"fund_source part {text!r} needs a source and its amount, like 县级财政配套26万元")
    try:
        amount = Decimal(m[1].replace(",", ""))
    except InvalidOperation:
        raise BadCell(f"fund_source part {text!r} has no readable amount") from None
    if m[2] in ("万", "万元"):
        amount *= 10000
    return FundPart(name, amount.quantize(Decimal("0.01")))


def read_fund_parts(cell: str, total: Decimal) -> tuple[FundPart, ...]:
    """For display: what was published, never an error (a stored cell that does not add up shows as written)."""
    try:
        return fund_parts(cell, total)
    except BadCell:
        return (FundPart(cell, total),)


def units(cell: str) -> Units:
    """The implementing unit and, when published, the contractor."""
    head, sep, rest = cell.partition("；") if "；" in cell else cell.partition(";")
    if sep:
        m = _CONTRACTOR.match(rest)
        if m is not None:
            return Units(head.strip(), m[1].strip() or None)
    return Units(cell.strip(), None)


def check_units(cell: str) -> None:
    """The import's check: anything after the separator must be the contractor, and named."""
    head, sep, rest = cell.partition("；") if "；" in cell else cell.partition(";")
    if not sep:
        return
    m = _CONTRACTOR.match(rest)
    if not head.strip() or m is None or not m[1].strip():
        raise BadCell(f"implementing_unit {cell!r}: after the unit, only ；承包：<contractor> may follow")


def acceptance(status: str) -> str:
    """Acceptance (验收) as the villager reads it, from the project's status."""
    if status == ACCEPTED:
        return "已验收"
    if status == DONE:
        return "已完工，待验收"
    if status in ("已暂停", "已终止"):
        return f"未验收（项目{status}）"
    return "完工后验收"
