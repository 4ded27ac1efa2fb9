"""Queue filters and sorting, the statistics, CSV exports and bulk actions, on SQLite and PostgreSQL:
filters only narrow the viewer's scope, figures match a small known data set, exports carry a BOM,
never a sealed identity, and are audited; a bulk transfer writes one event per case and needs a reason."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases import access, ratings
from cases.handling import case_steps, triage
from cases.reading import queue, stats
from cases.workdays import SHIPPED
from storage.db import make_sessionmaker, transaction
from storage.models.cases import Case, CaseEvent
from storage.models.staff import AuditEntry, CaseRouting, StaffUser
from storage.types import utcnow
from tests.cases_support import KEYS, report, submit_once
from tests.handlers.admin.test_admin_pages import client, login

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 10:00 Beijing
HUZHU_A, HUZHU_B, LEDU = "630223106213", "630223106201", "630202103203"
DAY = timedelta(days=1)


def _handle(s: Session, case: Case, *, accept: float, reply: float, close: float, finding: str) -> None:
    actor = "staff:jw_huzhu"
    triage.accept(s, case=case, actor=actor, keys=KEYS, now=T0 + accept * DAY)
    triage.reply(s, case=case, text="经核查，情况已查明。", actor=actor, keys=KEYS, now=T0 + reply * DAY)
    triage.close(
        s, case=case, finding=finding, resolution="已按规定处理。", actor=actor, keys=KEYS, now=T0 + close * DAY
    )


def known_data(sessions: sessionmaker[Session]) -> dict[str, int]:
    """A: 互助, closed 查实 on time (first response 1 day, closed in 3), 满意.
    B: 互助 (another village), closed 不实 after its deadline (response 3 days, closed in 5), 基本满意.
    C: 互助, open and past its deadline.  D: 乐都, open, not yet due, received a month later (real name)."""
    ids = {
        "A": submit_once(sessions, report("o-a"), "k-a").case_id,
        "B": submit_once(
            sessions, report("o-b", village_code=HUZHU_B, category="other", cadre_level=None), "k-b"
        ).case_id,
        "C": submit_once(sessions, report("o-c"), "k-c").case_id,
        "D": submit_once(
            sessions, report("o-d", village_code=LEDU, anonymous=False, name="王五", phone="13900002222"), "k-d"
        ).case_id,
    }
    with transaction(sessions) as s:
        for key, cid in ids.items():
            case = s.get(Case, cid)
            assert case is not None
            case.created_at = T0 + (30 * DAY if key == "D" else timedelta())
            case.resolve_due = {"A": T0 + 30 * DAY, "B": T0 + 4 * DAY, "C": T0 + 2 * DAY, "D": utcnow() + 30 * DAY}[key]
            s.flush()
        a, b = s.get(Case, ids["A"]), s.get(Case, ids["B"])
        assert a is not None and b is not None
        _handle(s, a, accept=1, reply=2, close=3, finding="查实")
        _handle(s, b, accept=3, reply=4, close=5, finding="不实")
        case_steps.rate(s, case=a, rating=2, reason=None, actor="villager", now=T0 + 4 * DAY, calendar=SHIPPED)
        case_steps.rate(s, case=b, rating=3, reason=None, actor="villager", now=T0 + 6 * DAY, calendar=SHIPPED)
    return ids


def viewer(sessions: sessionmaker[Session], username: str) -> access.Viewer:
    with sessions() as s:
        user = s.scalars(select(StaffUser).where(StaffUser.username == username)).one()
        return access.viewer_for(s, user)


def numbers(sessions: sessionmaker[Session], ids: dict[str, int]) -> dict[str, str]:
    with sessions() as s:
        return {k: s.get(Case, v).number for k, v in ids.items()}  # type: ignore[union-attr]


def test_statistics_on_a_known_data_set_and_scoped_by_role(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    known_data(sessions)
    city_v, ledu_v = viewer(sessions, "city"), viewer(sessions, "jw_ledu")
    with sessions() as s:
        city = stats.compute(s, city_v, queue.parse({}), now=utcnow())
        huzhu = {r.key: r for r in city.by_county}["630223"]
        assert (huzhu.received, huzhu.closed, huzhu.on_time, huzhu.overdue, huzhu.pending) == (3, 2, 1, 2, 0)
        assert huzhu.findings == {"查实": 1, "部分查实": 0, "不实": 1, "不属于受理范围": 0}
        assert huzhu.ratings == {1: 0, 2: 1, 3: 1, 4: 0, 5: 0}
        assert huzhu.satisfied_share == pytest.approx((1 + 0.6) / 2)  # 满意 counts whole, 基本满意 × 0.6
        assert huzhu.avg_first_response_days == 2.0 and huzhu.avg_close_days == 4.0
        ledu = {r.key: r for r in city.by_county}["630202"]
        assert (ledu.received, ledu.pending, ledu.avg_close_days) == (1, 1, None)
        assert city.total.received == 4
        assert {r.key: r.received for r in city.by_unit} == {"630223:jw": 2, "630223106000": 1, "630202:jw": 1}
        ledu_view = stats.compute(s, ledu_v, queue.parse({"county": "630223"}), now=utcnow())
        assert ledu_view.total.received == 0 and ledu_view.by_county == []
        march = stats.compute(
            s, city_v, queue.parse({"date_from": "2026-03-02", "date_to": "2026-03-02"}), now=utcnow()
        )
        assert march.total.received == 3
    login(c, "jw_huzhu")
    page = c.get("/admin/stats")
    assert page.status_code == 200 and "<svg" in page.text and "互助" in page.text and "乐都" not in page.text
    assert ratings.WEIGHTS_TEXT in page.text and "80.0%" in page.text and "原 3 级计为“不满意”" in page.text
    assert c.get("/admin/stats?date_from=nonsense&county=12").status_code == 200
    login(c, "admin")
    assert c.get("/admin/stats").status_code == 403


def queue_rows(html: str) -> str:
    """The queue's table only: the work notices above it may name any case the viewer may see."""
    start = html.index('<table class="cards queue">')
    return html[start : html.index("</table>", start)]


