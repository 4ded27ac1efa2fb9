"""Foldable writes (storage.fastsql `later(..., fold=True)`): on PostgreSQL neighbouring writes to different
tables travel as one statement; their effects, and their order with everything else, are as if sent one by one."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine

from storage.db import make_sessionmaker, transaction
from storage.fastsql import fastsql
from storage.repos import ledger
from storage.types import utcnow


def _user(sql: Any, key: str) -> None:
    sql.execute(
        "INSERT INTO wechat_users (user_key, first_seen, last_seen, subscribed, kefu_sent_in_window) "
        "VALUES (%(key)s, %(now)s, %(now)s, %(yes)s, 0)",
        {"key": key, "now": utcnow(), "yes": True},
    )


def _kefu(engine: Engine, key: str) -> int:
    with make_sessionmaker(engine)() as s:
        return int(fastsql(s).one("SELECT kefu_sent_in_window FROM wechat_users WHERE user_key = %(k)s", {"k": key},
                                  ("n",))["n"])  # type: ignore[index]  # fmt: skip


def test_writes_to_two_tables_both_land_in_one_statement_on_postgres(engine: Engine, statements: list[str]) -> None:
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as session:
        sql = fastsql(session)
        _user(sql, "u-fold")
        ledger.record(session, key="m-fold", reply="", now=utcnow())
        sql.flush()
        statements.clear()
        sql.later("UPDATE wechat_users SET kefu_sent_in_window = %(n)s WHERE user_key = %(k)s",
                  {"n": 3, "k": "u-fold"}, fold=True)  # fmt: skip
        ledger.keep_reply(session, key="m-fold", reply="好的", now=utcnow())
    writes = [q for q in statements if q.startswith(("UPDATE", "WITH"))]
    assert _kefu(engine, "u-fold") == 3
    with sessions() as s:
        assert ledger.recorded_reply(s, key="m-fold") == "好的"
    if engine.dialect.name == "postgresql":
        assert len(writes) == 1 and writes[0].startswith("WITH f0 AS (UPDATE wechat_users"), writes


def test_two_writes_to_one_row_are_never_folded_and_both_count_in_order(engine: Engine, statements: list[str]) -> None:
    with transaction(make_sessionmaker(engine)) as session:
        sql = fastsql(session)
        _user(sql, "u-twice")
        sql.flush()
        statements.clear()
        sql.later("UPDATE wechat_users SET kefu_sent_in_window = 5 WHERE user_key = %(k)s", {"k": "u-twice"}, fold=True)
        sql.later("UPDATE wechat_users SET kefu_sent_in_window = kefu_sent_in_window + 1 WHERE user_key = %(k)s",
                  {"k": "u-twice"}, fold=True)  # fmt: skip
    # One statement updating a row twice would keep only one of the two: 5 or 1, never 6.
    assert _kefu(engine, "u-twice") == 6
    assert not any(q.startswith("WITH") for q in statements), statements


def test_a_write_that_may_not_fold_keeps_its_place_between_foldable_ones(engine: Engine, statements: list[str]) -> None:
    with transaction(make_sessionmaker(engine)) as session:
        sql = fastsql(session)
        _user(sql, "u-order")
        ledger.record(session, key="m-order", reply="", now=utcnow())
        sql.flush()
        statements.clear()
        sql.later("UPDATE wechat_users SET kefu_sent_in_window = 5 WHERE user_key = %(k)s", {"k": "u-order"}, fold=True)
        sql.later("UPDATE wechat_users SET kefu_sent_in_window = kefu_sent_in_window * 2 WHERE user_key = %(k)s",
                  {"k": "u-order"})  # fmt: skip
        ledger.keep_reply(session, key="m-order", reply="", now=utcnow())
    assert _kefu(engine, "u-order") == 10
    assert not any(q.startswith("WITH") for q in statements), statements


def test_a_folded_write_that_fails_fails_its_transaction(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    with pytest.raises(Exception, match=r"null value|NOT NULL"), transaction(sessions) as session:
        sql = fastsql(session)
        _user(sql, "u-fail")
        sql.later("UPDATE wechat_users SET kefu_sent_in_window = 7 WHERE user_key = %(k)s", {"k": "u-fail"}, fold=True)
        sql.later("UPDATE processed_messages SET received_at = NULL WHERE key = %(k)s", {"k": "none"}, fold=True)
        sql.later("INSERT INTO processed_messages (key, received_at, reply) VALUES (%(k)s, NULL, '')",
                  {"k": "m-fail"}, fold=True)  # fmt: skip
    with sessions() as s:
        assert fastsql(s).one("SELECT 1 FROM wechat_users WHERE user_key = %(k)s", {"k": "u-fail"}, ("one",)) is None
