"""Plain SQL on the session's own DBAPI connection, for the few statements every message runs.

SQLAlchemy Core costs about 0.25 ms per statement here, several times the statement itself; the
webhook runs half a dozen per message. These statements share the session's transaction, and the
adapters below store values exactly as SQLAlchemy's own types do, so ORM code reads them back.

On PostgreSQL a statement whose answer nobody waits for (`later`) is not sent at once: it goes, in
psycopg's pipeline mode, in one round trip with the next statement that needs an answer, or with
COMMIT. A message's writes and its COMMIT are then one round trip, its claims and look-ups another.
Order is kept: anything else run on the connection (ORM or Core) first sends what is waiting, and
an error in a waiting statement is raised there, or by the commit, as SQLAlchemy's exception.

Asking ahead (PostgreSQL): `ahead(tag, fn, ...)` runs `fn` up to its first look-up, queueing what it
sends; `send_ahead()` then sends the queue of many such calls in one round trip. When the same
statement with the same values is asked again afterwards (once), it is answered from that round trip
instead of sent: the webhook asks the claims and look-ups of a whole batch of messages this way
(handlers.webhook.route). The caller answers for an answer still being true when it is used, and drops
with `forget_ahead(tag)` whatever its owner did not use.
"""

from __future__ import annotations

import json
import re
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, SessionTransaction

_NAMED = re.compile(r"%\((\w+)\)s")
_IDLE = 0  # libpq's PQTRANS_IDLE: no transaction open
SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # what SQLAlchemy's SQLite DateTime writes


_KEY = "fastsql"
_CURSORS = "fastsql_cursors"


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


class Pending:
    """A statement sent with `FastSQL.later`; its row count is known once it has been sent."""

    __slots__ = ("_owner", "_row", "_rowcount", "fold", "statement", "values", "wants_row")

    def __init__(
        self, owner: FastSQL, statement: str, values: dict[str, Any], *, wants_row: bool = False, fold: bool = False
    ) -> None:
        self._owner, self.statement, self.values = owner, statement, values
        self._rowcount: int | None = None
        self.wants_row = wants_row  # a look-up asked ahead: its first row is kept once sent
        self.fold = fold  # may travel inside one statement with its neighbours (FastSQL.later)
        self._row: Any = None

    @property
    def rowcount(self) -> int:
        if self._rowcount is None:
            self._owner.flush()
        assert self._rowcount is not None
        return self._rowcount


