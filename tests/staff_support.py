"""Helpers for staff-side tests: the mini registry with its units, rules and staff accounts."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from cases import org
from cases.staff.accounts import create_user
from storage.db import transaction
from storage.models.kb import KbDraft
from storage.repos import inquiries
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


def drafted_inquiry(session: Session, *, openid: str, village_code: str, question: str) -> KbDraft:
    """A villager's question with a knowledge-base draft written for it by 李明 of 互助's 纪委监委
    (account kb_drafter): what the drafts table on /admin/kb lists."""
    create_user(
        session,
        username="kb_drafter",
        role="county_discipline",
        unit_code="630223:jw",
        display_name="李明",
        password=PASSWORD,
        now=utcnow(),
    )
    asked = inquiries.record(
        session, openid=openid, village_code=village_code, question=question, candidates={}, now=utcnow()
    )
    session.flush()
    draft = KbDraft(
        inquiry_id=asked.id,
        entry_id=f"local-630223-inquiry-{asked.id}",
        county_code="630223",
        body="id: x\n",
        status="drafted",
        created_by="kb_drafter",
        created_at=utcnow(),
    )
    session.add(draft)
    return draft


def town_of(session: Session, village_code: str) -> str:
    from storage.models import Village

    village = session.get(Village, village_code)
    assert village is not None
    return village.town_code


def staff_login(c: Any, username: str) -> str:
    """Sign `username` in on a TestClient; returns the CSRF token of the session."""
    c.cookies.clear()
    page = c.get("/admin/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    c.post("/admin/login", data={"csrf": token, "username": username, "password": PASSWORD})
    found = re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/cases").text)
    return found.group(1) if found else ""


def reveal_with_approval(c: Any, case_id: int, requester: str, reason: str, approver: str = "city") -> Any:
    """A reporter's identity as the promise has it: asked for with a reason, approved by a second person
    of a supervising 纪委监委, then shown to the one who asked. Returns the page that shows it."""
    c.post(f"/admin/cases/{case_id}/reveal", data={"reason": reason, "csrf": staff_login(c, requester)})
    token = staff_login(c, approver)
    c.post(f"/admin/cases/{case_id}/reveal/decide", data={"decision": "approve", "note": "同意", "csrf": token})
    return c.post(f"/admin/cases/{case_id}/reveal", data={"csrf": staff_login(c, requester)})
