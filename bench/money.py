"""`make bench` for follow the money (#21): the whole of Haidong — about 400,000 people, 1,000,000 payments,
their deaths, cadres and relatives, all synthetic (cases/money/demo.py) — imported from CSV files and
checked, on SQLite and on PostgreSQL.

Goals: import at least 50,000 rows/s; every rule over the whole prefecture in at most 30 s on each
database; the same rules as a plain Python loop over the rows in the same run, as the baseline; every
planted anomaly found, and no clean row flagged (each rule's findings equal what was planted, and so do
the baseline's). The import's own baseline, in the same run: the payments file's first rows read with
csv.DictReader, checked by the same row rules and inserted by SQLAlchemy's executemany, then rolled back;
the import itself on the same rows, rolled back too, gives the ratio (the whole file fills bigger indexes,
so its rate is lower than on its first rows).
Figures go to `<out_dir>/money.json`. Run: python -m bench money [--people N]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, select, text
from sqlalchemy.orm import Session

from bench import pg
from bench.load import Options
from cases.money import checks, demo
from cases.money.files import HEADERS
from cases.money.importer import RowProblem, import_file, parse_payment
from cases.money.items import items
from storage.db import make_engine, make_sessionmaker, transaction
from storage.migrate import upgrade
from storage.models import Village
from storage.models.money import MoneyCadre, MoneyDeath, MoneyPayment, MoneyPerson
from storage.types import utcnow
from villages.places.importer import import_registry
from villages.places.registry import PACKAGED_REGISTRY

PEOPLE = 400_000
PLANTED = 25  # per rule
GOALS = {"import_rows_per_s": 50_000.0, "rules_s": 30.0}
KINDS = ("households", "payments", "deaths", "cadres")
BASELINE_ROWS = 200_000  # of the payments file, for the naive import


def write_files(
    root: Path, villages: Sequence[str], people: int, planted: int
) -> tuple[dict[str, Path], dict[str, int]]:
    data = demo.build(villages, people_per_village=max(1, people // len(villages)), planted=planted, today=date.today())
    paths = {}
    for kind in KINDS:
        path = root / f"{kind}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle)
            out.writerow([h[0] for h in HEADERS[kind]])
            for row in getattr(data, kind):
                out.writerow(row.values.values())
        paths[kind] = path
    return paths, data.planted


def haidong_villages(engine: Engine) -> list[str]:
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as s:
        import_registry(s, path=PACKAGED_REGISTRY)
    with sessions() as s:
        return list(s.scalars(select(Village.code).where(Village.is_village.is_(True)).order_by(Village.code)))


def naive_import(engine: Engine, path: Path, limit: int) -> tuple[int, float, float]:
    """The import as one would first write it: a dict per row, the row rules, SQLAlchemy's executemany per
    20,000 rows. Rolled back, so the table is as it was. Rows, seconds and CPU seconds."""
    sessions = make_sessionmaker(engine)
    villages = set(_all(engine, select(Village.code)))
    now = utcnow()
    rows = 0
    started = time.perf_counter()
    with sessions() as s, path.open(encoding="utf-8-sig", newline="") as handle:
        cpu = cpu_seconds(s)
        chunk: list[dict[str, Any]] = []
        for values in islice(csv.DictReader(handle), limit):
            rows += 1
            try:
                chunk.append({**parse_payment({k: v.strip() for k, v in values.items()}, villages), "updated_at": now})
            except RowProblem:
                continue
            if len(chunk) >= 20_000:
                s.execute(insert(MoneyPayment), chunk)
                chunk = []
        if chunk:
            s.execute(insert(MoneyPayment), chunk)
        s.flush()
        seconds, cpu = time.perf_counter() - started, cpu_seconds(s) - cpu
        s.rollback()
    return rows, seconds, cpu


def bulk_import(engine: Engine, path: Path, limit: int) -> tuple[float, float]:
    """The import itself on the same first rows as naive_import, rolled back the same way: seconds and CPU
    seconds."""
    with (
        path.open(encoding="utf-8", newline="") as source,
        tempfile.NamedTemporaryFile("w", suffix=".csv", encoding="utf-8", newline="", delete=False) as first,
    ):
        first.writelines(islice(source, limit + 1))
    try:
        with make_sessionmaker(engine)() as s:
            started, cpu = time.perf_counter(), cpu_seconds(s)
            import_file(s, kind="payments", path=Path(first.name), now=utcnow())
            s.flush()
            seconds, cpu = time.perf_counter() - started, cpu_seconds(s) - cpu
            s.rollback()
    finally:
        Path(first.name).unlink()
    return seconds, cpu


def _all(engine: Engine, query: Any) -> list[Any]:
    with make_sessionmaker(engine)() as s:
        return list(s.scalars(query))


def measure(engine: Engine, paths: dict[str, Path]) -> dict[str, Any]:
    sessions = make_sessionmaker(engine)
    naive_rows, naive_s, naive_cpu = naive_import(engine, paths["payments"], BASELINE_ROWS)
    naive = round(naive_rows / naive_s)
    same_s, same_cpu = bulk_import(engine, paths["payments"], naive_rows)
    same = round(naive_rows / same_s)
    cpu_ratio = naive_cpu / max(same_cpu, 1e-9)
    print(
        f"   the first {naive_rows:,} payments, rolled back: naive import {naive:,} rows/s,"
        f" this import {same:,} rows/s ({same / max(1, naive):.1f}x; by CPU seconds {cpu_ratio:.1f}x)",
        flush=True,
    )
    imported: dict[str, Any] = {}
    rows = 0
    cpu = 0.0
    started = time.perf_counter()
    for kind in KINDS:
        t = time.perf_counter()
        with transaction(sessions) as s:
            before = cpu_seconds(s)
            report = import_file(s, kind=kind, path=paths[kind], now=utcnow())
            used = cpu_seconds(s) - before
        assert report.ok, report.bad[:3]
        imported[kind] = {"rows": report.new, "seconds": round(time.perf_counter() - t, 2), "cpu_s": round(used, 2)}
        print(
            f"   {kind}: {report.new:,} rows in {imported[kind]['seconds']} s ({used:.1f} CPU s)",
            flush=True,
        )
        rows += report.new
        cpu += used
    seconds = time.perf_counter() - started
    load = os.getloadavg()[0]
    again = time.perf_counter()
    with transaction(sessions) as s:
        unchanged = import_file(s, kind="payments", path=paths["payments"], now=utcnow()).unchanged
    reimport_s = time.perf_counter() - again
    rules: dict[str, Any] = {}
    with sessions() as s:
        for code in checks.rules():
            t, before = time.perf_counter(), cpu_seconds(s)
            found = len(checks.find(s, code))
            used = cpu_seconds(s) - before
            rules[code] = {"findings": found, "seconds": round(time.perf_counter() - t, 2), "cpu_s": round(used, 2)}
        t = time.perf_counter()
        baseline = python_loop(s)
        baseline_s = time.perf_counter() - t
    return {
        "import": imported,
        "rows": rows,
        "import_s": round(seconds, 2),
        "import_rows_per_s": round(rows / seconds),
        "import_cpu_s": round(cpu, 2),
        "import_rows_per_cpu_s": round(rows / max(cpu, 1e-9)),
        "baseline_import_rows_per_s": naive,
        "same_rows_import_rows_per_s": same,
        "same_rows_cpu_ratio": round(cpu_ratio, 2),
        "load_average": round(load, 1),
        "reimport_payments_unchanged": unchanged,
        "reimport_payments_s": round(reimport_s, 2),
        "rules": rules,
        "rules_s": round(sum(r["seconds"] for r in rules.values()), 2),
        "rules_cpu_s": round(sum(r["cpu_s"] for r in rules.values()), 2),
        "baseline": baseline,
        "baseline_s": round(baseline_s, 2),
    }


def cpu_seconds(s: Session) -> float:
    """CPU time spent so far by this process and its ended children (the import's reading process) and, on
    PostgreSQL, by the session's server process (on this machine: the bench runs it on loopback; 0 for it when
    its /proc entry cannot be read). On a machine shared with other work, rows per CPU second tell the
    import's own cost where rows per second tell the wait too."""
    mine = os.times()  # the import's reading process, once it has ended, is among the children
    used = time.process_time() + mine.children_user + mine.children_system
    if s.connection().dialect.name == "postgresql":
        pid = s.execute(text("SELECT pg_backend_pid()")).scalar_one()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return used
        used += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    return used


