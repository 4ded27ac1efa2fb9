"""Insert, read back and update many rows at once on the session's own connection: COPY on PostgreSQL, one
executemany on SQLite.

For bulk imports (millions of payments): SQLAlchemy's executemany and result processing spend more per row
than the database spends storing it. Values are stored as SQLAlchemy's own types store them
(storage.fastsql's formats), so ORM code reads them back unchanged, and are read back in that stored form
(`storable`), so a caller compares what it would write with what is there without converting every row.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterator, Sequence
from contextlib import contextmanager, suppress
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


def copy_text(session: Session, table: str, columns: Sequence[str], text: str) -> None:
    """PostgreSQL: COPY rows already in COPY's text format (a line each, tab between values) into `table`."""
    conn = session.connection()
    driver: Any = conn.connection.driver_connection
    error: type[Exception] = conn.dialect.loaded_dbapi.Error
    try:
        with driver.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            copy.write(text)
    except error as exc:
        raise DBAPIError.instance(f"COPY {table}", None, exc, error) from exc


@contextmanager
def roomy_cache(session: Session, megabytes: int = 256) -> Iterator[None]:
    """On SQLite, a page cache big enough for the indexes a bulk load writes into at random places (hashes),
    restored afterwards: with the default 2 MB, most inserts wait on a page read."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    driver: Any = conn.connection.driver_connection
    before = int(driver.execute("PRAGMA cache_size").fetchone()[0])
    driver.execute(f"PRAGMA cache_size = {-1024 * int(megabytes)}")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA cache_size = {before}")


@contextmanager
def indexes_built_after(session: Session, table: str) -> Iterator[None]:
    """Drop `table`'s secondary indexes (and on PostgreSQL its foreign keys) for the block and make them
    again at its end, in the same transaction: for a first load into an empty table. Building an index from
    all its rows at once (a sort) costs about half of inserting every row into it at a random place; a
    foreign key checked once over the table is a fifth of PostgreSQL's check per row (a trigger each).
    Primary keys and the indexes behind unique constraints stay, so duplicates are still refused as they
    come. Everything is remade from the database's own definitions, also when the block fails (a rollback
    would restore it anyway). On PostgreSQL the table is locked, and writes to the tables its foreign keys
    point at wait, until the transaction ends."""
    conn = session.connection()
    driver: Any = conn.connection.driver_connection
    if conn.dialect.name == "sqlite":
        found = driver.execute(
            "SELECT 'DROP INDEX \"' || name || '\"', sql FROM sqlite_master"
            " WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND upper(sql) NOT LIKE 'CREATE UNIQUE %'",
            (table,),
        ).fetchall()
    else:
        found = (
            driver.execute(
                "SELECT format('DROP INDEX %%s', i.oid::regclass), pg_get_indexdef(i.oid) FROM pg_index x"
                " JOIN pg_class i ON i.oid = x.indexrelid"
                " WHERE x.indrelid = to_regclass(%(t)s) AND NOT x.indisprimary AND NOT x.indisunique",
                {"t": table},
            ).fetchall()
            + driver.execute(
                "SELECT format('ALTER TABLE %%s DROP CONSTRAINT %%I', conrelid::regclass, conname),"
                " format('ALTER TABLE %%s ADD CONSTRAINT %%I %%s',"
                " conrelid::regclass, conname, pg_get_constraintdef(oid))"
                " FROM pg_constraint WHERE conrelid = to_regclass(%(t)s) AND contype = 'f'",
                {"t": table},
            ).fetchall()
        )
    for drop, _ in found:
        driver.execute(drop)

    error: type[Exception] = conn.dialect.loaded_dbapi.Error

    def build() -> None:
        with _sort_threads(driver, conn.dialect.name):
            for _, create in found:
                try:
                    driver.execute(create)
                except error as exc:  # rows the block stored break a key: SQLAlchemy's IntegrityError
                    raise DBAPIError.instance(create, None, exc, error) from exc

    try:
        yield
    except BaseException:
        with suppress(Exception):  # a transaction the failure aborted is rolled back, indexes and all
            build()
        raise
    build()


@contextmanager
def _sort_threads(driver: Any, dialect: str) -> Iterator[None]:
    """On SQLite, let CREATE INDEX sort with helper threads (one per CPU, at most 4; PRAGMA threads), as
    before afterwards. The biggest index of the payments builds in about two thirds of the time on 2 cores."""
    if dialect != "sqlite":
        yield
        return
    before = int(driver.execute("PRAGMA threads").fetchone()[0])
    driver.execute(f"PRAGMA threads = {min(4, os.cpu_count() or 1)}")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA threads = {before}")


def storable(dialect: str, values: Sequence[Any]) -> Sequence[Any]:
    """`values` (one column) as the driver of `dialect` (a dialect's name) stores and returns them: on SQLite
    dates and datetimes become SQLAlchemy's text forms; elsewhere they pass unchanged."""
    if not values or not isinstance(values[0], date) or dialect != "sqlite":
        return values  # a column keeps its type: the first value tells
    return [None if v is None else _sqlite_value(v) for v in values]


def fetch_rows(
    session: Session, table: str, key: Sequence[str], columns: Sequence[str], firsts: Sequence[Any]
) -> dict[Hashable, tuple[Any, ...]]:
    """The stored `columns` (in stored form) of the rows whose first key column is one of `firsts`, by key: the
    key's value for a one-column key, else the tuple of its values. `key` columns must lead `columns`."""
    conn = session.connection()
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    names = ", ".join(columns)
    width = len(key)
    found: dict[Hashable, tuple[Any, ...]] = {}
    try:
        if conn.dialect.name == "sqlite":
            distinct = list(dict.fromkeys(firsts))
            for start in range(0, len(distinct), _SQLITE_KEYS):
                chunk = distinct[start : start + _SQLITE_KEYS]
                marks = ", ".join("?" for _ in chunk)
                cursor.execute(f"SELECT {names} FROM {table} WHERE {key[0]} IN ({marks})", chunk)  # noqa: S608
                _collect(found, cursor.fetchall(), width)
        else:
            cursor.execute(f"SELECT {names} FROM {table} WHERE {key[0]} = ANY(%s)", [list(set(firsts))])  # noqa: S608
            _collect(found, cursor.fetchall(), width)
    finally:
        cursor.close()
    return found


def upsert_copied(
    session: Session,
    table: str,
    key: Sequence[str],
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]] | str,
    stamp: Any,
) -> tuple[int, int]:
    """PostgreSQL: COPY `rows` (values of `columns`, key columns among them; or those rows in COPY's text
    format) into a temporary table, then one
    INSERT ... ON CONFLICT from it that inserts the new rows and updates, with `updated_at` = `stamp`, only
    those stored differently. (inserted, updated); the rest were unchanged. `key` must be the table's
    primary key or a unique constraint."""
    if not rows:
        return 0, 0
    conn = session.connection()
    driver: Any = conn.connection.driver_connection
    names = ", ".join(columns)
    values = [c for c in columns if c not in key]
    sets = ", ".join(f"{c} = excluded.{c}" for c in [*values, "updated_at"])
    differs = (
        f"({', '.join(f'{table}.{c}' for c in values)}) IS DISTINCT FROM ({', '.join(f'excluded.{c}' for c in values)})"
    )
    error: type[Exception] = conn.dialect.loaded_dbapi.Error
    staging = f"_upsert_{table}"
    try:
        driver.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {staging} ON COMMIT DROP"  # noqa: S608
            f" AS SELECT {names} FROM {table} WITH NO DATA"
        )
        driver.execute(f"TRUNCATE {staging}")
        with driver.cursor() as cursor:
            with cursor.copy(f"COPY {staging} ({names}) FROM STDIN") as copy:
                if isinstance(rows, str):
                    copy.write(rows)
                else:
                    for row in rows:
                        copy.write_row(row)
            cursor.execute(
                f"INSERT INTO {table} ({names}, updated_at) SELECT {names}, %s FROM {staging}"  # noqa: S608
                f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets} WHERE {differs}"
                " RETURNING xmax = 0",
                [stamp],
            )
            inserted = [bool(r[0]) for r in cursor.fetchall()]
    except error as exc:
        raise DBAPIError.instance(f"INSERT INTO {table}", None, exc, error) from exc
    return sum(inserted), len(inserted) - sum(inserted)


def _collect(found: dict[Hashable, tuple[Any, ...]], rows: list[Any], width: int) -> None:
    if width == 1:
        found.update((row[0], tuple(row)) for row in rows)
    else:
        found.update((tuple(row[:width]), tuple(row)) for row in rows)


def update_rows(
    session: Session, table: str, key: Sequence[str], columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Set `columns` of the rows found by `key`; each row holds the columns' values then the key's, stored form."""
    if not rows:
        return
    conn = session.connection()
    mark = "?" if conn.dialect.name == "sqlite" else "%s"
    sets = ", ".join(f"{c} = {mark}" for c in columns)
    where = " AND ".join(f"{k} = {mark}" for k in key)
    error: type[Exception] = conn.dialect.loaded_dbapi.Error
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(f"UPDATE {table} SET {sets} WHERE {where}", rows)  # noqa: S608
    except error as exc:
        raise DBAPIError.instance(f"UPDATE {table}", None, exc, error) from exc
    finally:
        cursor.close()


_SQLITE_KEYS = 5000  # bound parameters per query, well under SQLite's limit


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
