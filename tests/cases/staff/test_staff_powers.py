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
from storage.models.cases import Case, CaseEvent
from storage.models.staff import AccountRequest, AuditEntry, StaffUser
from tests.cases_support import report, submit_once
from tests.handlers.admin.test_admin_pages import client, login
from tests.staff_support import reveal_with_approval

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
    shown = reveal_with_approval(c, ledu.case_id, "jw_ledu", "乐都当面核实专用")
    assert "赵六" in shown.text
    login(c, "jw_huzhu")
    assert c.get(f"/admin/cases/{huzhu.case_id}").status_code == 200
    own = c.get("/admin/audit").text
    assert f'href="/admin/cases/{huzhu.case_id}"' in own
    assert "乐都当面核实专用" not in own and f'href="/admin/cases/{ledu.case_id}"' not in own
    assert "jw_ledu" not in own and TYPED_SECRET not in own
    login(c, "jw_ledu")
    theirs = c.get("/admin/audit").text
    assert "乐都当面核实专用" in theirs and "登录失败" in theirs  # the attempt on its own account
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


def _requests_page(c: TestClient) -> str:
    return c.get("/admin/account-requests").text


def request_id_of(sessions: sessionmaker[Session], username: str, kind: str = "create") -> int:
    with sessions() as s:
        rows = select(AccountRequest.id).where(AccountRequest.username == username, AccountRequest.kind == kind)
        return s.scalars(rows).one()


def decide(c: TestClient, supervisor: str, request_id: int, decision: str = "confirm") -> int:
    token = login(c, supervisor)
    data = {"request_id": str(request_id), "decision": decision, "csrf": token}
    return c.post("/admin/account-requests", data=data, follow_redirects=False).status_code


def _user(sessions: sessionmaker[Session], username: str) -> StaffUser | None:
    with sessions() as s:
        return s.scalars(select(StaffUser).where(StaffUser.username == username)).one_or_none()


@pytest.mark.slow  # several seconds: out of `make test-fast`, still in `make test`
def test_the_administrator_cannot_give_case_access_without_a_supervisor(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    token = login(c, "admin")
    city2 = {"action": "create", "username": "city2", "role": "city", "unit": "6302:jw", "csrf": token}
    made = c.post("/admin/users", data={**city2, "password": "city-two-pass-77"})
    assert made.status_code == 200 and "须由纪委监委确认" in made.text and _user(sessions, "city2") is None
    nync2 = {**city2, "username": "nync2", "role": "department", "unit": "630223:nync"}
    assert "须由纪委监委确认" in c.post("/admin/users", data={**nync2, "password": "nync-two-pass-77"}).text
    again = c.post("/admin/users", data={**nync2, "password": "nync-two-pass-78"})
    assert again.status_code == 400 and "等待确认" in again.text
    jw = _user(sessions, "jw_huzhu")
    assert jw is not None
    reset = {"action": "reset", "user_id": str(jw.id), "password": "taken-over-pass-9", "csrf": token}
    assert "须由纪委监委确认" in c.post("/admin/users", data=reset).text
    assert not login(c, "city2", "city-two-pass-77") and not login(c, "jw_huzhu", "taken-over-pass-9")
    # Another county's supervisor neither sees nor decides; a county supervisor never a city account.
    login(c, "jw_ledu")
    assert "nync2" not in _requests_page(c) and decide(c, "jw_ledu", request_id_of(sessions, "nync2")) == 404
    login(c, "jw_huzhu")
    listed = _requests_page(c)
    assert "nync2" in listed and "city2" not in listed and "taken-over" not in listed
    assert "jw_huzhu" not in listed.split("<table", 1)[-1]  # nobody confirms a change to their own account
    assert decide(c, "jw_huzhu", request_id_of(sessions, "city2")) == 404
    assert decide(c, "jw_huzhu", request_id_of(sessions, "jw_huzhu", "reset")) == 404
    assert c.post("/admin/account-requests", data={"request_id": "1", "decision": "confirm"}).status_code == 403
    assert decide(c, "jw_huzhu", request_id_of(sessions, "nync2")) == 303
    assert login(c, "nync2", "nync-two-pass-77")
    login(c, "jw_huzhu")
    county_log = c.get("/admin/audit").text
    assert "申请新建账号" in county_log and "确认新建账号" in county_log
    assert "city2" not in county_log  # a city account is the city's business
    assert decide(c, "city", request_id_of(sessions, "city2")) == 303
    assert decide(c, "city", request_id_of(sessions, "jw_huzhu", "reset"), "refuse") == 303
    assert login(c, "city2", "city-two-pass-77") and login(c, "jw_huzhu")  # the refused reset changed nothing
    login(c, "city")
    city_log = c.get("/admin/audit").text
    assert all(a in city_log for a in ("确认新建账号", "申请重置密码", "拒绝重置密码"))
    with sessions() as s:
        decided = list(s.scalars(select(AccountRequest)))
        assert sorted(r.status for r in decided) == ["confirmed", "confirmed", "refused"]
        assert all(r.password_hash == "" and r.decided_by in ("jw_huzhu", "city") for r in decided)
        assert not any("pass" in str(a.detail) for a in s.scalars(select(AuditEntry)))


def test_accounts_without_case_access_are_still_the_administrators_alone(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    token = login(c, "admin")
    new = {"action": "create", "username": "admin2", "role": "admin", "unit": "6302", "csrf": token}
    made = c.post("/admin/users", data={**new, "password": "admin-two-pass-7"})
    assert made.status_code == 200 and "已创建用户" in made.text
    user = _user(sessions, "admin2")
    assert user is not None and login(c, "admin2", "admin-two-pass-7")
    token = login(c, "admin")
    reset = {"action": "reset", "user_id": str(user.id), "password": "admin-two-pass-8", "csrf": token}
    assert "已重置密码" in c.post("/admin/users", data=reset).text
    assert login(c, "admin2", "admin-two-pass-8")
    with sessions() as s:
        assert list(s.scalars(select(AccountRequest))) == []
