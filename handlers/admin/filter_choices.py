"""The choices the queue's and the statistics' filter forms offer, and the units a bulk transfer may go to,
limited to what the viewer may see."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import access
from cases.org import DEPT_NAMES
from cases.reading import queue
from storage.models import Town, Village
from storage.models.staff import Unit


def filter_options(session: Session, viewer: access.Viewer, f: queue.QueueFilters) -> dict[str, Any]:
    """Choices for the filter form: only counties the viewer may see; towns of the chosen (or the
    viewer's) county; villages of the chosen town."""
    county_stmt = select(Unit).where(Unit.kind == "county").order_by(Unit.code)
    if viewer.role != "city":
        county_stmt = county_stmt.where(Unit.code == (viewer.county_code or "-"))
    county = f.county or (viewer.county_code if viewer.role != "city" else "") or ""
    towns: Sequence[Town] = []
    if county:
        towns = session.scalars(select(Town).where(Town.code.like(f"{county}%")).order_by(Town.code).limit(500)).all()
    villages: Sequence[Village] = []
    if f.town:
        villages = session.scalars(
            select(Village).where(Village.town_code == f.town).order_by(Village.code).limit(500)
        ).all()
    return {
        "counties": session.scalars(county_stmt).all(),
        "towns": towns,
        "villages": villages,
        "depts": [*DEPT_NAMES.items(), ("town", "乡镇政府")],
    }


def transfer_targets(session: Session, viewer: access.Viewer) -> Sequence[Unit]:
    if viewer.role == "admin":
        return []
    stmt = select(Unit).where(Unit.active.is_(True), Unit.kind != "county")
    if viewer.role != "city":
        stmt = stmt.where((Unit.county_code == (viewer.county_code or "-")) | (Unit.level == "city"))
    return session.scalars(stmt.order_by(Unit.level, Unit.code).limit(1000)).all()
