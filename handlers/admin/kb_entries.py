"""The entries on the knowledge-base page (/admin/kb): the ones the viewer may edit, found by words of
their title or of 群众常问的说法, a page at a time, each with its scope in words (全国 or the county by
name, never a code) and the way to 修改 it and to its 版本 (issue #19 §3).

Who sees which: an administrator of the city (an account whose unit is in no county) every entry, national
and each county's; an account of a county only its county's own entries, as the county's maintainer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.access import Viewer
from knowledge.schema import Entry
from storage.models.places import County

PER_PAGE = 20
MAX_QUERY = 50
UNKNOWN_PLACE = "（未登记的地区）"


@dataclass(frozen=True)
class EntryRow:
    id: str  # for the links only; the page shows the title
    title: str
    scope: str


@dataclass(frozen=True)
class EntryPage:
    rows: list[EntryRow]
    query: str
    page: int
    pages: int
    total: int

    def link(self, page: int) -> str:
        params = [("q", self.query)] if self.query else []
        return "/admin/kb?" + urlencode([*params, ("page", str(page))]) + "#kb-entries"


def may_edit(viewer: Viewer, entry: Entry) -> bool:
    if viewer.county_code is None:
        return True
    return entry.scope == viewer.county_code[:6]


def scope_words(scope: str, counties: Mapping[str, str]) -> str:
    if scope == "national":
        return "全国"
    if len(scope) == 2:
        return "全省"
    return counties.get(scope, UNKNOWN_PLACE)


def matches(entry: Entry, words: list[str]) -> bool:
    """Every word of the search is in the title or in one of the questions."""
    text = "\n".join((entry.title, *entry.questions))
    return all(word in text for word in words)


def entry_page(
    entries: Iterable[Entry], viewer: Viewer, counties: Mapping[str, str], query: str, page: int
) -> EntryPage:
    query = " ".join(query.split())[:MAX_QUERY]
    words = query.split()
    found = sorted(
        (e for e in entries if may_edit(viewer, e) and matches(e, words)),
        key=lambda e: (e.scope != "national", e.scope, e.title),
    )
    pages = max(1, -(-len(found) // PER_PAGE))
    page = min(max(page, 1), pages)
    shown = found[(page - 1) * PER_PAGE : page * PER_PAGE]
    rows = [EntryRow(e.id, e.title, scope_words(e.scope, counties)) for e in shown]
    return EntryPage(rows, query, page, pages, len(found))


def county_names(session: Session) -> dict[str, str]:
    """County code (6 digits, as an entry's scope) -> its name."""
    found: dict[str, str] = {}
    for county in session.scalars(select(County).order_by(County.code)):
        found.setdefault(county.code[:6], county.name)
    return found
