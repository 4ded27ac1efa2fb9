"""Open311 GeoReport v2 under /open311/v2/: discovery, services, requests and tokens, as .json or .xml.

Paths, fields, formats and errors follow the specification (wiki.open311.org/GeoReport_v2). Errors are
the specification's list of {code, description} with the HTTP status it names: 404 for what does not
exist, 403 for a missing or wrong api_key, 400 for anything else that cannot be done, and 429 past a
key's hourly limit. The key comes as the api_key parameter or, for clients that cannot add one to
every call, as the password of HTTP Basic authentication.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
import secrets
from collections.abc import Callable
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

import anyio.to_thread
from fastapi import APIRouter
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from cases.intake import ratelimit
from cases.intake.submit import SubmitPolicy
from cases.interop import api_keys, open311
from cases.interop.api_keys import Client
from cases.interop.open311 import Filing, Open311Error, Query
from handlers.web.page_threads import page_limiter
from storage.db import transaction
from storage.models import County
from storage.models.cases import Case
from storage.types import utcnow

log = logging.getLogger(__name__)

BASE = "/open311/v2"
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
MAX_PARAM = 4100  # the longest field is a 4,000-character description
MAX_IDS = 100
_PLURALS = {
    "services": "service",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
    "service_requests": "request",
    "errors": "error",
}
_ATTRIBUTE = re.compile(r"attribute\[([A-Za-z0-9_]{1,40})\](\[\])?")
_COUNTY = re.compile(r"[0-9]{6}")

# Given address_string and the key's area (a code prefix), the 12-digit village code it names, or None.
VillageFinder = Callable[[str, str], str | None]


def render(fmt: str, root: str, data: Any, status: int = 200) -> Response:
    """JSON as the specification's examples show it, or the XML it maps from (Spark convention)."""
    if fmt == "xml":
        body = '<?xml version="1.0" encoding="utf-8"?>\n' + _xml(root, data)
        return Response(body.encode("utf-8"), status_code=status, media_type=FORMATS["xml"])
    body = json.dumps(data, ensure_ascii=False)
    return Response(body.encode("utf-8"), status_code=status, media_type=FORMATS["json"])


def _xml(name: str, value: Any) -> str:
    if isinstance(value, dict):
        return f"<{name}>" + "".join(_xml(k, v) for k, v in value.items()) + f"</{name}>"
    if isinstance(value, list):
        item = _PLURALS.get(name, "item")
        return f"<{name}>" + "".join(_xml(item, v) for v in value) + f"</{name}>"
    if value is None:
        return f"<{name}/>"
    text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return f"<{name}>{escape(text)}</{name}>"


def error(fmt: str, exc: Open311Error) -> Response:
    return render(fmt, "errors", [{"code": exc.code, "description": exc.description}], exc.status)


