"""Signed case events for the county's other platforms (webhooks), delivered through the outbox.

The administrator registers a URL per unit. Each case event a unit's staff could see (created, routed,
accepted, transferred, returned, replied, closed, rated, reopened) is queued in the transaction of the
change, one outbox row per subscriber, and the worker POSTs it with retries and backoff. The body is
JSON; the header X-Qingfeng-Signature is "t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>" under
the subscriber's secret. Events carry no reporter identity and no internal notes: status_notes is
the case's public reply, nothing else of what staff wrote.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cases.access import Viewer, case_scope
from cases.interop.api_keys import role_of
from cases.staff import alerts
from config.privacy import seal_text, unseal_text
from storage.db import transaction
from storage.models import OutboxMessage
from storage.models.cases import Case, CaseEvent
from storage.models.open311 import EventSubscription
from storage.models.staff import AuditEntry, Unit
from storage.repos import outbox
from wechat.api import WechatApi
from wechat.delivery import KindHandler, PermanentFailure, RetryLater

CASE_EVENT = "case_event"
SIGNATURE_HEADER = "X-Qingfeng-Signature"
TIMEOUT_S = 10.0
MAX_URL = 500
# Status moves that are events, by the status moved to; and actions that are events whatever the status.
_BY_STATUS = {
    "routed": "routed",
    "accepted": "accepted",
    "transferred": "transferred",
    "rejected": "returned",
    "answered": "replied",
    "closed": "closed",
    "reopened": "reopened",
}
_BY_ACTION = {"submitted": "created", "public_reply": "replied", "rating": "rated"}
EVENT_TYPES = ("created", "routed", "accepted", "transferred", "returned", "replied", "closed", "rated", "reopened")


class SubscriptionProblem(ValueError):
    """The subscription cannot be made: the message says why, for the administrator."""


def event_type(event: CaseEvent) -> str | None:
    if event.action in _BY_ACTION:
        return _BY_ACTION[event.action]
    if event.to_status != event.from_status and event.to_status is not None:
        return _BY_STATUS.get(event.to_status)
    return None


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify(secret: str, header: str, body: bytes, *, now_s: float, max_skew_s: float = 300.0) -> bool:
    """What a subscriber does (and the tests): check the MAC and that the timestamp is fresh."""
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    stamp = parts.get("t", "")
    if not stamp.isdigit() or abs(now_s - int(stamp)) > max_skew_s:
        return False
    return hmac.compare_digest(sign(secret, int(stamp), body), f"t={stamp},v1={parts.get('v1', '')}")


# -- subscriptions ----------------------------------------------------------------------------------


def subscribe(
    session: Session, *, unit_code: str, url: str, now: datetime, actor: str = "cli:admin"
) -> tuple[EventSubscription, str]:
    """Register `url` for `unit_code`'s events; returns the row and the signing secret (shown once)."""
    unit = session.get(Unit, unit_code)
    if unit is None or not unit.active:
        raise SubscriptionProblem(f"unknown or inactive unit {unit_code!r}")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > MAX_URL or not url.isascii():
        raise SubscriptionProblem("url must be an http(s) URL of at most 500 ASCII characters")
    secret = secrets.token_urlsafe(32)
    row = EventSubscription(unit_code=unit_code, url=url, secret_seal=seal_text(secret), active=True, created_at=now)
    session.add(row)
    session.flush()
    session.add(
        AuditEntry(
            at=now,
            username=actor[:64],
            action="subscriber_add",
            case_id=None,
            detail={"subscription_id": row.id, "unit": unit_code, "url": url},
            county_code=unit.county_code,
        )
    )
    return row, secret


def unsubscribe(
    session: Session, *, subscription_id: int, now: datetime | None = None, actor: str = "cli:admin"
) -> EventSubscription:
    row = session.get(EventSubscription, subscription_id)
    if row is None:
        raise SubscriptionProblem(f"no subscription {subscription_id}")
    if row.active and now is not None:
        unit = session.get(Unit, row.unit_code)
        detail = {"subscription_id": row.id, "unit": row.unit_code}
        county = unit.county_code if unit is not None else None
        session.add(
            AuditEntry(at=now, username=actor[:64], action="subscriber_remove", detail=detail, county_code=county)
        )
    row.active = False
    return row


def listing(session: Session) -> list[EventSubscription]:
    return list(session.scalars(select(EventSubscription).order_by(EventSubscription.id)))


