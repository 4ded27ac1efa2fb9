"""No request ever gets a 500; bad input gets a clear error.

The sweep enumerates every route of the real app (`app.routes`, included routers expanded) and every
method each declares, and sends it junk: path parameters (a valid value, then "0", "-1", huge numbers,
"abc", 300 characters, NUL, "../etc/passwd", Chinese, invalid UTF-8 …), query strings (long values,
invalid UTF-8 percent-encodings, repeated parameters, huge integers, negative sizes, malformed dates, bad
sort keys), POST bodies with and without the CSRF token, wrong content types, invalid multipart and
oversized bodies, and every form found on the pages it visits, filled with junk. Every route also gets
cookies and CSRF tokens (and the H5 form's signed photo keys) in text that is not ASCII, which once made
the constant-time comparison raise. It does so anonymously, as a villager on the H5 pages and as each
staff role (city, county_discipline, department, town, admin).

The database is up during the sweep, so no response may be 5xx at all (the deliberate 503 for an
unavailable database cannot apply), nothing may be logged at ERROR (the edges' last-resort guards turn
a bug into a 503 page and log it), no body may look like a stack trace, and a 400/413/422 page shown
to a person must say in Chinese what was wrong. A new route is covered without editing this file: only
valid values of path parameters are named here, and an unknown parameter still gets every junk value.

Requests go straight to the ASGI app (raw bytes for path, query and body, as a server would pass them),
which is what makes thousands of them affordable. SQLite gets the whole sweep; PostgreSQL, which refuses
some text SQLite stores (NUL, strings longer than the column), the junk that reaches SQL, as the city
and the administrator.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlencode, urlsplit

import httpx
import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from cases.evidence.media_store import FileMediaStore
from cases.staff.accounts import create_user
from handlers.h5 import limits as h5_limits
from handlers.web.params import whole
from storage.db import make_sessionmaker, transaction
from storage.models import Village
from storage.models.cases import CaseEvidence
from storage.models.kb import KbDraft
from storage.models.staff import StaffUser
from storage.repos import inquiries
from storage.types import utcnow
from tests.cases_support import KEYS, VILLAGE, report, submit_once
from tests.h5_support import png_bytes, seed
from tests.staff_support import PASSWORD
from tests.webhook_support import AES_KEY, APPID, TOKEN, Sender, event_xml, make_client, text_xml
from wechat.crypto import SafeMode, sha1_signature

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# One login per role; the administrator goes last, since its forms lock and reset other accounts.
ROLES = {
    "city": "city",
    "county_discipline": "jw_huzhu",
    "department": "nync_huzhu",
    "town": "town_wushi",
    "admin": "admin",
}
MEDIA_MAX_BYTES = 64 * 1024  # so that an oversized H5 upload is cheap to send

# Junk for a path segment, as it appears on the wire.
JUNK_SEGMENTS = (
    "0",
    "-1",
    "999999999999",
    "99999999999999999999999999999999",
    "9" * 5000,  # past Python's int() digit limit
    "abc",
    "x" * 300,
    "%00",
    "..%2F..%2Fetc%2Fpasswd",
    quote("中文村"),
    quote("²"),  # str.isdigit() says yes, int() says no
    "%FF%FE",
    "1.5",
)
# Junk for query values, as they appear on the wire.
RAW_QUERY_JUNK = (
    "",
    quote("长" * 3000),
    "%FF%FE%FD",
    "99999999999999999999999999999999",
    "9" * 5000,
    "-1",
    "-99999999999999999999",
    "2026-13-45",
    "0000-00-00",
    "%00",
    quote("中文'\"<script>"),
    quote("²"),
    "1e309",
    "nan",
    "..%2F..%2Fetc%2Fpasswd",
)
# Junk for form values (plain text, encoded when sent).
FORM_JUNK = (
    "",
    "长" * 3000,
    "99999999999999999999999999999999",
    "9" * 5000,
    "-1",
    "2026-13-45",
    "\x00",
    "中文'\"<script>",
    "²",
    "1e309",
    "nan",
    "../../etc/passwd",
)
JUNK_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"range", "bytes=abc-²".encode()),
    (b"range", b"bytes=5-2"),
    (b"range", b"bytes=-0"),
    (b"range", b"bytes=" + b"9" * 5000 + b"-"),
    (b"range", b"bytes=-99999999999999999999999"),
    (b"cookie", b"qf_admin=%FF\xff; qf_dev=../../x; qf_login=" + b"a" * 3000),
    (b"user-agent", b"MicroMessenger \xff\xfe"),
    (b"content-length", b"-1"),
    (b"content-length", b"\xb2"),
    (b"content-length", b"9" * 5000),
)
# Query keys tried on every GET besides those found in the pages' links and forms.
COMMON_KEYS = (
    "q",
    "page",
    "limit",
    "size",
    "sort",
    "order",
    "dir",
    "status",
    "category",
    "county",
    "town",
    "village",
    "unit",
    "from",
    "to",
    "days",
    "year",
    "cursor",
    "after",
    "overdue",
    "bulk",
    "id",
)
STACK_MARKERS = ("Traceback (most recent call last)", "Internal Server Error", 'File "/', "sqlalchemy.", "psycopg.")
CJK = re.compile(r"[\u4e00-\u9fff]")


# -- routes --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    path: str  # the route's template, e.g. /admin/cases/{case_id}
    methods: tuple[str, ...]

    @property
    def params(self) -> list[str]:
        return re.findall(r"\{(\w+)(?::\w+)?\}", self.path)

    def url(self, values: dict[str, str]) -> str:
        return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: values.get(m.group(1), "1"), self.path)


def endpoints(routes: list[Any], prefix: str = "") -> Iterator[Endpoint]:
    """Every HTTP route of the app, whatever router or mount it sits in."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:  # FastAPI's include_router wrapper
            yield from endpoints(inner.routes, prefix + route.include_context.prefix)
            continue
        path = getattr(route, "path", None)
        if path is None:
            continue
        methods = getattr(route, "methods", None)
        if methods is None and hasattr(route, "routes"):  # a Mount
            yield from endpoints(route.routes, prefix + path)
        elif methods:
            yield Endpoint(prefix + path, tuple(sorted(methods)))


