"""The queue's text filter: a substring of the case text or its number, the same on both databases.

The condition is always `description LIKE '%text%' OR number LIKE '%text%'`, so results never depend on
an index. What makes it fast (migration 0008):

- PostgreSQL: pg_trgm GIN indexes on both columns, which the planner uses for that LIKE directly.
- SQLite: an FTS5 trigram table `cases_fts` (kept by triggers). The LIKE is narrowed to the rows whose
  text contains the search string as a phrase of trigrams — a superset, since FTS5 folds case at least as
  widely as LIKE does — and then checked exactly.

Trigrams need three characters: a search of one or two characters (common in Chinese: 低保, 村) is the
plain LIKE scan on both databases; such words are frequent, so a newest-first page fills early.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, column, or_, select, table
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.sqltypes import NullType

from storage.models.cases import Case

TRIGRAM = 3
_FTS = table("cases_fts", column("rowid"), column("cases_fts"))


class _PerDialect(ColumnElement[Any]):
    """`sqlite` when compiled for SQLite, `other` elsewhere."""

    # Not cached: statements with a text search are compiled each time (about a millisecond).
    inherit_cache = False
    # Not Boolean: SQLite (no boolean type) would render a Boolean expression in WHERE as `(…) = 1`,
    # which hides the rowid IN (…) from the planner.
    type = NullType()

    def __init__(self, sqlite: ColumnElement[bool], other: ColumnElement[bool]) -> None:
        self.sqlite = sqlite
        self.other = other


@compiles(_PerDialect, "sqlite")
def _sqlite(element: _PerDialect, compiler: SQLCompiler, **kw: Any) -> str:
    # Parenthesised: the caller ANDs this with the viewer's scope, and OR binds looser than AND.
    return "(" + compiler.process(element.sqlite, **kw) + ")"


@compiles(_PerDialect)
def _other(element: _PerDialect, compiler: SQLCompiler, **kw: Any) -> str:
    return "(" + compiler.process(element.other, **kw) + ")"


def cleaned(text: str) -> str:
    """The search string without LIKE's wildcards (as the queue always did)."""
    return text.replace("%", "").replace("_", "")


def matches(text: str, *, indexed: bool = True) -> ColumnElement[bool]:
    """Cases whose text or number contains `text`. `indexed=False`: the plain scan (a baseline)."""
    needle = cleaned(text)
    like = "%" + needle + "%"
    exact = or_(Case.description.like(like), Case.number.like(like))
    if not indexed or len(needle) < TRIGRAM:
        return exact
    phrase = '"' + needle.replace('"', '""') + '"'
    candidates = Case.id.in_(select(_FTS.c.rowid).where(_FTS.c.cases_fts.match(phrase)))
    return _PerDialect(candidates & exact, exact)
