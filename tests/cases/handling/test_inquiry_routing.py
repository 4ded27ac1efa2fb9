"""A 转人工 question goes to the one unit the routing rules pick for its topic and village, is due in working
days, can be claimed by one staff member, and shows as late once its due time passes (#20 §6), on SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cases import access
from cases.handling.inquiries import claim, claim_refusal, file_inquiry, inquiry_scope, late
from cases.routing.inquiry_route import answer_limit, due
from cases.staff.accounts import create_user
from cases.workdays import SHIPPED
from storage.db import transaction
from storage.models import Inquiry
from storage.models.staff import StaffUser
from storage.types import utcnow
from tests.cases_support import VILLAGE
from tests.staff_support import PASSWORD, load_org

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TOWN = "630223106000"  # 五十镇人民政府, the town of VILLAGE


def _file(session: Session, question: str, now: datetime | None = None) -> Inquiry:
    return file_inquiry(
        session,
        openid="o-asker",
        village_code=VILLAGE,
        question=question,
        candidates={},
        now=now or utcnow(),
        calendar=SHIPPED,
    )


def _viewers(session: Session) -> dict[str, access.Viewer]:
    for name, role, unit in (("wushi", "town", TOWN), ("yb_huzhu", "department", "630223:yb")):
        create_user(
            session, username=name, role=role, unit_code=unit, display_name=name, password=PASSWORD, now=utcnow()
        )
    return {u.username: access.viewer_for(session, u) for u in session.scalars(select(StaffUser))}


def test_each_question_goes_to_one_unit_and_only_it_and_the_supervisors_see_it(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    with transaction(sessions) as s:
        medical = _file(s, "住院报销的医保比例是多少？")
        village = _file(s, "俺村的路灯啥时候修？")
        farming = _file(s, "低保和临时救助能一起领吗")
        accusing = _file(s, "村支书把我的低保停了，这合规吗？")
        assert (medical.unit_code, village.unit_code, farming.unit_code) == ("630223:yb", TOWN, "630223:mz")
        assert accusing.unit_code == "630223:jw" and accusing.accused_level == "village"
        assert "医保局" in (medical.route_reason or "") and "回避" in (accusing.route_reason or "")
        viewers = _viewers(s)

        def seen(name: str) -> set[int]:
            return set(s.scalars(select(Inquiry.id).where(inquiry_scope(viewers[name]))))

        everything = {medical.id, village.id, farming.id, accusing.id}
        assert seen("yb_huzhu") == {medical.id}
        assert seen("wushi") == {village.id}
        assert seen("nync_huzhu") == seen("cz_huzhu") == set()  # other units no longer see it
        assert seen("jw_huzhu") == seen("city") == everything  # the supervisors see the county's
        assert seen("jw_ledu") == set()


def test_the_due_time_counts_working_days_and_says_its_basis(sessions: sessionmaker[Session]) -> None:
    load_org(sessions, users=False)
    friday = datetime(2026, 3, 6, 2, 0, tzinfo=UTC)  # 10:00 in Beijing, a Friday
    with transaction(sessions) as s:
        row = _file(s, "医保怎么报销", now=friday)
        days = answer_limit().working_days
        assert row.due_at is not None
        assert row.due_at.date() == SHIPPED.add_working_days(friday.date(), days)
        assert row.due_at.weekday() < 5 and "工作日" in (row.due_basis or "")


def _deepest(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        depth += {"（": 1, "(": 1, "）": -1, ")": -1}.get(ch, 0)
        deepest = max(deepest, depth)
    return deepest


def test_the_due_basis_reads_plainly_without_brackets_in_brackets() -> None:
    assert _deepest("按工作日计（依通知（2025-11-04））") == 2  # what the check catches
    for asked in (datetime(2026, 3, 6, 2, tzinfo=UTC), datetime(2026, 12, 30, 2, tzinfo=UTC)):
        _, basis = due(asked, SHIPPED)
        assert basis.startswith("本服务承诺：转人工咨询") and "工作日" in basis, basis
        assert _deepest(basis) <= 1 and "）（" not in basis, basis
    _, spanning = due(datetime(2026, 12, 30, 2, tzinfo=UTC), SHIPPED)  # into a year not yet entered
    assert "2027年节假日安排未录入" in spanning and spanning.endswith("。")


def test_one_staff_member_claims_it_and_late_ones_are_listed(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    long_ago = utcnow() - timedelta(days=30)
    with transaction(sessions) as s:
        old, fresh = _file(s, "医保怎么报销", now=long_ago), _file(s, "医保卡丢了咋办")
        viewers = _viewers(s)
        assert claim_refusal(old, "staff:yb_huzhu") is None
        claim(old, actor="staff:yb_huzhu", now=utcnow())
        assert claim_refusal(old, "staff:someone") == "这条咨询已由其他工作人员认领，请勿重复办理。"
        assert claim_refusal(old, "staff:yb_huzhu") is None
        now = utcnow()
        assert [r.id for r in late(s, viewers["jw_huzhu"], now)] == [old.id]
        assert [r.id for r in late(s, viewers["yb_huzhu"], now)] == [old.id]
        assert late(s, viewers["wushi"], now) == []
        assert fresh.id not in {r.id for r in late(s, viewers["city"], now)}
