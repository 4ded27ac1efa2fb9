"""Models of the WeChat channel: villagers known by a keyed hash, their conversation state, the message
ledger and replay guard, the outbox, the shared access token, and the leases of the singleton jobs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class WechatUser(Base):
    __tablename__ = "wechat_users"
    # config.privacy.user_key(openid): a keyed hash, so the table names nobody without the identity key.
    user_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    village_code: Mapped[str | None] = mapped_column(ForeignKey("villages.code"), index=True)
    subscribed: Mapped[bool] = mapped_column(Boolean, default=True)
    first_seen: Mapped[datetime]
    last_seen: Mapped[datetime]
    last_message_at: Mapped[datetime | None]
    # The last LOCATION event (GCJ-02), kept so a report can use "the position when entering".
    last_lat: Mapped[float | None] = mapped_column(Float)
    last_lng: Mapped[float | None] = mapped_column(Float)
    last_location_at: Mapped[datetime | None]
    last_precision_m: Mapped[float | None] = mapped_column(Float)  # the LOCATION event's Precision
    # Customer-service messages sent since the villager last wrote: WeChat allows 5 in the 48 h window.
    kefu_sent_in_window: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Conversation(Base):
    __tablename__ = "conversations"
    user_key: Mapped[str] = mapped_column(String(64), primary_key=True)  # config.privacy.user_key(openid)
    state: Mapped[str] = mapped_column(String(64), default="idle")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime]


class ProcessedMessage(Base):
    """The dedup ledger: the primary key makes 'at most once' a database fact, not a memory one.

    `key` is a keyed hash of sender and message id, `reply` is sealed: no identity trail (#15).
    """

    __tablename__ = "processed_messages"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(index=True)
    reply: Mapped[str | None] = mapped_column(Text)


class WebhookNonce(Base):
    """A signed webhook request's timestamp and nonce, seen within the freshness window: a replay of the
    signed URL with another message is refused. Pruned with the ledger."""

    __tablename__ = "webhook_nonces"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of timestamp and nonce
    message_key: Mapped[str] = mapped_column(String(64))  # the ledger key of the message that used it
    expires_at: Mapped[datetime] = mapped_column(index=True)


class OutboxMessage(Base):
    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    # Idempotency key: a repeat enqueue is a no-op, and the receiver can dedupe a repeat delivery.
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    # The recipient: user_key(openid) finds their held messages and kefu window; the openid itself
    # is sealed (config.privacy) and opened only to send.
    user_key: Mapped[str | None] = mapped_column(String(64))
    recipient_seal: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_outbox_due", "status", "next_attempt_at"),
        Index("ix_outbox_user_key_status", "user_key", "status"),
    )


class WechatToken(Base):
    """The one shared access token per appid, so processes never refresh it against each other."""

    __tablename__ = "wechat_tokens"
    appid: Mapped[str] = mapped_column(String(64), primary_key=True)
    access_token: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Lease(Base):
    """Who runs the singleton background jobs (outbox drainer, scheduler) right now."""

    __tablename__ = "leases"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128))
    expires_at: Mapped[datetime]
