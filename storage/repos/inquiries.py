"""Inquiries: policy questions handed to staff because the search was not sure."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from config.privacy import seal_text, unseal_text, user_key
from storage.models import Inquiry


def record(
    session: Session,
    *,
    openid: str | None,
    village_code: str | None,
    question: str,
    candidates: dict[str, Any],
    now: datetime,
    accused_level: str | None = None,
    unit_code: str | None = None,
    route_reason: str | None = None,
    due_at: datetime | None = None,
    due_basis: str | None = None,
) -> Inquiry:
    row = Inquiry(
        contact_seal=seal_text(openid) if openid else None,
        asker_key=user_key(openid) if openid else None,
        village_code=village_code,
        question=question[:1000],
        accused_level=accused_level,
        candidates=candidates,
        status="open",
        created_at=now,
        unit_code=unit_code,
        route_reason=route_reason,
        due_at=due_at,
        due_basis=due_basis,
    )
    session.add(row)
    session.flush()
    return row


def asker(inquiry: Inquiry) -> str | None:
    """The openid of whoever asked (None when asked without one), unsealed."""
    return unseal_text(inquiry.contact_seal) if inquiry.contact_seal else None


def asked_by(session: Session, openid: str, *, limit: int = 5) -> Sequence[Inquiry]:
    """The villager's own latest inquiries, newest first (found by pseudonym, never by unsealing others')."""
    return session.scalars(
        select(Inquiry).where(Inquiry.asker_key == user_key(openid)).order_by(Inquiry.id.desc()).limit(limit)
    ).all()
