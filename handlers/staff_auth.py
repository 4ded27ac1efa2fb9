"""Staff accounts and sessions: argon2 password hashes, a lockout counted in the database, a signed
session cookie (HttpOnly, SameSite=Strict, Secure by QF_COOKIE_SECURE) and CSRF tokens bound to it."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import re
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.access import ROLES
from storage.models_staff import StaffUser, Unit

COOKIE = "qf_admin"
SESSION_MAX_AGE_S = 8 * 3600
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
_hasher = PasswordHasher()
_NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")
# Verified against when the username is unknown, so both paths cost one argon2 verification.
_DUMMY_HASH = _hasher.hash("qingfeng-no-such-user")


class PasswordProblem(ValueError):
    pass


def hash_password(password: str) -> str:
    if len(password) < 8:
        raise PasswordProblem("密码至少 8 位")
    return _hasher.hash(password)


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
    digest = hash_password(password)
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


def authenticate(session: Session, *, username: str, password: str, now: datetime) -> LoginResult:
    user = session.scalar(select(StaffUser).where(StaffUser.username == username.strip()).with_for_update())
    if user is None or not user.active:
        with contextlib.suppress(VerificationError):
            _hasher.verify(_DUMMY_HASH, password or "-")
        return LoginResult(None, "用户名或密码不正确。")
    if user.locked_until is not None and user.locked_until > now:
        return LoginResult(None, "密码错误次数过多，账号已暂时锁定，请 15 分钟后再试。")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILURES:
            user.locked_until, user.failed_logins = now + LOCKOUT, 0
            return LoginResult(None, "密码错误次数过多，账号已暂时锁定，请 15 分钟后再试。")
        return LoginResult(None, "用户名或密码不正确。")
    user.failed_logins, user.locked_until = 0, None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return LoginResult(user, None)


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


def make_cookie(secret: str, *, user: StaffUser, now_s: float | None = None) -> str:
    body = _b64(
        json.dumps(
            {"u": user.id, "e": user.session_epoch, "n": secrets.token_urlsafe(16), "t": int(now_s or time.time())}
        ).encode()
    )
    return f"{body}.{_mac(secret, 'session', body)}"


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
