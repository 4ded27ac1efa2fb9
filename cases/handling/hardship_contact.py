"""A hardship applicant's contact for the staff who must visit (issue #18 §4).

A 防止返贫 request (category poverty_risk) is an application for help, not an accusation: the chat asks for a phone
so that the lead unit and the co-handling units (the village's town) can call and arrange the home visit. Those
units see the household's name and phone on the case page, each view audited. Never on a case that is flagged as a
conflict of interest or names a cadre: there the sealed identity and the two-person reveal (reveal.py) apply, as
for every misconduct report. Supervisors keep the two-person reveal too.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.access import Viewer
from cases.identity import IdentityKeys, SealBroken, unseal
from storage.models.cases import Case
from storage.models.staff import CaseCoUnit, CaseRouting

HARDSHIP = "poverty_risk"
AUDIT_ACTION = "view_hardship_contact"


def may_see(session: Session, viewer: Viewer, case: Case) -> bool:
    """Whether this viewer (already scoped to the case) may read the household's contact."""
    if case.category != HARDSHIP or case.anonymous or not case.identity_seal or case.cadre_level is not None:
        return False
    routing = session.get(CaseRouting, case.id)
    if routing is not None and routing.conflict:
        return False
    if viewer.unit_code == case.route_unit:
        return True
    co = select(CaseCoUnit.unit_code).where(CaseCoUnit.case_id == case.id, CaseCoUnit.unit_code == viewer.unit_code)
    return session.scalar(co) is not None


def read(session: Session, viewer: Viewer, case: Case, keys: IdentityKeys) -> dict[str, str] | None:
    """The name and phone to show, or None when this viewer may not see them (or the seal cannot be opened)."""
    if not may_see(session, viewer, case):
        return None
    assert case.identity_seal is not None  # may_see checked it
    try:
        identity: dict[str, Any] = unseal(case.identity_seal, keys=keys)
    except SealBroken:
        return None
    return {"name": str(identity.get("name") or "（未留称呼）"), "phone": str(identity.get("phone") or "（未留电话）")}
