"""What the benches on the synthetic cases of bench.queue_seed (queue, scoreboard) share: their command line
(--rows, --seed-budget, --db, --out), `run(options)` for `python -m bench`, and running one measurement on
each database, an SQLite file and a PostgreSQL schema of their own, both kept between runs so the seed is
reused (a missing PostgreSQL server is reported as a result; the SQLite figures still stand)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy import Engine

from bench import pg
from bench.load import Options
from storage.db import make_engine

DATABASES = ("sqlite", "postgres")
R = TypeVar("R")


class Bench(Protocol):
    def __call__(self, *, out_dir: str, rows: int, seed_budget: float, databases: Sequence[str]) -> int: ...


def postgres_engine(schema: str) -> Engine:
    pg.admin(f"CREATE SCHEMA IF NOT EXISTS {schema}")  # kept between runs: the seed is reused
    return make_engine(pg.base_url(), connect_args={"options": f"-csearch_path={schema}"})


def on_each_database(
    databases: Sequence[str],
    *,
    sqlite_file: Path,
    pg_schema: str,
    measure: Callable[[str, Engine], R],
    unreachable: Callable[[str, str], R],
) -> list[R]:
    """`measure(name, engine)` on SQLite (`sqlite_file`) and PostgreSQL (`pg_schema`), those of `databases`;
    `unreachable(name, error)` stands for a PostgreSQL server that cannot be reached."""
    results: list[R] = []
    if "sqlite" in databases:
        engine = make_engine(f"sqlite:///{sqlite_file}")
        try:
            results.append(measure("sqlite", engine))
        finally:
            engine.dispose()
    if "postgres" in databases:
        try:
            engine = postgres_engine(pg_schema)
        except Exception as exc:  # no server: report it, the SQLite figures still stand
            results.append(unreachable("postgres", f"{type(exc).__name__}: {exc}"[:200]))
        else:
            try:
                results.append(measure("postgres", engine))
            finally:
                engine.dispose()
    return results


def run(bench: Bench, options: Options, *, rows: int, seed_budget: float) -> int:
    """`python -m bench SECTION`: the full size on both databases."""
    return bench(out_dir=options.out_dir, rows=rows, seed_budget=seed_budget, databases=DATABASES)


def main(bench: Bench, argv: Sequence[str] | None, prog: str, doc: str | None, *, rows: int, seed_budget: float) -> int:
    """`python -m bench.SECTION [--rows N] [--seed-budget S] [--db sqlite|postgres]... [--out DIR]`; the
    help's description is the first paragraph of the section's `doc`."""
    parser = argparse.ArgumentParser(prog=prog, description=(doc or "").split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=rows, help=f"cases to seed (default {rows:,})")
    parser.add_argument("--seed-budget", type=float, default=seed_budget, help="seconds of seeding per database")
    parser.add_argument("--db", choices=DATABASES, action="append", help="default: both")
    parser.add_argument("--out", default=Options().out_dir)
    args = parser.parse_args(argv)
    return bench(out_dir=args.out, rows=args.rows, seed_budget=args.seed_budget, databases=args.db or DATABASES)
