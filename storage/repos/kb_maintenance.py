"""The knowledge base's maintenance rows: unanswered questions, browser-edited entry versions, hits."""

from __future__ import annotations

import re
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.fastsql import fastsql
from storage.models.kb import KbEntryVersion, KbHit, KbUnanswered

MAX_TEXT = 500
_LONG_NUMBER = re.compile(r"\d{7,}")  # phone, ID card and account numbers are not kept


class SameReviewer(ValueError):
    """The author of a version cannot approve it."""


def record_unanswered(session: Session, *, text: str, county_code: str | None, reason: str, now: datetime) -> None:
    kept = _LONG_NUMBER.sub("…", " ".join(text.split()))[:MAX_TEXT]
    if kept:
        session.add(KbUnanswered(text=kept, county_code=county_code, reason=reason, created_at=now))


def unanswered_since(session: Session, since: datetime, *, limit: int = 5000) -> list[KbUnanswered]:
    query = select(KbUnanswered).where(KbUnanswered.created_at >= since)
    return list(session.scalars(query.order_by(KbUnanswered.id.desc()).limit(limit)))


def count_hit(session: Session, entry_id: str, day: date, *, n: int = 1) -> None:
    """`n` more answers by `entry_id` on `day`, in one statement (two processes may count at once).

    Plain SQL (storage.fastsql). The chat counts through storage.repos.hit_tally, which calls this about
    once a second rather than in every message's transaction."""
    fastsql(session).later(
        "INSERT INTO kb_hits (entry_id, day, count) VALUES (%(entry)s, %(day)s, %(n)s) "
        "ON CONFLICT (entry_id, day) DO UPDATE SET count = kb_hits.count + %(n)s",
        {"entry": entry_id, "day": day, "n": n},
    )


def hits_since(session: Session, since: date) -> dict[str, int]:
    rows = session.execute(
        select(KbHit.entry_id, func.sum(KbHit.count)).where(KbHit.day >= since).group_by(KbHit.entry_id)
    )
    return {entry_id: int(total) for entry_id, total in rows}


def submit(
    session: Session, *, entry_id: str, body: str, author: str, now: datetime, note: str | None
) -> KbEntryVersion:
    row = KbEntryVersion(entry_id=entry_id, body=body, status="pending", author=author, created_at=now, note=note)
    session.add(row)
    session.flush()
    return row


def pending(session: Session) -> list[KbEntryVersion]:
    return list(
        session.scalars(select(KbEntryVersion).where(KbEntryVersion.status == "pending").order_by(KbEntryVersion.id))
    )


def live(session: Session) -> list[KbEntryVersion]:
    return list(
        session.scalars(select(KbEntryVersion).where(KbEntryVersion.status == "live").order_by(KbEntryVersion.id))
    )


def versions_of(session: Session, entry_id: str) -> list[KbEntryVersion]:
    query = select(KbEntryVersion).where(KbEntryVersion.entry_id == entry_id)
    return list(session.scalars(query.order_by(KbEntryVersion.id.desc())))


def approve(session: Session, version: KbEntryVersion, *, reviewer: str, now: datetime) -> None:
    """Make `version` the live one of its entry (the one live before is retired)."""
    if reviewer == version.author:
        raise SameReviewer(version.author)
    session.execute(
        update(KbEntryVersion)
        .where(KbEntryVersion.entry_id == version.entry_id, KbEntryVersion.status == "live")
        .values(status="retired")
    )
    version.status, version.reviewer, version.reviewed_at = "live", reviewer, now
    session.flush()


def reject(session: Session, version: KbEntryVersion, *, reviewer: str, now: datetime, note: str) -> None:
    if reviewer == version.author:
        raise SameReviewer(version.author)
    version.status, version.reviewer, version.reviewed_at = "rejected", reviewer, now
    version.note = "\n".join(filter(None, [version.note, f"退回：{note}" if note else "退回"]))
    session.flush()
