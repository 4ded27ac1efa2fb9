"""The step every call shares: the format, the transaction off the event loop, the key and the jurisdiction.

The key comes as the api_key parameter or, for clients that cannot add one to every call, as the password
of HTTP Basic authentication.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
from collections.abc import Callable
from functools import partial
from typing import Any

import anyio.to_thread
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request
from starlette.responses import Response

from cases.intake import ratelimit
from cases.intake.submit import SubmitPolicy
from cases.interop import api_keys
from cases.interop.api_keys import Client
from cases.interop.open311 import Open311Error
from handlers.api.open311.wire import FORMATS, error, render
from handlers.web.page_threads import page_limiter
from storage.db import transaction
from storage.models import County
from storage.types import utcnow

log = logging.getLogger(__name__)

MAX_PARAM = 4100  # the longest field is a 4,000-character description
_COUNTY = re.compile(r"[0-9]{6}")

# Given address_string and the key's area (a code prefix), the 12-digit village code it names, or None.
VillageFinder = Callable[[str, str], str | None]


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


def split_name(name: str) -> tuple[str, str]:
    """'funds.json' -> ('funds', 'json'); a name without a known format gets a 404 from `answer`."""
    stem, _, fmt = name.rpartition(".")
    return (stem, fmt) if stem else (name, "")


def param(request: Request, name: str) -> str | None:
    values = request.query_params.getlist(name)
    if len(values) > 1:
        raise Open311Error(400, f"{name} 只能出现一次。")
    value = values[0] if values else None
    if value is not None and (len(value) > MAX_PARAM or "\x00" in value):
        raise Open311Error(400, f"{name} 不正确。")
    return value or None


def api_key(request: Request, given: str | None) -> str | None:
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
