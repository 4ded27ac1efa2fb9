"""Inquiries: policy questions handed to staff because the search was not sure."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from storage.models import Inquiry


def record(
    session: Session,
    *,
    openid: str | None,
    village_code: str | None,
    question: str,
    candidates: dict[str, Any],
    now: datetime,
) -> Inquiry:
    row = Inquiry(
        openid=openid,
        village_code=village_code,
        question=question[:1000],
        candidates=candidates,
        status="open",
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row
