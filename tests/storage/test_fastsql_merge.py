"""Merged updates (storage.fastsql `_merged`, issue #23): on PostgreSQL a run of foldable single-row updates
by key that share a statement text goes as one `UPDATE ... FROM unnest(...)`; every row gets its own values,
and a run where a row would be updated twice, or a value cannot go in a typed array, is left as it was."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine

from storage.db import make_sessionmaker, transaction
from storage.fastsql import fastsql
from storage.repos import ledger
from storage.types import utcnow

SET_KEFU = "UPDATE wechat_users SET kefu_sent_in_window = %(n)s WHERE user_key = %(k)s"
SET_PLACE = "UPDATE wechat_users SET last_lat = %(lat)s, last_seen = %(now)s WHERE user_key = %(k)s"


def _users(sql: Any, *keys: str) -> None:
    for key in keys:
        sql.execute(
            "INSERT INTO wechat_users (user_key, first_seen, last_seen, subscribed, kefu_sent_in_window) "
            "VALUES (%(key)s, %(now)s, %(now)s, %(yes)s, 0)",
            {"key": key, "now": utcnow(), "yes": True},
        )


def _column(engine: Engine, column: str, key: str) -> Any:
    with make_sessionmaker(engine)() as s:
        row = fastsql(s).one(f"SELECT {column} FROM wechat_users WHERE user_key = %(k)s", {"k": key}, ("v",))
        assert row is not None
        return row["v"]


def _merged(statements: list[str]) -> list[str]:
    return [q for q in statements if "FROM unnest(" in q]


def test_updates_of_many_rows_go_as_one_statement_each_row_with_its_own_values(
    engine: Engine, statements: list[str]
) -> None:
    keys = [f"u-merge-{i}" for i in range(5)]
    with transaction(make_sessionmaker(engine)) as session:
        sql = fastsql(session)
        _users(sql, *keys)
        for i in range(len(keys)):
            ledger.record(session, key=f"m-merge-{i}", reply="", now=utcnow())
        sql.flush()
        statements.clear()
        for i, key in enumerate(keys):  # as a batch's messages write: the villager, then the ledger row
            sql.later(SET_KEFU, {"n": 10 + i, "k": key}, fold=True)
            ledger.keep_reply(session, key=f"m-merge-{i}", reply=f"答{i}", now=utcnow())
    assert [_column(engine, "kefu_sent_in_window", key) for key in keys] == [10, 11, 12, 13, 14]
    with make_sessionmaker(engine)() as s:
        assert [ledger.recorded_reply(s, key=f"m-merge-{i}") for i in range(5)] == [f"答{i}" for i in range(5)]
    if engine.dialect.name == "postgresql":
        writes = [q for q in statements if q.startswith(("UPDATE", "WITH"))]
        # Both tables' updates merged, then folded into one statement.
        assert len(writes) == 1 and len(_merged(writes)) == 1, writes
        assert writes[0].count("FROM unnest(") == 2, writes


def test_a_row_updated_twice_in_a_run_is_not_merged_and_the_last_value_stays(
    engine: Engine, statements: list[str]
) -> None:
    with transaction(make_sessionmaker(engine)) as session:
        sql = fastsql(session)
        _users(sql, "u-again-a", "u-again-b")
        sql.flush()
        statements.clear()
        sql.later(SET_KEFU, {"n": 1, "k": "u-again-a"}, fold=True)
        sql.later(SET_KEFU, {"n": 2, "k": "u-again-b"}, fold=True)
        sql.later(SET_KEFU, {"n": 3, "k": "u-again-a"}, fold=True)
    # UPDATE ... FROM with u-again-a twice would keep one of 1 and 3, whichever it met; one by one, 3.
    assert _column(engine, "kefu_sent_in_window", "u-again-a") == 3
    assert _column(engine, "kefu_sent_in_window", "u-again-b") == 2
    assert not _merged(statements), statements


def test_values_of_mixed_types_in_one_column_are_not_merged_and_all_land(engine: Engine, statements: list[str]) -> None:
    now = utcnow()
    with transaction(make_sessionmaker(engine)) as session:
        sql = fastsql(session)
        _users(sql, "u-mixed-a", "u-mixed-b", "u-mixed-c")
        sql.flush()
        statements.clear()
        # psycopg sends an array of one type: an int beside floats cannot go as one array.
        for key, lat in (("u-mixed-a", 36.5), ("u-mixed-b", 36), ("u-mixed-c", None)):
            sql.later(SET_PLACE, {"lat": lat, "now": now, "k": key}, fold=True)
    assert [_column(engine, "last_lat", k) for k in ("u-mixed-a", "u-mixed-b", "u-mixed-c")] == [36.5, 36.0, None]
    assert not _merged(statements), statements


def test_nulls_beside_values_of_one_type_are_merged(engine: Engine, statements: list[str]) -> None:
    now = utcnow()
    with transaction(make_sessionmaker(engine)) as session:
        sql = fastsql(session)
        _users(sql, "u-null-a", "u-null-b", "u-null-c")
        sql.flush()
        statements.clear()
        for key, lat in (("u-null-a", 36.5), ("u-null-b", None), ("u-null-c", 37.25)):
            sql.later(SET_PLACE, {"lat": lat, "now": now, "k": key}, fold=True)
    assert [_column(engine, "last_lat", k) for k in ("u-null-a", "u-null-b", "u-null-c")] == [36.5, None, 37.25]
    assert len(_merged(statements)) == (1 if engine.dialect.name == "postgresql" else 0), statements


def test_a_write_that_may_not_fold_splits_the_run_and_keeps_its_place(engine: Engine, statements: list[str]) -> None:
    with transaction(make_sessionmaker(engine)) as session:
        sql = fastsql(session)
        _users(sql, "u-split-a", "u-split-b")
        sql.flush()
        statements.clear()
        sql.later(SET_KEFU, {"n": 5, "k": "u-split-a"}, fold=True)
        sql.later("UPDATE wechat_users SET kefu_sent_in_window = kefu_sent_in_window * 2", {})
        sql.later(SET_KEFU, {"n": 7, "k": "u-split-b"}, fold=True)
    # 5 doubled, then 7 set; the two settings merged across the doubling would double 7 too (14).
    assert _column(engine, "kefu_sent_in_window", "u-split-a") == 10
    assert _column(engine, "kefu_sent_in_window", "u-split-b") == 7
    assert not _merged(statements), statements


def test_a_merged_update_that_fails_fails_its_transaction(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    with pytest.raises(Exception, match=r"too long|violates foreign key|FOREIGN KEY"), transaction(sessions) as session:
        sql = fastsql(session)
        _users(sql, "u-bad-a", "u-bad-b", "u-bad-c")
        for key in ("u-bad-a", "u-bad-b", "u-bad-c"):  # no such village (and too long for the column)
            sql.later("UPDATE wechat_users SET village_code = %(v)s WHERE user_key = %(k)s",
                      {"v": "no-such-village-code", "k": key}, fold=True)  # fmt: skip
    with sessions() as s:
        assert fastsql(s).one("SELECT 1 FROM wechat_users WHERE user_key = %(k)s", {"k": "u-bad-a"}, ("one",)) is None
