"""Insert many rows at once on the session's own connection: COPY on PostgreSQL, one executemany on SQLite.

For bulk imports (millions of payments): SQLAlchemy's executemany spends more per row on parameter
processing than the database spends storing it. Values are stored as SQLAlchemy's own types store them
(storage.fastsql's formats), so ORM code reads them back unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from storage.fastsql import SQLITE_DATETIME


def insert_rows(session: Session, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """`table` and `columns` are the caller's own identifiers, never input."""
    if not rows:
        return
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    driver: Any = conn.connection.driver_connection
    # Which columns need adapting is read off the first row: a column keeps its type.
    special = [i for i, v in enumerate(rows[0]) if isinstance(v, date)]
    adapted: Sequence[Sequence[Any]] = rows
    if special and sqlite:
        adapted = [_adapt_row(row, special) for row in rows]
    names = ", ".join(columns)
    error: type[Exception] = conn.dialect.loaded_dbapi.Error
    cursor = driver.cursor()
    try:
        if sqlite:
            marks = ", ".join("?" for _ in columns)
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", adapted)  # noqa: S608
        else:
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in adapted:
                    copy.write_row(row)
    except error as exc:
        raise DBAPIError.instance(f"INSERT INTO {table}", None, exc, error) from exc
    finally:
        cursor.close()


def _adapt_row(row: Sequence[Any], special: list[int]) -> list[Any]:
    out = list(row)
    for i in special:
        if out[i] is not None:
            out[i] = _sqlite_value(out[i])
    return out


@lru_cache(maxsize=4096)
def _sqlite_value(value: date) -> str:
    """SQLAlchemy's SQLite formats: naive UTC for an aware datetime, ISO for a date. Cached: an import
    writes the same `now` into every row, and a few hundred distinct dates."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime; use storage.types.utcnow()")
        return value.astimezone(UTC).strftime(SQLITE_DATETIME)
    return value.isoformat()
