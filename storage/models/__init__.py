"""SQLAlchemy 2 typed models, one module per subject. Tables are created only by the Alembic migrations.

Every model is re-exported here, so `from storage.models import X` works and importing this package registers
every table on `Base.metadata` (Alembic and the test schema need them all).
"""

from __future__ import annotations

from storage.models.base import Base, table
from storage.models.calendar import HolidayYear
from storage.models.cases import (
    Case,
    CaseCounter,
    CaseEvent,
    CaseEvidence,
    CaseRectification,
    CaseStatCell,
    DraftEvidence,
    RateCounter,
    ReportDraft,
)
from storage.models.desk import CannedReply, RevealRequest
from storage.models.inquiries import Inquiry
from storage.models.kb import KbDraft, KbEntryVersion, KbHit, KbState, KbUnanswered
from storage.models.money import (
    MoneyCadre,
    MoneyClue,
    MoneyConfirmation,
    MoneyDeath,
    MoneyHouseholdCode,
    MoneyLink,
    MoneyPayment,
    MoneyPerson,
    MoneyRun,
)
from storage.models.open311 import ApiClient, EventSubscription
from storage.models.places import County, Poster, Project, ScanDaily, Town, Village
from storage.models.staff import (
    AccountRequest,
    AuditEntry,
    CaseCoUnit,
    CaseRouting,
    RoutingRule,
    StaffDigestItem,
    StaffNotice,
    StaffNoticePref,
    StaffSessionRecord,
    StaffUser,
    StaffWechatLink,
    StaffWechatToken,
    Unit,
)
from storage.models.wechat import (
    Conversation,
    Lease,
    OutboxMessage,
    ProcessedMessage,
    WebhookNonce,
    WechatToken,
    WechatUser,
)

__all__ = [
    "AccountRequest",
    "ApiClient",
    "AuditEntry",
    "Base",
    "CannedReply",
    "Case",
    "CaseCoUnit",
    "CaseCounter",
    "CaseEvent",
    "CaseEvidence",
    "CaseRectification",
    "CaseRouting",
    "CaseStatCell",
    "Conversation",
    "County",
    "DraftEvidence",
    "EventSubscription",
    "HolidayYear",
    "Inquiry",
    "KbDraft",
    "KbEntryVersion",
    "KbHit",
    "KbState",
    "KbUnanswered",
    "Lease",
    "MoneyCadre",
    "MoneyClue",
    "MoneyConfirmation",
    "MoneyDeath",
    "MoneyHouseholdCode",
    "MoneyLink",
    "MoneyPayment",
    "MoneyPerson",
    "MoneyRun",
    "OutboxMessage",
    "Poster",
    "ProcessedMessage",
    "Project",
    "RateCounter",
    "ReportDraft",
    "RevealRequest",
    "RoutingRule",
    "ScanDaily",
    "StaffDigestItem",
    "StaffNotice",
    "StaffNoticePref",
    "StaffSessionRecord",
    "StaffUser",
    "StaffWechatLink",
    "StaffWechatToken",
    "Town",
    "Unit",
    "Village",
    "WebhookNonce",
    "WechatToken",
    "WechatUser",
    "table",
]
