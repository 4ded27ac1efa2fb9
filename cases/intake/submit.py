"""The one submit service (chat and H5 form): validate, then create the case exactly once.

The caller owns the transaction and commits; the case number and query code may be shown only
after that commit. A submit repeated with the same key returns the same case and the same code.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import due_dates, lifecycle, numbers, workdays
from cases.categories import Category, by_code
from cases.evidence.media_jobs import enqueue_download
from cases.identity import IdentityKeys, reporter_tag, seal
from cases.intake import ratelimit
from cases.intake.geo import distance_km
from cases.routing import rules
from cases.routing.default_route import Route
from cases.timeutil import local_date, next_local_midnight
from cases.validation import InvalidReport, LocationSource, ReportInput, check
from cases.workdays import Calendar
from storage.models import County, Village
from storage.models.cases import Case, CaseEvidence
from storage.repos.ledger import serialise

MEDIA_LIFETIME = timedelta(days=3)


@dataclass(frozen=True)
class SubmitPolicy:
    keys: IdentityKeys
    reports_per_day: int = 5
    far_report_km: float = 5.0
    # The working days deadlines count: composition passes the app's calendar; the shipped one serves the CLI.
    calendar: Calendar = workdays.SHIPPED


@dataclass(frozen=True)
class Submitted:
    case_id: int
    number: str
    query_code: str
    first_response_due: datetime
    route_unit_name: str
    repeated: bool  # True when this key had already created the case


def submit(session: Session, *, report: ReportInput, key: str, policy: SubmitPolicy, now: datetime) -> Submitted:
    """Create the case for `report` once per `key`. Raises InvalidReport or ratelimit.RateLimited."""
    serialise(session, key=f"submit:{key}")
    code = _query_code(key, policy.keys)
    existing = session.scalar(select(Case).where(Case.submit_key == key))
    if existing is not None:
        return _submitted(existing, code, repeated=True)
    check(report)
    category = by_code(report.category)
    village = session.get(Village, report.village_code)
    if category is None or village is None:
        raise InvalidReport(["请先选择您所在的村。"] if village is None else ["请选择问题类别。"])
    tag = reporter_tag(report.reporter_openid, key=policy.keys.current) if report.reporter_openid else None
    if tag is not None:
        ratelimit.take(
            session,
            bucket=f"reports:{tag[:32]}:{local_date(now).isoformat()}",
            limit=policy.reports_per_day,
            expires_at=next_local_midnight(now),
        )
    county = session.get(County, village.county_code)
    route = rules.route_case(
        session,
        category=category,
        village=village,
        county_name=county.name if county else "",
        cadre_level=report.cadre_level,
        text=report.description,
        level_inferred=report.cadre_level_inferred,
    )
    case = _new_case(session, report, key, category, route, village, tag, code, policy, now)
    _add_evidence(session, case, report, now)
    return _submitted(case, code, repeated=False)


def _query_code(key: str, keys: IdentityKeys) -> str:
    # Derived, not stored: a repeated submit can show the same code, and the database holds only its hash.
    digest = hmac.new(keys.current.encode("utf-8"), b"query-code:" + key.encode("utf-8"), hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:8], 'big') % 10**6:06d}"


def _new_case(
    session: Session,
    report: ReportInput,
    key: str,
    category: Category,
    route: Route,
    village: Village,
    tag: str | None,
    code: str,
    policy: SubmitPolicy,
    now: datetime,
) -> Case:
    county_code = village.county_code[:6]
    code_hash = numbers.hash_code(code)  # before the counter row is locked: hashing takes ~50 ms
    number = numbers.next_number(session, county_code=county_code, year=local_date(now).year)
    case = Case(
        number=number,
        submit_key=key,
        channel=report.channel,
        county_code=county_code,
        village_code=village.code,
        category=category.code,
        status=lifecycle.RECEIVED,
        description=report.description.strip(),
        cadre_level=report.cadre_level,  # in every category: an answer is never dropped
        anonymous=report.anonymous,
        reporter_tag=tag,
        contact_seal=seal({"openid": report.reporter_openid}, keys=policy.keys) if report.reporter_openid else None,
        identity_seal=None if report.anonymous else _identity(report, policy.keys),
        query_code_hash=code_hash,
        code_failures=0,
        route_unit=route.unit,
        route_unit_name=route.unit_name,
        route_reason=route.reason,
        far_from_village=False,
        created_at=now,
        updated_at=now,
    )
    due_dates.on_filing(case, category, now)
    _place(case, report, village, policy.far_report_km)
    session.add(case)
    session.flush()
    lifecycle.record_event(
        session, case=case, action=lifecycle.EventAction.SUBMITTED, actor="villager", reason=report.channel, now=now
    )
    lifecycle.transition(session, case=case, to=lifecycle.ROUTED, actor="system", reason=route.reason, now=now)
    rules.record_route(session, case=case, route=route, now=now, calendar=policy.calendar)
    return case


def _identity(report: ReportInput, keys: IdentityKeys) -> str:
    name = (report.name or "").strip() or None
    identity = {"openid": report.reporter_openid, "name": name, "phone": report.phone or None}
    if report.email:  # only Open311 reports carry one; the other channels' seals stay as they were
        identity["email"] = report.email
    return seal(identity, keys=keys)


def _place(case: Case, report: ReportInput, village: Village, far_km: float) -> None:
    """Where: the villager's location if given, else the village's own position when known."""
    loc = report.location
    if loc is not None:
        case.lat, case.lng = loc.lat, loc.lng
        case.location_source, case.location_accuracy_m = loc.source, loc.accuracy_m
        case.location_datum, case.location_label = loc.datum, (loc.label or None)
        if village.lat is not None and village.lng is not None:
            case.distance_km = round(distance_km(loc.lat, loc.lng, village.lat, village.lng), 2)
            case.far_from_village = case.distance_km > far_km
    elif village.lat is not None and village.lng is not None:
        case.lat, case.lng = village.lat, village.lng
        case.location_source, case.location_datum = LocationSource.REGISTRY, village.datum or "gcj02"


def _add_evidence(session: Session, case: Case, report: ReportInput, now: datetime) -> None:
    for item in report.evidence:
        if item.storage_key:  # uploaded on the H5 page: stored already
            session.add(
                CaseEvidence(
                    case_id=case.id,
                    kind=item.kind,
                    media_id=None,
                    media_format=item.media_format,
                    supplement=False,
                    download_status="stored",
                    sha256=item.sha256,
                    content_type=item.content_type,
                    size_bytes=item.size_bytes,
                    storage_key=item.storage_key,
                    created_at=now,
                )
            )
            continue
        received = datetime.fromisoformat(item.received_at_iso) if item.received_at_iso else now
        row = CaseEvidence(
            case_id=case.id,
            kind=item.kind,
            media_id=item.media_id,
            media_format=item.media_format,
            supplement=False,
            download_status="pending",
            media_expires_at=received + MEDIA_LIFETIME,
            created_at=now,
        )
        session.add(row)
        session.flush()
        enqueue_download(session, evidence=row, now=now)


def _submitted(case: Case, code: str, *, repeated: bool) -> Submitted:
    return Submitted(
        case_id=case.id,
        number=case.number,
        query_code=code,
        first_response_due=case.first_response_due,
        route_unit_name=case.route_unit_name,
        repeated=repeated,
    )
