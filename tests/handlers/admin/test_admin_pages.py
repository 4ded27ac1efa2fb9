"""The admin pages over HTTP: login with lockout, CSRF on every POST, endpoint-by-endpoint scoping
(another county's staff get 404), actions with form errors shown again, and the sealed identity."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from storage.db import make_sessionmaker
from storage.models import OutboxMessage
from storage.models.cases import Case
from storage.models.staff import AuditEntry, StaffUser
from tests.cases_support import KEYS, POLICY, report, submit_once
from tests.staff_support import PASSWORD, load_org, reveal_with_approval
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def client(engine: Engine) -> TestClient:
    c = make_client(engine, identity_key=KEYS.current)
    load_org(make_sessionmaker(engine))
    return c


def login(c: TestClient, username: str, password: str = PASSWORD) -> str:
    c.cookies.clear()
    page = c.get("/admin/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    c.post("/admin/login", data={"csrf": token, "username": username, "password": password})
    return csrf(c)


def csrf(c: TestClient) -> str:
    page = c.get("/admin/cases")
    if "工作人员登录" in page.text:
        return ""
    m = re.search(r'name="csrf" value="([^"]+)"', page.text)
    return m.group(1) if m else ""


def test_login_lockout_and_logout(engine: Engine) -> None:
    c = client(engine)
    assert c.get("/admin/cases", follow_redirects=False).headers["location"] == "/admin/login"
    for _ in range(5):
        assert login(c, "jw_huzhu", "wrong-password") == ""
    page = c.get("/admin/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    locked = c.post("/admin/login", data={"csrf": token, "username": "jw_huzhu", "password": PASSWORD})
    assert locked.status_code == 400 and "锁定" in locked.text
    with make_sessionmaker(engine)() as s:
        user = s.scalars(select(StaffUser).where(StaffUser.username == "jw_huzhu")).one()
        assert user.locked_until is not None
    token = login(c, "cz_huzhu")
    assert token and "案件队列" in c.get("/admin/cases").text
    cookie = c.cookies.get("qf_admin")
    assert cookie
    assert c.post("/admin/logout", data={"csrf": token}, follow_redirects=False).status_code == 303


def test_posts_without_the_csrf_token_are_refused(engine: Engine) -> None:
    c = client(engine)
    sub = submit_once(make_sessionmaker(engine), report(), "k-csrf")
    token = login(c, "jw_huzhu")
    refused = c.post(f"/admin/cases/{sub.case_id}/action", data={"action": "accept"})
    assert refused.status_code == 403 and "CSRF" in refused.text
    forged = c.post(f"/admin/cases/{sub.case_id}/action", data={"action": "accept", "csrf": token[:-2] + "xx"})
    assert forged.status_code == 403
    ok = c.post(f"/admin/cases/{sub.case_id}/action", data={"action": "accept", "csrf": token}, follow_redirects=False)
    assert ok.status_code == 303
    with make_sessionmaker(engine)() as s:
        assert s.get(Case, sub.case_id).status == "accepted"  # type: ignore[union-attr]


def test_another_countys_staff_get_404_on_every_case_endpoint(engine: Engine) -> None:
    c = client(engine)
    sub = submit_once(make_sessionmaker(engine), report(), "k-scope")
    token = login(c, "jw_ledu")
    base = f"/admin/cases/{sub.case_id}"
    assert c.get(base).status_code == 404
    for path, data in (
        (f"{base}/action", {"action": "accept"}),
        (f"{base}/action", {"action": "note", "text": "看看"}),
        (f"{base}/reveal", {"reason": "核实需要"}),
    ):
        assert c.post(path, data={**data, "csrf": token}).status_code == 404, path
    assert sub.number not in c.get("/admin/cases").text
    assert sub.number not in c.get("/admin/supervision").text
    assert c.get("/admin/cases/abc").status_code == 404
    login(c, "admin")
    refused = c.get(base)
    assert refused.status_code == 403  # administrators see no case content
    assert "返回管理首页" in refused.text and "返回案件队列" not in refused.text  # they have no queue to go back to
    login(c, "jw_huzhu")
    assert c.get(base).status_code == 200


def test_bad_form_input_shows_the_form_again_and_identity_reveal_is_audited(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    sub = submit_once(sessions, report(anonymous=False, name="王五", phone="13900002222"), "k-real")
    token = login(c, "jw_huzhu")
    page = c.get(f"/admin/cases/{sub.case_id}")
    assert "实名举报人（已加密）" in page.text and "王五" not in page.text
    bad = c.post(
        f"/admin/cases/{sub.case_id}/action", data={"action": "transfer", "to_unit": "630223:cz", "csrf": token}
    )
    assert bad.status_code == 400 and "请填写转办理由" in bad.text
    junk = c.post(
        f"/admin/cases/{sub.case_id}/action", data={"action": "request_extension", "days": "x", "csrf": token}
    )
    assert junk.status_code == 400 and "数字" in junk.text
    no_reason = c.post(f"/admin/cases/{sub.case_id}/reveal", data={"reason": "", "csrf": token})
    assert no_reason.status_code == 400 and "书面理由" in no_reason.text
    shown = reveal_with_approval(c, sub.case_id, "jw_huzhu", "需要当面核实情况")
    assert "王五" in shown.text and "13900002222" in shown.text
    login(c, "cz_huzhu")  # a co-handling department may not reveal
    assert (
        c.post(f"/admin/cases/{sub.case_id}/reveal", data={"reason": "想知道是谁", "csrf": csrf(c)}).status_code == 403
    )
    with sessions() as s:
        actions = [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.case_id == sub.case_id))]
        assert actions.count("reveal_identity") == 1 and "view_case" in actions
    _ = (POLICY, OutboxMessage)


def test_admin_edits_rules_and_a_bad_priority_is_explained(engine: Engine) -> None:
    c = client(engine)
    token = login(c, "admin")
    assert "默认规则：县纪委监委" in c.get("/admin/rules?county=630223").text
    bad = c.post(
        "/admin/rules",
        data={"csrf": token, "county_code": "630223", "name": "测试", "priority": "abc", "lead_dept": "cz"},
    )
    assert bad.status_code == 400 and "优先级请填写整数" in bad.text
    ok = c.post(
        "/admin/rules",
        data={
            "csrf": token,
            "county_code": "630223",
            "name": "补贴资金：财政局",
            "priority": "5",
            "category": "funds",
            "keywords": "补贴，补助",
            "lead_dept": "cz",
            "lead_level": "county",
            "active": "on",
        },
        follow_redirects=False,
    )
    assert ok.status_code == 303
    sub = submit_once(make_sessionmaker(engine), report(cadre_level="unknown"), "k-rule")
    with make_sessionmaker(engine)() as s:
        case = s.get(Case, sub.case_id)
        assert case is not None and case.route_unit == "630223:cz" and "补贴资金：财政局" in case.route_reason
