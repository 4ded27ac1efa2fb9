"""Read an import file (CSV in UTF-8 with or without a BOM, or the first sheet of an .xlsx) into rows.

Each kind has an English and a Chinese header; either is accepted, and columns may come in any order.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

HEADERS: dict[str, tuple[tuple[str, str], ...]] = {
    "households": (
        ("household_id", "户编号"),
        ("village_code", "村代码"),
        ("person_id", "身份证号"),
        ("name", "姓名"),
        ("relation", "与户主关系"),
        ("status", "户类型"),
    ),
    "payments": (
        ("payment_id", "发放编号"),
        ("item", "项目"),
        ("person_id", "身份证号"),
        ("name", "姓名"),
        ("village_code", "村代码"),
        ("period", "所属期"),
        ("amount", "金额"),
        ("paid_on", "发放日期"),
        ("account", "账号"),
    ),
    "deaths": (("person_id", "身份证号"), ("name", "姓名"), ("died_on", "死亡日期")),
    "cadres": (
        ("person_id", "身份证号"),
        ("name", "姓名"),
        ("village_code", "村代码"),
        ("post", "职务"),
        ("relative_id", "亲属身份证号"),
        ("relative_name", "亲属姓名"),
        ("relation", "关系"),
    ),
}
KINDS = tuple(HEADERS)


class BadFile(ValueError):
    """The file cannot be read at all (unknown format, wrong header): nothing is imported."""


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]  # English column name -> stripped text


def read_rows(kind: str, path: Path) -> list[Row]:
    return list(iter_rows(kind, path))


def iter_rows(kind: str, path: Path) -> Iterator[Row]:
    """The file's data rows, read as they are needed; BadFile (unreadable file, wrong header) comes at once."""
    if kind not in HEADERS:
        raise BadFile(f"未知的数据类型 {kind}，应为 {'、'.join(KINDS)} 之一")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        lines = _xlsx_lines(path)
    elif suffix in (".csv", ".txt"):
        lines = _csv_lines(path)
    else:
        raise BadFile(f"不支持的文件格式 {suffix or '(无扩展名)'}：请用 CSV（UTF-8）或 .xlsx")
    try:
        _, header = next(lines)
    except StopIteration:
        raise BadFile("文件是空的") from None
    return _data_rows(lines, _columns(kind, header), len(header))


def _data_rows(lines: Iterator[tuple[int, list[str]]], columns: dict[str, int], width: int) -> Iterator[Row]:
    for line, cells in lines:
        if not any(c.strip() for c in cells):
            continue
        padded = [*cells, *[""] * (width - len(cells))]
        yield Row(line, {name: padded[i].strip() for name, i in columns.items()})


def _columns(kind: str, header: list[str]) -> dict[str, int]:
    names = [h.strip().lstrip("\ufeff") for h in header]
    found: dict[str, int] = {}
    missing = []
    for english, chinese in HEADERS[kind]:
        at = next((i for i, n in enumerate(names) if n in (english, chinese)), None)
        if at is None:
            missing.append(f"{english}（{chinese}）")
        else:
            found[english] = at
    if missing:
        raise BadFile("表头缺少列：" + "、".join(missing))
    return found


def _csv_lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            for cells in reader:
                yield reader.line_num, cells
        except UnicodeDecodeError as exc:
            raise BadFile("文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8”") from exc


def _xlsx_lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a damaged or mislabelled file
        raise BadFile("无法读取该 .xlsx 文件") from exc
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell(v) for v in values]
    finally:
        book.close()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):  # a date typed into Excel comes back as midnight of that day
        return str(value.date())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