class FastSQL:
    """Runs `%(name)s`-style SQL on the session's connection, adapting values for its dialect."""

    def __init__(self, session: Session) -> None:
        conn = self.conn = session.connection()
        self.sqlite = conn.dialect.name == "sqlite"
        self.dbapi_error: type[Exception] = conn.dialect.loaded_dbapi.Error
        driver: Any = conn.connection.driver_connection
        self.driver = driver
        self.cursor = driver.cursor()
        # PostgreSQL: the cursors a pipeline's statements use, kept with the pooled connection (its `info`
        # lives as long as the DBAPI connection) and used again: making one per statement cost ~5 us.
        self._cursors: list[Any] = [] if self.sqlite else conn.connection.info.setdefault(_CURSORS, [])
        self.waiting: list[Pending] = []
        # Statements asked ahead, by statement and values, and the keys each tag asked.
        self.answered: dict[tuple[str, tuple[Any, ...]], Pending] = {}
        self._asked_by: dict[object, list[tuple[str, tuple[Any, ...]]]] = {}
        self._twice: set[tuple[str, tuple[Any, ...]]] = set()
        self._asking: object = _NOT_ASKING
        if not self.sqlite:
            _hook(conn.engine)
            _WAITING[conn] = self

    def execute(self, sql: str, params: Mapping[str, Any]) -> int:
        return self.later(sql, params).rowcount

    def one(self, sql: str, params: Mapping[str, Any], columns: Sequence[str]) -> dict[str, Any] | None:
        statement, values = _sql_for(sql, self.sqlite), self._adapt(params)
        if self._asking is not _NOT_ASKING:
            pending = Pending(self, statement, values, wants_row=True)
            self.waiting.append(pending)
            self._remember(pending)
            raise _Asked
        if self.answered and (hit := self._answer(statement, values, row=True)) is not None:
            return None if hit._row is None else dict(zip(columns, hit._row, strict=True))
        cursor = self._send([*self._take(), Pending(self, statement, values)])
        row = cursor.fetchone()
        return None if row is None else dict(zip(columns, row, strict=True))

    def later(self, sql: str, params: Mapping[str, Any], *, fold: bool = False) -> Pending:
        """Run a statement whose answer is not needed now: on PostgreSQL it waits for the next one that
        is (or for COMMIT); on SQLite, where a statement is a function call, it runs at once.

        `fold` (PostgreSQL): a single-row write (UPDATE, INSERT or DELETE of one table, no RETURNING) whose
        row count nobody reads (it is -1) may be sent inside one statement with the foldable writes next to
        it, each a data-modifying CTE of the last (see _fold): psycopg's work, and the server's, is per
        statement. Only writes to different tables share a statement, so none sees another's rows.
        """
        pending = Pending(self, _sql_for(sql, self.sqlite), self._adapt(params), fold=fold)
        if self.sqlite:
            self._send([pending])
        elif self._asking is not _NOT_ASKING:
            self.waiting.append(pending)
            self._remember(pending)
        elif self.answered and (hit := self._answer(pending.statement, pending.values, row=False)) is not None:
            return hit
        else:
            self.waiting.append(pending)
        return pending

    def ahead(self, tag: object, fn: Callable[..., object], /, *args: Any, **kwargs: Any) -> None:
        """Run `fn` until its first look-up (PostgreSQL): its statements, that look-up included, wait for
        `send_ahead`, and are remembered under `tag` (see the module's docstring). SQLite runs `fn` whole."""
        if self.sqlite:
            fn(*args, **kwargs)
            return
        self._asking = tag
        try:
            fn(*args, **kwargs)
        except _Asked:
            pass
        finally:
            self._asking = _NOT_ASKING

    def send_ahead(self) -> None:
        """Send what was asked ahead (with anything else waiting) in one round trip."""
        self.flush()

    def forget_ahead(self, tag: object) -> None:
        """Drop the answers asked ahead under `tag` that were not used."""
        for key in self._asked_by.pop(tag, ()):
            self.answered.pop(key, None)

    def _remember(self, pending: Pending) -> None:
        # A value that cannot be a key (JSON): the statement is sent all the same, and asked again is sent again.
        with suppress(TypeError):
            key = (pending.statement, tuple(pending.values.items()))
            if key in self.answered or key in self._twice:
                # Asked twice (a nonce replayed within a batch): which answer is whose is unclear, so neither
                # is kept, and both are sent again when asked.
                self.answered.pop(key, None)
                self._twice.add(key)
                return
            self.answered[key] = pending
            self._asked_by.setdefault(self._asking, []).append(key)

    def _answer(self, statement: str, values: dict[str, Any], *, row: bool) -> Pending | None:
        """The statement asked ahead with these values (as a look-up if `row`), once it has been sent; each
        answers once."""
        try:
            key = (statement, tuple(values.items()))
            hit = self.answered.get(key)
        except TypeError:
            return None
        if hit is None or hit._rowcount is None or hit.wants_row != row:
            return None  # not asked ahead, or not sent yet: run it as usual
        del self.answered[key]
        return hit

    def flush(self, *, commit: bool = False) -> None:
        """Send what is waiting (and COMMIT), in one round trip."""
        batch = self._take()
        if commit:
            batch.append(Pending(self, "COMMIT", {}))
        if batch:
            self._send(batch)

    def forget(self) -> None:
        self.waiting.clear()
        self.answered.clear()
        self._asked_by.clear()
        self._twice.clear()

    def _take(self) -> list[Pending]:
        batch, self.waiting = self.waiting, []
        return batch

    def _send(self, batch: list[Pending]) -> Any:
        """Run `batch` in order; the cursor of its last statement. Several go in one pipeline, neighbouring
        foldable writes in one statement (`later`).

        Not one string of statements with the values bound here (ClientCursor), though that costs the app
        about 10 us less CPU a statement: PostgreSQL logs the text of a statement that fails (a deadlock
        included), and such a string would carry a whole batch's values, user keys beside ledger keys and
        conversation data, into the server's log. In a pipeline each statement is sent with its values
        apart, and a failing one is logged with placeholders only.
        """
        folded = batch if self.sqlite or len(batch) < 2 else _fold(self, batch)
        try:
            if len(folded) == 1 and (self.sqlite or not self._starts_transaction()):
                cursors = [self.cursor]
                self.cursor.execute(folded[0].statement, folded[0].values)
            else:
                cursors = self._pipeline_cursors(len(folded))
                with self.driver.pipeline(), self._begin_in_pipeline():
                    for cursor, pending in zip(cursors, folded, strict=True):
                        cursor.execute(pending.statement, pending.values)
        except self.dbapi_error as exc:
            self._cursors.clear()  # none is used again after a failure, whatever state it was left in
            # Raise SQLAlchemy's exception classes, as the rest of the code expects (IntegrityError...).
            statement = "; ".join(p.statement for p in folded)
            raise DBAPIError.instance(statement, folded[-1].values, exc, self.dbapi_error) from exc
        if folded is not batch:
            for pending in batch:
                if pending.fold:
                    pending._rowcount = -1  # replaced below where it went alone
        for cursor, pending in zip(cursors, folded, strict=True):
            pending._rowcount = int(cursor.rowcount)
            if pending.wants_row:
                pending._row = cursor.fetchone()
        return cursors[-1]

    def _pipeline_cursors(self, n: int) -> list[Any]:
        """`n` cursors for one pipeline; each one's result is read before the next send reuses it."""
        while len(self._cursors) < n:
            self._cursors.append(self.driver.cursor())
        return self._cursors[:n]

    def _starts_transaction(self) -> bool:
        return not self.driver.autocommit and self.driver.pgconn.transaction_status == _IDLE

    @contextmanager
    def _begin_in_pipeline(self) -> Iterator[None]:
        """BEGIN in the same round trip as the statements after it.

        psycopg starts a transaction with a BEGIN of its own and, in a pipeline, waits for it (a round
        trip of its own). Here the first statements of a transaction send psycopg's own BEGIN text
        themselves, with psycopg told for that moment that it need not.
        """
        if not self._starts_transaction() or not all(hasattr(self.driver, name) for name in _PRIVATE):
            yield
            return
        self.driver._autocommit = True
        try:
            self.cursor.execute(self.driver._get_tx_start_command())
            yield
        finally:
            self.driver._autocommit = False

    def _adapt(self, params: Mapping[str, Any]) -> dict[str, Any]:
        # Most values are text, numbers or NULL, which both drivers take as they are.
        return {k: v if type(v) in _AS_THEY_ARE else self._value(v) for k, v in params.items()}

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


