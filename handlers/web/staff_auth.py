"""Staff accounts and sessions: argon2 password hashes, a lockout counted in the database, a signed
session cookie (HttpOnly, SameSite=Strict, Secure by QF_COOKIE_SECURE) and CSRF tokens bound to it."""

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

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from cases.access import ROLES
from cases.intake import ratelimit
from handlers.web import slow_hash
from handlers.web.password_policy import password_problem
from storage.db import transaction
from storage.models.staff import StaffSessionRecord, StaffUser, Unit

COOKIE = "qf_admin"
SESSION_MAX_AGE_S = 8 * 3600
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
_hasher = PasswordHasher()
_NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")
# Verified against when the username is unknown or the account locked, so every refusal costs one argon2
# verification and reads the same: nobody learns from a login which usernames exist.
_DUMMY_HASH = _hasher.hash("qingfeng-no-such-user")
LOGIN_REFUSED = "用户名或密码不正确。连续输错 5 次，账号会暂时锁定 15 分钟。"
LOGIN_WINDOW_S = 15 * 60


class PasswordProblem(ValueError):
    pass


def hash_password(password: str, username: str = "") -> str:
    problem = password_problem(password, username)
    if problem is not None:
        raise PasswordProblem(problem)
    return slow_hash.run(lambda: _hasher.hash(password))


def create_user(
    session: Session, *, username: str, role: str, unit_code: str, display_name: str, password: str, now: datetime
) -> StaffUser:
    """Create, or reset the password, role and unit of, a staff account."""
    username = username.strip()
    if not username or len(username) > 64:
        raise PasswordProblem("用户名为空或过长")
    if role not in ROLES:
        raise PasswordProblem(f"角色应为 {'/'.join(ROLES)}")
    if session.get(Unit, unit_code) is None:
        raise PasswordProblem(f"没有代码为 {unit_code} 的单位（先运行 qingfeng org seed 或 org import）")
    digest = hash_password(password, username)
    user = session.scalar(select(StaffUser).where(StaffUser.username == username))
    if user is None:
        user = StaffUser(username=username, created_at=now, failed_logins=0, session_epoch=0, active=True)
        session.add(user)
    user.display_name, user.password_hash, user.role, user.unit_code = display_name[:64], digest, role, unit_code
    user.failed_logins, user.locked_until = 0, None
    user.session_epoch = (user.session_epoch or 0) + 1
    session.flush()
    return user


@dataclass(frozen=True)
class LoginResult:
    user: StaffUser | None
    error: str | None


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
) -> None:
    """Count one login attempt against the client address and the typed username (existing or not); raise
    LoginThrottled, before any password is checked, when either is over its limit in this window.

    Its own short transaction: the count must stand even when the login then fails, and on SQLite a
    write transaction held open across the argon2 check would hold every writer, the webhook too."""
    window = int(now.timestamp()) // LOGIN_WINDOW_S
    expires = datetime.fromtimestamp((window + 1) * LOGIN_WINDOW_S, tz=now.tzinfo)
    limits = {}
    for kind, value, limit in (("ip", ip, per_ip), ("user", username.strip().lower(), per_account)):
        tag = _mac(secret, f"login-{kind}", value.encode("utf-8", "surrogatepass").hex())[:24]
        limits[f"login:{kind}:{tag}:{window}"] = limit
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


def authenticate(sessions: sessionmaker[Session], *, username: str, password: str, now: datetime) -> LoginResult:
    """Check a password with no transaction open during the argon2 verification (~130 ms): read the
    account, verify, then record the outcome in a second short transaction."""
    with transaction(sessions) as session:
        found = session.execute(
            select(StaffUser.id, StaffUser.password_hash, StaffUser.active, StaffUser.locked_until).where(
                StaffUser.username == username.strip()
            )
        ).first()
    usable = found is not None and found.active and (found.locked_until is None or found.locked_until <= now)
    # Unknown, inactive and locked accounts take the same path: the dummy hash, the same answer.
    correct = _verify(found.password_hash if found is not None and usable else _DUMMY_HASH, password)
    if found is None or not usable:
        return LoginResult(None, LOGIN_REFUSED)
    with transaction(sessions) as session:
        if not correct:
            _count_failure(session, found.id, now)
            return LoginResult(None, LOGIN_REFUSED)
        user = session.get(StaffUser, found.id)
        if user is None or not user.active:
            return LoginResult(None, LOGIN_REFUSED)
        user.failed_logins, user.locked_until = 0, None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = slow_hash.run(lambda: _hasher.hash(password))
        return LoginResult(user, None)


def _verify(digest: str, password: str) -> bool:
    try:
        return slow_hash.run(lambda: _hasher.verify(digest, password or "-"))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _count_failure(session: Session, user_id: int, now: datetime) -> None:
    # One statement, so failures racing in from several processes are all counted.
    failures = session.execute(
        update(StaffUser)
        .where(StaffUser.id == user_id)
        .values(failed_logins=StaffUser.failed_logins + 1)
        .returning(StaffUser.failed_logins)
    ).scalar_one()
    if failures >= MAX_FAILURES:
        session.execute(
            update(StaffUser).where(StaffUser.id == user_id).values(locked_until=now + LOCKOUT, failed_logins=0)
        )


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


DEMO_PASSWORD = "qingfeng-demo"  # noqa: S105 - dev-only demo accounts, never created when QF_ENV=prod
DEMO_STAFF: tuple[tuple[str, str, str, str], ...] = (
    ("city", "city", "6302:jw", "海东市纪委监委（演示）"),
    ("huzhu_jw", "county_discipline", "630223:jw", "互助县纪委监委（演示）"),
    ("huzhu_nync", "department", "630223:nync", "互助县农业农村局（演示）"),
    ("huzhu_cz", "department", "630223:cz", "互助县财政局（演示）"),
    ("wushi_town", "town", "630223106000", "五十镇（演示）"),
    ("ledu_jw", "county_discipline", "630202:jw", "乐都区纪委监委（演示）"),
    ("admin", "admin", "6302", "系统管理员（演示）"),
)


def ensure_demo_staff(session: Session, *, now: datetime) -> list[tuple[str, str, str]]:
    """Create the demo accounts that are missing (dev only); existing ones keep their passwords."""
    made = []
    for username, role, unit, name in DEMO_STAFF:
        if session.get(Unit, unit) is None:
            continue
        if session.scalar(select(StaffUser.id).where(StaffUser.username == username)) is None:
            create_user(
                session,
                username=username,
                role=role,
                unit_code=unit,
                display_name=name,
                password=DEMO_PASSWORD,
                now=now,
            )
        made.append((username, role, unit))
    return made
