"""The keyed reads of service requests: the list with its filters, one request, and a token's request."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from cases.interop import api_keys, open311
from cases.interop.api_keys import Client
from cases.interop.open311 import Open311Error, Query
from handlers.api.open311.gate import MAX_PARAM, Open311Api, api_key, param, split_name
from handlers.api.open311.wire import FORMATS, error
from storage.models.cases import Case
from storage.types import utcnow

MAX_IDS = 100


async def read(
    api: Open311Api,
    request: Request,
    fmt: str,
    look: Callable[[Session, Client, Any], list[Any]],
    parse: Callable[[], Any] = lambda: None,
) -> Response:
    """A keyed read of service requests: the key, the jurisdiction and then `parse` (the query) checked
    before any work; `look` runs in a transaction with the key's client and what `parse` gave."""
    try:
        key, jurisdiction = api_key(request, request.query_params.get("api_key")), param(request, "jurisdiction_id")
        parsed = parse()
    except Open311Error as exc:
        return error(fmt if fmt in FORMATS else "json", exc)
    return await api.answer(
        request,
        fmt,
        "service_requests",
        lambda session: look(session, api.client(session, key, jurisdiction=jurisdiction), parsed),
    )


async def requests_get(api: Open311Api, request: Request) -> Response:
    def look(session: Session, client: Client, query: Any) -> list[Any]:
        found = open311.find(session, client, query, now=utcnow())
        numbers = [r["service_request_id"] for r in found]
        api_keys.record_use(session, client, action="api_read", now=utcnow(), count=len(found), ids=numbers[:50])
        return found

    return await read(api, request, request.path_params["fmt"], look, partial(_query, request))


async def request_one(api: Open311Api, request: Request) -> Response:
    number, fmt = split_name(request.path_params["request_file"])

    def look(session: Session, client: Client, _parsed: None) -> list[Any]:
        found = open311.one(session, client, number)
        api_keys.record_use(session, client, action="api_read", now=utcnow(), case_id=_case_id(session, number))
        return [found]

    return await read(api, request, fmt, look)


async def token(api: Open311Api, request: Request) -> Response:
    given, fmt = split_name(request.path_params["token_file"])

    def look(session: Session, client: Client, _parsed: None) -> list[Any]:
        found = open311.by_token(session, client, given)
        api_keys.record_use(session, client, action="api_token", now=utcnow(), token=given)
        return [found]

    return await read(api, request, fmt, look)


def _listed(request: Request, name: str) -> tuple[str, ...]:
    raw = ",".join(request.query_params.getlist(name))
    if len(raw) > MAX_PARAM or "\x00" in raw:
        raise Open311Error(400, f"{name} 不正确。")
    items = tuple(dict.fromkeys(p.strip() for p in raw.split(",") if p.strip()))
    if len(items) > MAX_IDS:
        raise Open311Error(400, f"{name} 最多 {MAX_IDS} 个。")
    return items


def _query(request: Request) -> Query:
    start, end = param(request, "start_date"), param(request, "end_date")
    return Query(
        ids=_listed(request, "service_request_id"),
        service_codes=_listed(request, "service_code"),
        start=open311.parse_w3(start, "start_date") if start else None,
        end=open311.parse_w3(end, "end_date") if end else None,
        statuses=_listed(request, "status"),
    )


def _case_id(session: Session, number: str) -> int | None:
    return session.scalar(select(Case.id).where(Case.number == number))