_AS_THEY_ARE = frozenset({str, int, float, bool, type(None)})
_WRITE = re.compile(r"(?:UPDATE|INSERT INTO|DELETE FROM) (\w+) ")


def _fold(owner: FastSQL, batch: list[Pending]) -> list[Pending]:
    """`batch` with each run of neighbouring foldable writes to different tables made one statement:
    `WITH f0 AS (first), f1 AS (second) last`. PostgreSQL runs every data-modifying CTE to completion, in
    the statement's one snapshot; as the tables differ, that is what the statements did one by one."""
    out: list[Pending] = []
    run: list[Pending] = []
    tables: set[str] = set()

    def close() -> None:
        if len(run) == 1:
            out.append(run[0])
        elif run:
            parts = [_renamed(p.statement, f"f{i}_") for i, p in enumerate(run)]
            ctes = ", ".join(f"f{i} AS ({part})" for i, part in enumerate(parts[:-1]))
            values = {f"f{i}_{k}": v for i, p in enumerate(run) for k, v in p.values.items()}
            out.append(Pending(owner, f"WITH {ctes} {parts[-1]}", values))
        run.clear()
        tables.clear()

    for pending in batch:
        table = _table(pending.statement) if pending.fold else None
        if table is None:
            close()
            out.append(pending)
            continue
        if table in tables:
            close()
        run.append(pending)
        tables.add(table)
    close()
    return out


@lru_cache(maxsize=256)
def _table(statement: str) -> str | None:
    match = _WRITE.match(statement)
    return match.group(1) if match and "RETURNING" not in statement.upper() else None


@lru_cache(maxsize=256)
def _renamed(statement: str, prefix: str) -> str:
    return _NAMED.sub(lambda m: f"%({prefix}{m.group(1)})s", statement)


class _Asked(Exception):
    """Raised by `FastSQL.one` inside `FastSQL.ahead`: the look-up waits for `send_ahead`."""


_NOT_ASKING = object()
_PRIVATE = ("_autocommit", "_get_tx_start_command")  # psycopg 3.3's; without them, psycopg's own BEGIN


# PostgreSQL connections with statements waiting, so that the engine hooks below can send them first.
_WAITING: weakref.WeakKeyDictionary[Connection, FastSQL] = weakref.WeakKeyDictionary()
_HOOKED: weakref.WeakSet[Engine] = weakref.WeakSet()
_HOOK_LOCK = threading.Lock()


def _hook(engine: Engine) -> None:
    """Keep the order of statements on `engine` (PostgreSQL) whatever else runs in the transaction."""
    if engine in _HOOKED:
        return
    with _HOOK_LOCK:
        if engine not in _HOOKED:
            event.listen(engine, "before_cursor_execute", _send_waiting)
            event.listen(engine, "commit", _commit_waiting)
            event.listen(engine, "rollback", _drop_waiting)
            _HOOKED.add(engine)


def _send_waiting(conn: Connection, *_: Any) -> None:
    waiting = _WAITING.get(conn)
    if waiting is not None and waiting.waiting:
        waiting.flush()


def _commit_waiting(conn: Connection) -> None:
    # COMMIT goes in the same round trip as the writes; psycopg then sees the transaction ended and
    # the commit SQLAlchemy sends next costs nothing.
    waiting = _WAITING.get(conn)
    if waiting is not None and waiting.waiting:
        waiting.flush(commit=True)


def _drop_waiting(conn: Connection) -> None:
    waiting = _WAITING.get(conn)
    if waiting is not None:
        waiting.forget()


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
