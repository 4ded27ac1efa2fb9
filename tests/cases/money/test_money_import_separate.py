"""A large file is read and checked in a second process (#21, import speed): what it stores, counts and
reports is exactly what the same import in one process gives, and a file that breaks off leaves nothing
stored and no process behind."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from cases.money import demo, importer
from cases.money.files import HEADERS, BadFile
from cases.money.synthetic import fake_id
from storage.db import transaction
from storage.models.money import MoneyPayment, MoneyPerson
from storage.types import utcnow
from tests.cases_support import load_registry
from tests.money_support import BANYAN, TUGUAN, load, payment, write_csv


def _csv(path: Path, kind: str, rows: list[Any]) -> Path:
    """Demo rows (files.Row) and crafted lines, as a CSV file; cells with a comma, quote or break quoted."""
    lines = []
    for row in rows:
        if isinstance(row, str):
            lines.append(row)
            continue
        cells = [row.values[h[0]] for h in HEADERS[kind]]
        lines.append(",".join('"' + c.replace('"', '""') + '"' if any(x in c for x in ',"\n\r') else c for c in cells))
    return write_csv(path, kind, lines)


def _stored(sessions: sessionmaker[Session], model: type[Any]) -> list[tuple[Any, ...]]:
    with sessions() as s:
        rows = s.execute(select(model)).scalars().all()
        return sorted(
            tuple(getattr(r, c.name) for c in model.__table__.columns if c.name != "updated_at") for r in rows
        )


@pytest.fixture
def registry(sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> sessionmaker[Session]:
    load_registry(sessions)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 7)
    return sessions


def test_the_second_process_stores_what_one_process_stores(
    registry: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = demo.build([TUGUAN, BANYAN], people_per_village=30, planted=1, today=utcnow().date())
    odd = [  # a tab, a backslash, the packing separator and a break in free text; bad and repeated rows
        f'"H\tA\\\\1",{TUGUAN},{fake_id(901)},张三明,户主,一般户',
        f'"H\x1fB",{TUGUAN},{fake_id(902)},李四,户主,一般户',
        f'"H\nC\r",{TUGUAN},{fake_id(903)},王五,户主,一般户',
        f"H9,{TUGUAN},{fake_id(904)},张三明,户主,特困",
        f"H9,{TUGUAN},{fake_id(901)},张三明,户主,一般户",
    ]
    files = {
        "households": _csv(tmp_path / "h.csv", "households", [*data.households[:40], *odd, *data.households[40:]]),
        "payments": _csv(
            tmp_path / "p.csv",
            "payments",
            [*data.payments, payment("B1", "低保金", 1, "张三明", "2025-13"), data.payments[3]],
        ),
    }
    reports: dict[bool, dict[str, importer.ImportReport]] = {}
    stored: dict[bool, dict[str, list[tuple[Any, ...]]]] = {}
    for separate in (True, False):
        monkeypatch.setattr(importer, "SEPARATE_BYTES", 0 if separate else 1 << 40)
        reports[separate] = {kind: load(registry, kind, path) for kind, path in files.items()}
        stored[separate] = {"households": _stored(registry, MoneyPerson), "payments": _stored(registry, MoneyPayment)}
        again = {kind: load(registry, kind, path) for kind, path in files.items()}
        for kind, report in again.items():
            first = reports[separate][kind]
            assert (report.new, report.updated, report.unchanged) == (0, 0, first.new)
            assert report.bad == first.bad
        with transaction(registry) as s:
            s.execute(delete(MoneyPayment))
            s.execute(delete(MoneyPerson))
    assert reports[True] == reports[False]
    assert stored[True] == stored[False]
    households = reports[True]["households"]
    assert households.new == len(data.households) + 3
    # the third crafted row spans three lines (a break and a carriage return inside its quoted first cell)
    assert [b.line for b in households.bad] == [47, 48]
    assert "户类型" in households.bad[0].reason and households.bad[1].reason == "与第 42 行重复"
    assert {r[1] for r in stored[True]["households"]} >= {"H\tA\\\\1", "H\x1fB", "H\nC"}
    assert len(reports[True]["payments"].bad) == 2


def test_counts_updates_and_duplicates_across_batches(
    registry: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "SEPARATE_BYTES", 0)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 3)
    first = [payment(f"P{n}", "高龄补贴", n, "张三明", "2025-01") for n in range(1, 6)]
    assert load(registry, "payments", write_csv(tmp_path / "a.csv", "payments", first[:2])).new == 2
    second = [
        first[0],
        payment("P2", "高龄补贴", 2, "张三明", "2025-01", amount="301.50"),
        *first[2:],
        payment("P6", "高龄补贴", 6, "张三明", "2025-02"),
        payment("P3", "高龄补贴", 3, "张三明", "2025-03"),
    ]
    report = load(registry, "payments", write_csv(tmp_path / "b.csv", "payments", second))
    assert (report.new, report.updated, report.unchanged) == (4, 1, 1)
    assert [(b.line, b.reason) for b in report.bad] == [(8, "与第 4 行重复")]
    with registry() as s:
        assert s.get(MoneyPayment, "P2").amount_fen == 30150  # type: ignore[union-attr]
        assert str(s.get(MoneyPayment, "P3").paid_on) == "2025-01-15"  # type: ignore[union-attr]


def test_a_file_that_breaks_off_stores_nothing_and_leaves_no_process(
    registry: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "SEPARATE_BYTES", 0)
    rows = [payment(f"P{n}", "高龄补贴", n, "张三明", "2025-01") for n in range(1, 30)]
    path = write_csv(tmp_path / "p.csv", "payments", rows)
    path.write_bytes(path.read_bytes() + "P99,高龄补贴,坏\n".encode("gbk"))
    with pytest.raises(BadFile, match="UTF-8"):
        load(registry, "payments", path)
    with registry() as s:
        assert s.scalars(select(MoneyPayment)).first() is None
    assert multiprocessing.active_children() == []


def test_copy_text_escapes_what_copy_reads_as_special() -> None:
    stamp = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    text = importer._copy_rows([["a\tb", "c\\d", "e\nf\r"], [1, 2, 3], [date(2025, 1, 1), None, stamp]])
    assert text.split("\n") == [
        "a\\tb\t1\t2025-01-01",
        "c\\\\d\t2\t\\N",
        "e\\nf\\r\t3\t2026-01-02T03:04:05+00:00",
        "",
    ]
    assert importer._copy_rows([["x", "y"], ["2025-01-01", "2025-02-01"]]) == "x\t2025-01-01\ny\t2025-02-01\n"