# -- talking to the app --------------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def html(self) -> bool:
        return self.headers.get("content-type", "").startswith("text/html")


class Driver:
    """Raw ASGI requests: the path, query and body bytes exactly as given (no client-side cleaning)."""

    def __init__(self, app: Any, portal: BlockingPortal) -> None:
        self.app, self.portal = app, portal

    def request(
        self, method: str, target: str, *, headers: list[tuple[bytes, bytes]] | None = None, body: bytes = b""
    ) -> Reply:
        return self.portal.call(self._request, method, target, headers or [], body)

    async def _request(self, method: str, target: str, headers: list[tuple[bytes, bytes]], body: bytes) -> Reply:
        raw_path, _, query = target.partition("?")
        names = {k for k, _ in headers}
        if body and b"content-length" not in names:
            headers = [*headers, (b"content-length", str(len(body)).encode())]
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": unquote(raw_path),
            "raw_path": raw_path.encode(),
            "root_path": "",
            "query_string": query.encode(),
            "headers": [(b"host", b"testserver"), *headers],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
            "extensions": {},
            "state": {},
        }
        sent = False
        out: dict[str, Any] = {"status": 0, "headers": {}, "body": []}

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            await asyncio.sleep(3600)
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                out["status"] = message["status"]
                out["headers"] = {k.decode().lower(): v.decode("latin-1") for k, v in message.get("headers", [])}
            elif message["type"] == "http.response.body":
                out["body"].append(message.get("body", b""))

        await self.app(scope, receive, send)
        return Reply(out["status"], out["headers"], b"".join(out["body"]))


def encoded(**kwargs: Any) -> tuple[list[tuple[bytes, bytes]], bytes]:
    """Headers and body of a request as httpx would encode `data=`, `files=`, `json=`."""
    request = httpx.Request("POST", "http://testserver/", **kwargs)
    body = request.read()
    headers = [(b"content-type", request.headers["content-type"].encode())] if "content-type" in request.headers else []
    return headers, body


FORM = (b"content-type", b"application/x-www-form-urlencoded")


@dataclass
class Problem:
    who: str
    method: str
    target: str
    label: str
    outcome: str

    def __str__(self) -> str:
        return f"{self.who}: {self.method} {self.target[:150]} [{self.label[:80]}] -> {self.outcome}"


