"""A stand-in for WeChat's HTTP API on loopback, for tests, dev and demos (the machine may be offline).

It speaks the real JSON of the endpoints Qingfeng uses, checks access tokens (40001 for unknown,
42001 for expired ones), records every call and lets a caller inject errors. It also keeps each
villager's chat (kefu and template messages it accepted, plus lines the dev phone adds through the
side door under /standin/), so a local run can show what a villager would receive::

    with StandinWechat() as wx:
        settings = Settings(wechat_api_base=wx.url, wechat_appid=wx.appid, wechat_appsecret=wx.secret)
        wx.fail(45015, openid="o-far-away")          # this villager is outside the 48 h window
        wx.fail(40164)                               # every call: the IP is not whitelisted
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

PERMANENT_QR_LIMIT = 100_000
# Paths under this belong to the dev phone's side door, not to WeChat's API.
CONTROL_PREFIX = "/standin/"
# The stand-in's code for "too many permanent QR codes".
QR_LIMIT_ERRCODE = 45029

ERRMSG: dict[int, str] = {
    -1: "system error",
    40001: "invalid credential, access_token is invalid or not latest",
    40002: "invalid grant_type",
    40003: "invalid openid",
    40007: "invalid media_id",
    40013: "invalid appid",
    40037: "invalid template_id",
    40125: "invalid appsecret",
    40164: "invalid ip 127.0.0.1 ipv6 ::ffff:127.0.0.1, not in whitelist",
    41001: "access_token missing",
    42001: "access_token expired",
    43001: "require GET method",
    43002: "require POST method",
    43004: "require subscribe",
    45015: "response out of time limit or subscription is canceled",
    45029: "qrcode count out of limit",
    45047: "out of response count limit",
    47001: "data format error",
}


@dataclass(frozen=True)
class Call:
    method: str
    path: str  # without the /cgi-bin/ prefix, e.g. "message/custom/send"
    params: dict[str, str]
    body: Any  # the decoded JSON body, or None
    errcode: int  # what the stand-in answered (0 for success)

    @property
    def openid(self) -> str | None:
        if isinstance(self.body, dict):
            touser = self.body.get("touser")
            return touser if isinstance(touser, str) else None
        return None


@dataclass
class Rule:
    errcode: int
    path: str | None = None
    openid: str | None = None
    times: int | None = None  # None: for ever

    def matches(self, path: str, openid: str | None) -> bool:
        if self.times is not None and self.times <= 0:
            return False
        if self.path is not None and self.path != path:
            return False
        return self.openid is None or self.openid == openid


@dataclass(frozen=True)
class ChatLine:
    """One line of a villager's chat as WeChat would show it (the dev phone reads these)."""

    seq: int
    openid: str
    kind: str  # "in" (the villager), "reply" (passive reply), "kefu", "template"
    text: str
    at: float  # unix time

    def as_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "kind": self.kind, "text": self.text, "at": self.at}


CHAT_KINDS = frozenset({"in", "reply", "kefu", "template"})
# The newest lines kept per stand-in; a long dev session must not grow without bound.
CHAT_KEEP = 5000


@dataclass
class _State:
    tokens: dict[str, float] = field(default_factory=dict)  # token -> expires (monotonic)
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    qr_tickets: dict[str, str] = field(default_factory=dict)  # scene -> ticket
    temp_qr: dict[str, str] = field(default_factory=dict)  # ticket -> scene, temporary codes
    menu: dict[str, Any] | None = None
    rules: list[Rule] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    chat: list[ChatLine] = field(default_factory=list)