class Open311Api:
    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        policy: SubmitPolicy,
        public_base_url: str,
        find_village: VillageFinder,
    ) -> None:
        self.sessions = sessions
        self.policy = policy
        self.public_base_url = public_base_url.rstrip("/")
        self.find_village = find_village

    # -- plumbing -----------------------------------------------------------------------------------

    async def answer(self, request: Request, fmt: str, root: str, work: Callable[[Session], Any]) -> Response:
        """Run `work` in a transaction off the event loop; its Open311Error becomes the error body."""
        if fmt not in FORMATS:
            return error("json", Open311Error(404, "不支持这种格式：请用 .json 或 .xml。"))
        try:
            data = await anyio.to_thread.run_sync(partial(self._in_transaction, work), limiter=page_limiter())
        except Open311Error as exc:
            return error(fmt, exc)
        except ratelimit.RateLimited:
            return error(fmt, Open311Error(429, "本密钥本小时的请求次数已用完，请稍后再试。"))
        except SQLAlchemyError:
            log.warning("open311: database unavailable", exc_info=True)
            return error(fmt, Open311Error(503, "服务暂时不可用，请稍后再试。"))
        return render(fmt, root, data)

    def _in_transaction(self, work: Callable[[Session], Any]) -> Any:
        with transaction(self.sessions) as session:
            return work(session)

    def client(self, session: Session, key: str | None, *, jurisdiction: str | None) -> Client:
        """The key's client, its request counted; 403 without a valid key."""
        found = api_keys.authenticate(session, key) if key else None
        if found is None:
            raise Open311Error(403, "缺少或无效的 api_key。")
        self.check_jurisdiction(session, jurisdiction, found)
        api_keys.take_request(session, found, now=utcnow())
        return found

    @staticmethod
    def check_jurisdiction(session: Session, jurisdiction: str | None, client: Client | None) -> None:
        """jurisdiction_id is the 6-digit county code; optional, since a key names its own county."""
        if not jurisdiction:
            return
        known = _COUNTY.fullmatch(jurisdiction) and session.scalar(
            select(County.code).where(County.code.startswith(jurisdiction))
        )
        if not known:
            raise Open311Error(404, "没有这个 jurisdiction_id（应为 6 位县级代码）。")
        if client is not None and not (jurisdiction.startswith(client.area) or client.area.startswith(jurisdiction)):
            raise Open311Error(403, "本密钥不属于这个 jurisdiction_id。")

    # -- routes -------------------------------------------------------------------------------------

    async def discovery(self, request: Request) -> Response:
        fmt = request.path_params["fmt"]
        data = {
            "changeset": "2026-12-06 12:00",
            "contact": "清风平台由各县纪委监委管理；请联系所在县的系统管理员。",
            "key_service": "API 密钥由系统管理员为每个对接系统单独发放（qingfeng api-keys create）。",
            "endpoints": [
                {
                    "specification": SPECIFICATION,
                    "url": self.public_base_url + BASE,
                    "changeset": "2026-12-06 12:00",
                    "type": "production",
                    "formats": ["text/xml", "application/json"],
                }
            ],
        }
        return await self.answer(request, fmt, "discovery", lambda _s: data)

    async def services(self, request: Request) -> Response:
        fmt = request.path_params["fmt"]
        jurisdiction = _param(request, "jurisdiction_id")

        def work(session: Session) -> Any:
            self.check_jurisdiction(session, jurisdiction, None)
            return open311.services()

        return await self.answer(request, fmt, "services", work)

    async def service_definition(self, request: Request) -> Response:
        code, fmt = _split(request.path_params["service_file"])
        jurisdiction = _param(request, "jurisdiction_id")

        def work(session: Session) -> Any:
            self.check_jurisdiction(session, jurisdiction, None)
            return open311.definition(code)

        return await self.answer(request, fmt, "service_definition", work)

    async def read(
        self,
        request: Request,
        fmt: str,
        look: Callable[[Session, Client, Any], list[Any]],
        parse: Callable[[], Any] = lambda: None,
    ) -> Response:
        """A keyed read of service requests: the key, the jurisdiction and then `parse` (the query) checked
        before any work; `look` runs in a transaction with the key's client and what `parse` gave."""
        try:
            key, jurisdiction = _key(request, request.query_params.get("api_key")), _param(request, "jurisdiction_id")
            parsed = parse()
        except Open311Error as exc:
            return error(fmt if fmt in FORMATS else "json", exc)
        return await self.answer(
            request,
            fmt,
            "service_requests",
            lambda session: look(session, self.client(session, key, jurisdiction=jurisdiction), parsed),
        )

    async def requests_get(self, request: Request) -> Response:
        def look(session: Session, client: Client, query: Any) -> list[Any]:
            found = open311.find(session, client, query, now=utcnow())
            numbers = [r["service_request_id"] for r in found]
            api_keys.record_use(session, client, action="api_read", now=utcnow(), count=len(found), ids=numbers[:50])
            return found

        return await self.read(request, request.path_params["fmt"], look, partial(_query, request))

    async def request_one(self, request: Request) -> Response:
        number, fmt = _split(request.path_params["request_file"])

        def look(session: Session, client: Client, _parsed: None) -> list[Any]:
            found = open311.one(session, client, number)
            api_keys.record_use(session, client, action="api_read", now=utcnow(), case_id=_case_id(session, number))
            return [found]

        return await self.read(request, fmt, look)

    async def token(self, request: Request) -> Response:
        token, fmt = _split(request.path_params["token_file"])

        def look(session: Session, client: Client, _parsed: None) -> list[Any]:
            found = open311.by_token(session, client, token)
            api_keys.record_use(session, client, action="api_token", now=utcnow(), token=token)
            return [found]

        return await self.read(request, fmt, look)

    async def requests_post(self, request: Request) -> Response:
        fmt = request.path_params["fmt"]
        out = fmt if fmt in FORMATS else "json"
        try:
            form = await request.form(max_files=0, max_fields=200)
        except HTTPException as exc:
            if exc.status_code == 413:
                return error(out, Open311Error(413, "提交的内容太大。"))
            return error(out, Open311Error(400, "请求体应为 application/x-www-form-urlencoded。"))
        except (ValueError, KeyError, AssertionError):
            return error(out, Open311Error(400, "请求体应为 application/x-www-form-urlencoded。"))
        try:
            values = _form_values(form)
            key = _key(request, values.get("api_key") or request.query_params.get("api_key"))
            jurisdiction = values.get("jurisdiction_id") or _param(request, "jurisdiction_id")
            token = _idempotency_key(request)
            filing = _filing(form, values)
        except Open311Error as exc:
            return error(out, exc)

        def work(session: Session) -> Any:
            client = self.client(session, key, jurisdiction=jurisdiction)
            village = self.find_village(filing.address_string, client.area) if filing.address_string else None
            done = open311.file_request(
                session,
                client=client,
                filing=filing,
                village_code=village,
                token=token,
                policy=self.policy,
                now=utcnow(),
            )
            api_keys.record_use(
                session, client, action="api_file", now=utcnow(), case_id=done.case_id, repeated=done.repeated
            )
            notice = f"已交{done.route_unit_name}办理，首次答复期限 {open311.w3(done.first_response_due)}。"
            return [{"service_request_id": done.number, "service_notice": notice, "account_id": None}]

        return await self.answer(request, fmt, "service_requests", work)


