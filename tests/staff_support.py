"""Helpers for staff-side tests: the mini registry with its units, rules and staff accounts."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from cases import org
from handlers.staff_auth import create_user
from storage.db import transaction
from storage.types import utcnow
from tests.cases_support import load_registry

PASSWORD = "correct-horse-9"
# username -> (role, unit)
STAFF = {
    "jw_huzhu": ("county_discipline", "630223:jw"),
    "nync_huzhu": ("department", "630223:nync"),
    "cz_huzhu": ("department", "630223:cz"),
    "jw_ledu": ("county_discipline", "630202:jw"),
    "city": ("city", "6302:jw"),
    "admin": ("admin", "6302"),
}


def load_org(sessions: sessionmaker[Session], *, users: bool = True) -> None:
    load_registry(sessions)
    with transaction(sessions) as session:
        org.seed_from_registry(session)
        org.seed_rules(session, now=utcnow())
        if users:
            for name, (role, unit) in STAFF.items():
                create_user(
                    session,
                    username=name,
                    role=role,
                    unit_code=unit,
                    display_name=name,
                    password=PASSWORD,
                    now=utcnow(),
                )


def town_of(session: Session, village_code: str) -> str:
    from storage.models import Village

    village = session.get(Village, village_code)
    assert village is not None
    return village.town_code
