"""The bulk import path (#21, import speed) gives exactly what the row-by-row rules give: the same rows read
from a file with the same line numbers, the same stored values, the same reasons for bad rows, and the same
counts when a file is imported over rows already stored, across batch boundaries."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cases.money import demo, importer
from cases.money.files import HEADERS, Batch, Row, iter_batches, iter_rows
from cases.money.synthetic import fake_account, fake_id
from storage.db import transaction
from storage.models.money import MoneyPayment
from storage.types import utcnow
from tests.cases_support import load_registry
from tests.money_support import BANYAN, TUGUAN, load, payment, write_csv

VILLAGES = {TUGUAN, BANYAN}


def test_batches_read_the_same_rows_and_lines_as_rows(tmp_path: Path) -> None:
    header = ",".join(h[1] for h in HEADERS["deaths"])
    text = (
        f"\ufeff{header}\r\n"
        f"{fake_id(1)},张三,2024-01-02\r\n"
        "\r\n"
        ",,\r\n"
        " , ,  \r\n"
        f' {fake_id(2)} ,"李\n四",2024-02-03\r\n'
        f'{fake_id(3)},"王\r\n五\r六",2024-03-04\r\n'
        f"{fake_id(4)},赵六\r\n"
        f"{fake_id(5)},钱七,2024-05-06,多余一列\r\n"
        ",孙八,\r\n"
        f"{fake_id(6)},周九,2024-06-07\r\n"
    )
    path = tmp_path / "deaths.csv"
    path.write_bytes(text.encode("utf-8"))
    rows = list(iter_rows("deaths", path))
    for size in (1, 2, 3, 50):
        batches = list(iter_batches("deaths", path, size))
        assert all(0 < len(b.lines) <= size for b in batches)
        read = [Row(line, b.values(i)) for b in batches for i, line in enumerate(b.lines)]
        assert read == rows
    assert [r.line for r in rows] == [2, 7, 10, 11, 12, 13, 14]
    assert rows[1].values["name"] == "李\n四" and rows[1].values["person_id"] == fake_id(2)


def _reference(kind: str, batch: Batch) -> tuple[list[int], importer.Columns, list[importer.BadRow]]:
    report = importer.ImportReport(kind)
    lines, columns = importer._row_by_row(importer._KINDS[kind], batch, set(VILLAGES), report)
    return lines, columns, report.bad


def _bulk(kind: str, batch: Batch) -> tuple[list[int], importer.Columns, list[importer.BadRow]]:
    report = importer.ImportReport(kind)
    checks = importer._Checks(known=set(VILLAGES))
    lines, columns = importer._validate(importer._KINDS[kind], batch, checks, report)
    return lines, {n: list(v) for n, v in columns.items()}, report.bad


def _batch(kind: str, rows: list[Row]) -> Batch:
    names = [h[0] for h in HEADERS[kind]]
    return Batch([r.line for r in rows], {n: [r.values[n] for r in rows] for n in names})


def _row(kind: str, line: int, text: str) -> Row:
    return Row(line, dict(zip([h[0] for h in HEADERS[kind]], text.split(","), strict=True)))


def test_bulk_validation_matches_row_by_row_on_good_and_bad_rows() -> None:
    data = demo.build(sorted(VILLAGES), people_per_village=60, planted=1, today=utcnow().date())
    bad_id = fake_id(3)[:-1] + ("0" if fake_id(3)[-1] != "0" else "1")
    line = 10_000
    crafted = {
        "households": [
            f"H9,{TUGUAN},{fake_id(91)},张三明,户主,特困",
            f"H9,{TUGUAN},{bad_id},张三明,户主,一般户",
            f"H9,630223999999,{fake_id(92)},张三明,户主,一般户",
            f"{'H' * 41},{TUGUAN},{fake_id(93)},张三明,户主,一般户",
            f"H9,{TUGUAN},{fake_id(94)},{'长' * 21},户主,一般户",
            f"H9,{TUGUAN},{fake_id(95)},张三明,舅舅,一般户",
            f",{TUGUAN},{fake_id(96)},张三明,户主,一般户",
            f"H9,{TUGUAN},{fake_id(97).lower()[:-1]}x,张三明,户主,一般户",
        ],
        "payments": [
            payment("B1", "低保金", 1, "张三明", "2025-13"),
            payment("B2", "低保金", 1, "张三明", "2025-01", amount="12.345"),
            payment("B3", "不存在的补贴", 1, "张三明", "2025-02"),
            payment("B4", "低保金", 1, "张三明", "2025-02", village="630223999999"),
            payment("B5", "低保金", 1, "张三明", "2025-02", paid_on="2025-02-30"),
            payment("B6", "高龄补贴", 1, "张三明", "2025-02", account="12AB"),
            payment("B7", "高龄补贴", 1, "张三明", "2025-02", account=" 6217 0000 1234 5678 "),
            f"B8,低保金,{bad_id},王五,{TUGUAN},2025-01,300,2025-01-15,{fake_account(3)}",
            payment("P" * 65, "低保金", 1, "张三明", "2025-02"),
            payment("", "低保金", 1, "张三明", "2025-02"),
            payment("B9", "低保金", 1, "", "2025-02"),
        ],
    }
    for kind in ("households", "payments"):
        rows = list(getattr(data, kind))
        for text in crafted[kind]:
            line += 1
            rows.insert(line % len(rows), _row(kind, line, text))
        batch = _batch(kind, rows)
        expected = _reference(kind, batch)
        assert len(expected[2]) >= len(crafted[kind]) - 1  # all but the spaced card number or the lower-case x
        assert _bulk(kind, batch) == expected
        good = _batch(kind, list(getattr(data, kind)))
        assert _bulk(kind, good) == _reference(kind, good) and not _reference(kind, good)[2]


def test_import_over_stored_rows_counts_and_finds_duplicates_across_batches(
    sessions: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_registry(sessions)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 3)
    first = [payment(f"P{n}", "高龄补贴", n, "张三明", "2025-01") for n in range(1, 6)]
    assert load(sessions, "payments", write_csv(tmp_path / "a.csv", "payments", first[:2])).new == 2
    second = [
        first[0],  # unchanged
        payment("P2", "高龄补贴", 2, "张三明", "2025-01", amount="301.50"),  # updated
        *first[2:],  # new
        payment("P6", "高龄补贴", 6, "张三明", "2025-02"),
        payment("P3", "高龄补贴", 3, "张三明", "2025-03"),  # a duplicate of line 4, two batches on
    ]
    report = load(sessions, "payments", write_csv(tmp_path / "b.csv", "payments", second))
    assert (report.new, report.updated, report.unchanged) == (4, 1, 1)
    assert [(b.line, b.reason) for b in report.bad] == [(8, "与第 4 行重复")]
    with sessions() as s:
        stored = {p.payment_id: p for p in s.scalars(select(MoneyPayment))}
    assert stored["P2"].amount_fen == 30150 and stored["P3"].period == "2025-01"
    assert str(stored["P2"].paid_on) == "2025-01-15" and str(stored["P2"].period_start) == "2025-01-01"
    again = load(sessions, "payments", write_csv(tmp_path / "b.csv", "payments", second))
    assert (again.new, again.updated, again.unchanged, len(again.bad)) == (0, 0, 6, 1)


def test_demo_rows_import_in_bulk_and_again_unchanged(sessions: sessionmaker[Session]) -> None:
    load_registry(sessions)
    data = demo.build(sorted(VILLAGES), people_per_village=40, planted=1, today=utcnow().date())
    for kind in ("households", "payments", "deaths", "cadres"):
        rows = getattr(data, kind)
        with transaction(sessions) as s:
            assert importer.import_rows(s, kind=kind, rows=rows, now=utcnow()).new == len(rows)
        with transaction(sessions) as s:
            again = importer.import_rows(s, kind=kind, rows=rows, now=utcnow())
        assert (again.new, again.updated, again.unchanged, again.bad) == (0, 0, len(rows), [])
