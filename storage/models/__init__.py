"""SQLAlchemy 2 typed models. Tables are created only by the Alembic migrations beside this file."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.types import UTCDateTime


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, datetime: UTCDateTime()}


class County(Base):
    __tablename__ = "counties"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))


class Town(Base):
    __tablename__ = "towns"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    county_code: Mapped[str] = mapped_column(ForeignKey("counties.code"), index=True)
    name: Mapped[str] = mapped_column(String(64))


class Village(Base):
    """A village-level unit. `is_village` is false for industrial-park units: no poster for them."""

    __tablename__ = "villages"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    town_code: Mapped[str] = mapped_column(ForeignKey("towns.code"), index=True)
    county_code: Mapped[str] = mapped_column(ForeignKey("counties.code"), index=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    urban_rural_code: Mapped[str | None] = mapped_column(String(3))
    is_village: Mapped[bool] = mapped_column(Boolean, default=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lng: Mapped[float | None] = mapped_column(Float)
    # 'gcj02' (WeChat) or 'wgs84' (browsers); a point without its datum is ambiguous by ~500 m.
    datum: Mapped[str | None] = mapped_column(String(8))


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


class Inquiry(Base):
    """A policy question the search could not answer; staff pick it up in the admin page."""

    __tablename__ = "inquiries"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    # The asker's openid, sealed (config.privacy): opened only to tell them the answer.
    contact_seal: Mapped[str | None] = mapped_column(Text)
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


class Project(Base):
    """A village project and its funds, as published (项目公开)."""

    __tablename__ = "projects"
    __table_args__ = (UniqueConstraint("village_code", "name", "year", name="uq_project_village_name_year"),)
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("villages.code"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)
    fund_source: Mapped[str] = mapped_column(String(100))
    amount_yuan: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    implementing_unit: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(32))
    start_date: Mapped[date | None] = mapped_column(Date)
    completion_date: Mapped[date | None] = mapped_column(Date)
    beneficiaries: Mapped[int | None] = mapped_column(Integer)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime]


class KbState(Base):
    """The knowledge-base version every process polls; a reload bumps it so all workers switch."""

    __tablename__ = "kb_state"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime]


class Poster(Base):
    """A printed code on a wall. Kind and content never change once printed, so a reprint is identical."""

    __tablename__ = "posters"
    __table_args__ = (UniqueConstraint("village_code", "poster_no", name="uq_poster_village_no"),)
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("villages.code"), index=True)
    poster_no: Mapped[int] = mapped_column(Integer)
    scene: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # 'wechat' (parametric code) or 'h5' (link)
    content: Mapped[str | None] = mapped_column(Text)  # what the QR code holds
    ticket: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]


class ScanDaily(Base):
    """Scans and H5 visits per poster scene and day; no openid or IP is kept for this."""

    __tablename__ = "scan_daily"
    scene: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)  # subscribe, scan, h5
    count: Mapped[int] = mapped_column(Integer, default=0)
    first_seen: Mapped[datetime]
    last_seen: Mapped[datetime]


# Case tables live in their own module; importing it here registers them on Base.metadata.
from storage import models_admin as _models_admin  # noqa: E402,F401
from storage.models import cases as _models_cases  # noqa: E402,F401
from storage.models import desk as _models_desk  # noqa: E402,F401
from storage.models import kb as _models_kb  # noqa: E402,F401
from storage.models import money as _models_money  # noqa: E402,F401
from storage.models import open311 as _models_open311  # noqa: E402,F401
from storage.models import staff as _models_staff  # noqa: E402,F401


def table(model: type[Base]) -> Table:
    """The Core table behind a model, typed, for hot-path statements that skip the ORM."""
    t = model.__table__
    assert isinstance(t, Table)
    return t