def deliveries(session: Session, *, subscription_id: int, limit: int = 50) -> list[OutboxMessage]:
    """The subscriber's delivery log: its outbox rows, newest first."""
    stmt = select(OutboxMessage).where(
        OutboxMessage.kind == CASE_EVENT, OutboxMessage.key.startswith(f"hook:{subscription_id}:", autoescape=True)
    )
    return list(session.scalars(stmt.order_by(OutboxMessage.id.desc()).limit(limit)))


# -- events -----------------------------------------------------------------------------------------


def announce(session: Session, *, case: Case, event: CaseEvent, is_open: bool) -> None:
    """Queue `event` for every active subscriber whose unit's staff may see `case` (called by
    cases.lifecycle for every event, in the change's transaction). Staff with a linked WeChat hear of
    it too (cases/staff/alerts.py)."""
    alerts.observe(session, case=case, ev=event)
    kind = event_type(event)
    if kind is None:
        return
    subscriptions = session.scalars(select(EventSubscription).where(EventSubscription.active.is_(True))).all()
    if not subscriptions:
        return
    body = _body(case, event, kind, is_open)
    for sub in subscriptions:
        if _may_see(session, sub, case):
            outbox.enqueue(
                session,
                key=f"hook:{sub.id}:{event.id}",
                kind=CASE_EVENT,
                payload={"subscription_id": sub.id, "event": kind, "body": body},
                now=event.at,
            )


def _may_see(session: Session, sub: EventSubscription, case: Case) -> bool:
    unit = session.get(Unit, sub.unit_code)
    if unit is None or not unit.active:
        return False
    viewer = Viewer(0, f"hook:{sub.id}", role_of(unit), unit.code, unit.name, unit.county_code)
    return session.scalar(select(Case.id).where(Case.id == case.id, case_scope(viewer))) is not None


def _body(case: Case, event: CaseEvent, kind: str, is_open: bool) -> dict[str, Any]:
    return {
        "event_id": event.id,
        "type": kind,
        "occurred_at": event.at.isoformat(timespec="seconds"),
        "service_request_id": case.number,
        "service_code": case.category,
        "jurisdiction_id": case.county_code,
        "address_id": case.village_code,
        "status": "open" if is_open else "closed",
        "qingfeng_status": case.status,
        "agency_responsible": case.route_unit_name,
        "expected_datetime": case.resolve_due.isoformat(timespec="seconds"),
        # What the villager is told: a public reply's text, or the finding the closing publishes. The case's
        # public_update is set after the event, so the event's own words are used.
        "status_notes": event.reason if (kind == "replied" and event.public) or kind == "closed" else None,
    }


def encode(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


# -- delivery ---------------------------------------------------------------------------------------


class HookSender:
    """The outbox kind handler: POST the event, signed; raise to retry, PermanentFailure to give up."""

    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.sessions = sessions
        self.transport = transport
        self.clock = clock

    def run(self, api: WechatApi, payload: dict[str, Any]) -> None:
        del api
        with transaction(self.sessions) as session:
            sub = session.get(EventSubscription, int(payload.get("subscription_id", 0)))
            if sub is None or not sub.active:
                raise PermanentFailure("subscription removed")
            url, secret = sub.url, unseal_text(sub.secret_seal)
        body = encode(dict(payload["body"]))
        stamp = int(self.clock())
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            SIGNATURE_HEADER: sign(secret, stamp, body),
            "X-Qingfeng-Event": str(payload.get("event", "")),
            "User-Agent": "Qingfeng-Events/1",
        }
        with httpx.Client(transport=self.transport, timeout=TIMEOUT_S, follow_redirects=False) as client:
            response = client.post(url, content=body, headers=headers)
        if response.status_code == 410:
            raise PermanentFailure("subscriber answered 410 Gone")
        if not 200 <= response.status_code < 300:
            raise RetryLater(f"subscriber answered HTTP {response.status_code}")


def outbox_kinds(
    *, sessions: sessionmaker[Session], transport: httpx.BaseTransport | None = None
) -> dict[str, KindHandler]:
    """The outbox kind that delivers case events, for the worker's deliver_due (built at composition)."""
    sender = HookSender(sessions=sessions, transport=transport)
    return {CASE_EVENT: KindHandler(run=sender.run)}
