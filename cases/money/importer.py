"""`qingfeng data import KIND FILE`: validate every row, keep the good ones, count what changed.

Idempotent: a row is keyed (payment id, person, or cadre and relative) and compared with what is stored,
so importing the same file twice inserts and updates nothing. The caller owns the transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select, tuple_, update
from sqlalchemy.orm import Session

from cases.money import ids
from cases.money.files import Row, iter_rows
from cases.money.items import RELATIONS, STATUSES, items
from storage.bulk import insert_rows
from storage.models import Village, table
from storage.models.money import MoneyCadre, MoneyDeath, MoneyPayment, MoneyPerson

_PERIOD_RE = re.compile(r"(\d{4})-(\d{2})")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_AMOUNT = Decimal("1000000")
_CHUNK = 2000
CHUNK_ROWS = 20_000


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


@dataclass(frozen=True)
class _Kind:
    model: type[Any]
    key: tuple[str, ...]  # the natural key among the stored columns
    parse: Callable[[dict[str, str], set[str]], dict[str, Any]]


def import_file(session: Session, *, kind: str, path: Path, now: datetime) -> ImportReport:
    """Raises files.BadFile when the file cannot be read at all (before anything is imported)."""
    return import_rows(session, kind=kind, rows=iter_rows(kind, path), now=now)


def import_rows(session: Session, *, kind: str, rows: Iterable[Row], now: datetime) -> ImportReport:
    """Validate and upsert `rows`, a chunk at a time, so a file of millions of rows fits in memory."""
    spec = _KINDS[kind]
    report = ImportReport(kind=kind)
    seen_at: dict[tuple[Any, ...], int] = {}
    known: set[str] = set()
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK_ROWS:
            _import_chunk(session, spec, chunk, seen_at, known, now, report)
            chunk = []
    _import_chunk(session, spec, chunk, seen_at, known, now, report)
    report.bad.sort(key=lambda b: b.line)
    return report


def _import_chunk(
    session: Session,
    spec: _Kind,
    rows: list[Row],
    seen_at: dict[tuple[Any, ...], int],
    known: set[str],
    now: datetime,
    report: ImportReport,
) -> None:
    known |= _villages(session, rows, known)
    records: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        try:
            record = spec.parse(row.values, known)
        except RowProblem as problem:
            report.bad.append(BadRow(row.line, str(problem)))
            continue
        key = tuple(record[k] for k in spec.key)
        if key in seen_at:
            report.bad.append(BadRow(row.line, f"与第 {seen_at[key]} 行重复"))
            continue
        seen_at[key] = row.line
        records[key] = record
    _upsert(session, spec, records, now, report)


def _villages(session: Session, rows: list[Row], known: set[str]) -> set[str]:
    codes = {r.values["village_code"] for r in rows if r.values.get("village_code")} - known
    found: set[str] = set()
    listed = sorted(codes)
    for start in range(0, len(listed), _CHUNK):
        chunk = listed[start : start + _CHUNK]
        found.update(session.scalars(select(Village.code).where(Village.code.in_(chunk))))
    return found


def _upsert(
    session: Session, spec: _Kind, records: dict[tuple[Any, ...], dict[str, Any]], now: datetime, report: ImportReport
) -> None:
    t = table(spec.model)
    stored = _stored(session, t, spec.key, list(records))
    fresh: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for key, record in records.items():
        old = stored.get(key)
        if old is None:
            fresh.append({**record, "updated_at": now})
        elif any(old[name] != value for name, value in record.items()):
            changed.append({**record, "updated_at": now, "_pk": old["_pk"]})
        else:
            report.unchanged += 1
    if fresh:
        columns = list(fresh[0])
        insert_rows(session, t.name, columns, [[row[c] for c in columns] for row in fresh])
    pk = next(iter(t.primary_key.columns))
    for row in changed:
        pk_value = row.pop("_pk")
        session.execute(update(t).where(pk == pk_value).values(**row))
    report.new += len(fresh)
    report.updated += len(changed)


def _stored(
    session: Session, t: Table, key: tuple[str, ...], keys: list[tuple[Any, ...]]
) -> dict[tuple[Any, ...], dict[str, Any]]:
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    pk = next(iter(t.primary_key.columns))
    columns = [t.c[k] for k in key]
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        where = columns[0].in_([k[0] for k in chunk]) if len(key) == 1 else tuple_(*columns).in_(chunk)
        for row in session.execute(select(t, pk.label("_pk")).where(where)).mappings():
            found[tuple(row[k] for k in key)] = dict(row)
    return found


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
    "households": _Kind(MoneyPerson, ("person_hash",), parse_household),
    "payments": _Kind(MoneyPayment, ("payment_id",), parse_payment),
    "deaths": _Kind(MoneyDeath, ("person_hash",), parse_death),
    "cadres": _Kind(MoneyCadre, ("cadre_hash", "relative_hash"), parse_cadre),
}


def kinds() -> Iterable[str]:
    return _KINDS.keys()