def python_loop(s: Session) -> dict[str, int]:
    """The six rules as a plain Python loop over every row, fetched from the database (the baseline)."""
    P = MoneyPayment
    pays = s.execute(
        select(
            P.payment_id, P.person_hash, P.item, P.period, P.period_start, P.village_code, P.account_hash, P.amount_fen
        )
    ).all()
    people = {
        h: (hh, v, st)
        for h, hh, v, st in s.execute(
            select(MoneyPerson.person_hash, MoneyPerson.household_id, MoneyPerson.village_code, MoneyPerson.status)
        )
    }
    died = {h: d for h, d in s.execute(select(MoneyDeath.person_hash, MoneyDeath.died_month))}
    cadres: set[tuple[str, str]] = set()
    for c, r, v in s.execute(select(MoneyCadre.cadre_hash, MoneyCadre.relative_hash, MoneyCadre.village_code)):
        cadres.add((c, v))
        if r:
            cadres.add((r, v))
    required = {i.name: i.requires for i in items().values() if i.requires}
    discretionary = {i.name for i in items().values() if i.discretionary}
    found: dict[str, set[Any]] = defaultdict(set)
    seen: dict[tuple[str, str, str], int] = defaultdict(int)
    households: dict[str, set[str]] = defaultdict(set)
    for _pid, person, item, period, start, village, account, _fen in pays:
        d = died.get(person)
        if d is not None and start > d:
            found["paid_after_death"].add((person, item))
        seen[(person, item, period)] += 1
        entry = people.get(person)
        if item in required and entry is not None and entry[2] != required[item]:
            found["status_mismatch"].add((person, item))
        if entry is None or entry[1] != village:
            found["unknown_recipient"].add((person, item))
        households[account].add(entry[0] if entry is not None else person)
        if item in discretionary and (person, village) in cadres:
            found["cadre_relative"].add((person, item))
    found["paid_twice"] = {k for k, n in seen.items() if n > 1}
    found["shared_account"] = {a for a, h in households.items() if len(h) > 1}
    found.update(_warnings_loop(pays, people, died))
    return {code: len(found[code]) for code in checks.rules()}


