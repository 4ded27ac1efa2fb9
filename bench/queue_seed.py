"""Synthetic cases for `python -m bench queue`: a dedicated SQLite file and a PostgreSQL schema, each
migrated with storage.migrate.upgrade, holding the Haidong registry, its units and up to 1,000,000
cases (plus one staff response event per answered case; cases.first_response_at carries its time, as
cases/lifecycle.py would have set it). The triggers of migration 0008 fill the FTS5 table and the
statistics rollup as rows arrive.

Rows are a pure function of their id, so seeding is resumable: it appends from the current row count
in chunks and stops at a time budget; the next run carries on. A database that already holds the
target is reused untouched. The queue's secondary indexes on `cases` are dropped while seeding and
built once at the end (bulk loads into seven B-trees are several times slower).
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Index, Table, func, select, text
from sqlalchemy.orm import Session

from cases import lifecycle, org
from cases.categories import categories
from cases.handling import case_steps
from storage.db import make_sessionmaker, transaction
from storage.migrate import upgrade
from storage.models import Village
from storage.models.cases import Case
from storage.models.staff import Unit
from villages.places.importer import import_registry
from villages.places.registry import PACKAGED_REGISTRY

CHUNK = 50_000
# The newest case is this old; the oldest 3 years before it. Fixed, so reruns stay comparable.
NEWEST = datetime(2026, 11, 1, tzinfo=UTC)
SPAN = timedelta(days=3 * 365)
WORDS = (
    "村干部",
    "低保",
    "评定",
    "不公",
    "补贴",
    "发放",
    "拖欠",
    "工资",
    "道路",
    "硬化",
    "资金",
    "去向",
    "不明",
    "集体",
    "土地",
    "承包",
    "优亲厚友",
    "吃拿卡要",
    "医保",
    "报销",
    "危房",
    "改造",
    "饮水",
    "工程",
    "质量",
    "问题",
    "账目",
    "公开",
    "草场",
    "补助",
)
RARE_WORD = "挪用扶贫款"  # in one case out of ~10,000: the text search has to scan far
COMMON_WORD = "低保"  # in roughly one case out of ten
OPEN_STATES = sorted(lifecycle.OPEN_STATES - {lifecycle.RECEIVED})
FINDINGS = case_steps.FINDINGS

CASE_COLUMNS = (
    "id",
    "number",
    "submit_key",
    "channel",
    "county_code",
    "village_code",
    "category",
    "status",
    "description",
    "anonymous",
    "query_code_hash",
    "code_failures",
    "route_unit",
    "route_unit_name",
    "route_reason",
    "first_response_due",
    "resolve_due",
    "deadline_basis",
    "far_from_village",
    "finding",
    "rating",
    "created_at",
    "updated_at",
    "closed_at",
    "first_response_at",
)
EVENT_COLUMNS = ("id", "case_id", "at", "actor", "action", "from_status", "to_status", "public")
TIMES = {"first_response_due", "resolve_due", "created_at", "updated_at", "closed_at", "first_response_at", "at"}
BOOLS = {"anonymous", "far_from_village", "public"}


@dataclass(frozen=True)
class World:
    """What the synthetic rows point at: real villages and the units that handle them."""

    villages: tuple[tuple[str, str, str], ...]  # (village, town, county)
    unit_names: dict[str, str]
    categories: tuple[str, ...]

    @property
    def counties(self) -> list[str]:
        return sorted({county for _, _, county in self.villages})


@dataclass
class SeedReport:
    rows_before: int
    rows_after: int
    seconds: float
    index_seconds: float
    complete: bool


def queue_indexes() -> list[Index]:
    """The non-unique indexes on `cases` (the unique number/submit_key constraints stay)."""
    table = Case.__table__
    assert isinstance(table, Table)
    return sorted((i for i in table.indexes if not i.unique), key=lambda i: str(i.name))


def ensure_indexes(engine: Engine) -> float:
    start = time.perf_counter()
    with engine.begin() as conn:
        for index in queue_indexes():
            index.create(conn, checkfirst=True)
    return time.perf_counter() - start


def drop_indexes(engine: Engine) -> None:
    with engine.begin() as conn:
        for index in queue_indexes():
            index.drop(conn, checkfirst=True)


def prepare(engine: Engine) -> World:
    """Migrate, load the registry and its units once, and read back what the rows will point at."""
    upgrade(engine)
    factory = make_sessionmaker(engine)
    with transaction(factory) as session:
        if session.scalar(select(func.count()).select_from(Village)) == 0:
            import_registry(session, path=PACKAGED_REGISTRY)
            session.flush()
            org.seed_from_registry(session)
    with factory() as session:
        return world_of(session)


def world_of(session: Session) -> World:
    villages = tuple(
        (v.code, v.town_code, v.county_code[:6]) for v in session.scalars(select(Village).order_by(Village.code))
    )
    units = {u.code: u.name for u in session.scalars(select(Unit))}
    return World(villages=villages, unit_names=units, categories=tuple(c.code for c in categories()))


def count_cases(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Case)).scalar_one())


def rows(world: World, start: int, stop: int) -> Iterator[tuple[tuple[Any, ...], tuple[Any, ...] | None]]:
    """Cases with ids start+1 .. stop (and each one's response event, if any), oldest first."""
    rng = random.Random(start)
    step = SPAN / 1_000_000
    oldest = NEWEST - SPAN
    for i in range(start, stop):
        case_id = i + 1
        created = oldest + step * i
        age_days = (NEWEST - created).days
        village, town, county = world.villages[rng.randrange(len(world.villages))]
        # Recent cases are mostly open, old ones mostly finished: like a real queue.
        open_share = 0.85 if age_days < 15 else 0.4 if age_days < 60 else 0.02
        roll = rng.random()
        if roll < open_share:
            status = OPEN_STATES[rng.randrange(len(OPEN_STATES))]
        elif roll < open_share + 0.03:
            status = lifecycle.REJECTED
        elif roll < open_share + 0.04:
            status = lifecycle.MERGED
        else:
            status = lifecycle.CLOSED
        dept = ("jw", "nync", "mz", "cz")[rng.randrange(4)]
        unit = town if rng.random() < 0.6 else org.dept_unit(county, dept)
        words = [WORDS[rng.randrange(len(WORDS))] for _ in range(8)]
        if rng.random() < 0.0001:
            words.insert(3, RARE_WORD)
        description = "反映" + "，".join(words) + f"，请核实处理（{case_id}）。"
        resolve_due = created + timedelta(days=30)
        finished = status in (lifecycle.CLOSED, lifecycle.REJECTED)
        closed_at = created + timedelta(days=5 + rng.random() * 35) if status == lifecycle.CLOSED else None
        finding = FINDINGS[rng.randrange(len(FINDINGS))] if finished else None
        rating = 1 + rng.randrange(5) if status == lifecycle.CLOSED and rng.random() < 0.7 else None
        case = (
            case_id,
            f"{county}-{created.year}-{case_id:07d}",
            f"bench:{case_id:08d}",
            "chat" if rng.random() < 0.7 else "h5",
            county,
            village,
            world.categories[rng.randrange(len(world.categories))],
            status,
            description,
            rng.random() < 0.5,
            "bench",
            0,
            unit,
            world.unit_names.get(unit, unit),
            "bench",
            created + timedelta(days=2),
            resolve_due,
            "bench",
            False,
            finding,
            rating,
            created,
            closed_at or created,
            closed_at,
        )
        event = None
        if status != lifecycle.ROUTED:
            at = created + timedelta(hours=1 + rng.random() * 72)
            event = (case_id, case_id, at, "staff:bench", "accept", lifecycle.ROUTED, lifecycle.ACCEPTED, False)
        yield (*case, event[2] if event else None), event  # first_response_at: the accept, as lifecycle sets it


def _sqlite_value(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in TIMES:
        # SQLAlchemy's SQLite DateTime storage format (naive UTC), so comparisons match bound values.
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if name in BOOLS:
        return int(value)
    return value


def _insert_sqlite(engine: Engine, cases: list[tuple[Any, ...]], events: list[tuple[Any, ...]]) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA synchronous=OFF")
        cur.execute("BEGIN")
        for table, columns, batch in (("cases", CASE_COLUMNS, cases), ("case_events", EVENT_COLUMNS, events)):
            marks = ",".join("?" * len(columns))
            cur.executemany(
                f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})",
                [tuple(_sqlite_value(n, v) for n, v in zip(columns, row, strict=True)) for row in batch],
            )
        cur.execute("COMMIT")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()
    finally:
        raw.close()


