"""The real WechatApi, on wechatpy's WeChatClient, with the access token shared through the database.

Every call is blocking HTTP. From async code run it in a worker thread:
`await anyio.to_thread.run_sync(functools.partial(api.send_text, openid=o, text=t))`
(or starlette.concurrency.run_in_threadpool). The client is thread-safe: each thread gets its own
wechatpy client (and requests.Session); `close()` closes them all.

The token lives in the `wechat_tokens` table. A refresh takes a lock first (a PostgreSQL advisory
lock plus SELECT ... FOR UPDATE; SQLite's BEGIN IMMEDIATE serialises writers) and re-reads the row,
so processes and threads never refresh against each other.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar

import requests
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker
from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException
from wechatpy.session import SessionStorage

from config.settings import Settings
from storage.db import make_engine, make_sessionmaker, transaction
from storage.repos import tokens
from storage.types import utcnow
from wechat.api import Media, QrTicket, WechatApiError, WechatUnavailable, error_for

T = TypeVar("T")

TIMEOUT_S = 10.0
# Refresh this long before WeChat's expiry, so a token is never used in its last minutes.
EXPIRY_MARGIN = timedelta(minutes=5)
MAX_SCENE_LEN = 64
MAX_TEMP_QR_S = 2_592_000  # 30 days, WeChat's limit for a temporary code


def api_base_url(settings_base: str) -> str:
    """The wechatpy API base for QF_WECHAT_API_BASE, e.g. https://api.weixin.qq.com/cgi-bin/."""
    return settings_base.rstrip("/") + "/cgi-bin/"


class TokenStore:
    """The access token: an in-process copy in front of the shared database row."""

    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        appid: str,
        fetch: Callable[[], tuple[str, int]],
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._appid = appid
        self._fetch = fetch
        self._clock = clock
        self._mutex = threading.Lock()
        self._cached: tuple[str, datetime] | None = None
        self._lock_key = zlib.crc32(f"qingfeng-wechat-token:{appid}".encode())

    def _usable(self, expires_at: datetime) -> bool:
        return expires_at - self._clock() > EXPIRY_MARGIN

    def peek(self) -> str | None:
        """A usable token if one is stored, without refreshing."""
        cached = self._cached
        if cached is not None and self._usable(cached[1]):
            return cached[0]
        with transaction(self._sessions) as session:
            row = tokens.get(session, appid=self._appid)
            found = None if row is None else (row.access_token, row.expires_at)
        if found is not None and self._usable(found[1]):
            self._cached = found
            return found[0]
        return None

    def token(self) -> str:
        """A usable token, refreshing it (once, across processes) when needed."""
        return self.peek() or self.refresh(stale=None)

    def refresh(self, *, stale: str | None) -> str:
        """Fetch a new token unless another thread or process already replaced `stale`."""
        with self._mutex, transaction(self._sessions) as session:
            if session.get_bind().dialect.name == "postgresql":
                # FOR UPDATE cannot lock a row that does not exist yet; the advisory lock can.
                session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": self._lock_key})
            row = tokens.get(session, appid=self._appid, for_update=True)
            if row is not None and row.access_token != stale and self._usable(row.expires_at):
                self._cached = (row.access_token, row.expires_at)
                return row.access_token
            token, expires_in = self._fetch()
            now = self._clock()
            expires_at = now + timedelta(seconds=expires_in)
            tokens.put(session, appid=self._appid, token=token, expires_at=expires_at, now=now)
        self._cached = (token, expires_at)
        return token

    def save(self, token: str, expires_in: int) -> None:
        now = self._clock()
        expires_at = now + timedelta(seconds=expires_in)
        with transaction(self._sessions) as session:
            tokens.put(session, appid=self._appid, token=token, expires_at=expires_at, now=now)
        self._cached = (token, expires_at)

    def clear(self) -> None:
        with transaction(self._sessions) as session:
            tokens.clear(session, appid=self._appid)
        self._cached = None


class DbSessionStorage(SessionStorage):  # type: ignore[misc]
    """wechatpy's token storage, backed by the TokenStore so wechatpy never keeps its own copy."""

    def __init__(self, store: TokenStore) -> None:
        self._store = store

    def get(self, key: str, default: Any = None) -> Any:
        return self._store.peek() or default if key.endswith("_access_token") else default

    def set(self, key: str, value: Any, ttl: int | None = None) -> None:
        if key.endswith("_access_token"):
            self._store.save(str(value), int(ttl or 7200))

    def delete(self, key: str) -> None:
        if key.endswith("_access_token"):
            self._store.clear()


class _WxClient(WeChatClient):  # type: ignore[misc]
    """WeChatClient whose every URL honours the configured base and whose token is the store's."""

    def __init__(self, *, appid: str, secret: str, base: str, store: TokenStore) -> None:
        super().__init__(appid, secret, session=DbSessionStorage(store), timeout=TIMEOUT_S, auto_retry=False)
        self.API_BASE_URL = base  # instance attribute: _request reads self.API_BASE_URL
        self._store = store
        self.pinned_token: str | None = None

    @property
    def access_token(self) -> str:
        return self.pinned_token or self._store.token()

    def fetch_access_token(self) -> dict[str, Any]:
        token = self._store.refresh(stale=self.pinned_token)
        return {"access_token": token}


