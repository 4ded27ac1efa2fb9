"""Models of the knowledge base: the version every process polls, the questions the bot could not answer
(text only, never who asked), entry versions edited in the browser and reviewed by a second person, how
often each entry answered (issue #19), and drafts made from answered inquiries."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base

_ID = BigInteger().with_variant(Integer, "sqlite")


class KbState(Base):
    """The knowledge-base version every process polls; a reload bumps it so all workers switch."""

    __tablename__ = "kb_state"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime]


class KbUnanswered(Base):
    """A villager's question the bot refused, or whose choices were all wrong (都不是, 转人工). No
    openid, no village: the text and the county are all the maintainers need to close the gap."""

    __tablename__ = "kb_unanswered"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    county_code: Mapped[str | None] = mapped_column(String(6), nullable=True)
    reason: Mapped[str] = mapped_column(String(16))  # refused, none_fit
    created_at: Mapped[datetime] = mapped_column(index=True)


class KbEntryVersion(Base):
    """One version of an entry written in the browser: pending until a second maintainer approves it,
    then live (served over the entries directory's file of the same id) until a newer one goes live."""

    __tablename__ = "kb_entry_versions"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    entry_id: Mapped[str] = mapped_column(String(64), index=True)
    body: Mapped[str] = mapped_column(Text)  # the entry's YAML, as kb check reads it
    status: Mapped[str] = mapped_column(String(16), index=True)  # pending, live, retired, rejected
    author: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    reviewer: Mapped[str | None] = mapped_column(String(64), nullable=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)  # why (the gap it answers, a restore)


class KbHit(Base):
    """How many times an entry was the answer, per day."""

    __tablename__ = "kb_hits"
    entry_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class KbDraft(Base):
    """An answered inquiry handed to the knowledge base: a maintainer opens the new entry form filled from
    it (handlers/admin/kb_from_inquiry.py) and it is reviewed like any other entry. `body` and `entry_id`
    are empty since then (rows from before held a YAML draft); status drafted, then written once submitted."""

    __tablename__ = "kb_drafts"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiries.id"), index=True)
    entry_id: Mapped[str] = mapped_column(String(64))
    county_code: Mapped[str] = mapped_column(String(6), index=True)
    body: Mapped[str] = mapped_column(Text)  # empty; older rows: the YAML draft, no longer offered
    status: Mapped[str] = mapped_column(String(16), default="drafted")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
