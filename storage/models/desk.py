"""Models of the staff desk: the counties' canned replies (常用语, cases/handling/canned.py), and a request to see a
real-name reporter's identity, which a second person of a 纪委监委 approves before anything is shown
(cases/handling/reveal.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base

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


class CannedReply(Base):
    """A 常用语 of one county, for one category (or all) and one step: a public reply or a closing result."""

    __tablename__ = "canned_replies"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    county_code: Mapped[str] = mapped_column(String(6), index=True)
    category: Mapped[str | None] = mapped_column(String(32))  # None: every category
    step: Mapped[str] = mapped_column(String(12))  # reply, close
    text: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime]