class StandinWechat:
    """A real HTTP server in a daemon thread. `url` is the API base (use as QF_WECHAT_API_BASE)."""

    def __init__(
        self,
        *,
        appid: str = "wx0000000000000000",
        secret: str = "standin-secret",  # noqa: S107 - a stand-in, not a credential
        host: str = "127.0.0.1",
        port: int = 0,
        token_ttl: int = 7200,
        token_delay: float = 0.0,
        qr_limit: int = PERMANENT_QR_LIMIT,
    ) -> None:
        self.appid = appid
        self.secret = secret
        self.token_ttl = token_ttl
        self.token_delay = token_delay  # seconds the token endpoint takes (to provoke races)
        self.qr_limit = qr_limit
        self._lock = threading.Lock()
        self._state = _State()
        self._server = ThreadingHTTPServer((host, port), _make_handler(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> StandinWechat:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever, args=(0.05,), name="wechat-standin", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> StandinWechat:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- test controls ---------------------------------------------------------------------

    def fail(
        self, errcode: int, *, path: str | None = None, openid: str | None = None, times: int | None = None
    ) -> Rule:
        """Answer `errcode` to matching calls (all paths / all openids when None), `times` times."""
        rule = Rule(errcode=errcode, path=path, openid=openid, times=times)
        with self._lock:
            self._state.rules.append(rule)
        return rule

    def clear_failures(self) -> None:
        with self._lock:
            self._state.rules.clear()

    def add_media(self, media_id: str, content: bytes, content_type: str = "image/jpeg") -> None:
        with self._lock:
            self._state.media[media_id] = (content, content_type)

    def expire_tokens(self) -> None:
        """Every issued token is now expired (42001)."""
        with self._lock:
            for token in self._state.tokens:
                self._state.tokens[token] = 0.0

    def revoke_tokens(self) -> None:
        """Forget every issued token (40001), as when another party refreshed it."""
        with self._lock:
            self._state.tokens.clear()

    @property
    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._state.calls)

    def calls_to(self, path: str) -> list[Call]:
        return [c for c in self.calls if c.path == path]

    def note(self, openid: str, kind: str, text: str) -> ChatLine:
        """Add a line the API itself never sees (the villager's own message, a passive reply)."""
        if kind not in CHAT_KINDS:
            raise ValueError(f"unknown chat line kind {kind!r}")
        with self._lock:
            seq = self._state.chat[-1].seq + 1 if self._state.chat else 1
            line = ChatLine(seq=seq, openid=openid, kind=kind, text=text, at=time.time())
            self._state.chat.append(line)
            del self._state.chat[:-CHAT_KEEP]
        return line

    def chat(self, openid: str, *, after: int = 0) -> list[ChatLine]:
        """What this villager's WeChat shows, oldest first: lines numbered above `after`."""
        with self._lock:
            return [line for line in self._state.chat if line.openid == openid and line.seq > after]

    @property
    def menu(self) -> dict[str, Any] | None:
        with self._lock:
            return self._state.menu

    @property
    def qr_count(self) -> int:
        with self._lock:
            return len(self._state.qr_tickets)

    # -- request handling (called from server threads) ---------------------------------------

    def handle(self, method: str, raw_path: str, body: bytes, content_type: str = "") -> tuple[int, str, bytes]:
        """Answer one request: (HTTP status, content type, body)."""
        parts = urlsplit(raw_path)
        params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        if parts.path.startswith(CONTROL_PREFIX):
            return self._control(method, parts.path.removeprefix(CONTROL_PREFIX), params, body, content_type)
        path = parts.path.removeprefix("/cgi-bin/") if parts.path.startswith("/cgi-bin/") else None
        data: Any = None
        if body:
            try:
                data = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                data = ...
        result = self._dispatch(method, path, params, data)
        errcode = int(result.get("errcode", 0)) if isinstance(result, dict) else 0
        with self._lock:
            self._state.calls.append(Call(method, path or parts.path, params, None if data is ... else data, errcode))
        if isinstance(result, tuple):
            content, content_type = result
            return 200, content_type, content
        return 200, "application/json; encoding=utf-8", json.dumps(result, ensure_ascii=False).encode("utf-8")

    def _control(
        self, method: str, path: str, params: dict[str, str], body: bytes, content_type: str
    ) -> tuple[int, str, bytes]:
        """The dev phone's side door (not WeChat's API, so not recorded in `calls`)."""
        result: Any
        if method == "GET" and path == "chat":
            after = params.get("after", "0")
            openid = params.get("openid", "")
            if not openid or not after.isdigit():
                return _json(400, {"error": "openid and a numeric after are required"})
            result = {"lines": [line.as_json() for line in self.chat(openid, after=int(after))]}
        elif method == "POST" and path == "chat":
            try:
                data = json.loads(body.decode("utf-8"))
                line = self.note(str(data["openid"]), str(data["kind"]), str(data["text"]))
            except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
                return _json(400, {"error": f"bad chat line: {exc}"})
            result = line.as_json()
        elif method == "POST" and path == "media":
            if not body or not content_type.startswith("image/"):
                return _json(400, {"error": "an image body is required"})
            media_id = "standin-" + secrets.token_urlsafe(24)
            self.add_media(media_id, body, content_type.split(";")[0].strip())
            result = {"media_id": media_id}
        else:
            return _json(404, {"error": "no such control endpoint"})
        return _json(200, result)

    def _dispatch(
        self, method: str, path: str | None, params: dict[str, str], data: Any
    ) -> dict[str, Any] | tuple[bytes, str]:
        route = _ROUTES.get(path or "")
        if route is None:
            return _err(404 if path is None else 48001)
        want_method, needs_token, fn = route
        if method != want_method:
            return _err(43001 if want_method == "GET" else 43002)
        openid = data.get("touser") if isinstance(data, dict) else None
        injected = self._injected(path or "", openid if isinstance(openid, str) else None)
        if injected is not None:
            return _err(injected)
        if needs_token:
            problem = self._check_token(params.get("access_token"))
            if problem:
                return _err(problem)
        if data is ...:
            return _err(47001)
        return fn(self, params, data)

    def _injected(self, path: str, openid: str | None) -> int | None:
        with self._lock:
            for rule in self._state.rules:
                if rule.matches(path, openid):
                    if rule.times is not None:
                        rule.times -= 1
                    return rule.errcode
        return None

    def _check_token(self, token: str | None) -> int:
        if not token:
            return 41001
        with self._lock:
            expires = self._state.tokens.get(token)
        if expires is None:
            return 40001
        return 42001 if expires <= time.monotonic() else 0

    def _token(self, params: dict[str, str], _data: Any) -> dict[str, Any]:
        if params.get("grant_type") != "client_credential":
            return _err(40002)
        if params.get("appid") != self.appid:
            return _err(40013)
        if params.get("secret") != self.secret:
            return _err(40125)
        if self.token_delay:
            time.sleep(self.token_delay)
        token = "standin-" + secrets.token_urlsafe(24)
        with self._lock:
            self._state.tokens[token] = time.monotonic() + self.token_ttl
        return {"access_token": token, "expires_in": self.token_ttl}

    def _custom_send(self, _params: dict[str, str], data: Any) -> dict[str, Any]:
        if not isinstance(data, dict) or not data.get("touser") or "msgtype" not in data:
            return _err(47001)
        self.note(str(data["touser"]), "kefu", _kefu_text(data))
        return _ok()

    def _template_send(self, _params: dict[str, str], data: Any) -> dict[str, Any]:
        if not isinstance(data, dict) or not data.get("touser") or not data.get("template_id"):
            return _err(47001)
        self.note(str(data["touser"]), "template", _template_text(data))
        return {**_ok(), "msgid": secrets.randbelow(10**12)}

    def _media_get(self, params: dict[str, str], _data: Any) -> dict[str, Any] | tuple[bytes, str]:
        with self._lock:
            found = self._state.media.get(params.get("media_id", ""))
        return found if found is not None else _err(40007)

    def _qrcode_create(self, _params: dict[str, str], data: Any) -> dict[str, Any]:
        if isinstance(data, dict) and data.get("action_name") == "QR_STR_SCENE":
            return self._temp_qrcode(data)
        if not isinstance(data, dict) or data.get("action_name") != "QR_LIMIT_STR_SCENE":
            return _err(47001)
        scene = data.get("action_info", {}).get("scene", {}).get("scene_str")
        if not isinstance(scene, str) or not 1 <= len(scene) <= 64:
            return _err(47001)
        with self._lock:
            ticket = self._state.qr_tickets.get(scene)
            if ticket is None:
                if len(self._state.qr_tickets) >= self.qr_limit:
                    return _err(QR_LIMIT_ERRCODE)
                ticket = "gQ" + secrets.token_urlsafe(36)
                self._state.qr_tickets[scene] = ticket
        # Permanent codes carry no expire_seconds.
        return {"ticket": ticket, "url": f"http://weixin.qq.com/q/{ticket[2:26]}"}

    def _temp_qrcode(self, data: dict[str, Any]) -> dict[str, Any]:
        """A temporary code: a new ticket every time, not counted against the permanent codes' limit."""
        scene = data.get("action_info", {}).get("scene", {}).get("scene_str")
        expire = data.get("expire_seconds")
        if not isinstance(scene, str) or not 1 <= len(scene) <= 64:
            return _err(47001)
        if not isinstance(expire, int) or not 60 <= expire <= 2_592_000:
            return _err(47001)
        ticket = "gQ" + secrets.token_urlsafe(36)
        with self._lock:
            self._state.temp_qr[ticket] = scene
        return {"ticket": ticket, "expire_seconds": expire, "url": f"http://weixin.qq.com/q/{ticket[2:26]}"}

    def temp_qr_scene(self, ticket: str) -> str | None:
        """The scene behind a temporary code's ticket (what a scan of it would carry)."""
        with self._lock:
            return self._state.temp_qr.get(ticket)

    def _menu_create(self, _params: dict[str, str], data: Any) -> dict[str, Any]:
        if not isinstance(data, dict) or not isinstance(data.get("button"), list):
            return _err(47001)
        with self._lock:
            self._state.menu = data
        return _ok()


_Route = tuple[str, bool, Callable[[StandinWechat, dict[str, str], Any], "dict[str, Any] | tuple[bytes, str]"]]
_ROUTES: dict[str, _Route] = {
    "token": ("GET", False, StandinWechat._token),
    "message/custom/send": ("POST", True, StandinWechat._custom_send),
    "message/template/send": ("POST", True, StandinWechat._template_send),
    "media/get": ("GET", True, StandinWechat._media_get),
    "qrcode/create": ("POST", True, StandinWechat._qrcode_create),
    "menu/create": ("POST", True, StandinWechat._menu_create),
}


def _kefu_text(data: dict[str, Any]) -> str:
    msgtype = str(data["msgtype"])
    body = data.get(msgtype)
    if msgtype == "text" and isinstance(body, dict):
        return str(body.get("content", ""))
    return f"[{msgtype}]"


def _template_text(data: dict[str, Any]) -> str:
    """A template message as the villager reads it: its fields' values in order, then the link."""
    fields = data.get("data")
    values = (
        [str(v.get("value", "")) for v in fields.values() if isinstance(v, dict)] if isinstance(fields, dict) else []
    )
    url = data.get("url")
    return "\n".join([v for v in values if v] + ([f"详情：{url}"] if url else []))


def _json(status: int, result: Any) -> tuple[int, str, bytes]:
    return status, "application/json; charset=utf-8", json.dumps(result, ensure_ascii=False).encode("utf-8")


def _ok() -> dict[str, Any]:
    return {"errcode": 0, "errmsg": "ok"}


def _err(errcode: int) -> dict[str, Any]:
    msg = ERRMSG.get(errcode, "invalid request")
    return {"errcode": errcode, "errmsg": f"{msg} rid: {secrets.token_hex(4)}-{secrets.token_hex(4)}"}


def _make_handler(standin: StandinWechat) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "WechatStandin/1.0"

        def _answer(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            status, content_type, payload = standin.handle(
                method, self.path, body, self.headers.get("Content-Type") or ""
            )
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:
            self._answer("GET")

        def do_POST(self) -> None:
            self._answer("POST")

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output quiet; calls are recorded instead

    return Handler
