"""What makes a first load fast keeps it right (#21, import speed): the secondary indexes are built once at the
end and come back exactly as they were, also when the load fails; the keyed hashes made in bulk are the very
ones `keyed_hash` makes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from cases.money import ids
from config.privacy import keyed_hash, keyed_hasher
from storage.bulk import indexes_built_after
from storage.db import transaction
from storage.models.money import MoneyPayment
from tests.cases_support import load_registry
from tests.money_support import load, payment, person, write_csv


def _indexes(engine: Engine, table: str) -> list[tuple[Any, ...]]:
    """The table's indexes and foreign keys, as the database describes them."""
    found = inspect(engine)
    indexes = [(ix["name"], tuple(ix["column_names"]), bool(ix["unique"])) for ix in found.get_indexes(table)]
    keys = [
        (fk["name"], tuple(fk["constrained_columns"]), fk["referred_table"]) for fk in found.get_foreign_keys(table)
    ]
    return sorted(indexes, key=repr) + sorted(keys, key=repr)


@pytest.fixture
def registry(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    load_registry(sessions)
    return sessions


def test_a_first_load_leaves_the_indexes_as_they_were_and_counts_right(
    engine: Engine, registry: sessionmaker[Session], tmp_path: Path
) -> None:
    before = {t: _indexes(engine, t) for t in ("money_payments", "money_people", "money_cadres")}
    assert any(cols == ("person_hash", "item", "period") for _, cols, _ in before["money_payments"])
    people = write_csv(
        tmp_path / "h.csv", "households", [person(1, "H1", "张三明"), person(2, "H1", "李四", rel="配偶")]
    )
    assert load(registry, "households", people).new == 2
    rows = [
        payment("P1", "低保金", 1, "张三明", "2025-01"),
        payment("P2", "低保金", 1, "张三明", "2025-13"),
        payment("P1", "低保金", 1, "张三明", "2025-02"),
        payment("P3", "低保金", 2, "李四", "2025-01"),
    ]
    path = write_csv(tmp_path / "p.csv", "payments", rows)
    first = load(registry, "payments", path)
    assert (first.new, first.updated, first.unchanged) == (2, 0, 0)
    assert [b.line for b in first.bad] == [3, 4]
    assert "所属期" in first.bad[0].reason and "第 2 行重复" in first.bad[1].reason
    assert {t: _indexes(engine, t) for t in before} == before
    again = load(registry, "payments", path)
    assert (again.new, again.updated, again.unchanged, len(again.bad)) == (0, 0, 2, 2)
    with registry() as s:
        assert sorted(s.scalars(select(MoneyPayment.payment_id))) == ["P1", "P3"]


def test_indexes_come_back_when_the_load_fails(engine: Engine, registry: sessionmaker[Session]) -> None:
    before = _indexes(engine, "money_payments")
    with pytest.raises(IntegrityError), transaction(registry) as s, indexes_built_after(s, "money_payments"):
        assert _indexes_in(s) == set()  # only the primary key's, which the listing leaves out
        s.execute(text("INSERT INTO money_payments (payment_id) VALUES ('P1')"))  # NOT NULL columns missing
    assert _indexes(engine, "money_payments") == before
    with transaction(registry) as s, indexes_built_after(s, "money_payments"):
        assert _indexes_in(s) == set()
    assert _indexes(engine, "money_payments") == before
    assert any(key[2] == "villages" for key in before)


def test_a_row_breaking_a_foreign_key_is_still_refused(engine: Engine, registry: sessionmaker[Session]) -> None:
    """On PostgreSQL the key is checked once when it is made again at the end, not per row: still refused."""
    row = (
        "INSERT INTO money_payments (payment_id, item, person_hash, person_mask, name_mask, village_code, period,"
        " period_start, amount_fen, paid_on, account_hash, account_mask, updated_at) VALUES ('P1', '低保金', 'h',"
        " 'm', 'n', '630223999999', '2025-01', '2025-01-01', 100, '2025-01-15', 'a', 'm', '2025-01-15 00:00:00')"
    )
    with pytest.raises(IntegrityError), transaction(registry) as s, indexes_built_after(s, "money_payments"):
        s.execute(text(row))
    with registry() as s:
        assert s.scalars(select(MoneyPayment.payment_id)).all() == []
    assert any(key[2] == "villages" for key in _indexes(engine, "money_payments"))


def _indexes_in(s: Session) -> set[str]:
    """The table's secondary indexes as the session's own transaction sees them."""
    if s.connection().dialect.name == "sqlite":
        query = (
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'money_payments' AND sql IS NOT NULL"
        )
    else:
        query = (
            "SELECT indexname FROM pg_indexes WHERE tablename = 'money_payments'"
            " AND schemaname = current_schema() AND indexname NOT LIKE '%pkey'"
        )
    return set(s.scalars(text(query)))


@pytest.mark.parametrize(
    ("prefix", "value"), [(("money-person",), "99000019400101001X"), (("a", "b"), "张三\x1f0012X3"), ((), "")]
)
def test_bulk_keyed_hashes_are_keyed_hash(prefix: tuple[str, ...], value: str) -> None:
    assert keyed_hasher(*prefix)(value) == keyed_hash(*prefix, value)


def test_money_hashes_are_the_keyed_hashes() -> None:
    number = "990000194001010012"
    assert ids.person_hash(number) == keyed_hash("money-person", number)
    assert ids.account_hash("9999000000000000012") == keyed_hash("money-account", "9999000000000000012")
    assert ids.link_hash(" 张三明 ", "01001x") == keyed_hash("money-link", "张三明", "01001X")


def test_a_later_file_inserts_updates_and_leaves_alone_in_one_batch(
    registry: sessionmaker[Session], tmp_path: Path
) -> None:
    """Over stored rows (on PostgreSQL one INSERT ... ON CONFLICT from a COPY): counts and values right, and a
    row stored the same keeps its updated_at."""
    first = [payment("P1", "低保金", 1, "张三明", "2025-01"), payment("P2", "低保金", 1, "张三明", "2025-02")]
    assert load(registry, "payments", write_csv(tmp_path / "a.csv", "payments", first)).new == 2
    with registry() as s:
        stamped = {pid: at for pid, at in s.execute(select(MoneyPayment.payment_id, MoneyPayment.updated_at))}
    later = [
        payment("P1", "低保金", 1, "张三明", "2025-01", amount="320.50"),
        payment("P2", "低保金", 1, "张三明", "2025-02"),
        payment("P3", "低保金", 1, "张三明", "2025-03"),
    ]
    report = load(registry, "payments", write_csv(tmp_path / "b.csv", "payments", later))
    assert (report.new, report.updated, report.unchanged, report.bad) == (1, 1, 1, [])
    with registry() as s:
        rows = {p.payment_id: p for p in s.scalars(select(MoneyPayment))}
    assert {k: v.amount_fen for k, v in rows.items()} == {"P1": 32050, "P2": 30000, "P3": 30000}
    assert rows["P2"].updated_at == stamped["P2"] and rows["P1"].updated_at != stamped["P1"]