def _insert_postgres(engine: Engine, cases: list[tuple[Any, ...]], events: list[tuple[Any, ...]]) -> None:
    raw = engine.raw_connection()
    try:
        driver: Any = raw.driver_connection
        with driver.cursor() as cur:
            for table, columns, batch in (("cases", CASE_COLUMNS, cases), ("case_events", EVENT_COLUMNS, events)):
                with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row(row)
        driver.commit()
    finally:
        raw.close()


def seed(engine: Engine, world: World, *, target: int, budget_s: float) -> SeedReport:
    """Append cases up to `target`, chunk by chunk, until the budget runs out."""
    before = count_cases(engine)
    start = time.perf_counter()
    if before >= target:
        return SeedReport(before, before, 0.0, ensure_indexes(engine), True)
    drop_indexes(engine)
    insert = _insert_sqlite if engine.dialect.name == "sqlite" else _insert_postgres
    done = before
    while done < target and time.perf_counter() - start < budget_s:
        stop = min(target, done + CHUNK - done % CHUNK)
        cases: list[tuple[Any, ...]] = []
        events: list[tuple[Any, ...]] = []
        for case, event in rows(world, done, stop):
            cases.append(case)
            if event is not None:
                events.append(event)
        insert(engine, cases, events)
        done = stop
    seconds = time.perf_counter() - start
    index_seconds = ensure_indexes(engine)
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    return SeedReport(before, done, seconds, index_seconds, done >= target)
