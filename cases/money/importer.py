"""`qingfeng data import KIND FILE`: validate every row, keep the good ones, count what changed.

Idempotent: a row is keyed (payment id, person, or cadre and relative) and compared with what is stored,
so importing the same file twice inserts and updates nothing. The caller owns the transaction.
"""

from __future__ import annotations

import gc
import multiprocessing
import re
from array import array
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache, partial
from itertools import repeat
from multiprocessing.connection import Connection
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.money import ids
from cases.money.files import HEADERS, Batch, Row, iter_batches
from cases.money.items import RELATIONS, STATUSES, items
from storage.bulk import (
    copy_text,
    fetch_rows,
    indexes_built_after,
    insert_rows,
    roomy_cache,
    storable,
    update_rows,
    upsert_copied,
)
from storage.models import Village, table
from storage.models.money import MoneyCadre, MoneyDeath, MoneyPayment, MoneyPerson

_PERIOD_RE = re.compile(r"(\d{4})-(\d{2})")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_AMOUNT = Decimal("1000000")
CHUNK_ROWS = 50_000
# A households or payments file at least this big is read and checked in a second process while this one
# stores what it sent (two cores at work; tests set it to 0 to take that path with small files).
SEPARATE_BYTES = 4 << 20


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


@dataclass
class ImportReport:
    kind: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    bad: list[BadRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.bad

    def summary(self) -> str:
        return f"{self.kind}：新增 {self.new}，更新 {self.updated}，未变 {self.unchanged}，错误 {len(self.bad)}"


class RowProblem(ValueError):
    pass


Columns = dict[str, Sequence[Any]]  # a batch's good rows by stored column


@dataclass(frozen=True)
class _Kind:
    model: type[Any]
    key: tuple[str, ...]  # the natural key among the stored columns
    parse: Callable[[dict[str, str], set[str]], dict[str, Any]]  # one row; its RowProblem is the row's reason
    # The same rules over a whole batch (None: row by row): the rows it cannot vouch for, and the good rows'
    # stored columns. Every row it leaves out goes through `parse`, so a reason always reads the same.
    bulk: Callable[[Batch, _Checks], tuple[set[int], Columns]] | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        """The stored columns a row sets (what `parse` returns), in the table's order."""
        return tuple(c.name for c in table(self.model).columns if c.name not in ("id", "updated_at"))


def import_file(session: Session, *, kind: str, path: Path, now: datetime) -> ImportReport:
    """Raises files.BadFile when the file cannot be read at all (before anything is imported)."""
    batches = iter_batches(kind, path, CHUNK_ROWS)
    separate = _KINDS[kind].bulk is not None and path.stat().st_size >= SEPARATE_BYTES and _can_fork()
    return _import(session, kind, batches, now, separate=separate)


def import_rows(session: Session, *, kind: str, rows: Iterable[Row], now: datetime) -> ImportReport:
    """Validate and upsert `rows`, a chunk at a time, so a file of millions of rows fits in memory."""
    return _import(session, kind, _as_batches(kind, rows), now)


def _as_batches(kind: str, rows: Iterable[Row]) -> Iterator[Batch]:
    names = [english for english, _ in HEADERS[kind]]
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK_ROWS:
            yield Batch([r.line for r in chunk], {n: [r.values.get(n, "") for r in chunk] for n in names})
            chunk = []
    if chunk:
        yield Batch([r.line for r in chunk], {n: [r.values.get(n, "") for r in chunk] for n in names})


def _import(
    session: Session, kind: str, batches: Iterable[Batch], now: datetime, *, separate: bool = False
) -> ImportReport:
    spec = _KINDS[kind]
    t = table(spec.model)
    # The natural key leads, so a stored row read back starts with its key.
    order = [*spec.key, *(c for c in spec.columns if c not in spec.key)]
    report = ImportReport(kind=kind)
    # An empty table (a first load) holds nothing to compare with: every good row is new.
    empty = session.execute(select(1).select_from(t).limit(1)).first() is None
    stamp = storable(session.connection().dialect.name, [now])[0]
    # A first load builds the table's secondary indexes once at the end rather than row by row.
    with roomy_cache(session), _no_cycle_collector(), indexes_built_after(session, t.name) if empty else nullcontext():
        _load(session, spec, batches, order, empty, stamp, report, separate)
    report.bad.sort(key=lambda b: b.line)
    return report


@contextmanager
def _no_cycle_collector() -> Iterator[None]:
    """An import allocates millions of short-lived lists and tuples that form no cycles; the cyclic collector
    would walk the long-lived ones (the keys seen, the checked values) again and again: a third of the reading."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load(
    session: Session,
    spec: _Kind,
    batches: Iterable[Batch],
    order: list[str],
    empty: bool,
    stamp: Any,
    report: ImportReport,
    separate: bool,
) -> None:
    """Batch after batch: read and check one while a writer thread stores the one before. The database's own
    work (SQLite's B-trees, PostgreSQL's COPY) runs without the GIL, so it overlaps the Python of the next
    batch. With `separate`, reading and checking run in a forked process (no GIL shared with the writer) that
    sends each batch's good rows in a compact form (_pack): this process only unpacks and stores them. Only
    the writer touches the connection while a write is pending."""
    name = table(spec.model).name
    dialect = session.connection().dialect.name
    known = set(session.scalars(select(Village.code))) if "village_code" in spec.columns else set()
    checked = _checked(spec, batches, known, order, dialect)
    if separate:
        copy = dialect == "postgresql"
        checked = _from_child(_pack_all(checked, copy, [*order, "updated_at"] if empty else order, stamp))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="money-import") as writer:
        pending: Future[None] | None = None
        for bad, count, stored in checked:
            report.bad.extend(bad)
            if not count:
                continue
            if pending is not None:
                pending.result()  # a failed write stops the import here
            if isinstance(stored, str):  # COPY text from the reading process (PostgreSQL)
                if empty:
                    pending = writer.submit(copy_text, session, name, [*order, "updated_at"], stored)
                    report.new += count
                else:
                    pending = writer.submit(_upsert, session, name, spec.key, order, stored, stamp, report)
                continue
            if empty:
                rows = list(zip(*stored, repeat(stamp, count), strict=True))
                pending = writer.submit(insert_rows, session, name, [*order, "updated_at"], rows)
                report.new += count
            else:
                rows = list(zip(*stored, strict=True))
                pending = writer.submit(_upsert, session, name, spec.key, order, rows, stamp, report)
        if pending is not None:
            pending.result()


# What a batch comes to: its bad rows, the number of good rows, and their stored columns (in the import's
# column order), or on PostgreSQL from the reading process the rows as COPY text.
Checked = tuple[list[BadRow], int, list[Sequence[Any]] | str]


def _checked(
    spec: _Kind, batches: Iterable[Batch], known: set[str], order: list[str], dialect: str
) -> Iterator[Checked]:
    checks = _Checks(known=known)
    seen_at: dict[Hashable, int] = {}
    for batch in batches:
        bad = ImportReport(kind="")
        lines, columns = _validate(spec, batch, checks, bad)
        lines, columns = _unique(spec, lines, columns, seen_at, bad)
        stored = [storable(dialect, columns[c]) for c in order] if lines else []
        yield bad.bad, len(lines), stored


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _from_child(work: Iterator[Any]) -> Iterator[Checked]:
    """Run the generator `work` in a forked process and yield what it yields, unpacked. The child shares
    nothing with this process but the pipe (it never touches the database connection it inherited); an
    exception in it (BadFile: a line that is not UTF-8) is raised here, and a stop of this generator ends it."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(work, send), name="money-import-reader", daemon=True)
    child.start()
    send.close()
    try:
        while True:
            try:
                message = receive.recv()
            except EOFError:
                raise RuntimeError("the import's reading process stopped") from None
            if message[0] == "end":
                return
            if message[0] == "error":
                raise message[1]
            _, bad, count, packed = message
            yield [BadRow(line, reason) for line, reason in bad], count, _unpack(packed)
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()


def _child(work: Iterator[Any], send: Connection) -> None:
    try:
        for message in work:
            send.send(("batch", *message))
    except Exception as exc:  # sent whole when it can be pickled (BadFile), else described
        try:
            send.send(("error", exc))
        except Exception:  # an exception that cannot be pickled
            send.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    else:
        send.send(("end",))
    finally:
        send.close()


_SEP = "\x1f"


def _pack_all(checked: Iterator[Checked], copy: bool, names: list[str], stamp: Any) -> Iterator[Any]:
    """Each batch as the reading process sends it: bad rows as (line, reason) pairs, and the stored columns
    packed (_pack), or for PostgreSQL as COPY text with `stamp` in a last column when `names` ends with
    updated_at (a first load)."""
    for bad, count, stored in checked:
        rows: Any = None
        if count and copy:
            rows = _copy_rows(stored if len(names) == len(stored) else [*stored, [stamp] * count])
        elif count:
            rows = [_pack(column) for column in stored]
        yield [(b.line, b.reason) for b in bad], count, rows


def _pack(column: Sequence[Any]) -> tuple[str, Any]:
    """A column as one string (text joined by a separator it does not hold) or the bytes of its 64-bit
    integers: a pipe carries those as one block, where pickling a list costs a step per value."""
    try:
        if isinstance(column[0], str):
            joined = _SEP.join(column)
            if joined.count(_SEP) == len(column) - 1:
                return "s", joined
        elif type(column[0]) is int:
            return "i", array("q", column).tobytes()
    except (TypeError, OverflowError):
        pass
    return "o", list(column)


def _unpack(packed: Any) -> list[Sequence[Any]] | str:
    if packed is None or isinstance(packed, str):  # no good rows; COPY text
        return packed or []
    out: list[Sequence[Any]] = []
    for how, value in packed:
        if how == "s":
            out.append(value.split(_SEP))
        elif how == "i":
            numbers = array("q")
            numbers.frombytes(value)
            out.append(numbers.tolist())
        else:
            out.append(value)
    return out


def _copy_rows(columns: Sequence[Sequence[Any]]) -> str:
    """Rows as PostgreSQL's COPY text format: tab between values, a line each, \\N for NULL, and a backslash,
    tab, newline or carriage return inside a value escaped."""
    texts = [_copy_column(c) for c in columns]
    return "\n".join(map("\t".join, zip(*texts, strict=True))) + "\n"


def _copy_column(values: Sequence[Any]) -> Sequence[str]:
    try:
        joined = "\n".join(values)
    except TypeError:  # not all text
        return [_copy_value(v) for v in values]
    if joined.count("\n") == len(values) - 1 and not any(c in joined for c in "\\\t\r"):
        return values
    return [_copy_value(v) for v in values]


def _copy_value(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _validate(spec: _Kind, batch: Batch, checks: _Checks, report: ImportReport) -> tuple[list[int], Columns]:
    """The batch's good rows (line numbers and stored columns), in file order; bad rows go to the report."""
    if spec.bulk is None:
        return _row_by_row(spec, batch, checks.known, report)
    suspects, columns = spec.bulk(batch, checks)
    if not suspects:
        return batch.lines, columns
    lines, passed = _row_by_row(spec, batch.take(sorted(suspects)), checks.known, report)
    good = [i for i in range(len(batch.lines)) if i not in suspects]
    _, columns = spec.bulk(batch.take(good), checks)
    good_lines = [batch.lines[i] for i in good]
    if not lines:
        return good_lines, columns
    # A suspect that passed after all (not expected): back in file order, so the first of two equal keys wins.
    every = good_lines + lines
    order = sorted(range(len(every)), key=every.__getitem__)
    joined = {name: [*columns[name], *passed[name]] for name in spec.columns}
    return [every[i] for i in order], {name: [values[i] for i in order] for name, values in joined.items()}


def _row_by_row(spec: _Kind, batch: Batch, known: set[str], report: ImportReport) -> tuple[list[int], Columns]:
    lines: list[int] = []
    records: list[dict[str, Any]] = []
    for i, line in enumerate(batch.lines):
        try:
            records.append(spec.parse(batch.values(i), known))
        except RowProblem as problem:
            report.bad.append(BadRow(line, str(problem)))
            continue
        lines.append(line)
    return lines, {name: [r[name] for r in records] for name in spec.columns}


def _unique(
    spec: _Kind, lines: list[int], columns: Columns, seen_at: dict[Hashable, int], report: ImportReport
) -> tuple[list[int], Columns]:
    """Drop a row whose key an earlier row of the file had (reported with that row's line)."""
    keys: Sequence[Hashable] = (
        columns[spec.key[0]] if len(spec.key) == 1 else list(zip(*(columns[k] for k in spec.key), strict=True))
    )
    if len(set(keys)) == len(keys) and seen_at.keys().isdisjoint(keys):
        seen_at.update(zip(keys, lines, strict=True))
        return lines, columns
    keep: list[int] = []
    for i, (key, line) in enumerate(zip(keys, lines, strict=True)):
        first = seen_at.get(key)
        if first is not None:
            report.bad.append(BadRow(line, f"与第 {first} 行重复"))
            continue
        seen_at[key] = line
        keep.append(i)
    return [lines[i] for i in keep], {name: [column[i] for i in keep] for name, column in columns.items()}


def _upsert(
    session: Session,
    name: str,
    key: tuple[str, ...],
    order: list[str],
    rows: list[tuple[Any, ...]] | str,
    stamp: Any,
    report: ImportReport,
) -> None:
    """Insert the rows not stored yet, update those stored differently, count the rest as unchanged. `rows`
    may be COPY text on PostgreSQL."""
    if session.connection().dialect.name == "postgresql":
        new, updated = upsert_copied(session, name, key, order, rows, stamp)
        report.new += new
        report.updated += updated
        report.unchanged += (rows.count("\n") if isinstance(rows, str) else len(rows)) - new - updated
        return
    assert not isinstance(rows, str)
    width = len(key)
    stored = fetch_rows(session, name, key, order, [r[0] for r in rows])
    fresh: list[tuple[Any, ...]] = []
    changed: list[tuple[Any, ...]] = []
    for row in rows:
        old = stored.get(row[0] if width == 1 else row[:width])
        if old is None:
            fresh.append((*row, stamp))
        elif old != row:
            changed.append((*row[width:], stamp, *row[:width]))
        else:
            report.unchanged += 1
    insert_rows(session, name, [*order, "updated_at"], fresh)
    update_rows(session, name, key, [*order[width:], "updated_at"], changed)
    report.new += len(fresh)
    report.updated += len(changed)


class _Checks:
    """Each column's rules applied once per distinct text in the whole import: a payments file names the same
    person, card, item, period, amount and day thousands of times."""

    def __init__(self, known: set[str]) -> None:
        self.known = known
        self.columns: dict[str, _Column] = {}

    def column(self, name: str, convert: Callable[[str], Any]) -> _Column:
        found = self.columns.get(name)
        if found is None:
            found = self.columns[name] = _Column(convert)
        return found


class _Column:
    def __init__(self, convert: Callable[[str], Any]) -> None:
        self.convert = convert
        self.done: dict[str, Any] = {}
        self.bad: set[str] = set()

    def values(self, texts: list[str], suspects: set[int]) -> list[Any]:
        """Each text's converted value (None for a bad one, whose row joins `suspects`)."""
        got = list(map(self.done.get, texts))
        if None in got:  # texts not met before (or bad ones)
            for text in set(texts).difference(self.done):
                try:
                    self.done[text] = self.convert(text)
                except RowProblem:
                    self.done[text] = None
                    self.bad.add(text)
            got = list(map(self.done.__getitem__, texts))
        if self.bad and not self.bad.isdisjoint(texts):
            suspects.update(i for i, text in enumerate(texts) if text in self.bad)
        return got


def _free_text(texts: list[str], longest: int, suspects: set[int]) -> None:
    """A required column of per-row text (an id): empty or too long makes the row a suspect."""
    if texts and ("" in texts or max(map(len, texts)) > longest):
        suspects.update(i for i, t in enumerate(texts) if not t or len(t) > longest)


def _in_registry(texts: list[str], known: set[str], suspects: set[int]) -> None:
    if not known.issuperset(texts):
        suspects.update(i for i, t in enumerate(texts) if t not in known)


def _one_of(choices: Iterable[str]) -> Callable[[str], str]:
    allowed = frozenset(choices)

    def check(text: str) -> str:
        if text not in allowed:
            raise RowProblem(text)
        return text

    return check


def _id_parts(text: str, person_hash: Callable[[str], str]) -> tuple[str, str, str]:
    """An ID number's keyed hash, masked form and last six characters."""
    number = ids.normalise_id(text)
    if not text or ids.id_problem(number):
        raise RowProblem(text)
    return person_hash(number), ids.mask_id(number), number[-6:]


def _name_mask(text: str) -> str:
    if not text or len(text) > 20:
        raise RowProblem(text)
    return ids.mask_name(text)


def _account_parts(text: str, account_hash: Callable[[str], str]) -> tuple[str, str]:
    account = text.replace(" ", "")
    if not text or ids.account_problem(account):
        raise RowProblem(text)
    return account_hash(account), ids.mask_account(account)


def _split(parts: list[Any], width: int) -> list[list[Any]]:
    """A column of tuples as `width` columns."""
    return [list(map(itemgetter(i), parts)) for i in range(width)]


def bulk_households(batch: Batch, checks: _Checks) -> tuple[set[int], Columns]:
    c = batch.columns
    suspects: set[int] = set()
    _free_text(c["household_id"], 40, suspects)
    _in_registry(c["village_code"], checks.known, suspects)
    person = checks.column("person_id", partial(_id_parts, person_hash=ids.hasher("money-person"))).values(
        c["person_id"], suspects
    )
    names = checks.column("name", _name_mask).values(c["name"], suspects)
    checks.column("relation", _one_of(RELATIONS)).values(c["relation"], suspects)
    checks.column("status", _one_of(STATUSES)).values(c["status"], suspects)
    if suspects:
        return suspects, {}
    hashes, masks, sixes = _split(person, 3)
    return suspects, {
        "person_hash": hashes,
        "household_id": c["household_id"],
        "village_code": c["village_code"],
        "person_mask": masks,
        "name_mask": names,
        "link_hash": list(map(ids.hasher("money-link"), map("{}\x1f{}".format, c["name"], sixes))),
        "relation": c["relation"],
        "status": c["status"],
    }


def bulk_payments(batch: Batch, checks: _Checks) -> tuple[set[int], Columns]:
    c = batch.columns
    suspects: set[int] = set()
    _free_text(c["payment_id"], 64, suspects)
    _in_registry(c["village_code"], checks.known, suspects)
    checks.column("item", _one_of(items())).values(c["item"], suspects)
    person = checks.column("person_id", partial(_id_parts, person_hash=ids.hasher("money-person"))).values(
        c["person_id"], suspects
    )
    names = checks.column("name", _name_mask).values(c["name"], suspects)
    account = checks.column("account", partial(_account_parts, account_hash=ids.hasher("money-account"))).values(
        c["account"], suspects
    )
    starts = checks.column("period", parse_period).values(c["period"], suspects)
    fen = checks.column("amount", parse_amount).values(c["amount"], suspects)
    paid = checks.column("paid_on", lambda text: _day(text, "paid_on")).values(c["paid_on"], suspects)
    if suspects:
        return suspects, {}
    hashes, masks, _ = _split(person, 3)
    account_hashes, account_masks = _split(account, 2)
    return suspects, {
        "payment_id": c["payment_id"],
        "item": c["item"],
        "person_hash": hashes,
        "person_mask": masks,
        "name_mask": names,
        "village_code": c["village_code"],
        "period": c["period"],
        "period_start": starts,
        "amount_fen": fen,
        "paid_on": paid,
        "account_hash": account_hashes,
        "account_mask": account_masks,
    }


def _require(values: dict[str, str], *names: str) -> None:
    missing = [n for n in names if not values.get(n)]
    if missing:
        raise RowProblem("缺少 " + "、".join(missing))


def _person(values: dict[str, str], column: str = "person_id") -> str:
    number = ids.normalise_id(values[column])
    problem = ids.id_problem(number)
    if problem:
        raise RowProblem(f"{column}：{problem}")
    return number


def _village(values: dict[str, str], villages: set[str]) -> str:
    code = values["village_code"]
    if code not in villages:
        raise RowProblem(f"村代码 {code} 不在村名录中")
    return code


@lru_cache(maxsize=1 << 14)
def _day(text: str, column: str) -> date:
    if not _DATE_RE.fullmatch(text):
        raise RowProblem(f"{column} 应为 YYYY-MM-DD，收到“{text}”")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RowProblem(f"{column} 日期不存在：{text}") from None


def _name(values: dict[str, str], column: str = "name") -> str:
    name = values[column]
    if len(name) > 20:
        raise RowProblem(f"{column} 太长（最多 20 字）")
    return name


def parse_household(values: dict[str, str], villages: set[str]) -> dict[str, Any]:
    _require(values, "household_id", "village_code", "person_id", "name", "relation", "status")
    number, name = _person(values), _name(values)
    if values["relation"] not in RELATIONS:
        raise RowProblem(f"与户主关系应为 {'/'.join(RELATIONS)} 之一，收到“{values['relation']}”")
    if values["status"] not in STATUSES:
        raise RowProblem(f"户类型应为 {'/'.join(STATUSES)} 之一，收到“{values['status']}”")
    if len(values["household_id"]) > 40:
        raise RowProblem("户编号太长（最多 40 个字符）")
    return {
        "person_hash": ids.person_hash(number),
        "household_id": values["household_id"],
        "village_code": _village(values, villages),
        "person_mask": ids.mask_id(number),
        "name_mask": ids.mask_name(name),
        "link_hash": ids.link_hash(name, number[-6:]),
        "relation": values["relation"],
        "status": values["status"],
    }


@lru_cache(maxsize=1 << 14)
def parse_amount(text: str) -> int:
    """Yuan with up to two decimals, as whole fen."""
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise RowProblem(f"金额应为数字（元），收到“{text}”") from None
    if not amount.is_finite() or amount <= 0 or amount > MAX_AMOUNT or amount != amount.quantize(Decimal("0.01")):
        raise RowProblem(f"金额应大于 0、不超过 {MAX_AMOUNT} 元、最多两位小数，收到“{text}”")
    return int(amount * 100)


@lru_cache(maxsize=1 << 14)
def parse_period(text: str) -> date:
    m = _PERIOD_RE.fullmatch(text)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise RowProblem(f"所属期应为 YYYY-MM，收到“{text}”")
    return date(int(m.group(1)), int(m.group(2)), 1)


def parse_payment(values: dict[str, str], villages: set[str]) -> dict[str, Any]:
    _require(
        values, "payment_id", "item", "person_id", "name", "village_code", "period", "amount", "paid_on", "account"
    )
    if len(values["payment_id"]) > 64:
        raise RowProblem("发放编号太长（最多 64 个字符）")
    if values["item"] not in items():
        raise RowProblem(f"项目“{values['item']}”不在项目清单中（cases/money/items.yaml）")
    number, name = _person(values), _name(values)
    account = values["account"].replace(" ", "")
    problem = ids.account_problem(account)
    if problem:
        raise RowProblem(f"account：{problem}")
    return {
        "payment_id": values["payment_id"],
        "item": values["item"],
        "person_hash": ids.person_hash(number),
        "person_mask": ids.mask_id(number),
        "name_mask": ids.mask_name(name),
        "village_code": _village(values, villages),
        "period": values["period"],
        "period_start": parse_period(values["period"]),
        "amount_fen": parse_amount(values["amount"]),
        "paid_on": _day(values["paid_on"], "paid_on"),
        "account_hash": ids.account_hash(account),
        "account_mask": ids.mask_account(account),
    }


def parse_death(values: dict[str, str], villages: set[str]) -> dict[str, Any]:
    del villages
    _require(values, "person_id", "name", "died_on")
    number, name = _person(values), _name(values)
    died = _day(values["died_on"], "died_on")
    return {
        "person_hash": ids.person_hash(number),
        "person_mask": ids.mask_id(number),
        "name_mask": ids.mask_name(name),
        "died_on": died,
        "died_month": died.replace(day=1),
    }


def parse_cadre(values: dict[str, str], villages: set[str]) -> dict[str, Any]:
    _require(values, "person_id", "name", "village_code", "post")
    number, name = _person(values), _name(values)
    relative_given = [c for c in ("relative_id", "relative_name", "relation") if values.get(c)]
    if relative_given and len(relative_given) < 3:
        raise RowProblem("亲属身份证号、亲属姓名、关系要么都填，要么都空")
    relative = _person(values, "relative_id") if relative_given else ""
    if relative == number:
        raise RowProblem("亲属身份证号与干部本人相同")
    if len(values["post"]) > 32 or len(values.get("relation", "")) > 16:
        raise RowProblem("职务或关系太长")
    return {
        "cadre_hash": ids.person_hash(number),
        "cadre_mask": ids.mask_id(number),
        "name_mask": ids.mask_name(name),
        "village_code": _village(values, villages),
        "post": values["post"],
        "relative_hash": ids.person_hash(relative) if relative else "",
        "relative_mask": ids.mask_id(relative) if relative else "",
        "relative_name_mask": ids.mask_name(_name(values, "relative_name")) if relative else "",
        "relation": values.get("relation", ""),
    }


_KINDS: dict[str, _Kind] = {
    "households": _Kind(MoneyPerson, ("person_hash",), parse_household, bulk_households),
    "payments": _Kind(MoneyPayment, ("payment_id",), parse_payment, bulk_payments),
    "deaths": _Kind(MoneyDeath, ("person_hash",), parse_death),
    "cadres": _Kind(MoneyCadre, ("cadre_hash", "relative_hash"), parse_cadre),
}


def kinds() -> Iterable[str]:
    return _KINDS.keys()
