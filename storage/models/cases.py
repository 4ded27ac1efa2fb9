"""Models of villagers' reports (cases): drafts, cases, evidence, events, counters and rate limits.

A case never stores a plaintext openid: only a keyed tag (for the villager's own lookups) and
ciphertexts (see cases/identity.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base

_ID = BigInteger().with_variant(Integer, "sqlite")


class ReportDraft(Base):
    """The one report a villager is filling in, step by step, in the chat (kept 24 hours)."""

    __tablename__ = "report_drafts"
    user_key: Mapped[str] = mapped_column(String(64), primary_key=True)  # config.privacy.user_key(openid)
    draft_id: Mapped[str] = mapped_column(String(32), unique=True)
    step: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class DraftEvidence(Base):
    """A photo or voice note sent while drafting: one row per message, so concurrent ones all land."""

    __tablename__ = "draft_evidence"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    draft_id: Mapped[str] = mapped_column(String(32), index=True)
    msg_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # image, voice
    media_id: Mapped[str] = mapped_column(String(256))
    media_format: Mapped[str | None] = mapped_column(String(16))
    received_at: Mapped[datetime]


class Case(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    submit_key: Mapped[str] = mapped_column(String(200), unique=True)
    channel: Mapped[str] = mapped_column(String(16))  # chat, h5
    county_code: Mapped[str] = mapped_column(String(6), index=True)
    village_code: Mapped[str | None] = mapped_column(ForeignKey("villages.code"), index=True)
    category: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    description: Mapped[str] = mapped_column(Text)
    cadre_level: Mapped[str | None] = mapped_column(String(16))
    anonymous: Mapped[bool] = mapped_column(Boolean)
    # HMAC of the openid under QF_IDENTITY_KEY: the villager finds their own cases with it.
    reporter_tag: Mapped[str | None] = mapped_column(String(64))
    # Sealed openid, only for notices to the villager; never shown to staff.
    contact_seal: Mapped[str | None] = mapped_column(Text)
    # Sealed openid, name and phone of a real-name reporter, for a permitted reveal. None if anonymous.
    identity_seal: Mapped[str | None] = mapped_column(Text)
    query_code_hash: Mapped[str] = mapped_column(String(200))
    code_failures: Mapped[int] = mapped_column(Integer, default=0)
    code_locked_until: Mapped[datetime | None]
    route_unit: Mapped[str] = mapped_column(String(64), index=True)
    route_unit_name: Mapped[str] = mapped_column(String(128))
    route_reason: Mapped[str] = mapped_column(Text)
    first_response_due: Mapped[datetime]
    resolve_due: Mapped[datetime]
    deadline_basis: Mapped[str] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lng: Mapped[float | None] = mapped_column(Float)
    location_source: Mapped[str | None] = mapped_column(String(16))  # message, event, registry, browser
    location_accuracy_m: Mapped[float | None] = mapped_column(Float)
    location_datum: Mapped[str | None] = mapped_column(String(8))
    location_label: Mapped[str | None] = mapped_column(String(200))
    distance_km: Mapped[float | None] = mapped_column(Float)
    far_from_village: Mapped[bool] = mapped_column(Boolean, default=False)
    finding: Mapped[str | None] = mapped_column(String(16))
    resolution: Mapped[str | None] = mapped_column(Text)
    public_update: Mapped[str | None] = mapped_column(Text)
    public_update_at: Mapped[datetime | None]
    rating: Mapped[int | None] = mapped_column(Integer)
    rating_reason: Mapped[str | None] = mapped_column(Text)
    # An appeal upheld by the supervising unit (cases/handling/rectification.py): the rating is kept but left out
    # of 满意率 and the rollup's rating counts.
    rating_excluded: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    # The first time staff answered the villager (accepted, rejected or a public reply): the minimum
    # `at` of those events, kept by cases/lifecycle.py so the statistics need not group case_events.
    first_response_at: Mapped[datetime | None]


class CaseStatCell(Base):
    """The statistics' rollup: sums over the cases received in one Beijing month, in one county, led by one
    unit, of one category. Kept by database triggers on `cases` (migration 0008) in the same transaction
    as every insert, update or delete of a case, so it can never drift. Figures that depend on the clock
    (open cases overdue or not yet due) are not here: the statistics read those from the open cases."""

    __tablename__ = "case_stat_cells"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM, Beijing time
    county_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    route_unit: Mapped[str] = mapped_column(String(64), primary_key=True)
    category: Mapped[str] = mapped_column(String(32), primary_key=True)
    received: Mapped[int] = mapped_column(Integer)
    closed: Mapped[int] = mapped_column(Integer)
    on_time: Mapped[int] = mapped_column(Integer)
    closed_late: Mapped[int] = mapped_column(Integer)
    # finished (closed or rejected) cases by finding, in the order of cases.handling.case_steps.FINDINGS
    finding_0: Mapped[int] = mapped_column(Integer)
    finding_1: Mapped[int] = mapped_column(Integer)
    finding_2: Mapped[int] = mapped_column(Integer)
    finding_3: Mapped[int] = mapped_column(Integer)
    rating_1: Mapped[int] = mapped_column(Integer)
    rating_2: Mapped[int] = mapped_column(Integer)
    rating_3: Mapped[int] = mapped_column(Integer)
    rating_4: Mapped[int] = mapped_column(Integer)  # rating_1..5: the five levels of cases/ratings.py (0021)
    rating_5: Mapped[int] = mapped_column(Integer)
    responded: Mapped[int] = mapped_column(Integer)  # cases with a first response
    response_days: Mapped[float] = mapped_column(Float)  # their summed days from receipt to it
    close_days: Mapped[float] = mapped_column(Float)  # closed cases' summed days from receipt to closing


class CaseEvidence(Base):
    __tablename__ = "case_evidence"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # image, voice, text
    media_id: Mapped[str | None] = mapped_column(String(256))
    media_format: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    supplement: Mapped[bool] = mapped_column(Boolean, default=False)
    # none (text), pending, stored, failed (for good)
    download_status: Mapped[str] = mapped_column(String(16))
    media_expires_at: Mapped[datetime | None]
    sha256: Mapped[str | None] = mapped_column(String(64))
    content_type: Mapped[str | None] = mapped_column(String(64))
    size_bytes: Mapped[int | None] = mapped_column(Integer)
    storage_key: Mapped[str | None] = mapped_column(String(200))
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]


class CaseRectification(Base):
    """The rectification loop after a 不满意 or 非常不满意 rating (国办发〔2019〕51号; cases/handling/rectification.py):
    a return visit (回访) and a fix (整改) due within the configured working days, and the unit's appeal (申诉)
    against the rating with the supervising unit's ruling. One row per dissatisfied rating; open until the
    fix is recorded or an appeal is upheld (closed_at)."""

    __tablename__ = "case_rectifications"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    rating: Mapped[int] = mapped_column(Integer)  # the level that started it (4 or 5)
    reason: Mapped[str | None] = mapped_column(Text)  # the villager's reason
    opened_at: Mapped[datetime]
    due_at: Mapped[datetime]
    basis: Mapped[str] = mapped_column(Text)
    visited_at: Mapped[datetime | None]
    visited_by: Mapped[str | None] = mapped_column(String(64))
    visit_rating: Mapped[int | None] = mapped_column(Integer)  # the level the villager gave on the return visit
    visit_note: Mapped[str | None] = mapped_column(Text)
    fixed_at: Mapped[datetime | None]
    fixed_by: Mapped[str | None] = mapped_column(String(64))
    fix_note: Mapped[str | None] = mapped_column(Text)
    appeal_state: Mapped[str | None] = mapped_column(String(16))  # pending, upheld, dismissed
    appeal_kind: Mapped[str | None] = mapped_column(String(16))  # malicious, beyond_powers
    appeal_reason: Mapped[str | None] = mapped_column(Text)
    appealed_by: Mapped[str | None] = mapped_column(String(64))
    appealed_at: Mapped[datetime | None]
    ruled_by: Mapped[str | None] = mapped_column(String(64))
    ruled_at: Mapped[datetime | None]
    ruling_note: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(index=True)


class CaseEvent(Base):
    """The case's history: every change of status and every action, with who, when, from, to and why."""

    __tablename__ = "case_events"
    id: Mapped[int] = mapped_column(_ID, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    # The unit the event is about, by its code, so a rename never loses it (撤回会办: the co-unit whose
    # request is withdrawn; migration 0024). None for the other events.
    target_unit: Mapped[str | None] = mapped_column(String(32))


class CaseCounter(Base):
    """The last case number issued per county and year; its row lock makes numbers unique."""

    __tablename__ = "case_counters"
    county_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class RateCounter(Base):
    """Counts per bucket (e.g. reports by one villager on one day), shared by every process."""

    __tablename__ = "rate_counters"
    bucket: Mapped[str] = mapped_column(String(128), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    expires_at: Mapped[datetime] = mapped_column(index=True)


Index("ix_cases_reporter_status", Case.reporter_tag, Case.status)
# The statistics (migration 0008): a county's cases over a date range, and the open cases' figures that
# follow the clock, read from this index alone (status first: open cases are a few percent of all).
Index("ix_cases_county_created", Case.county_code, Case.created_at)
Index(
    "ix_cases_status_stats",
    Case.status,
    Case.county_code,
    Case.created_at,
    Case.resolve_due,
    Case.route_unit,
    Case.category,
)
# Text search on PostgreSQL (pg_trgm, migration 0008): LIKE '%…%' on either column uses these. On SQLite
# the same search reads the FTS5 trigram table cases_fts, which the migration keeps with triggers.
for _column in (Case.description, Case.number):
    Index(
        f"ix_cases_{_column.key}_trgm",
        _column,
        postgresql_using="gin",
        postgresql_ops={_column.key: "public.gin_trgm_ops"},
    ).ddl_if(dialect="postgresql")


class UnitScoreCell(Base):
    """The unit scoreboard's rollup (一县一单、一部门一单, migration 0022): per Beijing month of receipt, county,
    unit leading the case now, and category. The case figures follow the case (database triggers on `cases`,
    as case_stat_cells); `returned`, `redone` and `moved_out` are marks counted on the unit that had the case
    when it was returned (退回), reopened (重办) or moved away, and stay there. Working days are counted by
    the triggers from `workday_index` (a table only they read, filled by the migration from the holiday
    notices). Definitions: cases/reading/scoreboard.py."""

    __tablename__ = "unit_score_cells"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM, Beijing time
    county_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    unit: Mapped[str] = mapped_column(String(64), primary_key=True)
    category: Mapped[str] = mapped_column(String(32), primary_key=True)
    received: Mapped[int] = mapped_column(Integer, server_default="0")
    signed: Mapped[int] = mapped_column(Integer, server_default="0")  # with a first response (签收)
    signed_on_time: Mapped[int] = mapped_column(Integer, server_default="0")  # by first_response_due
    closed: Mapped[int] = mapped_column(Integer, server_default="0")
    closed_on_time: Mapped[int] = mapped_column(Integer, server_default="0")
    resolved: Mapped[int] = mapped_column(Integer, server_default="0")  # closed, not rated 不满意 or worse
    rating_1: Mapped[int] = mapped_column(Integer, server_default="0")  # the five levels of cases/ratings.py
    rating_2: Mapped[int] = mapped_column(Integer, server_default="0")
    rating_3: Mapped[int] = mapped_column(Integer, server_default="0")
    rating_4: Mapped[int] = mapped_column(Integer, server_default="0")
    rating_5: Mapped[int] = mapped_column(Integer, server_default="0")
    response_workdays: Mapped[int] = mapped_column(Integer, server_default="0")  # summed over signed cases
    close_workdays: Mapped[int] = mapped_column(Integer, server_default="0")  # summed over closed cases
    returned: Mapped[int] = mapped_column(Integer, server_default="0")
    redone: Mapped[int] = mapped_column(Integer, server_default="0")
    moved_out: Mapped[int] = mapped_column(Integer, server_default="0")


Index("ix_unit_score_cells_unit_month", UnitScoreCell.unit, UnitScoreCell.month)
# The scoreboard (migration 0022): open cases' deadlines per month read from one index, and a month's cases
# by unit, category and village (the top villages and the spike alert) without reading the rows.
Index(
    "ix_cases_score_open",
    Case.status,
    Case.created_at,
    Case.first_response_due,
    Case.resolve_due,
    Case.first_response_at,
    Case.county_code,
    Case.route_unit,
)
Index("ix_cases_score_month", Case.created_at, Case.county_code, Case.route_unit, Case.category, Case.village_code)
