"""Staff accounts: creating one (or resetting its password, role and unit), checking a password with a
lockout counted in the database, and the demo accounts of a dev install.

Passwords are argon2 hashes. A hash or a verification takes ~130 ms of every core; each function that
does one takes `run`, through which the edge sends the work to its one low-priority thread
(handlers/web/slow_hash.py), so a login flood never starves the webhook. Without it (the command line,
tests) the work runs where it is called. Cookies, sessions and CSRF belong to the edge
(handlers/web/staff_auth.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from cases.access import ROLES
from cases.staff.password_policy import password_problem
from storage.db import transaction
from storage.models.staff import StaffUser, Unit

T = TypeVar("T")
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
LOGIN_REFUSED = "用户名或密码不正确。连续输错 5 次，账号会暂时锁定 15 分钟。"
_hasher = PasswordHasher()
# Verified against when the username is unknown or the account locked, so every refusal costs one argon2
# verification and reads the same: nobody learns from a login which usernames exist.
_DUMMY_HASH = _hasher.hash("qingfeng-no-such-user")


class Runner(Protocol):
    """Where argon2 work runs: `run(work)` returns `work()`."""

    def __call__(self, work: Callable[[], T]) -> T: ...


def here(work: Callable[[], T]) -> T:
    """Run the work on the calling thread (the command line, tests)."""
    return work()


class PasswordProblem(ValueError):
    pass


def hash_password(password: str, username: str = "", *, run: Runner = here) -> str:
    problem = password_problem(password, username)
    if problem is not None:
        raise PasswordProblem(problem)
    return run(lambda: _hasher.hash(password))


def create_user(
    session: Session,
    *,
    username: str,
    role: str,
    unit_code: str,
    display_name: str,
    password: str,
    now: datetime,
    run: Runner = here,
    must_change: bool = False,
) -> StaffUser:
    """Create, or reset the password, role and unit of, a staff account. `must_change`: someone else chose
    the password (an administrator), so its owner must pick a new one at first login."""
    username = username.strip()
    if not username or len(username) > 64:
        raise PasswordProblem("用户名为空或过长")
    if role not in ROLES:
        raise PasswordProblem(f"角色应为 {'/'.join(ROLES)}")
    if session.get(Unit, unit_code) is None:
        raise PasswordProblem(f"没有代码为 {unit_code} 的单位（先运行 qingfeng org seed 或 org import）")
    digest = hash_password(password, username, run=run)
    user = session.scalar(select(StaffUser).where(StaffUser.username == username))
    if user is None:
        user = StaffUser(username=username, created_at=now, failed_logins=0, session_epoch=0, active=True)
        session.add(user)
    user.display_name, user.password_hash, user.role, user.unit_code = display_name[:64], digest, role, unit_code
    user.failed_logins, user.locked_until = 0, None
    user.session_epoch = (user.session_epoch or 0) + 1
    user.must_change_password = must_change
    session.flush()
    return user


SAME_AS_GIVEN = "新密码不能与管理员给您的密码相同"


def change_own_password(user: StaffUser, password: str, *, run: Runner = here) -> None:
    """The owner's own new password, at first login: the password rules apply, and it may not be the one
    the administrator chose. Clears must_change_password; the session the owner is in goes on."""
    problem = password_problem(password, user.username)
    if problem is not None:
        raise PasswordProblem(problem)
    if _verify(user.password_hash, password, run):
        raise PasswordProblem(SAME_AS_GIVEN)
    user.password_hash = run(lambda: _hasher.hash(password))
    user.must_change_password = False


WRONG_CURRENT = "当前密码不正确"
SAME_AS_CURRENT = "新密码不能与当前密码相同"


class WrongPassword(ValueError):
    pass


def change_password(user: StaffUser, current: str, new: str, *, run: Runner = here) -> None:
    """修改密码 from 我的账号: the current password first (WrongPassword), then the password rules and a new
    one that differs from it (PasswordProblem). Both argon2 steps go through `run`."""
    if not _verify(user.password_hash, current, run):
        raise WrongPassword(WRONG_CURRENT)
    problem = password_problem(new, user.username)
    if problem is not None:
        raise PasswordProblem(problem)
    if new == current:
        raise PasswordProblem(SAME_AS_CURRENT)
    user.password_hash = run(lambda: _hasher.hash(new))
    user.must_change_password = False


@dataclass(frozen=True)
class LoginResult:
    user: StaffUser | None
    error: str | None


def authenticate(
    sessions: sessionmaker[Session], *, username: str, password: str, now: datetime, run: Runner
) -> LoginResult:
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
    correct = _verify(found.password_hash if found is not None and usable else _DUMMY_HASH, password, run)
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
            user.password_hash = run(lambda: _hasher.hash(password))
        return LoginResult(user, None)


def _verify(digest: str, password: str, run: Runner) -> bool:
    try:
        return run(lambda: _hasher.verify(digest, password or "-"))
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


DEMO_PASSWORD = "qingfeng-demo"  # noqa: S105 - dev-only demo accounts, never created when QF_ENV=prod
DEMO_STAFF: tuple[tuple[str, str, str, str], ...] = (
    ("city", "city", "6302:jw", "海东市纪委监委（演示）"),
    ("huzhu_jw", "county_discipline", "630223:jw", "互助县纪委监委（演示）"),
    ("huzhu_nync", "department", "630223:nync", "互助县农业农村局（演示）"),
    ("huzhu_cz", "department", "630223:cz", "互助县财政局（演示）"),
    # every other bureau the packaged routing rules (cases/data/routing_rules.yaml) make lead or co-unit
    ("huzhu_sj", "department", "630223:sj", "互助县审计局（演示）"),
    ("huzhu_mz", "department", "630223:mz", "互助县民政局（演示）"),
    ("huzhu_yb", "department", "630223:yb", "互助县医保局（演示）"),
    ("huzhu_jy", "department", "630223:jy", "互助县教育局（演示）"),
    ("huzhu_zj", "department", "630223:zj", "互助县住建局（演示）"),
    ("huzhu_rs", "department", "630223:rs", "互助县人社局（演示）"),
    ("wushi_town", "town", "630223106000", "五十镇（演示）"),
    ("ledu_jw", "county_discipline", "630202:jw", "乐都区纪委监委（演示）"),
    ("admin", "admin", "6302", "系统管理员（演示）"),
)


def ensure_demo_staff(session: Session, *, now: datetime, run: Runner = here) -> list[tuple[str, str, str]]:
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
                run=run,
            )
        made.append((username, role, unit))
    return made