def _warnings_loop(pays: Sequence[Any], people: dict[str, Any], died: dict[str, date]) -> dict[str, set[Any]]:
    """The early warnings as a loop: monthly items only, judged against the latest period in the data."""
    monthly = {i.name for i in items().values() if i.monthly}
    latest = max(p[4] for p in pays)

    def month(delta: int) -> date:
        index = latest.year * 12 + latest.month - 1 + delta
        return date(index // 12, index % 12 + 1, 1)

    runs: dict[tuple[str, str], list[date]] = defaultdict(list)
    windows: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _pid, person, item, _period, start, _village, _account, fen in pays:
        entry = people.get(person)
        if item not in monthly or entry is None:
            continue
        if entry[2] == "监测户" and person not in died:
            runs[(person, item)].append(start)
        if start >= month(-11):
            windows[entry[0]][0 if start >= month(-5) else 1] += fen
    bereaved = {people[h][0] for h, d in died.items() if h in people and d >= month(-11)}
    return {
        "monitored_stopped": {k for k, starts in runs.items() if len(starts) >= 3 and max(starts) < month(-1)},
        "income_fell": {h for h, (recent, before) in windows.items() if recent * 2 < before and h not in bereaved},
    }


def bench(*, out_dir: str, people: int, planted: int, databases: Sequence[str], villages: int | None = None) -> int:
    """`villages`: only the first N of the registry's villages (for a quick run); default all."""
    results: dict[str, Any] = {}
    failed = False
    with tempfile.TemporaryDirectory(prefix="qf-money-") as tmp:
        root = Path(tmp)
        paths: dict[str, Path] = {}
        expected: dict[str, int] = {}
        for db in databases:
            engine, drop = _engine(db, root)
            try:
                upgrade(engine)
                chosen = haidong_villages(engine)[:villages]
                if not paths:
                    t = time.perf_counter()
                    paths, expected = write_files(root, chosen, people, planted)
                    took = time.perf_counter() - t
                    print(f"synthetic data (合成数据) for {len(chosen)} villages written in {took:.1f} s")
                results[db] = measure(engine, paths)
                failed |= _print_db(db, results[db], expected)
            finally:
                engine.dispose()
                drop()
    report = {"people": people, "villages": villages or "all", "planted": expected, "goals": GOALS, "results": results}
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    (Path(out_dir) / "money.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))
    return 1 if failed else 0


def _engine(db: str, root: Path) -> tuple[Engine, Any]:
    if db == "sqlite":
        return make_engine(f"sqlite:///{root / 'money.db'}"), lambda: None
    schema = f"qf_bench_money_{os.getpid()}"  # two runs at once do not share it
    engine = make_engine(pg.fresh_schema(schema))
    return engine, lambda: pg.drop_schema(schema)


def _print_db(db: str, r: dict[str, Any], planted: dict[str, int]) -> bool:
    """One database's figures against the goals, printed as soon as they are known; True if a goal is missed."""
    failed = False
    print(
        f"-- {db}: {r['rows']:,} rows imported in {r['import_s']} s = {r['import_rows_per_s']:,} rows/s; "
        f"re-import of the payments: {r['reimport_payments_unchanged']:,} unchanged in {r['reimport_payments_s']} s"
    )
    for code, rule in r["rules"].items():
        ok = rule["findings"] == planted[code] and r["baseline"][code] == planted[code]
        failed |= not ok
        print(
            f"   {code:18} {rule['findings']:>6} found / {planted[code]} planted (loop: {r['baseline'][code]})"
            f" {rule['seconds']:>7} s ({rule['cpu_s']:.1f} CPU s)  {'PASS' if ok else 'MISS'}"
        )
    speed = r["import_rows_per_s"] >= GOALS["import_rows_per_s"]
    rules_ok = r["rules_s"] <= GOALS["rules_s"]
    ratio = r["same_rows_import_rows_per_s"] / max(1, r["baseline_import_rows_per_s"])
    print(
        f"   goal import >= {GOALS['import_rows_per_s']:,.0f} rows/s: {r['import_rows_per_s']:,} rows/s"
        f" {'PASS' if speed else 'MISS'} (on the same first rows {ratio:.1f}x the naive import's"
        f" {r['baseline_import_rows_per_s']:,}; load average {r['load_average']} on {os.cpu_count()} CPUs;"
        f" {r['import_rows_per_cpu_s']:,} rows per CPU second, the rate with a CPU of its own)"
    )
    print(
        f"   goal rules <= {GOALS['rules_s']:.0f} s: {r['rules_s']} s {'PASS' if rules_ok else 'MISS'}"
        f" ({r['rules_cpu_s']} CPU s; Python loop baseline: {r['baseline_s']} s)",
        flush=True,
    )
    return failed or not (speed and rules_ok)


def run(options: Options) -> int:
    return bench(out_dir=options.out_dir, people=PEOPLE, planted=PLANTED, databases=("sqlite", "postgres"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.money", description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=PEOPLE)
    parser.add_argument("--planted", type=int, default=PLANTED)
    parser.add_argument("--db", choices=("sqlite", "postgres"), action="append", help="default: both")
    parser.add_argument("--out", default=Options().out_dir)
    args = parser.parse_args(argv)
    return bench(
        out_dir=args.out, people=args.people, planted=args.planted, databases=args.db or ("sqlite", "postgres")
    )


if __name__ == "__main__":
    raise SystemExit(main())
