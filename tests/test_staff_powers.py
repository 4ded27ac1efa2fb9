"""Issue 15's staff-side scoping and powers, over HTTP on SQLite and PostgreSQL: a single-case transfer
runs the same rule as a bulk transfer; the audit log is scoped like cases and keeps no typed
usernames; the administrator cannot give itself case access without a supervisor's confirmation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from storage.db import make_engine, make_sessionmaker
from storage.migrate import upgrade
from storage.models import Base
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


LEDU = "630202103203"
TYPED_SECRET = "Tr0ub4dor-typed-in-the-wrong-box"


def _failed_login(c: TestClient, username: str) -> None:
    login(c, username, "not-the-password")


def test_the_audit_log_is_scoped_like_cases_and_keeps_no_typed_usernames(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    huzhu = submit_once(sessions, report(), "k-huzhu")
    ledu = submit_once(sessions, report(village_code=LEDU, anonymous=False, name="赵六", phone="13900003333"), "k-l")
    _failed_login(c, TYPED_SECRET)
    _failed_login(c, "jw_ledu")
    token = login(c, "jw_ledu")
    shown = c.post(f"/admin/cases/{ledu.case_id}/reveal", data={"reason": "乐都当面核实专用", "csrf": token})
    assert "赵六" in shown.text
    login(c, "jw_huzhu")
    assert c.get(f"/admin/cases/{huzhu.case_id}").status_code == 200
    own = c.get("/admin/audit").text
    assert f'href="/admin/cases/{huzhu.case_id}"' in own
    assert "乐都当面核实专用" not in own and f'href="/admin/cases/{ledu.case_id}"' not in own
    assert "jw_ledu" not in own and TYPED_SECRET not in own
    login(c, "jw_ledu")
    theirs = c.get("/admin/audit").text
    assert "乐都当面核实专用" in theirs and "login_failed" in theirs  # the attempt on its own account
    assert f'href="/admin/cases/{huzhu.case_id}"' not in theirs
    login(c, "city")
    everything = c.get("/admin/audit").text
    assert "乐都当面核实专用" in everything and f'href="/admin/cases/{huzhu.case_id}"' in everything
    with sessions() as s:
        rows = list(s.scalars(select(AuditEntry)))
        failed = sorted(r.username for r in rows if r.action == "login_failed")
        assert failed == ["", "jw_ledu"]
        assert not any(TYPED_SECRET in f"{r.username} {r.detail}" for r in rows)


def test_the_models_match_migration_0010(engine: Engine) -> None:
    mine = {"audit_log", "staff_account_requests"}

    def include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table in mine

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include})
        assert compare_metadata(context, Base.metadata) == []


def test_migration_0010_forgets_typed_usernames_and_scopes_old_rows(tmp_path: Path) -> None:
    eng = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(eng, "0009")
    with eng.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO units (code, name, kind, level, county_code, active)"
                " VALUES ('630202:jw', 'jw', 'department', 'county', '630202', :yes)"
            ),
            {"yes": True},
        )
        conn.execute(
            text(
                "INSERT INTO staff_users (username, display_name, password_hash, role, unit_code, active,"
                " failed_logins, session_epoch, created_at)"
                " VALUES ('jw_ledu', 'jw', 'x', 'county_discipline', '630202:jw', :yes, 0, 0, '2026-01-01')"
            ),
            {"yes": True},
        )
        for who, action in ((TYPED_SECRET, "login_failed"), ("jw_ledu", "login_failed"), ("jw_ledu", "view_queue")):
            conn.execute(
                text("INSERT INTO audit_log (at, username, action, detail) VALUES ('2026-01-01', :u, :a, '{}')"),
                {"u": who, "a": action},
            )
    upgrade(eng)
    with eng.connect() as conn:
        rows = conn.execute(text("SELECT username, action, county_code FROM audit_log ORDER BY id")).all()
    eng.dispose()
    assert [tuple(r) for r in rows] == [
        ("", "login_failed", None),
        ("jw_ledu", "login_failed", "630202"),
        ("jw_ledu", "view_queue", "630202"),
    ]
