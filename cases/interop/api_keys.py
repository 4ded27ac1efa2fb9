"""API keys of other systems (the county's 12345 hotline, grid apps, the province's platforms).

A key belongs to one client system and one unit. It files cases only in its unit's area and reads
only what staff of its unit would see (cases.access.case_scope), plus the cases it filed itself as long
as they are not about its own unit's cadres. The database holds only the key's SHA-256: keys are 32
random bytes, so a fast hash is enough, and the plain key is shown once, when it is made.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import Session

from cases.access import Role, Viewer, case_scope
from cases.intake import ratelimit
from storage.models.cases import Case
from storage.models.open311 import ApiClient
from storage.models.staff import AuditEntry, CaseRouting, Unit

KEY_PREFIX = "qf311_"
DEFAULT_RATE_PER_HOUR = 600
MAX_NAME = 64


class KeyProblem(ValueError):
    """The key cannot be made: the message says why, for the administrator."""


@dataclass(frozen=True)
class Client:
    """An authenticated key: who it is and what it may see."""

    id: int
    name: str
    unit_code: str
    unit_name: str
    county_code: str | None  # None for a city-level unit
    area: str  # village codes it may file in start with this (a county, a town, or the city)
    rate_per_hour: int
    viewer: Viewer

    @property
    def actor(self) -> str:
        return f"api:{self.name}"[:64]


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create(
    session: Session, *, name: str, unit_code: str, rate_per_hour: int, now: datetime, actor: str = "cli:admin"
) -> tuple[ApiClient, str]:
    """A new key for `name` at `unit_code`; returns the row and the plain key (shown once)."""
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise KeyProblem(f"name must be 1 to {MAX_NAME} characters")
    unit = session.get(Unit, unit_code)
    if unit is None or not unit.active:
        raise KeyProblem(f"unknown or inactive unit {unit_code!r}")
    if rate_per_hour < 1:
        raise KeyProblem("rate limit must be at least 1 request an hour")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    row = ApiClient(
        name=name,
        unit_code=unit_code,
        key_hash=hash_key(key),
        key_hint=key[:10],
        rate_per_hour=rate_per_hour,
        active=True,
        created_at=now,
    )
    session.add(row)
    session.flush()
    _audit(session, unit, "api_key_create", {"client_id": row.id, "name": name}, now, actor)
    return row, key


def revoke(session: Session, *, client_id: int, now: datetime, actor: str = "cli:admin") -> ApiClient:
    row = session.get(ApiClient, client_id)
    if row is None:
        raise KeyProblem(f"no key {client_id}")
    if row.active:
        row.active, row.revoked_at = False, now
        _audit(session, session.get(Unit, row.unit_code), "api_key_revoke", {"client_id": row.id}, now, actor)
    return row


def listing(session: Session) -> list[ApiClient]:
    return list(session.scalars(select(ApiClient).order_by(ApiClient.id)))


def authenticate(session: Session, key: str) -> Client | None:
    """The active key's client, or None. Keys that are not printable ASCII are never looked up."""
    if not key.startswith(KEY_PREFIX) or not key.isascii() or not key.isprintable() or len(key) > 100:
        return None
    row = session.scalar(select(ApiClient).where(ApiClient.key_hash == hash_key(key), ApiClient.active.is_(True)))
    if row is None:
        return None
    unit = session.get(Unit, row.unit_code)
    if unit is None or not unit.active:
        return None
    return client_for(row, unit)


def client_for(row: ApiClient, unit: Unit) -> Client:
    role = role_of(unit)
    viewer = Viewer(
        user_id=0,
        username=f"api:{row.name}"[:64],
        role=role,
        unit_code=unit.code,
        unit_name=unit.name,
        county_code=unit.county_code,
    )
    area = unit.town_code if unit.kind == "town" and unit.town_code else (unit.county_code or unit.code[:4])
    while len(area) > 6 and area.endswith("000"):  # 630223101000: the town's villages start 630223101
        area = area[:-3]
    return Client(row.id, row.name, unit.code, unit.name, unit.county_code, area, row.rate_per_hour, viewer)


def role_of(unit: Unit) -> Role:
    """The staff role whose scope a unit's key gets. A county government (its 12345 hotline) sees the
    cases it leads or assists, like a department."""
    if unit.level == "city":
        return Role.CITY
    if unit.kind == "department" and unit.dept == "jw":
        return Role.COUNTY_DISCIPLINE
    if unit.kind == "town":
        return Role.TOWN
    return Role.DEPARTMENT


def filed_by(client: Client) -> ColumnElement[bool]:
    return Case.submit_key.startswith(f"open311:{client.id}:", autoescape=True)


def read_scope(client: Client) -> ColumnElement[bool]:
    """What the key reads: its unit's staff scope, and its own filings unless conflict of interest
    lifted them above a unit (so the accused unit's systems never follow a case about its cadres)."""
    conflict = exists().where(CaseRouting.case_id == Case.id, CaseRouting.conflict.is_(True))
    return or_(case_scope(client.viewer), and_(filed_by(client), ~conflict))


def take_request(session: Session, client: Client, *, now: datetime) -> None:
    """Count one request against the key's hourly limit; raises ratelimit.RateLimited past it."""
    hour = now.replace(minute=0, second=0, microsecond=0)
    bucket = f"o311:{client.id}:{hour:%Y%m%d%H}"
    with session.begin_nested():
        ratelimit.take(session, bucket=bucket, limit=client.rate_per_hour, expires_at=hour + timedelta(hours=1))


def record_use(
    session: Session, client: Client, *, action: str, now: datetime, case_id: int | None = None, **detail: object
) -> None:
    """Every use of a key is an audit row, in the county of the case (or of the key's unit)."""
    county = None
    if case_id is not None:
        county = session.scalar(select(Case.county_code).where(Case.id == case_id))
    session.add(
        AuditEntry(
            at=now,
            username=client.actor,
            action=action[:32],
            case_id=case_id,
            detail={"client_id": client.id, **detail},
            county_code=county or client.county_code,
        )
    )
    row = session.get(ApiClient, client.id)
    if row is not None:
        row.last_used_at = now


def _audit(
    session: Session, unit: Unit | None, action: str, detail: dict[str, object], now: datetime, actor: str
) -> None:
    county = unit.county_code if unit is not None else None
    session.add(AuditEntry(at=now, username=actor[:64], action=action, case_id=None, detail=detail, county_code=county))
