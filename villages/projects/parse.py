"""Parse and validate a village projects CSV (项目公开). Pure: no database.

Columns, in this order, with English or Chinese headers:

    village_code,name,year,fund_source,amount_yuan,implementing_unit,status,start_date,completion_date,beneficiaries
    村代码,项目名称,年度,资金来源,金额（元）,实施单位,状态,开工日期,完工日期,受益人数

Lines starting with # are comments. Dates are YYYY-MM-DD (or YYYY/MM/DD); the last three columns may be empty.
`fund_source` may list several sources with their amounts, and `implementing_unit` may name the contractor
(villages/projects/fields.py says how; both are checked here).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from storage.repos.projects import ProjectRow
from villages.places.registry import BadRow
from villages.projects.fields import BadCell, check_units, fund_parts

HEADER = (
    "village_code",
    "name",
    "year",
    "fund_source",
    "amount_yuan",
    "implementing_unit",
    "status",
    "start_date",
    "completion_date",
    "beneficiaries",
)
HEADER_ZH = (
    "村代码",
    "项目名称",
    "年度",
    "资金来源",
    "金额（元）",
    "实施单位",
    "状态",
    "开工日期",
    "完工日期",
    "受益人数",
)
STATUSES = ("未开工", "在建", "已完工", "已验收", "已暂停", "已终止")
MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_AMOUNT = Decimal("1000000000")  # one billion yuan: far above any village project, catches unit mistakes
_CODE = re.compile(r"[0-9]{12}")
_DATE = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")
_LIMITS = {"name": 200, "fund_source": 100, "implementing_unit": 200}


@dataclass(frozen=True)
class ParsedProjects:
    rows: tuple[tuple[int, ProjectRow], ...]  # (line, row)
    bad: tuple[BadRow, ...]


class _Bad(ValueError):
    pass


def read_projects(path: Path, *, demo: bool = False) -> ParsedProjects:
    return parse_projects(path.read_bytes(), demo=demo)


def parse_projects(data: bytes, *, demo: bool = False) -> ParsedProjects:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return ParsedProjects((), (BadRow(line, "file is not UTF-8 text (GBK?); save it as UTF-8"),))
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, ProjectRow]] = []
    bad: list[BadRow] = []
    seen: dict[tuple[str, str, int], int] = {}
    header_seen = False
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if not header_seen:
            header = tuple(c.strip() for c in cells)
            if header not in (HEADER, HEADER_ZH):
                reason = f"wrong header {','.join(cells)!r}; expected {','.join(HEADER)!r}"
                return ParsedProjects((), (BadRow(line, reason),))
            header_seen = True
            continue
        try:
            row = _row(cells, demo=demo)
        except _Bad as exc:
            bad.append(BadRow(line, str(exc)))
            continue
        key = (row.village_code, row.name, row.year)
        if key in seen:
            bad.append(BadRow(line, f"same village, name and year as line {seen[key]}"))
            continue
        seen[key] = line
        rows.append((line, row))
    if not header_seen:
        return ParsedProjects((), (BadRow(1, "file is empty; expected a header line"),))
    return ParsedProjects(tuple(rows), tuple(bad))


def _row(cells: list[str], *, demo: bool) -> ProjectRow:
    if len(cells) != len(HEADER):
        raise _Bad(f"expected {len(HEADER)} columns, found {len(cells)}")
    v = dict(zip(HEADER, (c.strip() for c in cells), strict=True))
    if not _CODE.fullmatch(v["village_code"]):
        raise _Bad(f"village_code {v['village_code']!r} is not 12 digits")
    for name, limit in _LIMITS.items():
        if not v[name]:
            raise _Bad(f"{name} is empty")
        if len(v[name]) > limit:
            raise _Bad(f"{name} is longer than {limit} characters")
    if v["status"] not in STATUSES:
        raise _Bad(f"status {v['status']!r} is not one of {'/'.join(STATUSES)}")
    start, done = _date(v, "start_date"), _date(v, "completion_date")
    if start and done and done < start:
        raise _Bad("completion_date is before start_date")
    amount = _amount(v["amount_yuan"])
    try:
        fund_parts(v["fund_source"], amount)
        check_units(v["implementing_unit"])
    except BadCell as exc:
        raise _Bad(str(exc)) from None
    return ProjectRow(
        village_code=v["village_code"],
        name=v["name"],
        year=_year(v["year"]),
        fund_source=v["fund_source"],
        amount_yuan=amount,
        implementing_unit=v["implementing_unit"],
        status=v["status"],
        start_date=start,
        completion_date=done,
        beneficiaries=_count(v["beneficiaries"]),
        is_demo=demo,
    )


def _year(text: str) -> int:
    if not re.fullmatch(r"[0-9]{4}", text) or not MIN_YEAR <= int(text) <= MAX_YEAR:
        raise _Bad(f"year {text!r} is not a year between {MIN_YEAR} and {MAX_YEAR}")
    return int(text)


def _amount(text: str) -> Decimal:
    cleaned = text.replace(",", "").removesuffix("元").strip()
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise _Bad(f"amount_yuan {text!r} is not a number") from None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        raise _Bad(f"amount_yuan {text!r} must be between 0 and {MAX_AMOUNT} yuan")
    if amount != amount.quantize(Decimal("0.01")):
        raise _Bad(f"amount_yuan {text!r} has more than 2 decimals")
    return amount.quantize(Decimal("0.01"))


def _date(v: dict[str, str], column: str) -> date | None:
    text = v[column]
    if not text:
        return None
    m = _DATE.fullmatch(text)
    try:
        if m is None:
            raise ValueError
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise _Bad(f"{column} {text!r} is not a date like 2024-05-01") from None


def _count(text: str) -> int | None:
    if not text:
        return None
    if not re.fullmatch(r"[0-9]{1,7}", text):
        raise _Bad(f"beneficiaries {text!r} is not a whole number of people")
    return int(text)
