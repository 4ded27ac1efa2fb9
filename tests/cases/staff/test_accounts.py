"""Staff accounts without the web edge (cases.staff.accounts): every argon2 computation goes through the
runner the caller hands in, a wrong password counts towards the lockout, and a locked account answers as
an unknown one. Both databases."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
from sqlalchemy.orm import Session, sessionmaker

from cases.staff import accounts
from storage.db import transaction
from storage.models.staff import StaffUser
from storage.types import utcnow
from tests.staff_support import PASSWORD, load_org

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
T = TypeVar("T")


class CountingRunner:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, work: Callable[[], T]) -> T:
        self.calls += 1
        return work()


def test_password_work_runs_through_the_callers_runner(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    run = CountingRunner()
    with transaction(sessions) as s:
        accounts.create_user(
            s, username="nync", role="department", unit_code="630223:nync", display_name="农业农村局",
            password=PASSWORD, now=utcnow(), run=run,
        )  # fmt: skip
    assert run.calls == 1
    done = accounts.authenticate(sessions, username="nync", password=PASSWORD, now=utcnow(), run=run)
    assert done.user is not None and done.error is None and run.calls == 2
    unknown = accounts.authenticate(sessions, username="nobody", password=PASSWORD, now=utcnow(), run=run)
    assert unknown == accounts.LoginResult(None, accounts.LOGIN_REFUSED) and run.calls == 3  # the dummy hash


def test_wrong_passwords_lock_the_account_and_it_then_answers_as_an_unknown_one(
    sessions: sessionmaker[Session],
) -> None:
    load_org(sessions)
    now = utcnow()
    for _ in range(accounts.MAX_FAILURES):
        refused = accounts.authenticate(sessions, username="jw_huzhu", password="wrong-1", now=now, run=accounts.here)
        assert refused.error == accounts.LOGIN_REFUSED
    with sessions() as s:
        user = s.query(StaffUser).filter_by(username="jw_huzhu").one()
        assert user.locked_until is not None and user.locked_until > now
    locked = accounts.authenticate(sessions, username="jw_huzhu", password=PASSWORD, now=now, run=accounts.here)
    assert locked == accounts.LoginResult(None, accounts.LOGIN_REFUSED)
    later = now + accounts.LOCKOUT
    assert accounts.authenticate(sessions, username="jw_huzhu", password=PASSWORD, now=later, run=accounts.here).user


def test_weak_passwords_are_refused_before_any_hashing() -> None:
    run = CountingRunner()
    with pytest.raises(accounts.PasswordProblem):
        accounts.hash_password("password123", run=run)
    assert run.calls == 0


def test_demo_accounts_are_made_once_and_keep_their_passwords(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    with transaction(sessions) as s:
        first = accounts.ensure_demo_staff(s, now=utcnow())
    with transaction(sessions) as s:
        before = {u.username: u.password_hash for u in s.query(StaffUser)}
        again = accounts.ensure_demo_staff(s, now=utcnow())
        after = {u.username: u.password_hash for u in s.query(StaffUser)}
    assert first == again and first and before == after
    user = accounts.authenticate(
        sessions, username=first[0][0], password=accounts.DEMO_PASSWORD, now=utcnow(), run=accounts.here
    ).user
    assert user is not None


def test_the_viewer_carries_the_persons_name_for_the_page_header(sessions: sessionmaker[Session]) -> None:
    from cases.access import viewer_for

    load_org(sessions, users=False)
    with transaction(sessions) as s:
        named = accounts.create_user(
            s, username="ma_jg", role="department", unit_code="630223:nync", display_name="马建国",
            password=PASSWORD, now=utcnow(), run=CountingRunner(),
        )  # fmt: skip
        unnamed = accounts.create_user(
            s, username="li_x", role="department", unit_code="630223:nync", display_name="",
            password=PASSWORD, now=utcnow(), run=CountingRunner(),
        )  # fmt: skip
        assert viewer_for(s, named).display_name == "马建国"
        assert viewer_for(s, unnamed).display_name == "li_x"
