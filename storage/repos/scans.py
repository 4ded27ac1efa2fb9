"""Scan counts per poster scene, day and channel (subscribe, scan, h5): no openid or IP is kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from storage.fastsql import fastsql
from storage.models import Poster, ScanDaily
from storage.models.cases import Case

CHANNELS = ("subscribe", "scan", "h5")


def count_scan(session: Session, *, scene: str, day: date, channel: str, now: datetime) -> None:
    """Add one to the scene's count for `day` and `channel`, keeping the first and last time seen."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown scan channel {channel!r}")
    # Plain SQL (storage.fastsql): every scan runs it, and this upsert recompiled on each Core call.
    fastsql(session).execute(
        "INSERT INTO scan_daily (scene, day, channel, count, first_seen, last_seen) "
        "VALUES (%(scene)s, %(day)s, %(channel)s, 1, %(now)s, %(now)s) "
        "ON CONFLICT (scene, day, channel) DO UPDATE SET count = scan_daily.count + 1, last_seen = %(now)s",
        {"scene": scene[:64], "day": day, "channel": channel, "now": now},
    )


def _village_of_scene() -> Any:
    return func.substr(ScanDaily.scene, 1, 12)


def scans_by_village(session: Session, *, since: date, prefix: str = "") -> dict[str, dict[str, int]]:
    """Scans per village code and channel from `since` on (days in Beijing time), for codes starting with `prefix`."""
    village = _village_of_scene()
    stmt = select(village, ScanDaily.channel, func.sum(ScanDaily.count)).where(ScanDaily.day >= since)
    if prefix:
        stmt = stmt.where(ScanDaily.scene.like(f"{prefix}%"))
    out: dict[str, dict[str, int]] = {}
    for code, channel, total in session.execute(stmt.group_by(village, ScanDaily.channel)):
        out.setdefault(str(code), {})[str(channel)] = int(total or 0)
    return out


def reports_by_village(
    session: Session, *, since: datetime, scope: ColumnElement[bool], prefix: str = ""
) -> dict[str, dict[str, int]]:
    """Cases per village code and channel (chat, h5) created from `since` on, among those `scope` (the
    viewer's case scope) lets them see: a count must not tell a town of a report it may not read."""
    stmt = select(Case.village_code, Case.channel, func.count()).where(
        Case.created_at >= since, Case.village_code.is_not(None), scope
    )
    if prefix:
        stmt = stmt.where(Case.village_code.like(f"{prefix}%"))
    out: dict[str, dict[str, int]] = {}
    for code, channel, total in session.execute(stmt.group_by(Case.village_code, Case.channel)):
        out.setdefault(str(code), {})[str(channel)] = int(total or 0)
    return out


@dataclass(frozen=True)
class PosterScans:
    scene: str
    village_code: str
    poster_no: int
    kind: str
    last_seen: datetime | None
    total: int


def quiet_posters(
    session: Session, *, before: datetime | None, prefix: str = "", limit: int = 200
) -> tuple[list[PosterScans], int]:
    """Posters last scanned before `before` (never scanned when `before` is None), oldest first, and how many."""
    last = (
        select(ScanDaily.scene, func.max(ScanDaily.last_seen).label("last_seen"), func.sum(ScanDaily.count).label("n"))
        .group_by(ScanDaily.scene)
        .subquery()
    )
    stmt = select(Poster.scene, Poster.village_code, Poster.poster_no, Poster.kind, last.c.last_seen, last.c.n)
    stmt = stmt.outerjoin(last, last.c.scene == Poster.scene)
    stmt = stmt.where(last.c.scene.is_(None) if before is None else last.c.last_seen < before)
    if prefix:
        stmt = stmt.where(Poster.village_code.like(f"{prefix}%"))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.execute(stmt.order_by(last.c.last_seen, Poster.village_code, Poster.poster_no).limit(limit))
    return [PosterScans(r[0], r[1], r[2], r[3], r[4], int(r[5] or 0)) for r in rows], int(total)
