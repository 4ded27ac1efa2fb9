"""Issue 15's staff-side scoping and powers, over HTTP on SQLite and PostgreSQL: a single-case transfer
runs the same rule as a bulk transfer; the audit log is scoped like cases and keeps no typed
usernames; the administrator cannot give itself case access without a supervisor's confirmation."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from storage.db import make_sessionmaker
from storage.models_cases import Case, CaseEvent
from storage.models_staff import AuditEntry
from tests.cases_support import report, submit_once
from tests.test_admin_pages import client, login

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TOWN = "630223106000"  # 五十镇人民政府, the town of the test village


def _transfers(sessions: sessionmaker[Session], case_id: int) -> list[CaseEvent]:
    with sessions() as s:
        return list(
            s.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.to_status == "transferred"))
        )


def _route_unit(sessions: sessionmaker[Session], case_id: int) -> str:
    with sessions() as s:
        case = s.get(Case, case_id)
        assert case is not None
        return case.route_unit


def _audited(sessions: sessionmaker[Session], action: str) -> list[AuditEntry]:
    with sessions() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def _transfer(c: TestClient, token: str, case_id: int, to_unit: str) -> tuple[int, str]:
    resp = c.post(
        f"/admin/cases/{case_id}/action",
        data={"action": "transfer", "to_unit": to_unit, "reason": "需要核查资金", "csrf": token},
        follow_redirects=False,
    )
    return resp.status_code, resp.text


@pytest.mark.parametrize(
    ("to_unit", "message"),
    [
        ("630202:cz", "不在本案所在的县"),  # another county's department could then read the case
        ("630223", "本身不是办理单位"),  # the county row: nobody handles cases there
        (TOWN, "涉及回避"),  # the town of the accused village cadre
    ],
)
def test_a_single_transfer_is_refused_where_a_bulk_one_is(engine: Engine, to_unit: str, message: str) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    sub = submit_once(sessions, report(), "k-one")
    before = _route_unit(sessions, sub.case_id)
    token = login(c, "jw_huzhu")
    status, text = _transfer(c, token, sub.case_id, to_unit)
    assert status == 400 and message in text
    bulk = c.post(
        "/admin/cases/bulk",
        data={"action": "transfer", "to_unit": to_unit, "ids": [str(sub.case_id)], "reason": "核查", "csrf": token},
    )
    assert bulk.status_code == 400 and message in bulk.text
    assert _route_unit(sessions, sub.case_id) == before and _transfers(sessions, sub.case_id) == []
    assert _audited(sessions, "case_transfer") == []
    status, _ = _transfer(c, token, sub.case_id, "630223:cz")
    assert status == 303 and _route_unit(sessions, sub.case_id) == "630223:cz"


def test_a_report_on_county_cadres_is_never_transferred_back_to_the_county(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    sub = submit_once(sessions, report(cadre_level="county", description="县财政局干部截留补助款"), "k-county")
    before = _route_unit(sessions, sub.case_id)
    assert before.startswith("6302:")  # routed up to the city
    token = login(c, "city")
    status, text = _transfer(c, token, sub.case_id, "630223:cz")
    assert status == 400 and "涉及回避" in text
    assert _route_unit(sessions, sub.case_id) == before and _transfers(sessions, sub.case_id) == []
