"""A hardship applicant's phone (issue #18 §4): the lead unit and the visiting town see it on the case page, each
view audited; a misconduct report, a hardship case naming a cadre and every export, H5 and Open311 output never
show it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from cases.handling import recusal
from cases.interop import api_keys
from cases.staff.accounts import create_user
from cases.validation import ReportInput
from handlers.admin.audit_text import AUDIT_ACTIONS
from storage.db import make_sessionmaker, transaction
from storage.models.cases import Case
from storage.models.staff import AuditEntry, CaseCoUnit, CaseRouting
from storage.types import utcnow
from tests.cases_support import VILLAGE, report, submit_once
from tests.h5_support import csrf_of, h5_client
from tests.staff_support import PASSWORD, staff_login

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TOWN = "630223106000"  # 五十镇, the test village's town
PHONE = "13700005555"
STORY = "我家老人重病住院，家里没了收入"


def hardship(name: str, description: str = STORY) -> ReportInput:
    """A 防止返贫 request with the household's name and phone, as the chat files it."""
    return report(
        category="poverty_risk", cadre_level=None, description=description, anonymous=False, name=name, phone=PHONE
    )


def _client(engine: Engine, tmp_path: Path) -> TestClient:
    c = h5_client(engine, tmp_path, users=True)
    with transaction(make_sessionmaker(engine)) as s:
        create_user(
            s, username="wushi", role="town", unit_code=TOWN, display_name="五十镇", password=PASSWORD, now=utcnow()
        )
    return c


def _views(engine: Engine, case_id: int) -> list[str]:
    with make_sessionmaker(engine)() as s:
        rows = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.case_id == case_id, AuditEntry.action == "view_hardship_contact")
            .order_by(AuditEntry.id)  # in the order they were written (PostgreSQL gives no order unasked)
        )
        return [r.username for r in rows]


def test_the_lead_unit_and_the_town_see_a_hardship_phone_and_each_view_is_audited(
    engine: Engine, tmp_path: Path
) -> None:
    c = _client(engine, tmp_path)
    sessions = make_sessionmaker(engine)
    sub = submit_once(sessions, hardship("李四"), "k-hardship")
    with sessions() as s:
        case = s.get(Case, sub.case_id)
        assert case is not None and case.route_unit == "630223:nync"
        assert s.get(CaseCoUnit, (sub.case_id, TOWN)) is not None  # the town visits
    for who in ("nync_huzhu", "wushi"):
        staff_login(c, who)
        page = c.get(f"/admin/cases/{sub.case_id}").text
        assert "申请人" in page and "联系电话" in page and "李四" in page and PHONE in page, who
        assert "仅用于入户核实" in page and "举报人" not in page
    assert _views(engine, sub.case_id) == ["nync_huzhu", "wushi"]
    assert AUDIT_ACTIONS["view_hardship_contact"] == "查看困难户联系电话"
    token = staff_login(c, "city")  # the supervisors keep the two-person reveal
    page = c.get(f"/admin/cases/{sub.case_id}").text
    assert PHONE not in page and "<dt>申请人</dt><dd>实名（姓名和电话已加密）</dd>" in page
    # The villager asked for help, not to report: the page calls them 申请人 throughout, reveal included.
    assert "申请查看实名申请人身份的书面理由" in page and "举报人" not in page
    reveal = f"/admin/cases/{sub.case_id}/reveal"
    short = c.post(reveal, data={"csrf": token, "reason": "核实"[:1]}).text
    assert "查看申请人身份须填写书面理由" in short and "举报人" not in short
    asked = c.post(reveal, data={"csrf": token, "reason": "需当面核实家庭情况"}, follow_redirects=True).text
    assert "查看身份申请等待审批" in asked and "李四" not in asked and "举报人" not in asked
    with sessions() as s:  # the same sealed-identity procedure and audit as a report's
        assert (
            s.scalars(select(AuditEntry.action).where(AuditEntry.case_id == sub.case_id))
            .all()
            .count("reveal_requested")
            == 1
        )
    audit = c.get("/admin/audit").text
    assert "查看困难户联系电话" in audit and PHONE not in audit
    assert _views(engine, sub.case_id) == ["nync_huzhu", "wushi"]


def test_a_misconduct_report_keeps_the_sealed_identity(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sub = submit_once(make_sessionmaker(engine), report(anonymous=False, name="王五", phone=PHONE), "k-funds")
    with make_sessionmaker(engine)() as s:
        case = s.get(Case, sub.case_id)
        assert case is not None
        lead = case.route_unit
        co = list(s.scalars(select(CaseCoUnit.unit_code).where(CaseCoUnit.case_id == sub.case_id)))
    for who in ("jw_huzhu", "cz_huzhu", "nync_huzhu"):
        staff_login(c, who)
        page = c.get(f"/admin/cases/{sub.case_id}")
        assert PHONE not in page.text and "王五" not in page.text, (who, lead, co)
        if page.status_code == 200:
            assert "实名举报人（已加密）" in page.text and "申请人" not in page.text
    assert _views(engine, sub.case_id) == []


def test_a_hardship_case_naming_a_cadre_keeps_the_phone_sealed(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sessions = make_sessionmaker(engine)
    named = submit_once(
        sessions,
        hardship("赵六", "村支书不给我家报低保，家里没了收入"),
        "k-named",
    )
    later = submit_once(sessions, hardship("赵六"), "k-later")
    with transaction(sessions) as s:
        case = s.get(Case, later.case_id)
        assert case is not None
        assert recusal.recheck_after_supplement(s, case=case, text="村支书把救助款扣了", now=utcnow())
    with sessions() as s:
        assert all(s.get(CaseRouting, i).conflict for i in (named.case_id, later.case_id))  # type: ignore[union-attr]
    for case_id in (named.case_id, later.case_id):
        for who in ("nync_huzhu", "wushi", "jw_huzhu"):
            staff_login(c, who)
            page = c.get(f"/admin/cases/{case_id}")
            assert PHONE not in page.text and "赵六" not in page.text, (case_id, who)
        assert _views(engine, case_id) == []


def test_exports_h5_and_open311_never_carry_a_hardship_phone(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    sessions = make_sessionmaker(engine)
    sub = submit_once(sessions, hardship("李四"), "k-export")
    with transaction(sessions) as s:
        keys = {
            u: api_keys.create(s, name=f"sys-{u}", unit_code=u, rate_per_hour=100, now=utcnow())[1]
            for u in ("630223:nync", TOWN)
        }
    for who in ("nync_huzhu", "wushi", "jw_huzhu"):
        staff_login(c, who)
        shown = PHONE in c.get(f"/admin/cases/{sub.case_id}").text
        assert shown == (who != "jw_huzhu"), who  # on the page for the lead unit and the town only
        for path in ("/admin/cases.csv", "/admin/cases.xlsx", "/admin/stats.csv"):
            got = c.get(path)
            assert got.status_code == 200, (who, path)
            assert PHONE.encode() not in got.content and "李四".encode() not in got.content, (who, path)
    for key in keys.values():
        for path in (f"requests/{sub.number}.json", "requests.json", "requests.xml"):
            got = c.get(f"/open311/v2/{path}", params={"api_key": key})
            assert got.status_code == 200 and sub.number in got.text and PHONE not in got.text, path
    c.cookies.clear()
    form = c.get(f"/v/{VILLAGE}/track")
    seen = c.post(
        f"/v/{VILLAGE}/track", data={"csrf": csrf_of(form.text), "number": sub.number, "code": sub.query_code}
    )
    assert seen.status_code == 200 and sub.number in seen.text and PHONE not in seen.text and "李四" not in seen.text