def _split(name: str) -> tuple[str, str]:
    """'funds.json' -> ('funds', 'json'); a name without a known format gets a 404 from `answer`."""
    stem, _, fmt = name.rpartition(".")
    return (stem, fmt) if stem else (name, "")


def _param(request: Request, name: str) -> str | None:
    values = request.query_params.getlist(name)
    if len(values) > 1:
        raise Open311Error(400, f"{name} 只能出现一次。")
    value = values[0] if values else None
    if value is not None and (len(value) > MAX_PARAM or "\x00" in value):
        raise Open311Error(400, f"{name} 不正确。")
    return value or None


def _key(request: Request, given: str | None) -> str | None:
    if given:
        return given
    header = request.headers.get("authorization", "")
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded.isascii():
        return None
    try:
        user, _, password = base64.b64decode(encoded, validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return password or user or None


def _idempotency_key(request: Request) -> str:
    given = request.headers.get("idempotency-key")
    if given is None:
        return secrets.token_urlsafe(16)
    if not open311.TOKEN_RE.fullmatch(given):
        raise Open311Error(400, "Idempotency-Key 应为 8 到 64 个字母、数字、- 或 _。")
    return given


def _listed(request: Request, name: str) -> tuple[str, ...]:
    raw = ",".join(request.query_params.getlist(name))
    if len(raw) > MAX_PARAM or "\x00" in raw:
        raise Open311Error(400, f"{name} 不正确。")
    items = tuple(dict.fromkeys(p.strip() for p in raw.split(",") if p.strip()))
    if len(items) > MAX_IDS:
        raise Open311Error(400, f"{name} 最多 {MAX_IDS} 个。")
    return items


def _query(request: Request) -> Query:
    start, end = _param(request, "start_date"), _param(request, "end_date")
    return Query(
        ids=_listed(request, "service_request_id"),
        service_codes=_listed(request, "service_code"),
        start=open311.parse_w3(start, "start_date") if start else None,
        end=open311.parse_w3(end, "end_date") if end else None,
        statuses=_listed(request, "status"),
    )


def _form_values(form: FormData) -> dict[str, str]:
    values: dict[str, str] = {}
    for name, value in form.multi_items():
        if isinstance(value, UploadFile):
            raise Open311Error(400, "不接受文件上传：照片请用 media_url 提供链接。")
        if len(value) > MAX_PARAM or "\x00" in value:
            raise Open311Error(400, f"{name[:40]} 太长或含有不允许的字符。")
        if name in values and not name.startswith("attribute["):
            raise Open311Error(400, f"{name[:40]} 只能出现一次。")
        values.setdefault(name, value)
    return values


def _filing(form: FormData, values: dict[str, str]) -> Filing:
    attributes: list[tuple[str, str]] = []
    for name, value in form.multi_items():
        if not name.startswith("attribute"):
            continue
        match = _ATTRIBUTE.fullmatch(name)
        if match is None or not isinstance(value, str):
            raise Open311Error(400, f"attribute 的写法应为 attribute[code]=value：{name[:40]}")
        attributes.append((match.group(1), value.strip()))

    def get(name: str) -> str | None:
        return values.get(name, "").strip() or None

    return Filing(
        service_code=get("service_code"),
        description=values.get("description") or None,
        lat=get("lat"),
        long=get("long"),
        address_string=get("address_string"),
        address_id=get("address_id"),
        first_name=get("first_name"),
        last_name=get("last_name"),
        phone=get("phone"),
        email=get("email"),
        media_url=get("media_url"),
        attributes=tuple(attributes),
    )


def _case_id(session: Session, number: str) -> int | None:
    return session.scalar(select(Case.id).where(Case.number == number))


def build_router(api: Open311Api) -> APIRouter:
    router = APIRouter()
    router.add_api_route(f"{BASE}/discovery.{{fmt}}", api.discovery, methods=["GET"])
    router.add_api_route(f"{BASE}/services.{{fmt}}", api.services, methods=["GET"])
    router.add_api_route(f"{BASE}/services/{{service_file}}", api.service_definition, methods=["GET"])
    router.add_api_route(f"{BASE}/requests.{{fmt}}", api.requests_get, methods=["GET"])
    router.add_api_route(f"{BASE}/requests.{{fmt}}", api.requests_post, methods=["POST"])
    router.add_api_route(f"{BASE}/requests/{{request_file}}", api.request_one, methods=["GET"])
    router.add_api_route(f"{BASE}/tokens/{{token_file}}", api.token, methods=["GET"])
    return router
