"""The case page's read model (cases.reading.case_view): everything the page shows about one case, read in
one place, with the duplicates limited to the viewer's scope. Both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cases import access
from cases.handling import triage
from cases.reading import case_view
from storage.db import transaction
from storage.models import Village
from storage.models.cases import Case
from storage.models.staff import CaseCoUnit
from storage.types import utcnow
from tests.cases_support import KEYS, VILLAGE, report, submit_once
from tests.staff_support import load_org

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CITY = access.Viewer(0, "t", "city", "6302:jw", "海东市", None)
LEDU = access.Viewer(0, "t", "county_discipline", "630202:jw", "乐都区纪委监委", "630202")
TEXT = "村会计把我家的危房改造补助扣了 3000 元，一直不给"


def two_alike(sessions: sessionmaker[Session]) -> tuple[int, int]:
    load_org(sessions, users=False)
    first = submit_once(sessions, report("o-first", photos=2, description=TEXT), "view-1")
    second = submit_once(sessions, report("o-second", description=TEXT + "。"), "view-2")
    return first.case_id, second.case_id


def test_the_view_holds_what_the_case_page_shows(sessions: sessionmaker[Session]) -> None:
    first, second = two_alike(sessions)
    with sessions() as s:
        case = s.get(Case, first)
        assert case is not None
        view = case_view.read(s, CITY, case)
        village = s.get(Village, VILLAGE)
        assert village is not None
        assert view.case is case and view.routing.case_id == first
        assert view.events and all(e.case_id == first for e in view.events)
        assert [e.id for e in view.events] == sorted(e.id for e in view.events)
        assert len(view.evidence) == 2 and all(e.case_id == first for e in view.evidence)
        co = set(s.scalars(select(CaseCoUnit.unit_code).where(CaseCoUnit.case_id == first)))
        assert {u.code for u in view.co_units} == co and view.merged_into is None
        assert view.village is not None and view.village.code == VILLAGE
        # The place by name with its town and county (互助土族自治县 五十镇 土观村委会), never the code.
        assert view.place.endswith(village.name) and view.place != village.name and VILLAGE not in view.place
        assert [d.case.id for d in view.duplicates] == [second]
        assert view.transfer_units
        assert all(triage.transfer_refusal(s, case, u) is None for u in view.transfer_units)
        assert all(u.kind != "county" for u in view.transfer_units)


def test_a_duplicate_outside_the_viewers_scope_is_not_named(sessions: sessionmaker[Session]) -> None:
    first, _second = two_alike(sessions)
    with sessions() as s:
        case = s.get(Case, first)
        assert case is not None
        assert access.scoped_case(s, LEDU, first) is None  # another county's case
        assert case_view.read(s, LEDU, case).duplicates == ()


def test_a_merged_case_names_the_case_it_went_into(sessions: sessionmaker[Session]) -> None:
    first, second = two_alike(sessions)
    with transaction(sessions) as s:
        into, merged = s.get(Case, first), s.get(Case, second)
        assert into is not None and merged is not None
        triage.merge(s, case=merged, into=into, actor="staff:t", keys=KEYS, now=utcnow())
    with sessions() as s:
        merged = s.get(Case, second)
        assert merged is not None
        view = case_view.read(s, CITY, merged)
        assert view.merged_into is not None and view.merged_into.id == first
