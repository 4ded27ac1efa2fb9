"""Read an import file (CSV in UTF-8 with or without a BOM, or the first sheet of an .xlsx) into rows.

Each kind has an English and a Chinese header; either is accepted, and columns may come in any order.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from operator import itemgetter
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
_NOT_UTF8 = "文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8”"
_BREAK = re.compile(r"\r\n|\r|\n")


class BadFile(ValueError):
    """The file cannot be read at all (unknown format, wrong header): nothing is imported."""


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]  # English column name -> stripped text


def read_rows(kind: str, path: Path) -> list[Row]:
    return list(iter_rows(kind, path))


@dataclass(frozen=True)
class Batch:
    """Consecutive data rows held by column, the shape the importer validates in bulk."""

    lines: list[int]
    columns: dict[str, list[str]]  # English column name (HEADERS order) -> stripped text, one per line

    def take(self, at: list[int]) -> Batch:
        return Batch([self.lines[i] for i in at], {n: [c[i] for i in at] for n, c in self.columns.items()})

    def values(self, i: int) -> dict[str, str]:
        return {name: column[i] for name, column in self.columns.items()}


def iter_rows(kind: str, path: Path) -> Iterator[Row]:
    """The file's data rows, read as they are needed; BadFile (unreadable file, wrong header) comes at once."""
    lines, columns, width = _open(kind, path)
    return _data_rows(lines, columns, width)


def iter_batches(kind: str, path: Path, size: int) -> Iterator[Batch]:
    """The file's data rows (as iter_rows reads them), `size` at a time by column; BadFile (unreadable file,
    wrong header) comes at once."""
    if kind in HEADERS and path.suffix.lower() in (".csv", ".txt"):
        return _csv_batches(kind, path, size)
    lines, columns, width = _open(kind, path)
    return _batches(lines, columns, width, size)


def _open(kind: str, path: Path) -> tuple[Iterator[tuple[int, list[str]]], dict[str, int], int]:
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
    return lines, _columns(kind, header), len(header)


def _data_rows(lines: Iterator[tuple[int, list[str]]], columns: dict[str, int], width: int) -> Iterator[Row]:
    for line, cells in lines:
        if not any(c.strip() for c in cells):
            continue
        padded = [*cells, *[""] * (width - len(cells))]
        yield Row(line, {name: padded[i].strip() for name, i in columns.items()})


def _csv_batches(kind: str, path: Path, size: int) -> Iterator[Batch]:
    """The header is checked at once (BadFile); the file is opened again when the first batch is asked for,
    so a reader that is never started (the import reads in a second process) holds no open file."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        try:
            header = next(csv.reader(handle), None)
        except UnicodeDecodeError as exc:
            raise BadFile(_NOT_UTF8) from exc
    if header is None:
        raise BadFile("文件是空的")
    return _csv_chunks(path, _columns(kind, header), len(header), size)


def _csv_chunks(path: Path, columns: dict[str, int], width: int, size: int) -> Iterator[Batch]:
    """Rows are taken `size` at a time without a Python step per row; only a batch with a cell that spans
    lines needs its line numbers counted row by row."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            next(reader, None)  # the header, checked before
        except UnicodeDecodeError as exc:
            raise BadFile(_NOT_UTF8) from exc
        read = reader.line_num
        while True:
            try:
                rows: list[list[str]] = list(islice(reader, size))
            except UnicodeDecodeError as exc:
                raise BadFile(_NOT_UTF8) from exc
            if not rows:
                return
            if reader.line_num - read == len(rows):
                lines = list(range(read + 1, reader.line_num + 1))
            else:
                lines = _line_numbers(rows, read)
            read = reader.line_num
            batch = _by_column(columns, width, lines, rows)
            if batch.lines:
                yield batch


def _line_numbers(rows: list[list[str]], read: int) -> list[int]:
    """Each row's last line, as csv's line_num counts them: a break inside a quoted cell is a line."""
    lines = []
    for cells in rows:
        read += 1 + sum(len(_BREAK.findall(c)) for c in cells)
        lines.append(read)
    return lines


def _by_column(columns: dict[str, int], width: int, lines: list[int], rows: list[list[str]]) -> Batch:
    if min(map(len, rows)) < width:
        rows = [r if len(r) >= width else [*r, *[""] * (width - len(r))] for r in rows]
    batch = Batch(lines, {name: list(map(str.strip, map(itemgetter(i), rows))) for name, i in columns.items()})
    # A blank line (or one of empty cells only) is skipped; its first column is empty, so only those are looked at.
    first = batch.columns[next(iter(columns))]
    if "" in first:
        blank = {i for i, text in enumerate(first) if not text and not "".join(rows[i]).strip()}
        if blank:
            batch = batch.take([i for i in range(len(lines)) if i not in blank])
    return batch


def _batches(lines: Iterator[tuple[int, list[str]]], columns: dict[str, int], width: int, size: int) -> Iterator[Batch]:
    """The same rows as _data_rows, but the per-row work is only picking the cells: stripping and everything
    after it runs a column at a time."""
    pick = itemgetter(*columns.values())
    names = list(columns)
    numbers: list[int] = []
    picked: list[tuple[str, ...]] = []
    for line, cells in lines:
        if len(cells) < width:
            cells = [*cells, *[""] * (width - len(cells))]
        if not "".join(cells).strip():  # a blank line, or one of empty cells only
            continue
        numbers.append(line)
        picked.append(pick(cells))
        if len(picked) >= size:
            yield _batch(names, numbers, picked)
            numbers, picked = [], []
    if picked:
        yield _batch(names, numbers, picked)


def _batch(names: list[str], numbers: list[int], picked: list[tuple[str, ...]]) -> Batch:
    by_column = zip(*picked, strict=True)
    return Batch(numbers, {name: list(map(str.strip, cells)) for name, cells in zip(names, by_column, strict=True)})


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
            raise BadFile(_NOT_UTF8) from exc


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