class ErrorLog(logging.Handler):
    """Every record at ERROR or above, whichever logger it came through."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if all(r is not record for r in self.records):
            self.records.append(record)


@contextmanager
def logged_errors() -> Iterator[ErrorLog]:
    """Collect ERROR records from the root logger and from "qingfeng" (which may not propagate)."""
    errors = ErrorLog()
    loggers = [logging.getLogger(), logging.getLogger("qingfeng")]
    for lg in loggers:
        lg.addHandler(errors)
    try:
        yield errors
    finally:
        for lg in loggers:
            lg.removeHandler(errors)


@dataclass
class Sweep:
    driver: Driver
    errors: ErrorLog
    problems: list[Problem] = field(default_factory=list)
    sent: int = 0

    def send(
        self,
        who: str,
        cookie: bytes,
        method: str,
        target: str,
        *,
        label: str = "",
        headers: list[tuple[bytes, bytes]] | None = None,
        body: bytes = b"",
    ) -> Reply:
        before = len(self.errors.records)
        self.sent += 1
        all_headers = [(b"cookie", cookie)] if cookie else []
        all_headers += headers or []
        reply = self.driver.request(method, target, headers=all_headers, body=body)

        def problem(outcome: str) -> None:
            self.problems.append(Problem(who, method, target, label, outcome))

        if reply.status >= 500:
            problem(f"{reply.status} {reply.text[:120]!r}")
        if reply.headers.get("content-type", "").startswith(("text/", "application/json")):
            text = reply.text
            for marker in STACK_MARKERS:
                if marker in text:
                    problem(f"{reply.status}: stack trace in body ({marker})")
            if reply.html and reply.status in (400, 413, 422) and not CJK.search(text):
                problem(f"{reply.status}: no Chinese message {text[:120]!r}")
        for record in self.errors.records[before:]:
            exc = record.exc_info[1] if record.exc_info else None
            problem(f"logged {record.getMessage()!r}: {type(exc).__name__}: {str(exc)[:120]}")
        return reply

    def report(self) -> str:
        groups: dict[tuple[str, str, str], list[Problem]] = {}
        for p in self.problems:
            key = (p.method, re.sub(r"/[^/?]*[0-9%][^/?]*", "/…", p.target.split("?")[0]), p.outcome[:50])
            groups.setdefault(key, []).append(p)
        lines = [f"{len(self.problems)} problems in {self.sent} requests, {len(groups)} kinds:"]
        lines += [f"{len(ps)}× {ps[0]}" for ps in groups.values()]
        return "\n".join(lines[:120])


# -- forms found on pages ------------------------------------------------------------------------


@dataclass
class Form:
    action: str
    method: str
    fixed: list[tuple[str, str]] = field(default_factory=list)  # hidden inputs, boxes, buttons, first options
    free: list[str] = field(default_factory=list)  # what a person types
    files: list[str] = field(default_factory=list)

    def key(self) -> tuple[str, str, tuple[str, ...]]:
        names = sorted({n for n, _ in self.fixed} | set(self.free) | set(self.files))
        return (re.sub(r"\d+", "N", self.action), self.method, tuple(names))


class PageParser(HTMLParser):
    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.forms: list[Form] = []
        self.query_keys: set[str] = set()
        self.names: set[str] = set()
        self.form: Form | None = None
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and "?" in a.get("href", ""):
            self.query_keys.update(p.split("=", 1)[0] for p in urlsplit(a["href"]).query.split("&") if p)
        elif tag == "form":
            action = (a.get("action") or self.url).split("#")[0]
            if not action.startswith("/"):
                action = self.url.rsplit("/", 1)[0] + "/" + action
            self.form = Form(action, (a.get("method") or "get").lower())
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "option" and self.select is not None:
            if a.get("value") and self.select not in dict(self.form.fixed):
                self.form.fixed.append((self.select, a["value"]))
        elif "name" in a:
            self._field(tag, a)

    def _field(self, tag: str, a: dict[str, str]) -> None:
        assert self.form is not None
        name, kind = a["name"], a.get("type", "text").lower()
        self.names.add(name)
        if tag == "select":
            self.select = name
        elif kind == "file":
            self.form.files.append(name)
        elif tag == "button" or kind in ("hidden", "checkbox", "radio", "submit"):
            if name not in dict(self.form.fixed):
                self.form.fixed.append((name, a.get("value", "on")))
        elif tag in ("input", "textarea"):
            self.form.free.append(name)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None


def parse_page(url: str, html: str) -> PageParser:
    parser = PageParser(url.split("?")[0])
    parser.feed(html)
    return parser


# -- what to send --------------------------------------------------------------------------------


def query_sets(keys: list[str], *, every: bool = True) -> list[str]:
    """Every key at once with one junk value, repeated keys, and a few odd query strings."""
    values = RAW_QUERY_JUNK if every else RAW_QUERY_JUNK[::2]
    out = ["&".join(f"{k}={value}" for k in keys) for value in values]
    out.append("&".join(f"{k}=1&{k}=2&{k}=" for k in keys))
    out += ["sort=no_such_column&dir=sideways", "sort=-id;DROP%20TABLE%20cases", "%FF=1", "=&&==&", "a" * 4000]
    return out


def junk_paths(endpoint: Endpoint, valid: dict[str, str], *, every: bool = True) -> list[str]:
    segments = JUNK_SEGMENTS if every else JUNK_SEGMENTS[1::2]
    return [endpoint.url({**valid, name: junk}) for name in endpoint.params for junk in segments]


def non_ascii_cookies(cookie: bytes) -> list[bytes]:
    """The visitor's cookies with text that is not ASCII added to every value (as UTF-8, and as raw bytes),
    or, for a visitor without cookies, each of ours shaped as we mint it but carrying such text."""
    pairs = [p.split(b"=", 1) for p in cookie.split(b"; ") if b"=" in p]
    if not pairs:
        pairs = [[b"qf_admin", b"eyJ1IjoxfQ.bWFj"], [b"qf_login", b"n" * 22], [b"qf_dev", b"d" * 22]]
    return [b"; ".join(k + b"=" + v[:-1] + extra for k, v in pairs) for extra in ("令牌é".encode(), b"\xff\xfe")]


def post_bodies(csrf: str, names: list[str]) -> list[tuple[str, list[tuple[bytes, bytes]], bytes]]:
    """Bodies for a POST whatever its form: missing fields, junk, wrong content types, bad multipart."""
    junk = {n: "中文'\"<script>" for n in names}
    big = "x" * (MEDIA_MAX_BYTES * 40)
    out: list[tuple[str, list[tuple[bytes, bytes]], bytes]] = [
        ("no body", [], b""),
        ("csrf only", [FORM], urlencode({"csrf": csrf}).encode()),
        ("junk without csrf", [FORM], urlencode(junk).encode()),
        ("forged csrf", [FORM], urlencode({**junk, "csrf": csrf[:-2] + "xx"}).encode()),
        ("non-ascii csrf", [FORM], urlencode({**junk, "csrf": csrf[:-2] + "令牌"}).encode()),
        (
            "non-ascii photo signature",
            [FORM],
            urlencode({"csrf": csrf, "photo": "ab/photo.png|image/png|9|签名é"}).encode(),
        ),
    ]
    for v in FORM_JUNK:
        out.append((f"every field {v[:10]!r}", [FORM], urlencode({**dict.fromkeys(names, v), "csrf": csrf}).encode()))
    repeated = [(n, v) for n in names for v in ("1", "2", "")] + [("csrf", csrf), ("csrf", "x")]
    out += [
        ("repeated fields", [FORM], urlencode(repeated).encode()),
        ("invalid utf-8", [FORM], b"csrf=" + csrf.encode() + b"&%FF%FE=%FF&\xff\xfe=\xff\xfe"),
        ("json", [(b"content-type", b"application/json")], b'{"csrf": "' + csrf.encode() + b'", "a": [1, {}]}'),
        ("text/plain", [(b"content-type", b"text/plain")], b"csrf=" + csrf.encode()),
        ("no content type", [], b"csrf=" + csrf.encode()),
        ("multipart, no boundary", [(b"content-type", b"multipart/form-data")], b"garbage"),
        ("multipart, bad body", [(b"content-type", b"multipart/form-data; boundary=xyz")], b"--xyz\r\ngarbage"),
        (
            "multipart, unterminated",
            [(b"content-type", b"multipart/form-data; boundary=xyz")],
            b'--xyz\r\nContent-Disposition: form-data; name="csrf"\r\n\r\nabc\r\n--xyz\r\nContent-Disposition: form-d',
        ),
        (
            "files everywhere",
            *encoded(data={"csrf": csrf}, files=[(n, ("x.png", png_bytes(), "image/png")) for n in names]),
        ),
        ("oversized form", [FORM], urlencode({"csrf": csrf, "description": big}).encode()),
        (
            "oversized multipart",
            *encoded(data={"csrf": csrf}, files={"photos": ("big.jpg", b"\xff\xd8\xff" + big.encode(), "image/jpeg")}),
        ),
        ("content-length lies", [FORM, (b"content-length", b"99999999999999")], b"csrf=x"),
        ("content-length not a number", [FORM, (b"content-length", b"\xb2")], b"csrf=x"),
        ("content-length too long", [FORM, (b"content-length", b"9" * 5000)], b"csrf=x"),
    ]
    return out


def form_submissions(form: Form, csrf: str) -> list[tuple[str, list[tuple[bytes, bytes]], bytes]]:
    """A form as its page offers it, with what a person types replaced by junk, then its choices forged."""
    fixed = [(n, v) for n, v in form.fixed if n != "csrf"]
    out = []
    for v in FORM_JUNK if form.free else FORM_JUNK[:1]:
        data = [*fixed, *((n, v) for n in form.free), ("csrf", csrf)]
        out.append((f"form, typed {v[:10]!r}", [FORM], urlencode(data).encode()))
    forged = [*((n, "²") for n, _ in fixed), *((n, "1") for n in form.free), ("csrf", csrf)]
    out.append(("form, forged choices", [FORM], urlencode(forged).encode()))
    if form.files:
        files = [(n, ("a.jpg", b"\xff\xd8\xff" + b"\x00" * 100, "image/jpeg")) for n in form.files]
        files += [(n, ("b.png", b"not a png", "image/png")) for n in form.files]
        files += [(n, ("c.webp", b"RIFF\x00\x00\x00\x00WEBP", "image/webp")) for n in form.files]
        files += [(n, ("", b"", "application/octet-stream")) for n in form.files]
        fields = {**dict(fixed), **dict.fromkeys(form.free, "1"), "csrf": csrf}
        out.append(("form, junk files", *encoded(data=fields, files=files)))
    return out


# -- the world the sweep runs in -----------------------------------------------------------------


def seed_world(engine: Engine, media_dir: Path) -> dict[str, str]:
    """Registry, units, staff, projects, posters, a real-name case with a stored photo, an inquiry and its
    knowledge-base draft; returns a valid value for each path parameter."""
    sessions = make_sessionmaker(engine)
    seed(sessions, users=True)
    sub = submit_once(sessions, report(anonymous=False, name="王五", phone="13900002222"), "k-no-500")
    photo = png_bytes()
    FileMediaStore(media_dir).put(key="ab/photo.png", content=photo)
    with transaction(sessions) as s:
        village = s.get(Village, VILLAGE)
        assert village is not None
        create_user(
            s,
            username="town_wushi",
            role="town",
            unit_code=village.town_code,
            display_name="五十镇",
            password=PASSWORD,
            now=utcnow(),
        )
        evidence = CaseEvidence(
            case_id=sub.case_id,
            kind="image",
            download_status="stored",
            storage_key="ab/photo.png",
            content_type="image/png",
            size_bytes=len(photo),
            sha256="0" * 64,
            created_at=utcnow(),
        )
        s.add(evidence)
        inquiry = inquiries.record(
            s, openid="o-asker", village_code=VILLAGE, question="低保怎么申请", candidates={}, now=utcnow()
        )
        s.flush()
        draft = KbDraft(
            inquiry_id=inquiry.id,
            entry_id="local-630223-inquiry-1",
            county_code="630223",
            body="id: local-630223-inquiry-1\n",
            created_by="jw_huzhu",
            created_at=utcnow(),
        )
        s.add(draft)
        s.flush()
        return {
            "case_id": str(sub.case_id),
            "evidence_id": str(evidence.id),
            "scene": VILLAGE,
            "code": VILLAGE,
            "fmt": "png",
            "inquiry_id": str(inquiry.id),
            "draft_id": str(draft.id),
        }


def cookie_of(client: TestClient) -> bytes:
    return "; ".join(f"{k}={v}" for k, v in client.cookies.items()).encode()


def restore_and_login(engine: Engine, client: TestClient, username: str) -> tuple[bytes, str]:
    """Undo what the administrator's forms did to an account (password reset, lock), then sign in."""
    with transaction(make_sessionmaker(engine)) as s:
        user = s.scalars(select(StaffUser).where(StaffUser.username == username)).one()
        create_user(
            s,
            username=username,
            role=user.role,
            unit_code=user.unit_code,
            display_name=user.display_name,
            password=PASSWORD,
            now=utcnow(),
        )
        user.active = True
    return login(client, username)


