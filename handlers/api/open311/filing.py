"""POST requests.{fmt}: a service request filed by another system, read from its form and idempotent by token."""

from __future__ import annotations

import re
import secrets
from typing import Any

from sqlalchemy.orm import Session
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from cases.interop import api_keys, open311
from cases.interop.open311 import Filing, Open311Error
from handlers.api.open311.gate import MAX_PARAM, Open311Api, api_key, param
from handlers.api.open311.wire import FORMATS, error
from storage.types import utcnow

_ATTRIBUTE = re.compile(r"attribute\[([A-Za-z0-9_]{1,40})\](\[\])?")


async def requests_post(api: Open311Api, request: Request) -> Response:
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
        key = api_key(request, values.get("api_key") or request.query_params.get("api_key"))
        jurisdiction = values.get("jurisdiction_id") or param(request, "jurisdiction_id")
        token = _idempotency_key(request)
        filing = _filing(form, values)
    except Open311Error as exc:
        return error(out, exc)

    def work(session: Session) -> Any:
        client = api.client(session, key, jurisdiction=jurisdiction)
        village = api.find_village(filing.address_string, client.area) if filing.address_string else None
        done = open311.file_request(
            session,
            client=client,
            filing=filing,
            village_code=village,
            token=token,
            policy=api.policy,
            now=utcnow(),
        )
        api_keys.record_use(
            session, client, action="api_file", now=utcnow(), case_id=done.case_id, repeated=done.repeated
        )
        notice = f"已交{done.route_unit_name}办理，首次答复期限 {open311.w3(done.first_response_due)}。"
        return [{"service_request_id": done.number, "service_notice": notice, "account_id": None}]

    return await api.answer(request, fmt, "service_requests", work)


def _idempotency_key(request: Request) -> str:
    given = request.headers.get("idempotency-key")
    if given is None:
        return secrets.token_urlsafe(16)
    if not open311.TOKEN_RE.fullmatch(given):
        raise Open311Error(400, "Idempotency-Key 应为 8 到 64 个字母、数字、- 或 _。")
    return given


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
