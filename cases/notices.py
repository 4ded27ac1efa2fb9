"""Telling the villager about their case through the outbox (kefu text; the delivery code handles the
48-hour window, the quota, the template fallback and holding news until the villager writes)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from cases.identity import IdentityKeys, SealBroken, unseal
from storage.models.cases import Case
from storage.repos import outbox


def contact_openid(case: Case, *, keys: IdentityKeys) -> str | None:
    if not case.contact_seal:
        return None
    try:
        value = unseal(case.contact_seal, keys=keys).get("openid")
    except SealBroken:
        return None
    return value if isinstance(value, str) and value else None


def notify(session: Session, *, case: Case, text: str, keys: IdentityKeys, now: datetime) -> bool:
    """Queue `text` for the case's reporter. The row is purged of openid and text once delivered."""
    openid = contact_openid(case, keys=keys)
    if openid is None:
        return False
    send_text(session, openid=openid, text=text, now=now)
    return True


def send_text(session: Session, *, openid: str, text: str, now: datetime, kind: str = "notice") -> None:
    """Queue a kefu text for one villager; the row is purged of openid and text once delivered."""
    outbox.enqueue(
        session,
        key=f"{kind}:{uuid.uuid4().hex}",  # the key names neither the matter nor the villager
        kind="kefu_text",
        payload={"text": text, "purge_on_send": True},
        openid=openid,
        now=now,
    )