def login(client: TestClient, username: str) -> tuple[bytes, str]:
    client.cookies.clear()
    page = client.get("/admin/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token
    done = client.post(
        "/admin/login",
        data={"csrf": token.group(1), "username": username, "password": PASSWORD},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text[:300]
    after = client.get("/admin/cases", follow_redirects=True)
    csrf = re.search(r'name="csrf" value="([^"]+)"', after.text)
    assert csrf, after.text[:300]
    return cookie_of(client), csrf.group(1)


@dataclass
class Visitor:
    who: str
    cookie: bytes
    csrf: str
    endpoints: list[Endpoint]
    extra_pages: list[str] = field(default_factory=list)  # pages whose forms post to the endpoints
    deep: bool = True  # junk query strings on every GET (anonymous visitors only get redirected)
    # Junk headers, HEAD, undeclared methods, every junk path segment and query value (half of them
    # otherwise): parsing is the same for every role, so one role gets them all.
    framing: bool = True
    # Signs in again when a form (a password reset, say) ended the session; returns cookie and CSRF token.
    relogin: Callable[[], tuple[bytes, str]] | None = None


def visit(sweep: Sweep, v: Visitor, valid: dict[str, str], *, full: bool) -> None:
    forms: dict[tuple[str, str, tuple[str, ...]], Form] = {}
    names: set[str] = set()
    keys: set[str] = set(COMMON_KEYS)

    def send(method: str, target: str, label: str = "", **kw: Any) -> Reply:
        reply = sweep.send(v.who, v.cookie, method, target, label=label, **kw)
        if v.relogin is not None and reply.status == 303 and reply.headers.get("location") == "/admin/login":
            # A logout, junk cookies, or the end of the session? The login page sends the signed-in on.
            probe = sweep.driver.request("GET", "/admin/login", headers=[(b"cookie", v.cookie)])
            if probe.status == 200:
                v.cookie, v.csrf = v.relogin()
        return reply

    def learn(url: str, reply: Reply) -> None:
        if not reply.html:
            return
        page = parse_page(url, reply.text)
        names.update(page.names)
        keys.update(page.query_keys)
        for form in page.forms:
            if form.method == "get":
                keys.update([*form.free, *(n for n, _ in form.fixed)])
            else:
                forms.setdefault(form.key(), form)

    gets = [e for e in v.endpoints if "GET" in e.methods]
    for e in gets:
        learn(e.url(valid), send("GET", e.url(valid), "valid"))
    for url in v.extra_pages:
        learn(url, send("GET", url, "valid"))
    key_list = sorted(k for k in keys if k and k != "csrf")
    for e in gets:
        url = e.url(valid)
        if full and v.framing:
            send("HEAD", url)
            for header in JUNK_HEADERS:
                send("GET", url, f"header {header[0].decode()}", headers=[header])
        if v.deep:
            for query in query_sets(key_list, every=v.framing):
                send("GET", f"{url}?{query}", "junk query")
        for junk in junk_paths(e, valid, every=v.framing):
            send("GET", junk, "junk path")
    for e in v.endpoints:
        for cookie in non_ascii_cookies(v.cookie):
            for method in (m for m in e.methods if m in ("GET", "POST")):
                body = urlencode({"csrf": v.csrf}).encode() if method == "POST" else b""
                sweep.send(v.who, cookie, method, e.url(valid), label="non-ascii cookie", headers=[FORM], body=body)
    for e in (e for e in v.endpoints if "POST" in e.methods):
        url = e.url(valid)
        bodies = post_bodies(v.csrf, sorted(names - {"csrf"}))
        if not full:  # what reaches SQL: the fields' values; content types and framing are no concern of SQL
            bodies = [b for b in bodies if b[0].startswith("every field")]
        for label, headers, body in bodies:
            send("POST", url, label, headers=headers, body=body)
        for junk in junk_paths(e, valid, every=v.framing):
            send("POST", junk, "junk path", headers=[FORM], body=urlencode({"csrf": v.csrf}).encode())
    queue = list(forms.values())
    seen = set(forms)
    while queue:
        form = queue.pop(0)
        for label, headers, body in form_submissions(form, v.csrf):
            reply = send("POST", form.action, label, headers=headers, body=body)
            for nested in parse_page(form.action, reply.text).forms if reply.html and reply.status == 200 else []:
                if nested.method == "post" and nested.key() not in seen:  # e.g. the H5 confirm step
                    seen.add(nested.key())
                    queue.append(nested)
    for e in v.endpoints if full and v.framing else ():
        send("PUT", e.url(valid), "undeclared method", body=b"x")


def sweep_app(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, full: bool) -> Sweep:
    # Rate limits would turn most of the H5 sweep into 429 pages (and the junk sent to 修改密码, which counts on
    # the login's guess counters, would lock the next role's login); the limits have tests of their own.
    monkeypatch.setattr(h5_limits, "ACTIONS_PER_HOUR_DEVICE", 10**6)
    monkeypatch.setattr(h5_limits, "ACTIONS_PER_HOUR_IP", 10**6)
    monkeypatch.setattr(h5_limits, "REPORTS_PER_DAY_IP", 10**6)
    client = make_client(
        engine,
        identity_key=KEYS.current,
        media_dir=tmp_path,
        media_max_bytes=MEDIA_MAX_BYTES,
        reports_per_day=10**6,
        login_attempts_per_ip=10**6,
        login_attempts_per_account=10**6,
    )
    valid = seed_world(engine, tmp_path)
    app: Any = client.app
    eps = list(endpoints(app.routes))
    assert len(eps) > 40 and any(e.params for e in eps), eps
    admin_eps = [e for e in eps if e.path.startswith("/admin")]
    h5_eps = [e for e in eps if e.path.startswith("/v")]
    other = [e for e in eps if e not in admin_eps and e not in h5_eps]

    client.get(f"/v/{VILLAGE}")  # the device cookie that the H5 CSRF token is bound to
    villager_cookie = cookie_of(client)
    h5_csrf = re.search(r'name="csrf" value="([^"]+)"', client.get(f"/v/{VILLAGE}/report").text)
    assert h5_csrf
    visitors = [
        Visitor("anonymous", b"", "", other),
        Visitor("anonymous", b"", "", admin_eps + h5_eps, deep=False),
        Visitor("villager", villager_cookie, h5_csrf.group(1), h5_eps),
    ]
    case_page = f"/admin/cases/{valid['case_id']}"
    for role, username in (ROLES if full else {r: ROLES[r] for r in ("city", "admin")}).items():
        cookie, csrf = login(client, username)
        pages = [case_page] if role != "admin" else []
        restore = partial(restore_and_login, engine, client, username)
        first = role == "city"
        visitors.append(Visitor(role, cookie, csrf, admin_eps, pages, framing=first, relogin=restore))

    with logged_errors() as errors, start_blocking_portal() as portal:
        sweep = Sweep(Driver(app, portal), errors)
        for v in visitors:
            visit(sweep, v, valid, full=full)
    return sweep


@pytest.mark.slow  # several seconds: out of `make test-fast`, still in `make test`
def test_no_route_answers_junk_with_a_500(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    full = engine.dialect.name == "sqlite"  # PostgreSQL: two roles, and only the junk that reaches SQL
    started = time.perf_counter()
    sweep = sweep_app(engine, tmp_path, monkeypatch, full=full)
    elapsed = time.perf_counter() - started
    assert not sweep.problems, sweep.report()
    assert sweep.sent > (5000 if full else 1000), sweep.sent
    print(f"{engine.dialect.name}: {sweep.sent} requests in {elapsed:.1f} s")


@pytest.mark.parametrize(
    ("text", "low", "high", "value"),
    [
        ("42", 0, 100, 42),
        ("0", 0, 100, 0),
        ("-5", -10, 10, -5),
        ("-5", 0, 10, None),
        ("101", 0, 100, None),
        ("²", 0, 100, None),
        ("٣", 0, 100, None),  # a decimal digit to int(), but not ASCII
        ("9" * 5000, 0, 10**18, None),
        ("9" * 19, 0, 10**19, None),
        (" 42", 0, 100, None),
        ("42\n", 0, 100, None),
        ("", 0, 100, None),
        (None, 0, 100, None),
    ],
)
def test_whole_reads_plain_numbers_only(text: str | None, low: int, high: int, value: int | None) -> None:
    assert whole(text, low=low, high=high) == value


# -- the webhook with garbage --------------------------------------------------------------------

FIELDS = (
    "ToUserName",
    "FromUserName",
    "CreateTime",
    "MsgType",
    "Content",
    "MsgId",
    "Event",
    "EventKey",
    "MediaId",
    "Location_X",
    "Location_Y",
    "Scale",
    "Latitude",
    "Longitude",
    "Precision",
    "PicUrl",
    "Format",
    "Recognition",
    "Encrypt",
)
VALUES = (
    "",
    "0",
    "-1",
    "9" * 40,
    "9" * 5000,
    "abc",
    "中文",
    "\x00",
    "\ud800",
    "]]>",
    "<x/>",
    "&amp;",
    "&ent;",
    "1e309",
    "nan",
    "text",
    "image",
    "voice",
    "location",
    "event",
    "subscribe",
    "SCAN",
    "CLICK",
    "LOCATION",
    "qrscene_630223106213",
    "qrscene_630223106213-99",
    "qrscene_" + "9" * 30,
    "630223106213",
    "x" * 3000,
)


# Bodies that once got a 503 or a logged error: an empty event type, an element for a number, a sender
# longer than the column that stores it.
KNOWN = (
    b"<xml><MsgType>event</MsgType><FromUserName>o-fuzz</FromUserName><Event></Event></xml>",
    b"<xml><MsgType>text</MsgType><FromUserName>o-fuzz</FromUserName><CreateTime><x/></CreateTime></xml>",
    b"<xml><MsgType>text</MsgType><FromUserName>o-fuzz</FromUserName><MsgId><x/></MsgId></xml>",
    text_xml("x" * 65, "你好", msg_id=1).encode(),
)


def garbage(rng: random.Random, i: int = -1) -> bytes:
    """Random bytes, random XML of WeChat's fields, a real message cut short or spliced, entities."""
    if 0 <= i < 3 * len(KNOWN):
        return KNOWN[i // 3]  # each in plain mode, safe mode and as an envelope
    kind = rng.choice((0, 1, 1, 1, 2, 3, 3, 4, 5, 5))
    if kind == 0:
        return rng.randbytes(rng.randrange(0, 2000))
    if kind == 1:  # the two fields every message has, then any of the others, each with an odd value
        msg_type = rng.choice(("text", "image", "voice", "video", "location", "link", "event", "x", ""))
        sender = rng.choice(("o-fuzz", "o-fuzz-2", "x" * 64, "x" * 65, "中文"))
        chosen = rng.sample(FIELDS, rng.randrange(0, 5))
        parts = [f"<{f}>{rng.choice(VALUES)}</{f}>" for f in chosen if f not in ("MsgType", "FromUserName")]
        text = f"<xml><MsgType>{msg_type}</MsgType><FromUserName>{sender}</FromUserName>{''.join(parts)}</xml>"
    elif kind == 2:
        text = text_xml("o-fuzz", rng.choice(VALUES), msg_id=rng.randrange(1, 10**12))
        text = text[: rng.randrange(len(text))]
    elif kind == 3:
        event = rng.choice(["subscribe", "SCAN", "CLICK", "LOCATION", "VIEW", "unsubscribe", "x"])
        text = event_xml(rng.choice(["o-fuzz", "", "x" * 300]), event, rng.choice(VALUES))
    elif kind == 4:
        text = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "' + "a" * 100 + '">]><xml><Content>&e;</Content></xml>'
    else:
        text = text_xml(rng.choice(["o-fuzz", "", "x" * 300]), rng.choice(VALUES), msg_id=rng.randrange(1, 10**6))
        pos = rng.randrange(len(text))
        text = text[:pos] + rng.choice(VALUES) + text[pos:]
    return text.encode("utf-8", "surrogatepass")


def test_webhook_never_answers_garbage_with_a_5xx(engine: Engine) -> None:
    """Seeded random garbage, signed correctly, in plain mode and in safe mode (encrypted properly, or a
    garbage envelope with a valid signature over it)."""
    rng = random.Random(20260501)
    client = make_client(engine)
    sender = Sender(client)
    crypto = SafeMode(token=TOKEN, appid=APPID, aes_keys=[AES_KEY])
    bad: list[str] = []
    seen: Counter[tuple[str, int]] = Counter()
    with logged_errors() as errors:
        for i in range(600):
            before = len(errors.records)
            mode, status, body, text = _garbage_request(client, sender, crypto, rng, i)
            seen[mode, status] += 1
            if status >= 500 or "Traceback" in text or len(errors.records) > before:
                logged = [f"{r.getMessage()}: {r.exc_info[1] if r.exc_info else ''}" for r in errors.records[before:]]
                bad.append(f"{i} {mode}: {status} {text[:80]!r} {logged} for {body[:200]!r}")
    assert not bad, "\n".join(bad[:20])
    # The garbage reached the parser and the conversation in both modes, not just the signature check.
    assert all(seen[mode, 200] >= 10 and seen[mode, 400] >= 10 for mode in ("plain", "safe")), seen


@pytest.mark.parametrize("junk", ["签名", "é" * 40, "%FF%FE", "\u0660" * 10, "a\u200bb"])
@pytest.mark.parametrize("field", ["signature", "timestamp", "nonce", "msg_signature", "echostr"])
def test_webhook_answers_non_ascii_query_fields_with_400_or_403(engine: Engine, field: str, junk: str) -> None:
    """Non-ASCII text where a digest, a number or an echo belongs is a refusal, never a 5xx."""
    client = make_client(engine)
    sender = Sender(client)
    body = text_xml("o-nonascii", "菜单")
    query = sender.query()
    query.update(encrypt_type="aes", msg_signature=sha1_signature(TOKEN, query["timestamp"], query["nonce"], "QUJD"))
    query[field] = junk
    raw = urlencode(query, safe="%")  # `%FF%FE` stays as escaped bytes that are not UTF-8
    with logged_errors() as errors:
        got = client.get(f"/wechat?{raw}")
        posted = client.post(f"/wechat?{raw}", content=b"<xml><Encrypt><![CDATA[QUJD]]></Encrypt></xml>")
        plain = {k: v for k, v in query.items() if k not in ("encrypt_type", "msg_signature")}
        plain_posted = client.post(f"/wechat?{urlencode(plain, safe='%')}", content=body.encode())
    statuses = {got.status_code, posted.status_code, plain_posted.status_code}
    assert statuses <= {200, 400, 403}, statuses
    if field != "msg_signature":  # the plain signature stays valid when only msg_signature is junk
        assert posted.status_code in (400, 403)
    if field in ("signature", "timestamp", "nonce"):
        assert {got.status_code, plain_posted.status_code} <= {400, 403}
    assert not errors.records


def _garbage_request(
    client: TestClient, sender: Sender, crypto: SafeMode, rng: random.Random, i: int
) -> tuple[str, int, bytes, str]:
    """One garbage body, in plain mode, in safe mode (encrypted properly), or as a garbage envelope with a
    valid signature over it."""
    body = garbage(rng, i)
    query = sender.query(nonce=str(i))
    ts, nonce = query["timestamp"], query["nonce"]
    mode = ("plain", "safe", "envelope")[i % 3]
    if mode == "safe":
        envelope = crypto.encrypt(xml=body.decode("utf-8", "replace"), nonce=nonce, timestamp=ts)
        encrypt = re.search(r"<Encrypt><!\[CDATA\[(.*?)\]\]></Encrypt>", envelope)
        signature = re.search(r"<MsgSignature><!\[CDATA\[(.*?)\]\]></MsgSignature>", envelope)
        assert encrypt and signature
        body = f"<xml><Encrypt><![CDATA[{encrypt.group(1)}]]></Encrypt></xml>".encode()
        query.update(encrypt_type="aes", msg_signature=signature.group(1))
    elif mode == "envelope":
        junk = rng.choice([body.hex(), "", "!!!", "A" * 43, "QUJD", rng.randbytes(48).hex(), "中文"])
        body = rng.choice([f"<xml><Encrypt><![CDATA[{junk}]]></Encrypt></xml>".encode(), body])
        query.update(encrypt_type="aes", msg_signature=sha1_signature(TOKEN, ts, nonce, junk))
    response = client.post("/wechat", params=query, content=body)
    return mode, response.status_code, body, response.text