class WechatClient:
    """WechatApi over HTTP. Use as a context manager, or call close()."""

    def __init__(
        self,
        *,
        appid: str,
        secret: str,
        api_base: str,
        sessions: sessionmaker[Session],
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.appid = appid
        self._secret = secret
        self._base = api_base_url(api_base)
        self._local = threading.local()
        self._clients: list[_WxClient] = []
        self._clients_lock = threading.Lock()
        self.store = TokenStore(sessions=sessions, appid=appid, fetch=self._fetch_token, clock=clock)

    # -- plumbing --------------------------------------------------------------------------

    def _client(self) -> _WxClient:
        client: _WxClient | None = getattr(self._local, "client", None)
        if client is None:
            client = _WxClient(appid=self.appid, secret=self._secret, base=self._base, store=self.store)
            self._local.client = client
            with self._clients_lock:
                self._clients.append(client)
        return client

    def close(self) -> None:
        with self._clients_lock:
            clients, self._clients = self._clients, []
        for client in clients:
            client._http.close()
        self._local = threading.local()

    def __enter__(self) -> WechatClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _fetch_token(self) -> tuple[str, int]:
        """GET {base}token. Called by the TokenStore while it holds the refresh lock."""
        params = {"grant_type": "client_credential", "appid": self.appid, "secret": self._secret}
        try:
            res = self._client()._http.get(self._base + "token", params=params, timeout=TIMEOUT_S)
            res.raise_for_status()
            result = res.json()
        except (requests.RequestException, ValueError) as exc:
            raise WechatUnavailable(f"token request failed: {type(exc).__name__}") from exc
        _raise_for_errcode(result)
        return str(result["access_token"]), int(result.get("expires_in", 7200))

    def _once(self, fn: Callable[[_WxClient], T], token: str) -> T:
        client = self._client()
        client.pinned_token = token
        try:
            return fn(client)
        except WeChatClientException as exc:
            if exc.errcode is None:
                status = getattr(exc.response, "status_code", "?")
                raise WechatUnavailable(f"HTTP {status}") from exc
            raise error_for(int(exc.errcode), str(exc.errmsg)) from exc
        except requests.RequestException as exc:
            raise WechatUnavailable(f"request failed: {type(exc).__name__}") from exc
        finally:
            client.pinned_token = None

    def _call(self, fn: Callable[[_WxClient], T]) -> T:
        """Call with the current token; on 40001/40014/42001 refresh it once and retry once."""
        token = self.store.token()
        try:
            return self._once(fn, token)
        except WechatApiError as exc:
            if not exc.token_problem:
                raise
        return self._once(fn, self.store.refresh(stale=token))

    # -- WechatApi -------------------------------------------------------------------------

    def access_token(self) -> str:
        return self.store.token()

    def send_text(self, *, openid: str, text: str) -> None:
        self._call(lambda c: c.message.send_text(openid, text))

    def send_template(self, *, openid: str, template_id: str, data: dict[str, Any], url: str | None) -> None:
        self._call(lambda c: c.message.send_template(openid, template_id, data, url=url))

    def download_media(self, *, media_id: str) -> Media:
        # Not via wechatpy's media.download: it sniffs every body as JSON, so binary media that
        # happens to parse (e.g. b"12") would come back as a number instead of a Response.
        def get(client: _WxClient) -> Media:
            res = client._http.get(
                self._base + "media/get",
                params={"access_token": client.access_token, "media_id": media_id},
                timeout=TIMEOUT_S,
            )
            res.raise_for_status()
            content_type = res.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if content_type in {"application/json", "text/plain"}:
                _raise_for_errcode(res.json())
                raise WechatApiError(47001, "media/get answered JSON without media (video media is not supported)")
            return Media(content=res.content, content_type=content_type or "application/octet-stream")

        return self._call(get)

    def create_qr_scene(self, *, scene: str) -> QrTicket:
        if not 1 <= len(scene) <= MAX_SCENE_LEN:
            raise ValueError(f"scene must be 1..{MAX_SCENE_LEN} characters")
        body = {"action_name": "QR_LIMIT_STR_SCENE", "action_info": {"scene": {"scene_str": scene}}}
        result: dict[str, Any] = self._call(lambda c: c.qrcode.create(body))
        return QrTicket(ticket=str(result["ticket"]), url=str(result["url"]))

    def create_temp_qr_scene(self, *, scene: str, expire_seconds: int) -> QrTicket:
        if not 1 <= len(scene) <= MAX_SCENE_LEN:
            raise ValueError(f"scene must be 1..{MAX_SCENE_LEN} characters")
        if not 60 <= expire_seconds <= MAX_TEMP_QR_S:
            raise ValueError(f"expire_seconds must be 60..{MAX_TEMP_QR_S}")
        body = {
            "expire_seconds": expire_seconds,
            "action_name": "QR_STR_SCENE",
            "action_info": {"scene": {"scene_str": scene}},
        }
        result: dict[str, Any] = self._call(lambda c: c.qrcode.create(body))
        return QrTicket(ticket=str(result["ticket"]), url=str(result["url"]))

    def create_menu(self, *, menu: dict[str, Any]) -> None:
        self._call(lambda c: c.menu.create(menu))


def _raise_for_errcode(result: Any) -> None:
    if not isinstance(result, dict):
        raise WechatUnavailable("unexpected answer from WeChat")
    errcode = int(result.get("errcode", 0) or 0)
    if errcode != 0:
        raise error_for(errcode, str(result.get("errmsg", "")))


def make_api(settings: Settings, *, sessions: sessionmaker[Session] | None = None) -> WechatClient:
    """The real client (a WechatApi) for these settings; pass the runtime's sessions to share its engine."""
    if sessions is None:
        sessions = make_sessionmaker(make_engine(settings.database_url))
    return WechatClient(
        appid=settings.wechat_appid,
        secret=settings.wechat_appsecret,
        api_base=settings.wechat_api_base,
        sessions=sessions,
    )
