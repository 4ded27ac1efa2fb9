"""Models of the staff side: organisation units, routing rules, how each case was routed, staff
accounts, chase notices and the append-only audit log.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base

_ID = BigInteger().with_variant(Integer, "sqlite")


class Unit(Base):
    """An organisation unit: the city, a county, a county department or a town government.

    Codes: county departments are "<county6>:<dept>" (e.g. "630223:jw"), the city's discipline
    commission "6302:jw", a county "630223", a town government its 12-digit town code.
    """

    __tablename__ = "units"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))  # city, county, department, town
    level: Mapped[str] = mapped_column(String(8))  # city, county, town
    dept: Mapped[str | None] = mapped_column(String(16))  # jw, nync, cz, sj, mz, yb, jy, zj, rs
    county_code: Mapped[str | None] = mapped_column(String(6), index=True)
    town_code: Mapped[str | None] = mapped_column(String(12))
    parent_code: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class RoutingRule(Base):
    """One routing rule. Empty match fields match anything; the lowest priority number that matches wins."""

    __tablename__ = "routing_rules"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    county_code: Mapped[str] = mapped_column(String(6), index=True)
    name: Mapped[str] = mapped_column(String(128))
    priority: Mapped[int] = mapped_column(Integer, default=100)
    category: Mapped[str | None] = mapped_column(String(32))
    # A town or village code (prefix match on the case's village); empty: the whole county.
    jurisdiction: Mapped[str | None] = mapped_column(String(12))
    reported_level: Mapped[str | None] = mapped_column(String(16))  # village, town, county, unknown
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)  # any of them in the text
    lead_dept: Mapped[str] = mapped_column(String(16))  # a dept key, or "town" (the village's town government)
    lead_level: Mapped[str] = mapped_column(String(8), default="county")  # town, county, city
    co_depts: Mapped[list[str]] = mapped_column(JSON, default=list)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime]


class CaseRouting(Base):
    """Staff-side facts about one case: the rule that routed it, conflict of interest, assignee,
    extension, 督办 and merge."""

    __tablename__ = "case_routing"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    rule_id: Mapped[int | None] = mapped_column(Integer)
    rule_name: Mapped[str | None] = mapped_column(String(128))
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    conflict_reason: Mapped[str | None] = mapped_column(Text)
    supervising_unit: Mapped[str] = mapped_column(String(32))
    assignee: Mapped[str | None] = mapped_column(String(64))
    extension_days: Mapped[int | None] = mapped_column(Integer)
    extension_reason: Mapped[str | None] = mapped_column(Text)
    extension_requested_by: Mapped[str | None] = mapped_column(String(64))
    overdue_at: Mapped[datetime | None] = mapped_column(index=True)
    merged_into: Mapped[int | None] = mapped_column(Integer, index=True)
    day_kind: Mapped[str] = mapped_column(String(8), default="calendar")


class CaseCoUnit(Base):
    """A unit assisting on a case (协办)."""

    __tablename__ = "case_co_units"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)


class StaffUser(Base):
    __tablename__ = "staff_users"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(24))  # city, county_discipline, department, town, admin
    unit_code: Mapped[str] = mapped_column(String(32), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    # made or reset by an administrator: the owner picks a new password before any other page (0025)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class StaffSessionRecord(Base):
    """One signed-in staff session. The cookie's MAC proves who issued it; this row proves it has not
    ended: logout deletes it, so a copied or replayed cookie stops working at once."""

    __tablename__ = "staff_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the cookie's nonce
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)


class StaffNotice(Base):
    """A chase notice (催办) or other message for one staff member, shown on their queue."""

    __tablename__ = "staff_notices"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    read_at: Mapped[datetime | None]


class AuditEntry(Base):
    """Append-only: every view of a case, every change, every reveal and every export."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Whose supervisors see the row (cases.access.audit_scope): the case's county, else the actor's or
    # the account's; None for the city's discipline commission alone.
    county_code: Mapped[str | None] = mapped_column(String(6), index=True)


class AccountRequest(Base):
    """An account change by the administrator that would give case access (a new account of such a role,
    or a new password for one), waiting for a supervisor's confirmation (cases/staff/account_powers.py).
    The new password is kept only as its argon2 hash, and only until the request is decided."""

    __tablename__ = "staff_account_requests"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # create, reset
    username: Mapped[str] = mapped_column(String(64), index=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(24))
    unit_code: Mapped[str] = mapped_column(String(32))
    confirm_role: Mapped[str] = mapped_column(String(24))  # city, county_discipline
    county_code: Mapped[str | None] = mapped_column(String(6), index=True)  # the confirmer's county
    password_hash: Mapped[str] = mapped_column(String(256))
    requested_by: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(12), index=True)  # pending, confirmed, refused
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None]


class StaffWechatToken(Base):
    """A one-time token behind the temporary QR code a staff member scans to link their WeChat: only its
    keyed hash is kept; it expires within minutes and is spent by the first scan."""

    __tablename__ = "staff_wechat_tokens"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class StaffWechatLink(Base):
    """A staff member's linked WeChat (kept apart from the villagers' tables, never tied to a report): the
    openid sealed, and its keyed hash so one WeChat serves one account."""

    __tablename__ = "staff_wechat_links"
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), primary_key=True)
    openid_hash: Mapped[str] = mapped_column(String(64), unique=True)
    openid_seal: Mapped[str] = mapped_column(Text)
    linked_at: Mapped[datetime]


class StaffNoticePref(Base):
    """Which notices a staff member gets through WeChat, and whether one at a time or as a daily digest.
    No row: every kind, one at a time."""

    __tablename__ = "staff_notice_prefs"
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), primary_key=True)
    kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    digest: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime]


class StaffDigestItem(Base):
    """A notice waiting for its staff member's daily digest (sent_at set when the digest is queued)."""

    __tablename__ = "staff_digest_items"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    key: Mapped[str] = mapped_column(String(96), unique=True)  # kind, event and user: queued once
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None] = mapped_column(index=True)


Index("ix_routing_rules_county_priority", RoutingRule.county_code, RoutingRule.priority)
