"""Models of the open interfaces (#22): API keys of other systems, and subscribers to case events."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base

_ID = BigInteger().with_variant(Integer, "sqlite")


class ApiClient(Base):
    """One client system's Open311 key. Only the key's SHA-256 is kept: the key itself is shown once."""

    __tablename__ = "api_clients"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(32), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    key_hint: Mapped[str] = mapped_column(String(16))  # the key's first characters, to tell keys apart
    rate_per_hour: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]


class EventSubscription(Base):
    """A unit's URL that receives signed case events; the signing secret is sealed (config.privacy)."""

    __tablename__ = "event_subscriptions"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32), index=True)
    url: Mapped[str] = mapped_column(String(500))
    secret_seal: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