def test_queue_filters_honour_the_role_scope_and_sorting_pages_by_keyset(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    ids = known_data(sessions)
    no = numbers(sessions, ids)
    login(c, "city")
    page = queue_rows(c.get("/admin/cases?county=630202").text)
    assert no["D"] in page and no["A"] not in page
    page = queue_rows(c.get(f"/admin/cases?county=630223&town=630223106000&village={HUZHU_B}").text)
    assert no["B"] in page and no["A"] not in page and no["C"] not in page
    page = queue_rows(c.get("/admin/cases?date_from=2026-03-01&date_to=2026-03-31&dept=jw").text)
    assert no["A"] in page and no["C"] in page and no["B"] not in page and no["D"] not in page
    assert no["B"] in queue_rows(c.get("/admin/cases?dept=town").text)  # 其他问题 goes to the town government
    assert no["D"] not in queue_rows(c.get("/admin/cases?dept=cz").text)
    login(c, "jw_ledu")
    page = queue_rows(c.get("/admin/cases?county=630223").text)
    assert all(no[k] not in page for k in "ABCD")  # a filter never widens the scope
    for junk in ("county=abc", "date_from=2026-13-45", "sort=drop", "cursor=zz~x", "sort=due&cursor=bad~1", "dir=up"):
        assert c.get(f"/admin/cases?{junk}").status_code == 200, junk
    v = viewer(sessions, "city")
    f = queue.parse({"sort": "due", "dir": "asc"})
    seen: list[int] = []
    with sessions() as s:
        while True:
            rows = s.scalars(queue.page_statement(v, f, now=utcnow(), limit=2)).all()
            seen.extend(r.id for r in rows)
            if len(rows) < 2:
                break
            f = queue.parse({"sort": "due", "dir": "asc", "cursor": queue.cursor_of(f, rows[-1])})
        dues = [s.get(Case, i).resolve_due for i in seen]  # type: ignore[union-attr]
    assert sorted(seen) == sorted(ids.values()) and dues == sorted(dues)


def test_exports_have_a_bom_no_sealed_identity_and_are_audited(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    ids = known_data(sessions)
    no = numbers(sessions, ids)
    login(c, "city")
    resp = c.get("/admin/cases.csv?county=630202")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    assert "attachment" in resp.headers["content-disposition"]
    assert resp.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(resp.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["编号", "县", "乡镇"] and [r[0] for r in rows[1:]] == [no["D"]]
    assert rows[1][1] == "乐都区" and rows[1][3] == "李家村委会"
    assert "王五" not in resp.text and "13900002222" not in resp.text and "o-d" not in resp.text
    every = c.get("/admin/cases.csv").content.decode("utf-8-sig")
    assert all(no[k] in every for k in "ABCD") and "王五" not in every
    st = c.get("/admin/stats.csv")
    assert st.content.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(st.content.decode("utf-8-sig"))))
    assert table[0][:4] == ["分组", "名称", "收到", "办结"]
    total = next(r for r in table if r[0] == "合计")
    assert total[2] == "4" and not any(":" in cell for row in table for cell in row[:2])  # names, no unit codes
    login(c, "jw_ledu")
    assert no["A"] not in c.get("/admin/cases.csv").text
    with sessions() as s:
        audits = s.scalars(select(AuditEntry).where(AuditEntry.action.in_(["export_queue", "export_stats"]))).all()
    kinds = [(a.username, a.action, a.detail.get("rows")) for a in audits]
    assert ("city", "export_queue", 1) in kinds and ("city", "export_queue", 4) in kinds
    assert ("city", "export_stats", 6) in kinds and ("jw_ledu", "export_queue", 1) in kinds


def test_bulk_transfer_needs_a_reason_and_writes_one_event_per_case(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    a = submit_once(sessions, report("o-x"), "k-x").case_id
    b = submit_once(sessions, report("o-y", village_code=HUZHU_B), "k-y").case_id
    d = submit_once(sessions, report("o-z", village_code=LEDU), "k-z").case_id
    token = login(c, "jw_huzhu")
    base = {"action": "transfer", "to_unit": "630223:cz", "ids": [str(a), str(b)]}

    def transfers() -> list[CaseEvent]:
        with sessions() as s:
            return list(s.scalars(select(CaseEvent).where(CaseEvent.to_status == "transferred")))

    assert c.post("/admin/cases/bulk", data=base).status_code == 403  # no CSRF token
    refused = c.post("/admin/cases/bulk", data={**base, "csrf": token, "reason": ""})
    assert refused.status_code == 400 and "转办理由" in refused.text and transfers() == []
    other = c.post("/admin/cases/bulk", data={**base, "ids": [str(a), str(d)], "csrf": token, "reason": "财政核查"})
    assert other.status_code == 404 and transfers() == []
    assert c.post("/admin/cases/bulk", data={**base, "ids": ["x"], "csrf": token, "reason": "ab"}).status_code == 400
    ok = c.post(
        "/admin/cases/bulk",
        data={**base, "csrf": token, "reason": "涉及补助资金，由财政局核查"},
        follow_redirects=False,
    )
    assert ok.status_code == 303 and "bulk=transfer" in ok.headers["location"]
    events = transfers()
    assert sorted(e.case_id for e in events) == [a, b] and all("由财政局核查" in (e.reason or "") for e in events)
    with sessions() as s:
        assert {s.get(Case, i).route_unit for i in (a, b)} == {"630223:cz"}  # type: ignore[union-attr]
        audits = s.scalars(select(AuditEntry).where(AuditEntry.action == "case_transfer")).all()
        assert sorted(x.case_id for x in audits if x.case_id) == [a, b]
    again = c.post("/admin/cases/bulk", data={**base, "csrf": token, "reason": "再转一次"})
    assert again.status_code == 400 and len(transfers()) == 2  # same unit: refused, nothing written
    assigned = c.post(
        "/admin/cases/bulk",
        data={"action": "assign", "ids": [str(a), str(b)], "assignee": "李四", "csrf": token},
        follow_redirects=False,
    )
    assert assigned.status_code == 303
    with sessions() as s:
        assert {s.get(CaseRouting, i).assignee for i in (a, b)} == {"李四"}  # type: ignore[union-attr]
    assert "已批量转办" in c.get("/admin/cases?bulk=transfer:2").text
