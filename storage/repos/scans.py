"""Scan counts per poster scene, day and channel (subscribe, scan, h5): no openid or IP is kept."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models import ScanDaily

CHANNELS = ("subscribe", "scan", "h5")


def count_scan(session: Session, *, scene: str, day: date, channel: str, now: datetime) -> None:
    """Add one to the scene's count for `day` and `channel`, keeping the first and last time seen."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown scan channel {channel!r}")
    dialect = session.get_bind().dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(ScanDaily).values(scene=scene[:64], day=day, channel=channel, count=1, first_seen=now, last_seen=now)
    stmt = stmt.on_conflict_do_update(
        index_elements=["scene", "day", "channel"],
        set_={"count": ScanDaily.count + 1, "last_seen": now},
    )
    session.execute(stmt)
