"""Model of a villager's policy question that the search could not answer (cases/handling/inquiries.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class Inquiry(Base):
    """A policy question the search could not answer; staff pick it up in the admin page."""

    __tablename__ = "inquiries"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    # The asker's openid, sealed (config.privacy): opened only to tell them the answer.
    contact_seal: Mapped[str | None] = mapped_column(Text)
    # The asker's pseudonym (config.privacy.user_key, as in the users table): finds "my inquiries" in the chat.
    asker_key: Mapped[str | None] = mapped_column(String(64), index=True)
    village_code: Mapped[str | None] = mapped_column(ForeignKey("villages.code"), index=True)
    question: Mapped[str] = mapped_column(Text)
    # Which cadres the question names (village, town, county, unknown) or None: such an inquiry is
    # shown to the county discipline commission and the city, never to the town (conflict of interest).
    accused_level: Mapped[str | None] = mapped_column(String(16))
    candidates: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open, answered
    created_at: Mapped[datetime] = mapped_column(index=True)
    # Filled when staff answer it (the villager is told through the outbox when the openid is known).
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[str | None] = mapped_column(String(64))
    answered_at: Mapped[datetime | None]
    notified: Mapped[bool] = mapped_column(Boolean, default=False)
    # The one unit the routing rules picked (None for rows from before migration 0019: county-wide as then).
    unit_code: Mapped[str | None] = mapped_column(String(32), index=True)
    route_reason: Mapped[str | None] = mapped_column(Text)
    # When it should be answered, in working days, and the basis staff are shown.
    due_at: Mapped[datetime | None]
    due_basis: Mapped[str | None] = mapped_column(Text)
    # One staff member takes it on (认领); others of the unit see who.
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None]
