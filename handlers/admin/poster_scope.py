"""Which villages a staff member may see, create and print posters for, and how the villages page finds
and pages them. A town's staff have their town; a county's (discipline commission or department) their
county; the city and the administrator every county, one at a time. Posters hold no case content, so
this follows the organisation, not cases.access.case_scope."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.access import Role, Viewer
from storage.models import County
from storage.models.staff import Unit
from storage.repos.villages import Place, list_places

PAGE_SIZE = 50
LEVELS = ("village", "town", "county")


@dataclass(frozen=True)
class PosterScope:
    county: str  # six-digit prefix of the viewer's county; "" for the city and the administrator
    town: str | None  # a town account's town (12 digits), else None

    def allows(self, level: str) -> bool:
        """A town account prints its town and its villages, never a county's whole batch."""
        return level in LEVELS and (self.town is None or level != "county")

    def holds(self, place: Place) -> bool:
        return place.code.startswith(self.county) and (self.town is None or place.town_code == self.town)


def poster_scope(session: Session, viewer: Viewer) -> PosterScope:
    if viewer.role in (Role.CITY, Role.ADMIN):
        return PosterScope("", None)
    county = (viewer.county_code or "-")[:6]
    if viewer.role == Role.TOWN:
        unit = session.get(Unit, viewer.unit_code)
        # A town account without a town prints nothing rather than its whole county.
        return PosterScope(county, (unit.town_code if unit is not None else None) or "-")
    return PosterScope(county, None)


def villages_in(session: Session, scope: PosterScope) -> list[Place]:
    """The villages (never industrial-park units) this scope holds, in code order."""
    return sorted((p for p in list_places(session) if p.is_village and scope.holds(p)), key=lambda p: p.code)


def counties_in(session: Session, scope: PosterScope) -> list[County]:
    return [c for c in session.scalars(select(County).order_by(County.code)) if c.code.startswith(scope.county)]


def chosen(places: list[Place], level: str, code: str) -> list[Place]:
    """The villages of one village, town or county (a 6- or 12-digit county code), within `places`."""
    if level == "village":
        return [p for p in places if p.code == code]
    if level == "town":
        return [p for p in places if p.town_code == code]
    if level == "county" and code.isdigit() and len(code) in (6, 12):
        return [p for p in places if p.county_code[:6] == code[:6]]
    return []


def place_name(places: list[Place], level: str) -> str:
    """What staff call one village, town or county, from its villages."""
    first = places[0]
    return {"village": f"{first.town_name}{first.name}", "town": first.town_name}.get(level, first.county_name)


def matches(place: Place, text: str) -> bool:
    """A search by village or town name, or by (the start of) a village or town code."""
    if not text:
        return True
    if text.isdigit():
        return place.code.startswith(text) or place.town_code.startswith(text)
    return text in place.name or text in place.town_name


@dataclass(frozen=True)
class Paged:
    rows: list[Place]
    page: int
    pages: int
    total: int


def paged(places: list[Place], page: int, size: int = PAGE_SIZE) -> Paged:
    pages = max(1, -(-len(places) // size))
    page = min(max(page, 1), pages)
    return Paged(places[(page - 1) * size : page * size], page, pages, len(places))
