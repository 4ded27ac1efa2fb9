"""Staff sessions at the edge: the login throttle (per address and per typed username, before any password
is checked), a signed session cookie (HttpOnly, SameSite=Strict, Secure by QF_COOKIE_SECURE) backed by a
server-side session record, and CSRF tokens bound to it. The accounts themselves (create, authenticate,
lockout, demo logins) are cases/staff/accounts.py."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import threading
import time
import weakref
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from cases.intake import ratelimit
from storage.db import transaction
from storage.models.staff import StaffSessionRecord, StaffUser

COOKIE = "qf_admin"
SESSION_MAX_AGE_S = 8 * 3600
_NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")
LOGIN_WINDOW_S = 15 * 60


class LoginThrottled(Exception):
    def __init__(self, retry_at: datetime) -> None:
        super().__init__(f"login throttled until {retry_at.isoformat()}")
        self.retry_at = retry_at


class _Refused:
    """Buckets this process has seen over their limit, until their window ends. A flood from one address
    is then answered 429 without touching the database at all; the database stays the one count that
    every process shares (each process learns of a full bucket on its own first refusal)."""

    LIMIT = 10_000

    def __init__(self) -> None:
        self._until: dict[str, datetime] = {}
        self._lock = threading.Lock()

    def check(self, buckets: list[str], now: datetime) -> datetime | None:
        with self._lock:
            ends = [self._until[b] for b in buckets if b in self._until and self._until[b] > now]
        return max(ends) if ends else None

    def remember(self, bucket: str, until: datetime, now: datetime) -> None:
        with self._lock:
            if len(self._until) >= self.LIMIT:
                self._until = {b: t for b, t in self._until.items() if t > now}
                if len(self._until) >= self.LIMIT:
                    self._until.clear()  # bounded memory; the database still refuses them
            self._until[bucket] = until


# One memory per database (a process may serve several in tests); gone with its session factory.
_refused: weakref.WeakKeyDictionary[sessionmaker[Session], _Refused] = weakref.WeakKeyDictionary()
_refused_lock = threading.Lock()


def _refused_for(sessions: sessionmaker[Session]) -> _Refused:
    with _refused_lock:
        return _refused.setdefault(sessions, _Refused())


def throttle_login(
    sessions: sessionmaker[Session],
    secret: str,
    *,
    ip: str,
    username: str,
    per_ip: int,
    per_account: int,
    now: datetime,
) -> list[str]:
    """Count one login attempt against the client address and the typed username (existing or not); raise
    LoginThrottled, before any password is checked, when either is over its limit in this window. Returns the
    counters it took, for `forgive_login` once the password proves right.

    Its own short transaction: the count must stand even when the login then fails, and on SQLite a
    write transaction held open across the argon2 check would hold every writer, the webhook too."""
    limits, expires = _login_limits(secret, ip=ip, username=username, per_ip=per_ip, per_account=per_account, now=now)
    refused = _refused_for(sessions)
    known = refused.check(list(limits), now)
    if known is not None:
        raise LoginThrottled(known)
    bucket = ""
    try:
        with transaction(sessions) as session:
            for bucket, limit in limits.items():
                ratelimit.take(session, bucket=bucket, limit=limit, expires_at=expires)
    except ratelimit.RateLimited as exc:
        refused.remember(bucket, exc.retry_at, now)
        raise LoginThrottled(exc.retry_at) from exc
    return list(limits)


def _login_limits(
    secret: str, *, ip: str, username: str, per_ip: int, per_account: int, now: datetime
) -> tuple[dict[str, int], datetime]:
    """The login counters of this window (per address, per typed username) with their limits, and its end."""
    window = int(now.timestamp()) // LOGIN_WINDOW_S
    expires = datetime.fromtimestamp((window + 1) * LOGIN_WINDOW_S, tz=now.tzinfo)
    limits = {}
    for kind, value, limit in (("ip", ip, per_ip), ("user", username.strip().lower(), per_account)):
        tag = _mac(secret, f"login-{kind}", value.encode("utf-8", "surrogatepass").hex())[:24]
        limits[f"login:{kind}:{tag}:{window}"] = limit
    return limits, expires


def count_guess(
    session: Session, secret: str, *, ip: str, username: str, per_ip: int, per_account: int, now: datetime
) -> list[str]:
    """A password typed by someone already signed in (修改密码's current password) counts on the login's own
    counters, in the page's transaction (a second one would wait on SQLite's write lock): raise LoginThrottled
    when over the limit. Returns the counters taken, for `forgive_login` once the password proves right."""
    limits, expires = _login_limits(secret, ip=ip, username=username, per_ip=per_ip, per_account=per_account, now=now)
    try:
        for bucket, limit in limits.items():
            ratelimit.take(session, bucket=bucket, limit=limit, expires_at=expires)
    except ratelimit.RateLimited as exc:
        raise LoginThrottled(exc.retry_at) from exc
    return list(limits)


def forgive_login(session: Session, taken: list[str]) -> None:
    """A login that succeeded does not count: the limits are for guessing, and a county office shares one address."""
    for bucket in taken:
        ratelimit.give_back(session, bucket=bucket)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: str, purpose: str, body: str) -> str:
    key = hashlib.sha256(f"qingfeng-admin:{purpose}:{secret}".encode()).digest()
    return _b64(hmac.new(key, body.encode("ascii"), hashlib.sha256).digest())


@dataclass(frozen=True)
class StaffSession:
    user_id: int
    epoch: int
    nonce: str
    issued: int


def make_cookie(secret: str, *, user: StaffUser, nonce: str | None = None, now_s: float | None = None) -> str:
    body = _b64(
        json.dumps(
            {
                "u": user.id,
                "e": user.session_epoch,
                "n": nonce or secrets.token_urlsafe(16),
                "t": int(now_s or time.time()),
            }
        ).encode()
    )
    return f"{body}.{_mac(secret, 'session', body)}"


def _session_id(nonce: str) -> str:
    return hashlib.sha256(nonce.encode("utf-8", "surrogatepass")).hexdigest()


def start_session(session: Session, secret: str, *, user: StaffUser, now: datetime) -> str:
    """Record a new server-side session for `user` and return its cookie value."""
    nonce = secrets.token_urlsafe(24)
    session.execute(
        delete(StaffSessionRecord).where(StaffSessionRecord.user_id == user.id, StaffSessionRecord.expires_at <= now)
    )
    session.add(
        StaffSessionRecord(
            id=_session_id(nonce),
            user_id=user.id,
            created_at=now,
            expires_at=now + timedelta(seconds=SESSION_MAX_AGE_S),
        )
    )
    return make_cookie(secret, user=user, nonce=nonce, now_s=now.timestamp())


def session_live(session: Session, sess: StaffSession, *, now: datetime) -> bool:
    """Whether the cookie's session still exists on the server (not logged out, not expired)."""
    record = session.get(StaffSessionRecord, _session_id(sess.nonce))
    return record is not None and record.user_id == sess.user_id and record.expires_at > now


