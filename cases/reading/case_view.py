"""What the case page reads about one case, in one place: its routing, events, evidence, co-handling units,
the possible duplicates this viewer may open, the units it may be transferred to, the case it was merged
into and its village. The edge renders it and runs no query of its own for these."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from cases import access
from cases.handling import triage
from storage.models import Village
from storage.models.cases import Case, CaseEvent, CaseEvidence
from storage.models.staff import CaseCoUnit, CaseRouting, Unit
from storage.repos import villages


@dataclass(frozen=True)
class CaseView:
    case: Case
    routing: CaseRouting
    events: tuple[CaseEvent, ...]
    evidence: tuple[CaseEvidence, ...]
    co_units: tuple[Unit, ...]
    duplicates: tuple[triage.Duplicate, ...]  # only those inside the viewer's scope
    transfer_units: tuple[Unit, ...]  # where the case may go (triage.transfer_refusal finds nothing against it)
    merged_into: Case | None
    village: Village | None
    where: villages.Place | None = None  # the village with its town and county, from the registry

    @property
    def place(self) -> str:
        """Where the case is, by name only (county, town, village); '' when the case names no village.
        Never the village's code: staff pages show no internal codes."""
        if self.where is not None:
            return self.where.full_name
        return self.village.name if self.village is not None else ""


def read(session: Session, viewer: access.Viewer, case: Case) -> CaseView:
    """Everything the case page shows about `case` for `viewer` (who may see the case: the caller checked)."""
    routing = triage.routing_of(session, case)
    events = session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id)).all()
    evidence = session.scalars(
        select(CaseEvidence).where(CaseEvidence.case_id == case.id).order_by(CaseEvidence.id)
    ).all()
    co_units = session.scalars(
        select(Unit).join(CaseCoUnit, CaseCoUnit.unit_code == Unit.code).where(CaseCoUnit.case_id == case.id)
    ).all()
    # A duplicate outside the viewer's scope is not even named: its number would tell of another county's case.
    duplicates = [
        d for d in triage.duplicates(session, case) if access.scoped_case(session, viewer, d.case.id) is not None
    ]
    candidates = session.scalars(
        select(Unit)
        .where(
            Unit.active.is_(True),
            or_(Unit.county_code == case.county_code, Unit.level == "city"),
            Unit.kind != "county",
        )
        .order_by(Unit.level, Unit.code)
    ).all()
    return CaseView(
        case=case,
        routing=routing,
        events=tuple(events),
        evidence=tuple(evidence),
        co_units=tuple(co_units),
        duplicates=tuple(duplicates),
        transfer_units=tuple(u for u in candidates if triage.transfer_refusal(session, case, u) is None),
        merged_into=session.get(Case, routing.merged_into) if routing.merged_into else None,
        village=session.get(Village, case.village_code) if case.village_code else None,
        where=villages.get_place(session, code=case.village_code) if case.village_code else None,
    )
