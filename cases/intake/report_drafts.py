"""Report drafts: one per villager, kept 24 hours in the database (they survive restarts)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TypedDict, cast

from sqlalchemy import delete, func, inspect, select, text
from sqlalchemy.orm import Session

from cases.validation import EvidenceInput, EvidenceKind, LocationSource
from config.privacy import user_key
from storage.models.cases import DraftEvidence, ReportDraft

LIFETIME = timedelta(hours=24)


class DraftLocation(TypedDict, total=False):
    lat: float
    lng: float
    source: LocationSource  # message (sent in the chat) or event (where the villager entered the account)
    label: str
    accuracy_m: float | None


class DraftData(TypedDict, total=False):
    """What the guided report has gathered so far (report_drafts.data, JSON): every key is optional."""

    category: str
    parts: list[str]  # the story, as told message by message
    cadre_level: str
    cadre_inferred: bool  # the level was inferred from the story (a bare 书记 answered), not chosen
    location: DraftLocation
    anonymous: bool
    name: str | None
    phone: str | None
    contact_skipped: bool
    history: list[str]  # the steps behind this one, for 返回
    editing: bool  # changing one answer from the summary
    self_kept: list[str]  # fingerprints of clauses telling who the reporter is, kept at the villager's word
    # hardship (困难帮扶) only
    household: str  # own, other
    troubles: list[str]
    when: str
    people: int
    help: str


def data_of(draft: ReportDraft) -> DraftData:
    return cast(DraftData, dict(draft.data or {}))


def load(session: Session, *, openid: str, now: datetime) -> ReportDraft | None:
    """The villager's draft, or None (an expired draft is discarded)."""
    draft = session.get(ReportDraft, user_key(openid))
    if draft is not None and draft.created_at < now - LIFETIME:
        discard(session, draft=draft)
        return None
    return draft


def start(session: Session, *, openid: str, now: datetime) -> ReportDraft:
    old = session.get(ReportDraft, user_key(openid))
    if old is not None:
        discard(session, draft=old)
    draft = ReportDraft(
        user_key=user_key(openid), draft_id=uuid.uuid4().hex, step="category", data={}, created_at=now, updated_at=now
    )
    session.add(draft)
    session.flush()
    return draft


def save(draft: ReportDraft, *, step: str, data: DraftData, now: datetime) -> None:
    draft.step = step
    draft.data = dict(data)  # a new object so SQLAlchemy sees the JSON change
    draft.updated_at = now


def discard(session: Session, *, draft: ReportDraft) -> None:
    """Delete the draft and its evidence rows now. Discarding twice (a caller, then start()) is harmless:
    the delete is flushed at once, so start() no longer finds the old row, and a gone draft is left alone."""
    state = inspect(draft)
    if state.deleted or state.was_deleted or draft in session.deleted:
        return
    session.execute(delete(DraftEvidence).where(DraftEvidence.draft_id == draft.draft_id))
    session.delete(draft)
    session.flush()


def lock(session: Session, *, draft_id: str) -> None:
    """Serialise concurrent messages to one draft (nine photos at once). SQLite already runs one writer."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 1))"), {"k": draft_id})


def add_media(
    session: Session,
    *,
    draft_id: str,
    msg_key: str,
    kind: EvidenceKind,
    media_id: str,
    media_format: str | None,
    now: datetime,
) -> None:
    session.add(
        DraftEvidence(
            draft_id=draft_id,
            msg_key=msg_key[:200],
            kind=kind,
            media_id=media_id,
            media_format=media_format or None,
            received_at=now,
        )
    )
    session.flush()


def count_media(session: Session, *, draft_id: str, kind: EvidenceKind) -> int:
    stmt = select(func.count()).select_from(DraftEvidence)
    return int(session.scalar(stmt.where(DraftEvidence.draft_id == draft_id, DraftEvidence.kind == kind)) or 0)


def evidence(session: Session, *, draft_id: str) -> tuple[EvidenceInput, ...]:
    rows = session.scalars(select(DraftEvidence).where(DraftEvidence.draft_id == draft_id).order_by(DraftEvidence.id))
    return tuple(
        EvidenceInput(
            kind=EvidenceKind(r.kind),
            media_id=r.media_id,
            media_format=r.media_format,
            received_at_iso=r.received_at.isoformat(),
        )
        for r in rows
    )


def prune(session: Session, *, now: datetime) -> int:
    """Drop drafts older than 24 hours with their evidence rows; returns how many drafts went."""
    old = list(session.scalars(select(ReportDraft).where(ReportDraft.created_at < now - LIFETIME)))
    for draft in old:
        discard(session, draft=draft)
    return len(old)
