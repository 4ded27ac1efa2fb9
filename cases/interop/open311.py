"""Open311 GeoReport v2 in terms of cases: services are report categories, requests are cases.

What leaves here is what another system may see: never the reporter (no name, phone, openid or their
own position: coordinates are the village's), never internal notes (status_notes is the latest public
reply only), and never the description of an anonymous case outside the key's unit's staff scope.
Filing goes through cases.intake.submit like the chat and the H5 form, with the key's own idempotency keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import lifecycle
from cases.access import case_scope
from cases.categories import CADRE_LEVELS, Category, by_code, categories
from cases.intake.geo import coordinates_valid, distance_km
from cases.intake.submit import SubmitPolicy, Submitted, submit
from cases.interop.api_keys import Client, filed_by, read_scope
from cases.numbers import NUMBER_RE
from cases.timeutil import BEIJING
from cases.validation import MAX_NAME, Channel, InvalidReport, LocationInput, LocationSource, ReportInput
from storage.models import County, Town, Village
from storage.models.cases import Case, CaseEvidence

MAX_DESCRIPTION = 4000  # the specification's limit; the case's own (2,000) is checked by submit
MAX_WINDOW = timedelta(days=90)
MAX_RESULTS = 1000
MAX_MEDIA_URL = 500
NEAREST_VILLAGE_KM = 10.0
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{8,64}")
GROUPS = {"discipline": "纪检监察", "revitalization": "乡村振兴"}
CADRE_ATTRIBUTE = "cadre_level"


class Open311Error(Exception):
    """An answer the specification defines: HTTP status, and a description the client's user reads."""

    def __init__(self, status: int, description: str, code: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.code = code or status


# -- services ---------------------------------------------------------------------------------------


def service(category: Category) -> dict[str, Any]:
    return {
        "service_code": category.code,
        "service_name": category.label,
        "description": category.basis,
        "metadata": True,
        "type": "realtime",
        "keywords": category.label.replace("、", ",").replace("（", ",").replace("）", ""),
        "group": GROUPS.get(category.route, category.route),
    }


def services() -> list[dict[str, Any]]:
    return [service(c) for c in categories()]


def definition(code: str) -> dict[str, Any]:
    """The attributes a category asks: who is reported (required for the categories about cadres)."""
    category = by_code(code)
    if category is None:
        raise Open311Error(404, f"没有这个类别：service_code {code[:40]}")
    attribute = {
        "variable": True,
        "code": CADRE_ATTRIBUTE,
        "datatype": "singlevaluelist",
        "required": category.about_cadres,
        "datatype_description": "被反映人是哪一级干部",
        "order": 1,
        "description": "被反映人是哪一级干部？（用于回避：不交被反映单位办理）",
        "values": [{"key": key, "name": name} for key, name in CADRE_LEVELS],
    }
    return {"service_code": category.code, "attributes": [attribute]}


# -- filing -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filing:
    """A POST's fields, parsed by the handler (strings as sent, None when absent or empty)."""

    service_code: str | None
    description: str | None
    lat: str | None = None
    long: str | None = None
    address_string: str | None = None
    address_id: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    phone: str | None = None
    email: str | None = None
    media_url: str | None = None
    attributes: tuple[tuple[str, str], ...] = ()


def file_request(
    session: Session,
    *,
    client: Client,
    filing: Filing,
    village_code: str | None,
    token: str,
    policy: SubmitPolicy,
    now: datetime,
) -> Submitted:
    """Create (once per token) the case for `filing`. `village_code` is the handler's reading of
    address_string, if any. Raises Open311Error for what the client must change."""
    if not filing.service_code:
        raise Open311Error(400, "缺少 service_code（问题类别）。")
    category = by_code(filing.service_code)
    if category is None:
        raise Open311Error(404, f"没有这个类别：service_code {filing.service_code[:40]}")
    if not (filing.description or "").strip():
        raise Open311Error(400, "缺少 description：请说明发生了什么。")
    if len(filing.description or "") > MAX_DESCRIPTION:
        raise Open311Error(400, f"description 最多 {MAX_DESCRIPTION} 字。")
    cadre = _cadre_level(category, filing.attributes)
    location, village = _where(session, client, filing, village_code)
    name = "".join(p.strip() for p in (filing.last_name, filing.first_name) if p) or None
    real_name = bool(name or filing.phone or filing.email)
    if name is not None and len(name) > MAX_NAME:
        raise Open311Error(400, f"姓名最多 {MAX_NAME} 个字。")
    report = ReportInput(
        category=category.code,
        description=(filing.description or "").strip(),
        village_code=village.code,
        reporter_openid=None,
        anonymous=not real_name,
        name=name,
        phone=(filing.phone or "").strip() or None,
        email=(filing.email or "").strip()[:200] or None,
        cadre_level=cadre,
        location=location,
        channel=Channel.OPEN311,
    )
    media = _media_url(filing.media_url)
    try:
        done = submit(session, report=report, key=f"open311:{client.id}:{token}", policy=policy, now=now)
    except InvalidReport as exc:
        raise Open311Error(400, "；".join(exc.problems)) from exc
    if media and not done.repeated:
        # Kept as a link for staff to open, never fetched by the server: another system's URL is not ours
        # to download from.
        note = f"来自{client.name}的材料链接：{media}"
        session.add(
            CaseEvidence(
                case_id=done.case_id, kind="text", note=note, supplement=False, download_status="none", created_at=now
            )
        )
    return done


def _media_url(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url) if url.isascii() and url.isprintable() and len(url) <= MAX_MEDIA_URL else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise Open311Error(400, f"media_url 应为 http(s) 链接，最长 {MAX_MEDIA_URL} 字符。")
    return url


def _cadre_level(category: Category, attributes: tuple[tuple[str, str], ...]) -> str | None:
    values = [v for code, v in attributes if code == CADRE_ATTRIBUTE and v]
    unknown = sorted({code for code, _ in attributes} - {CADRE_ATTRIBUTE})
    if unknown:
        raise Open311Error(400, f"不认识的 attribute：{unknown[0][:40]}")
    if len(values) > 1:
        raise Open311Error(400, "attribute[cadre_level] 只能有一个值。")
    if values and values[0] not in dict(CADRE_LEVELS):
        raise Open311Error(400, "attribute[cadre_level] 的值不正确，见 services/{service_code} 的 values。")
    if not values and category.about_cadres:
        raise Open311Error(400, "这个类别需要 attribute[cadre_level]：被反映人是哪一级干部。")
    return values[0] if values else None


def _where(
    session: Session, client: Client, filing: Filing, village_code: str | None
) -> tuple[LocationInput | None, Village]:
    """The village the case belongs to, and the point reported (if lat/long were sent)."""
    if (filing.lat is None) != (filing.long is None):
        raise Open311Error(400, "lat 和 long 要同时提供。")
    location = None
    if filing.lat is not None and filing.long is not None:
        try:
            lat, lng = float(filing.lat), float(filing.long)
        except ValueError:
            raise Open311Error(400, "lat/long 应为数字（WGS84）。") from None
        if not coordinates_valid(lat, lng):
            raise Open311Error(400, "lat/long 超出范围：纬度 -90 到 90，经度 -180 到 180。")
        location = LocationInput(lat=lat, lng=lng, source=LocationSource.API, datum="wgs84")
    code = filing.address_id or village_code
    if code is not None:
        village = session.get(Village, code) if re.fullmatch(r"[0-9]{12}", code) else None
        if village is None:
            raise Open311Error(400, "地址不在海东市村庄名录中：address_id 应为 12 位村级代码。")
    elif location is not None:
        village = _nearest(session, client, location)
    elif filing.address_string:
        raise Open311Error(400, "无法从 address_string 确定村庄，请写明乡镇和村名，或提供 address_id。")
    else:
        raise Open311Error(400, "缺少位置：请提供 lat 和 long、address_string 或 address_id。")
    if not village.code.startswith(client.area):
        raise Open311Error(403, "这个村不在本密钥所属单位的辖区内。")
    return location, village


def _nearest(session: Session, client: Client, where: LocationInput) -> Village:
    candidates = session.scalars(
        select(Village).where(Village.code.startswith(client.area), Village.lat.is_not(None))
    ).all()
    best = min(
        candidates,
        key=lambda v: distance_km(where.lat, where.lng, v.lat or 0.0, v.lng or 0.0),
        default=None,
    )
    if best is None or distance_km(where.lat, where.lng, best.lat or 0.0, best.lng or 0.0) > NEAREST_VILLAGE_KM:
        raise Open311Error(400, "这个位置附近没有本辖区的村庄，请提供 address_id（12 位村级代码）。")
    return best


# -- reading ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    ids: tuple[str, ...] = ()
    service_codes: tuple[str, ...] = ()
    start: datetime | None = None
    end: datetime | None = None
    statuses: tuple[str, ...] = ()


def find(session: Session, client: Client, query: Query, *, now: datetime) -> list[dict[str, Any]]:
    """GET requests: by ids (which override the rest), else by category, date window and status."""
    stmt = select(Case).where(read_scope(client))
    if query.ids:
        if any(not NUMBER_RE.fullmatch(i) for i in query.ids):
            raise Open311Error(400, "service_request_id 应为案件编号，如 630223-2026-000123。")
        stmt = stmt.where(Case.number.in_(query.ids))
    else:
        stmt = _filtered(stmt, query, now)
    cases = session.scalars(stmt.order_by(Case.created_at.desc(), Case.id.desc()).limit(MAX_RESULTS)).all()
    return [view(session, client, c) for c in cases]


def _filtered(stmt: Any, query: Query, now: datetime) -> Any:
    unknown = [c for c in query.service_codes if by_code(c) is None]
    if unknown:
        raise Open311Error(400, f"没有这个类别：service_code {unknown[0][:40]}")
    if any(s not in ("open", "closed") for s in query.statuses):
        raise Open311Error(400, "status 只能是 open 或 closed。")
    end = query.end or ((query.start + MAX_WINDOW) if query.start else now)
    start = query.start or end - MAX_WINDOW
    if start > end:
        raise Open311Error(400, "start_date 不能晚于 end_date。")
    if end - start > MAX_WINDOW:
        raise Open311Error(400, "start_date 与 end_date 相隔不能超过 90 天。")
    stmt = stmt.where(Case.created_at >= start, Case.created_at <= end)
    if query.service_codes:
        stmt = stmt.where(Case.category.in_(query.service_codes))
    closed = frozenset(lifecycle.STATES) - lifecycle.OPEN_STATES
    if set(query.statuses) == {"open"}:
        stmt = stmt.where(Case.status.in_(sorted(lifecycle.OPEN_STATES)))
    elif set(query.statuses) == {"closed"}:
        stmt = stmt.where(Case.status.in_(sorted(closed)))
    return stmt


def one(session: Session, client: Client, number: str) -> dict[str, Any]:
    if not NUMBER_RE.fullmatch(number):
        raise Open311Error(404, "没有这个案件编号。")
    case = session.scalar(select(Case).where(Case.number == number, read_scope(client)))
    if case is None:
        # The same answer for a case that exists outside the key's scope: numbers cannot be probed.
        raise Open311Error(404, "没有这个案件编号。")
    return view(session, client, case)


def by_token(session: Session, client: Client, token: str) -> dict[str, Any]:
    """GET tokens/{token}: the token is the Idempotency-Key the client sent with its POST."""
    if not TOKEN_RE.fullmatch(token):
        raise Open311Error(404, "没有这个 token。")
    number = session.scalar(
        select(Case.number).where(Case.submit_key == f"open311:{client.id}:{token}", filed_by(client))
    )
    if number is None:
        raise Open311Error(404, "没有这个 token。")
    return {"service_request_id": number, "token": token}


def view(session: Session, client: Client, case: Case) -> dict[str, Any]:
    """One request as the specification names its fields; nothing that points to the reporter."""
    category = by_code(case.category)
    village = session.get(Village, case.village_code) if case.village_code else None
    in_scope = session.scalar(select(Case.id).where(Case.id == case.id, case_scope(client.viewer))) is not None
    return {
        "service_request_id": case.number,
        "status": "open" if case.status in lifecycle.OPEN_STATES else "closed",
        "status_notes": case.public_update,
        "service_name": category.label if category else case.category,
        "service_code": case.category,
        "description": case.description if in_scope or not case.anonymous else None,
        "agency_responsible": case.route_unit_name,
        "service_notice": f"{lifecycle.LABELS.get(case.status, case.status)}；依据：{case.deadline_basis}",
        "requested_datetime": w3(case.created_at),
        "updated_datetime": w3(case.updated_at),
        "expected_datetime": w3(case.resolve_due),
        "address": _address(session, village),
        "address_id": case.village_code,
        "zipcode": None,
        "lat": village.lat if village else None,
        "long": village.lng if village else None,
        "media_url": None,
    }


def _address(session: Session, village: Village | None) -> str | None:
    if village is None:
        return None
    town = session.get(Town, village.town_code)
    county = session.get(County, village.county_code)
    return "，".join(p for p in (village.name, town.name if town else "", county.name if county else "") if p)


def w3(moment: datetime) -> str:
    """ISO 8601 with the offset, in Beijing time: 2026-12-06T19:40:00+08:00."""
    return moment.astimezone(BEIJING).isoformat(timespec="seconds")


def parse_w3(text: str, name: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00")) if len(text) <= 40 else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise Open311Error(400, f"{name} 应为带时区的 W3C 时间，如 2026-01-01T00:00:00Z。")
    return moment
