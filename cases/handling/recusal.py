"""Conflict of interest found after intake: a supplement (补充材料) that names a cadre.

Routing checks the report's own text when it comes in (cases/routing/rules.py). A villager may name the cadre only
later; from then on the village's town must not see the case, neither as a helper (协办, hardship visits) nor as
the lead. The case is flagged, so town accounts lose sight of it (cases/access.py), the town is taken off the
co-handling units, and the timeline says why; the county's discipline commission sees every case of its county
and re-routes one the town was leading.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from cases import lifecycle
from cases.org import dept_unit
from cases.routing import cadres
from cases.routing.rules import ACCUSED_WORD
from storage.models.cases import Case
from storage.models.places import Village
from storage.models.staff import CaseCoUnit, CaseRouting


def recheck_after_supplement(session: Session, *, case: Case, text: str, now: datetime) -> bool:
    """Flag the case as a conflict when the added text names a cadre; whether anything changed."""
    named = cadres.strongest(text)
    if named is None:
        return False
    routing = session.get(CaseRouting, case.id)
    if routing is not None and routing.conflict:
        return False
    reason = f"补充材料提到“{named.word}”，反映涉及{ACCUSED_WORD[named.level]}，按回避原则乡镇不再参与此案"
    if routing is None:  # a case filed before routing rules existed
        routing = CaseRouting(case_id=case.id, conflict=True, supervising_unit=dept_unit(case.county_code, "jw"))
        session.add(routing)
    routing.conflict, routing.conflict_reason = True, reason + "。"
    village = session.get(Village, case.village_code) if case.village_code else None
    if village is not None:
        session.execute(
            delete(CaseCoUnit).where(CaseCoUnit.case_id == case.id, CaseCoUnit.unit_code == village.town_code)
        )
        if case.route_unit == village.town_code:
            reason += "；此案原由乡镇办理，须由县纪委监委转办"
    lifecycle.record_event(
        session, case=case, action=lifecycle.EventAction.NOTE, actor="system", reason=reason + "。", now=now
    )
    return True