def end_session(session: Session, sess: StaffSession) -> None:
    session.execute(delete(StaffSessionRecord).where(StaffSessionRecord.id == _session_id(sess.nonce)))


def end_other_sessions(session: Session, sess: StaffSession) -> int:
    """End every server-side session of the account but `sess` (after its password changed); how many."""
    result = session.execute(
        delete(StaffSessionRecord).where(
            StaffSessionRecord.user_id == sess.user_id, StaffSessionRecord.id != _session_id(sess.nonce)
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


def read_cookie(secret: str, value: str | None, *, now_s: float | None = None) -> StaffSession | None:
    # A cookie of ours is ASCII; other text would make the MAC's encoding and comparison raise.
    if not value or not value.isascii() or value.count(".") != 1:
        return None
    body, mac = value.split(".")
    if not same_token(mac, _mac(secret, "session", body)):
        return None
    try:
        data = json.loads(_unb64(body))
        sess = StaffSession(int(data["u"]), int(data["e"]), str(data["n"]), int(data["t"]))
    except (ValueError, KeyError, TypeError):
        return None
    if (now_s or time.time()) - sess.issued > SESSION_MAX_AGE_S:
        return None
    return sess


def csrf_token(secret: str, sess: StaffSession) -> str:
    return _mac(secret, "csrf", f"{sess.user_id}:{sess.nonce}")


def csrf_ok(secret: str, sess: StaffSession, token: str | None) -> bool:
    return bool(token) and same_token(str(token), csrf_token(secret, sess))


def same_token(given: str, expected: str) -> bool:
    """Constant-time comparison of a token from outside with ours.

    `hmac.compare_digest` raises TypeError for a str that is not ASCII; a token typed, pasted or forged
    in any other text is simply not ours, so both sides are compared as UTF-8 bytes."""
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))


def plain_nonce(value: str | None) -> bool:
    """Whether a cookie nonce looks like one we minted (secrets.token_urlsafe), so it is safe to MAC."""
    return bool(value) and _NONCE.fullmatch(value or "") is not None


# The login form has no session yet: its token is bound to a pre-login cookie nonce.
def login_csrf(secret: str, nonce: str) -> str:
    return _mac(secret, "login-csrf", nonce)


# The public H5 pages have no login either: their token is bound to the device cookie's nonce.
def device_csrf(secret: str, nonce: str) -> str:
    return _mac(secret, "h5-csrf", nonce)
