"""Issue 5's remaining admin features over HTTP, on SQLite and PostgreSQL: answering inquiries (the
villager is told through the outbox) and turning them into knowledge-base drafts, scoped per county;
.xlsx exports; and the administrator's pages for users, the holiday calendar, village coordinates and
the knowledge-base reload. Every POST needs the CSRF token; the administrator sees no case content."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from openpyxl import load_workbook
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from cases import workdays
from cases.staff.accounts import create_user
from config.privacy import user_key
from handlers.admin.exports import neutralise
from handlers.jobs.holiday_live import HolidaySync
from handlers.jobs.kb_live import default_knowledge
from knowledge.inquiry_drafts import draft_title, fitting_topics
from knowledge.loader import ENTRIES_DIR
from storage.db import make_sessionmaker, transaction
from storage.models import Base, Inquiry, OutboxMessage, Village
from storage.models.calendar import HolidayYear
from storage.models.kb import KbDraft
from storage.models.staff import AuditEntry, StaffUser
from storage.repos import inquiries, kb_state, outbox
from storage.types import utcnow
from tests.cases.staff.test_staff_powers import decide, request_id_of
from tests.cases_support import report, submit_once
from tests.handlers.admin.test_admin_pages import client, login
from tests.handlers.admin.test_kb_form import Page
from tests.staff_support import PASSWORD
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

HUZHU, LEDU = "630223106213", "630202103203"
QUESTION = "俺家娃上大学的路费有没有补助"


def add_inquiry(sessions: sessionmaker[Session], village: str, question: str = QUESTION) -> int:
    with transaction(sessions) as s:
        row = inquiries.record(
            s,
            openid="o-asker",
            village_code=village,
            question=question,
            candidates={"entries": ["dibao-apply", "yulu-plan-apply", "yulu-plan-basics"]},
            now=utcnow(),
        )
        return row.id


def audits(sessions: sessionmaker[Session], action: str) -> list[AuditEntry]:
    with sessions() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_the_models_match_the_migrations(engine: Engine) -> None:
    """Migration 0007's tables and columns, as the models declare them."""
    mine = {"inquiries", "kb_drafts", "holiday_years"}

    def include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table in mine

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_staff_answer_an_inquiry_and_the_villager_is_told(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    ours, theirs = add_inquiry(sessions, HUZHU), add_inquiry(sessions, LEDU, "乐都的问题")
    token = login(c, "nync_huzhu")
    listing = c.get("/admin/inquiries")
    assert QUESTION in listing.text and "乐都的问题" not in listing.text
    assert c.get(f"/admin/inquiries/{theirs}").status_code == 404
    page = c.get(f"/admin/inquiries/{ours}")
    assert page.status_code == 200 and "答复群众" in page.text
    refused = c.post(f"/admin/inquiries/{ours}/answer", data={"answer": "有补助"})
    assert refused.status_code == 403 and "CSRF" in refused.text
    empty = c.post(f"/admin/inquiries/{ours}/answer", data={"answer": " ", "csrf": token})
    assert empty.status_code == 400 and "请填写答复内容" in empty.text
    too_early = c.post(f"/admin/inquiries/{ours}/draft", data={"csrf": token})
    assert too_early.status_code == 400 and "请先答复" in too_early.text
    answer = "雨露计划对脱贫家庭的大学生有补助，路费不单独补，请找县乡村振兴局咨询。"
    ok = c.post(f"/admin/inquiries/{ours}/answer", data={"answer": answer, "csrf": token}, follow_redirects=False)
    assert ok.status_code == 303
    again = c.post(f"/admin/inquiries/{ours}/answer", data={"answer": "再答一次", "csrf": token})
    assert again.status_code == 400 and "已经答复" in again.text
    with sessions() as s:
        row = s.get(Inquiry, ours)
        assert row is not None and row.status == "answered" and row.answer == answer
        assert row.answered_by == "staff:nync_huzhu" and row.answered_at is not None and row.notified
        sent = s.scalars(select(OutboxMessage).where(OutboxMessage.user_key == user_key("o-asker"))).all()
    assert len(sent) == 1 and sent[0].kind == "kefu_text" and sent[0].payload["purge_on_send"] is True
    told = outbox.text_of(sent[0]) or ""
    assert answer in told and QUESTION in told
    assert len(told.encode()) < 2048
    assert re.fullmatch(r"inquiry:[0-9a-f]{32}", sent[0].key)  # names neither the inquiry nor the villager
    assert [a.detail["inquiry"] for a in audits(sessions, "inquiry_answer")] == [ours]
    shown = c.get(f"/admin/inquiries/{ours}")
    assert answer in shown.text and "已通过公众号发给群众" in shown.text


def test_another_countys_staff_and_the_administrator_get_no_inquiry(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    ours = add_inquiry(sessions, HUZHU)
    with transaction(sessions) as s:
        town = s.get(Village, HUZHU)
        assert town is not None
        create_user(
            s,
            username="town_wushi",
            role="town",
            unit_code=town.town_code,
            display_name="五十镇",
            password=PASSWORD,
            now=utcnow(),
        )
    token = login(c, "jw_ledu")
    base = f"/admin/inquiries/{ours}"
    assert c.get(base).status_code == 404
    assert QUESTION not in c.get("/admin/inquiries?status=all").text
    for path in (f"{base}/answer", f"{base}/draft"):
        assert c.post(path, data={"answer": "越权答复", "csrf": token}).status_code == 404, path
    assert c.get("/admin/inquiries/abc").status_code == 404
    login(c, "admin")
    assert c.get("/admin/inquiries").status_code == 403
    assert c.get(base).status_code == 403
    login(c, "town_wushi")  # the town of the village sees it
    assert c.get(base).status_code == 200
    login(c, "city")
    assert c.get(base).status_code == 200
    with sessions() as s:
        assert s.get(Inquiry, ours).status == "open"  # type: ignore[union-attr]


def test_an_answered_inquiry_becomes_a_knowledge_base_draft(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    ours = add_inquiry(sessions, HUZHU)
    token = login(c, "jw_huzhu")
    answer = "谁能享受：脱贫家庭的学生。\n找谁：县乡村振兴局。"
    c.post(f"/admin/inquiries/{ours}/answer", data={"answer": answer, "csrf": token})
    made = c.post(f"/admin/inquiries/{ours}/draft", data={"csrf": token}, follow_redirects=False)
    assert made.status_code == 303
    twice = c.post(f"/admin/inquiries/{ours}/draft", data={"csrf": token})
    assert twice.status_code == 400 and "已经交给知识库管理员了" in twice.text
    with sessions() as s:
        draft = s.scalars(select(KbDraft).where(KbDraft.inquiry_id == ours)).one()
    assert draft.status == "drafted" and draft.county_code == "630223" and draft.body == ""  # no file is made
    page = c.get(f"/admin/inquiries/{ours}")
    assert "已交给知识库管理员" in page.text and "交给知识库管理员</button>" not in page.text
    for gone in ("YAML", "下载", "放入知识库文件", ".yaml", "/admin/kb/drafts/", "qingfeng"):
        assert gone not in page.text, gone
    assert f"· {draft.created_by} ·" not in page.text  # the person by name, never the login
    assert c.get(f"/admin/kb/drafts/{draft.id}.yaml").status_code == 404  # no download any more
    login(c, "admin")  # the knowledge-base maintainer
    kb_page = c.get("/admin/kb").text
    assert QUESTION in kb_page and f'href="/admin/kb/entries/new?draft={draft.id}">写成条目</a>' in kb_page
    assert "630223" not in kb_page and "/admin/kb/drafts/" not in kb_page and "放入知识库文件" not in kb_page
    assert "qingfeng" not in kb_page and "knowledge/entries" not in kb_page and "/tmp/" not in kb_page
    form = Page(c.get("/admin/kb/entries/new", params={"draft": str(draft.id)}).text)
    fields = dict(form.fields)
    assert fields["title"] == QUESTION and fields["questions"] == QUESTION and fields["scope"] == "630223"
    # two of the four parts: edited whole, for the maintainer to arrange, never split behind their back
    assert fields["answer_whole"] == answer and "part" not in fields
    assert [v for k, v in form.fields if k == "topic"] == [
        "",
        "",
        "",
    ]  # the chat offered entries it could not answer with: no topic is guessed
    assert 'name="draft" value="' + str(draft.id) + '"' in c.get(f"/admin/kb/entries/new?draft={draft.id}").text
    assert len(audits(sessions, "inquiry_kb_draft")) == 1


def test_the_form_from_an_inquiry_is_the_same_review_and_marks_the_hand_over(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    ours = add_inquiry(sessions, HUZHU)
    token = login(c, "jw_huzhu")
    answer = "谁能享受：脱贫家庭的大学生。\n标准：按当年标准。\n怎么办：向村委会申请。\n找谁：县乡村振兴局。"
    c.post(f"/admin/inquiries/{ours}/answer", data={"answer": answer, "csrf": token})
    c.post(f"/admin/inquiries/{ours}/draft", data={"csrf": token})
    with sessions() as s:
        draft_id = s.scalars(select(KbDraft.id).where(KbDraft.inquiry_id == ours)).one()
    token = login(c, "admin")
    form = Page(c.get("/admin/kb/entries/new", params={"draft": str(draft_id)}).text)
    assert [v for k, v in form.fields if k == "part"] == [
        "脱贫家庭的大学生。",
        "按当年标准。",
        "向村委会申请。",
        "县乡村振兴局。",
    ]
    posted = {k: [v for key, v in form.fields if key == k] for k, _ in form.fields}
    posted["csrf"] = [token]
    refused = c.post("/admin/kb/entries", data=posted)  # one question and no source: kb check's rules refuse it
    assert refused.status_code == 400 and "没有保存" in refused.text
    assert f'name="draft" value="{draft_id}"' in refused.text  # still from the hand-over
    with sessions() as s:
        assert s.get(KbDraft, draft_id).status == "drafted"  # type: ignore[union-attr]
    posted["questions"] = [
        "\r\n".join([QUESTION, "上大学路费有补助吗", "大学生路费补助", "娃上大学路费咋报", "考上大学有路费没"])
    ]
    posted.update(
        source_name=["《某县雨露计划实施办法》", ""],
        source_issuer=["某县乡村振兴局", ""],
        source_number=["", ""],
        source_date=["2026-01-01", ""],
        source_checked=["测试数据", ""],
        source_verified=["no", "no"],
        topic=["yulu-plan", "", ""],
    )
    done = c.post("/admin/kb/entries", data=posted, follow_redirects=False)
    assert done.status_code == 303, Page(done.text).text()[:600]
    assert "/admin/kb/reviews?submitted=" in done.headers["location"]  # the same review as every entry
    with sessions() as s:
        assert s.get(KbDraft, draft_id).status == "written"  # type: ignore[union-attr]
    assert "已写成条目，已提交审核" in c.get("/admin/kb").text
    assert c.get("/admin/kb/entries/new", params={"draft": "999999"}).status_code == 404
    assert c.get("/admin/kb/entries/new", params={"draft": "x"}).status_code == 404


def test_topics_are_guessed_only_when_they_fit() -> None:
    kb = default_knowledge()
    assert fitting_topics(kb, "养蜂补贴有没有", "630223") == []  # offered farm machinery and corruption: none fits
    assert fitting_topics(kb, "低保咋申请", "630223") == ["dibao"]
    assert fitting_topics(kb, "今天天气怎么样", None) == []
    assert draft_title("俺家娃  上大学") == "俺家娃 上大学" and draft_title("问" * 50) == "问" * 40 + "…"


def test_xlsx_export_is_scoped_neutralised_without_identity_and_audited(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    evil = '=HYPERLINK("http://x")\x07 村干部截留补助'
    submit_once(sessions, report("o-x", description=evil, anonymous=False, name="王五", phone="13900002222"), "k-x")
    submit_once(sessions, report("o-y", village_code=LEDU, description="+1 乐都的事情"), "k-y")
    login(c, "city")
    resp = c.get("/admin/cases.xlsx?county=630223")
    assert resp.status_code == 200 and "spreadsheetml" in resp.headers["content-type"]
    assert ".xlsx" in resp.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(resp.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("编号", "县", "乡镇") and len(rows) == 2
    assert sheet.freeze_panes == "A2" and sheet.column_dimensions["A"].width >= 10
    text = repr(rows)
    assert "王五" not in text and "13900002222" not in text and "o-x" not in text
    assert rows[1][-1].startswith("'=HYPERLINK") and "\x07" not in rows[1][-1]
    everything = list(load_workbook(io.BytesIO(c.get("/admin/cases.xlsx").content)).active.iter_rows(values_only=True))
    assert any(str(r[-1]).startswith("'+1") for r in everything)
    stats = c.get("/admin/stats.xlsx")
    table = list(load_workbook(io.BytesIO(stats.content)).active.iter_rows(values_only=True))
    assert table[0][:4] == ("分组", "名称", "收到", "办结") and next(r for r in table if r[0] == "合计")[2] == 2
    login(c, "jw_ledu")
    mine = list(load_workbook(io.BytesIO(c.get("/admin/cases.xlsx").content)).active.iter_rows(values_only=True))
    assert len(mine) == 2 and "乐都" in str(mine[1])
    login(c, "admin")
    assert c.get("/admin/cases.xlsx").status_code == 403
    kinds = [(a.username, a.detail.get("rows"), a.detail.get("format")) for a in audits(sessions, "export_queue")]
    assert ("city", 1, "xlsx") in kinds and ("jw_ledu", 1, "xlsx") in kinds
    assert [a.detail.get("format") for a in audits(sessions, "export_stats")] == ["xlsx"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [("=1+1", "'=1+1"), ("+86", "'+86"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("ok", "ok")],
)
def test_one_rule_neutralises_formulas_for_csv_and_xlsx(value: str, shown: str) -> None:
    assert neutralise(value) == shown
    assert neutralise(None) == ""


@pytest.mark.slow  # several seconds: out of `make test-fast`, still in `make test`
def test_administrator_manages_users(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    login(c, "jw_huzhu")
    assert c.get("/admin/users").status_code == 403
    token = login(c, "admin")
    assert "jw_huzhu" in c.get("/admin/users").text
    new = {"action": "create", "username": "sj_huzhu", "display_name": "审计", "role": "department"}
    assert c.post("/admin/users", data={**new, "unit": "630223:sj", "password": "long-enough-1"}).status_code == 403
    bad_unit = c.post("/admin/users", data={**new, "unit": "630223", "password": "long-enough-1", "csrf": token})
    assert bad_unit.status_code == 400 and "有效的单位" in bad_unit.text
    short = c.post("/admin/users", data={**new, "unit": "630223:sj", "password": "short", "csrf": token})
    assert short.status_code == 400 and "密码至少 10 位" in short.text
    made = c.post("/admin/users", data={**new, "unit": "630223:sj", "password": "long-enough-1", "csrf": token})
    assert made.status_code == 200 and "已提交申请" in made.text  # a role with case access: a supervisor confirms
    assert not login(c, "sj_huzhu", "long-enough-1")
    assert decide(c, "jw_huzhu", request_id_of(sessions, "sj_huzhu")) == 303
    token = login(c, "admin")
    dup = c.post("/admin/users", data={**new, "unit": "630223:sj", "password": "long-enough-1", "csrf": token})
    assert dup.status_code == 400 and "已存在" in dup.text
    assert login(c, "sj_huzhu", "long-enough-1")
    with sessions() as s:
        user = s.scalars(select(StaffUser).where(StaffUser.username == "sj_huzhu")).one()
        admin_id = s.scalars(select(StaffUser).where(StaffUser.username == "admin")).one().id
        assert user.password_hash.startswith("$argon2") and user.unit_code == "630223:sj"
    token = login(c, "admin")
    reset = {"action": "reset", "user_id": str(user.id), "password": "another-pass-2", "csrf": token}
    assert "已提交申请" in c.post("/admin/users", data=reset).text
    assert decide(c, "jw_huzhu", request_id_of(sessions, "sj_huzhu", "reset")) == 303
    assert not login(c, "sj_huzhu", "long-enough-1") and login(c, "sj_huzhu", "another-pass-2")
    token = login(c, "admin")
    locked = c.post("/admin/users", data={"action": "lock", "user_id": str(user.id), "csrf": token})
    assert "已停用" in locked.text
    self_lock = c.post("/admin/users", data={"action": "lock", "user_id": str(admin_id), "csrf": token})
    assert self_lock.status_code == 400
    assert not login(c, "sj_huzhu", "another-pass-2")
    token = login(c, "admin")
    c.post("/admin/users", data={"action": "unlock", "user_id": str(user.id), "csrf": token})
    assert login(c, "sj_huzhu", "another-pass-2")
    actions = [(a.username, a.detail["role"], a.detail["unit"]) for a in audits(sessions, "user_create_confirmed")]
    assert actions == [("jw_huzhu", "department", "630223:sj")]
    for action in ("user_create_requested", "user_reset_requested", "user_reset_confirmed", "user_lock", "user_unlock"):
        assert [a.detail["username"] for a in audits(sessions, action)] == ["sj_huzhu"]
    with sessions() as s:
        assert not any("pass" in str(a.detail) for a in s.scalars(select(AuditEntry)))


NOTICE_2027 = {
    "year": "2027",
    "notice": "国务院办公厅关于2027年部分节假日安排的通知",
    "number": "",
    "issued": "2026-11-05",
    "source": "测试数据（不是真实通知）",
    "holidays": "2027-01-01 元旦\n2027-02-05 2027-02-11 春节\n2027-10-01 2027-10-07 国庆节",
    "workdays": "2027-02-13, 2027-10-09",
}


def _workdays_between(sessions: sessionmaker[Session], start: str, end: str) -> int:
    """Working days after `start` up to and including `end`, as the scoreboard's workday_index counts them."""
    with sessions() as s:
        rows = s.execute(text("SELECT day, n FROM workday_index WHERE day IN (:a, :b)"), {"a": start, "b": end})
        n = {str(day): int(count) for day, count in rows}
    return int(n[end]) - int(n[start])


def test_administrator_adds_next_years_holidays(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    calendar = c.app.state.runtime.calendar  # this app's, which the page updates
    try:
        token = login(c, "admin")
        page = c.get("/admin/holidays")
        assert "国办发明电〔2024〕12号" in page.text and "2027" in page.text
        assert c.post("/admin/holidays", data=NOTICE_2027).status_code == 403
        wrong = c.post("/admin/holidays", data={**NOTICE_2027, "notice": "2027年放假安排", "csrf": token})
        assert wrong.status_code == 400 and "国务院办公厅关于" in wrong.text
        outside = c.post("/admin/holidays", data={**NOTICE_2027, "workdays": "2028-01-02", "csrf": token})
        assert outside.status_code == 400 and "不在 2027 年内" in outside.text
        shipped = c.post("/admin/holidays", data={**NOTICE_2027, "year": "2026", "csrf": token})
        assert shipped.status_code == 400 and "随程序发布" in shipped.text
        assert calendar.is_working_day(date(2027, 2, 8))  # not yet loaded: Monday to Friday
        assert _workdays_between(sessions, "2027-02-04", "2027-02-12") == 6  # Monday to Friday for now
        ok = c.post("/admin/holidays", data={**NOTICE_2027, "csrf": token}, follow_redirects=False)
        assert ok.status_code == 303
        assert not calendar.is_working_day(date(2027, 2, 8)) and calendar.is_working_day(date(2027, 2, 13))
        assert calendar.add_working_days(date(2027, 2, 4), 1) == date(2027, 2, 12)
        assert not workdays.SHIPPED.covered(date(2027, 2, 8))  # no other app's calendar changed
        assert "测试数据" in c.get("/admin/holidays").text
        with sessions() as s:
            row = s.get(HolidayYear, 2027)
            assert row is not None and row.added_by == "admin" and row.workdays == ["2027-02-13", "2027-10-09"]
            # The scoreboard's working-day index follows the year at once: 春节 (2027-02-05..11) is no working day.
        # The scoreboard's working-day index follows the year at once: 春节 (2027-02-05..11) has no working day.
        assert _workdays_between(sessions, "2027-02-04", "2027-02-12") == 1
        # Another process picks it up from the table.
        other = workdays.WorkCalendar()
        assert HolidaySync(sessions, calendar=other).refresh() == 1 and 2027 in other.years()
        assert [a.detail["year"] for a in audits(sessions, "holiday_year_add")] == [2027]
        login(c, "jw_huzhu")
        assert c.get("/admin/holidays").status_code == 403
    finally:
        calendar.use_stored({})


def test_administrator_sets_village_coordinates(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    token = login(c, "admin")
    listing = c.get("/admin/coordinates?county=630223000000&town=630223106000")
    assert "土观村委会" in listing.text and "班彦村委会" in listing.text
    assert ">国测局坐标（微信、国内地图）</option>" in listing.text and ">GPS坐标（卫星定位）</option>" in listing.text
    for internal in (">gcj02<", ">wgs84<", "gcj02 是", "lat,lng", "qingfeng"):  # codes and commands stay out of sight
        assert internal not in listing.text, internal
    point = {"code": HUZHU, "lat": "36.8437", "lng": "102.0316", "datum": "gcj02"}
    assert c.post("/admin/coordinates", data=point).status_code == 403
    bad = c.post("/admin/coordinates", data={**point, "lat": "北纬", "csrf": token})
    assert bad.status_code == 400 and "请填写数字" in bad.text
    far = c.post("/admin/coordinates", data={**point, "lat": "136", "csrf": token})
    assert far.status_code == 400
    datum = c.post("/admin/coordinates", data={**point, "datum": "bd09", "csrf": token})
    assert datum.status_code == 400 and "请选择坐标系（国测局坐标或GPS坐标）" in datum.text
    saved = c.post("/admin/coordinates", data={**point, "csrf": token}, follow_redirects=False)
    assert saved.status_code == 303
    assert re.search(r"已保存 \S+村委会 的坐标", c.get(saved.headers["location"]).text)
    with sessions() as s:
        v = s.get(Village, HUZHU)
        assert v is not None and (v.lat, v.lng, v.datum) == (36.8437, 102.0316, "gcj02")
    c.post("/admin/coordinates", data={"code": HUZHU, "lat": "", "lng": "", "datum": "gcj02", "csrf": token})
    with sessions() as s:
        v = s.get(Village, HUZHU)
        assert v is not None and v.lat is None and v.datum is None
    changes = audits(sessions, "village_coordinates")
    assert [a.detail["new"]["lat"] for a in changes] == [36.8437, None]
    login(c, "city")
    assert c.get("/admin/coordinates").status_code == 403


def test_administrator_reloads_the_knowledge_base(engine: Engine, tmp_path: Path) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    token = login(c, "admin")
    assert c.post("/admin/kb/reload", data={}).status_code == 403
    done = c.post("/admin/kb/reload", data={"csrf": token})
    assert done.status_code == 200 and "已重新加载：版本 1" in done.text
    with sessions() as s:
        assert kb_state.get_version(s) == 1
    login(c, "jw_huzhu")
    assert c.get("/admin/kb").status_code == 403
    # A directory with a broken entry is refused and the version stays.
    entries = tmp_path / "entries"
    shutil.copytree(ENTRIES_DIR, entries)
    bad_client = make_client(engine, kb_dir=entries)
    (entries / "broken.yaml").write_text("id: broken\ntitle: x\n", encoding="utf-8")
    token = login(bad_client, "admin")
    refused = bad_client.post("/admin/kb/reload", data={"csrf": token})
    assert refused.status_code == 400 and "没有重新加载" in refused.text and "broken.yaml" in refused.text
    assert str(entries) not in refused.text  # the file's name, not the server's directory
    with sessions() as s:
        assert kb_state.get_version(s) == 1
    assert [a.detail["ok"] for a in audits(sessions, "kb_reload")] == [True, False]


def test_the_units_page_shows_names_not_codes_or_commands(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    token = login(c, "admin")
    page = c.get("/admin/units?county=630223").text
    shown = re.sub(r"<[^>]*>", "", page)  # what the administrator reads
    assert "630223:" not in shown and "qingfeng" not in shown and "交给系统管理员" not in shown
    # The administrator is told how a whole list goes in: the file, its header, what happens to bad rows.
    assert (
        "CSV 表格" in shown and "代码,名称,类型,层级,部门,县代码,乡镇代码,上级代码" in shown and "按行号列出" in shown
    )
    assert 'value="630223:nync"' in page  # the code stays in the form, out of sight
    renamed = c.post(
        "/admin/units", data={"csrf": token, "code": "630223:nync", "name": "互助县农业农村局", "active": "on"}
    )
    assert renamed.status_code == 200 and "互助县农业农村局" in renamed.text
    assert [a.detail["unit"] for a in audits(sessions, "unit_edit")] == ["630223:nync"]
