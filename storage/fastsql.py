"""Plain SQL on the session's own DBAPI connection, for the few statements every message runs.

SQLAlchemy Core costs about 0.25 ms per statement here, several times the statement itself; the
webhook runs half a dozen per message. These statements share the session's transaction, and the
adapters below store values exactly as SQLAlchemy's own types do, so ORM code reads them back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, SessionTransaction

_NAMED = re.compile(r"%\((\w+)\)s")
SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # what SQLAlchemy's SQLite DateTime writes


_KEY = "fastsql"


def fastsql(session: Session) -> FastSQL:
    """The session's FastSQL, made once per transaction.

    Even asking the session for its connection costs more than a query, so the FastSQL is kept in
    `session.info` and dropped when the outermost transaction ends (the listener below).
    """
    cached = session.info.get(_KEY)
    if cached is None:
        cached = session.info[_KEY] = FastSQL(session)
    assert isinstance(cached, FastSQL)
    return cached


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_KEY, None)


class FastSQL:
    """Runs `%(name)s`-style SQL on the session's connection, adapting values for its dialect."""

    def __init__(self, session: Session) -> None:
        conn = self.conn = session.connection()
        self.sqlite = conn.dialect.name == "sqlite"
        self.dbapi_error: type[Exception] = conn.dialect.loaded_dbapi.Error
        self.cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]

    def execute(self, sql: str, params: Mapping[str, Any]) -> int:
        self._run(sql, params)
        return int(self.cursor.rowcount)

    def one(self, sql: str, params: Mapping[str, Any], columns: Sequence[str]) -> dict[str, Any] | None:
        self._run(sql, params)
        row = self.cursor.fetchone()
        return None if row is None else dict(zip(columns, row, strict=True))

    def _run(self, sql: str, params: Mapping[str, Any]) -> None:
        statement, values = _sql_for(sql, self.sqlite), self._adapt(params)
        try:
            self.cursor.execute(statement, values)
        except self.dbapi_error as exc:
            # Raise SQLAlchemy's exception classes, as the rest of the code expects (IntegrityError...).
            raise DBAPIError.instance(statement, values, exc, self.dbapi_error) from exc

    def _adapt(self, params: Mapping[str, Any]) -> dict[str, Any]:
        return {k: self._value(v) for k, v in params.items()}

    def _value(self, value: Any) -> Any:
        if isinstance(value, datetime):
            if value.tzinfo is None:
                raise ValueError("naive datetime; use storage.types.utcnow()")
            # SQLAlchemy's SQLite DateTime format, naive UTC (see storage.types.UTCDateTime).
            return _sqlite_datetime(value) if self.sqlite else value
        if isinstance(value, date):
            return value.isoformat() if self.sqlite else value  # SQLAlchemy's SQLite Date format
        if isinstance(value, dict):
            if self.sqlite:
                return json.dumps(value, ensure_ascii=False)
            from psycopg.types.json import Json

            return Json(value)
        return value


def as_datetime(value: Any) -> datetime | None:
    """A timestamp read back from either database, as an aware UTC datetime."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def as_json(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, str | bytes):
        loaded = json.loads(value)
        return loaded if isinstance(loaded, dict) else {}
    return dict(value)


@lru_cache(maxsize=64)
def _sqlite_datetime(value: datetime) -> str:
    # One request writes the same `now` into several columns; format it once.
    return value.astimezone(UTC).strftime(SQLITE_DATETIME)


@lru_cache(maxsize=256)
def _sql_for(sql: str, sqlite: bool) -> str:
    # sqlite3 takes :name; psycopg takes %(name)s as written.
    return _NAMED.sub(r":\1", sql) if sqlite else sql
