"""Models of the staff desk's approvals: a request to see a real-name reporter's identity, which a second
person of the supervising 纪委监委 approves before anything is shown (cases/reveal.py).

Imported at the end of storage.models so that Alembic and every session see this table.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base

_ID = BigInteger().with_variant(Integer, "sqlite")


class RevealRequest(Base):
    __tablename__ = "identity_reveal_requests"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    case_id: Mapped[int] = mapped_column(_ID, ForeignKey("cases.id"), index=True)
    requested_by: Mapped[str] = mapped_column(String(64))  # username
    reason: Mapped[str] = mapped_column(Text)
    requested_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(12), index=True)  # pending, approved, refused
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str | None] = mapped_column(Text)
