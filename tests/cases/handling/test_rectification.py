"""Five-level ratings and the rectification loop (#20 §3, 国办发〔2019〕51号): migration 0021's mapping of the three
levels (cases and the rollup, up and down); the chat's five levels (digits, full-width, words, 非常不满意 not
read as 不满意, prompts from before read as three); 非常不满意 -> reason -> reopened with the loop's due and on the
督办清单; 回访, 整改, 申诉 and 裁定 through the admin pages, scoped (only a supervisor rules, and not on its own
unit's appeal); an upheld appeal keeps the rating, marked, out of 满意率, with the rollup agreeing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.intents.rating import level
from cases import access, lifecycle, ratings
from cases.handling import case_steps, rectification
from cases.reading import queue, stats
from cases.workdays import SHIPPED
from storage.db import make_sessionmaker, transaction
from storage.migrate import alembic_config, upgrade
from storage.models import Base
from storage.models.cases import Case, CaseEvent, CaseRectification
from storage.models.staff import AuditEntry, StaffUser
from storage.types import utcnow
from tests.cases.routing.test_cadre_routing import fresh_engine  # noqa: F401  (the fixture)
from tests.cases_support import KEYS, VILLAGE, report, submit_once
from tests.h5_support import h5_client
from tests.handlers.admin.test_admin_pages import login
from tests.report_support import NUMBER_RE, Villager, file_report
from tests.webhook_support import Sender

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


# -- migration 0021 ---------------------------------------------------------------------------------------------

_INSERT = text(
    "INSERT INTO cases (number, submit_key, channel, county_code, category, status, description, anonymous,"
    " query_code_hash, code_failures, route_unit, route_unit_name, route_reason, first_response_due, resolve_due,"
    " deadline_basis, far_from_village, created_at, updated_at, closed_at, finding, rating)"
    " VALUES (:n, :n, 'chat', '630223', 'funds', 'closed', '村会计截留补助', :yes, 'x', 0, '630223:jw', '纪委监委',"
    " '规则', :t, :t, '条例', :no, :t, :t, :t, '查实', :rating)"
)


def _ratings(conn: object) -> dict[str, int | None]:
    return dict(conn.execute(text("SELECT number, rating FROM cases")).all())  # type: ignore[attr-defined]


def _cells(conn: object, levels: int) -> tuple[int, ...]:
    columns = ", ".join(f"SUM(rating_{n})" for n in range(1, levels + 1))
    return tuple(conn.execute(text(f"SELECT {columns} FROM case_stat_cells")).one())  # type: ignore[attr-defined]


def test_migration_0021_maps_three_levels_onto_five_in_cases_and_the_rollup_and_back(fresh_engine: Engine) -> None:  # noqa: F811
    upgrade(fresh_engine, "0020")
    t = utcnow()
    with fresh_engine.begin() as conn:
        for number, rating in (("A", 1), ("B", 2), ("C", 3), ("D", 3), ("E", None)):
            conn.execute(_INSERT, {"n": number, "t": t, "rating": rating, "yes": True, "no": False})
        assert _cells(conn, 3) == (1, 1, 2)
    upgrade(fresh_engine, "0021")
    with fresh_engine.begin() as conn:
        assert _ratings(conn) == {"A": 2, "B": 3, "C": 4, "D": 4, "E": None}  # ratings.FROM_THREE_LEVELS
        assert _cells(conn, 5) == (0, 1, 1, 2, 0)
        # the remade triggers count five levels and leave out an upheld appeal's rating
        conn.execute(text("UPDATE cases SET rating = 5 WHERE number = 'E'"))
        conn.execute(text("UPDATE cases SET rating = 1 WHERE number = 'A'"))
        conn.execute(text("UPDATE cases SET rating_excluded = :yes WHERE number = 'C'"), {"yes": True})
        assert _cells(conn, 5) == (1, 0, 1, 1, 1)
    assert {r: ratings.FROM_THREE_LEVELS[r] for r in (1, 2, 3)} == {1: 2, 2: 3, 3: 4}
    cfg = alembic_config()
    with fresh_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0020")
    with fresh_engine.begin() as conn:
        # 1 and 2 -> 1, 3 -> 2, 4 and 5 -> 3 (lossy), and the excluded rating counts again
        assert _ratings(conn) == {"A": 1, "B": 2, "C": 3, "D": 3, "E": 3}
        assert _cells(conn, 3) == (1, 1, 3)
        conn.execute(text("UPDATE cases SET rating = 2 WHERE number = 'E'"))
        assert _cells(conn, 3) == (1, 2, 2)  # the three-level triggers are back


def test_the_models_match_migration_0021(engine: Engine) -> None:
    mine = {"case_rectifications", "case_stat_cells", "cases"}

    def include(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table in mine and not str(name).endswith("_trgm")  # PostgreSQL's text search only (0008)

    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts={"include_object": include}), Base.metadata) == []


# -- the chat's five levels ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "scale", "meant"),
    [
        ("1", 5, 1),
        ("５", 5, 5),  # full-width
        (" 4 ", 5, 4),
        ("非常不满意", 5, 5),  # not 不满意, which is inside it
        ("非常不满意！", 5, 5),
        ("不满意", 5, 4),
        ("很不满意", 5, 5),
        ("不太满意", 5, 4),
        ("非常满意", 5, 1),
        ("满意。", 5, 2),
        ("基本满意", 5, 3),
        ("3", 3, 4),  # a prompt sent before migration 0021: 3 was 不满意
        ("1", 3, 2),
        ("6", 5, None),
        ("我要反映村干部不满意群众的事情", 5, None),  # a long message is something else
        ("你好", 5, None),
    ],
)
def test_a_short_answer_to_the_prompt_reads_as_one_of_the_five_levels(said: str, scale: int, meant: int | None) -> None:
    assert level(said, scale=scale) == meant


def test_the_prompt_lists_the_five_levels() -> None:
    assert case_steps.RATING_PROMPT.splitlines()[1:] == [
        "1 非常满意",
        "2 满意",
        "3 基本满意",
        "4 不满意",
        "5 非常不满意",
    ]


# -- the loop through the chat and the admin pages --------------------------------------------------------------


def _client(engine: Engine, tmp_path: Path) -> TestClient:
    return h5_client(engine, tmp_path / "media", users=True)


def _post(c: TestClient, cid: int, token: str, action: str, **fields: str) -> tuple[int, str]:
    page = c.post(f"/admin/cases/{cid}/action", data={"csrf": token, "action": action, **fields})
    return page.status_code, page.text


def _ok(c: TestClient, cid: int, token: str, action: str, **fields: str) -> str:
    status, html = _post(c, cid, token, action, **fields)
    assert status == 200, html
    return html


def _done(html: str) -> str:
    found = re.search(r'id="done" role="status">([^<]*)<', html)
    return found.group(1) if found else ""


def _redo(c: TestClient) -> str:
    listed: str = c.get("/admin/supervision").text
    start = listed.index('id="redo"')
    return listed[start : listed.index("</table>", start)]


@pytest.fixture
def closed_by_cz(engine: Engine, tmp_path: Path) -> Iterator[tuple[TestClient, Villager, str, int]]:
    """A chat case transferred by the county 纪委 to the 财政局, which answers and closes it."""
    c = _client(engine, tmp_path)
    v = Villager(Sender(c, safe=True), "o-rectify")
    v.scan(VILLAGE)
    number = re.search(NUMBER_RE, file_report(v)).group(1)  # type: ignore[union-attr]
    with make_sessionmaker(engine)() as s:
        cid = int(s.scalars(select(Case.id).where(Case.number == number)).one())
    token = login(c, "jw_huzhu")
    _ok(c, cid, token, "transfer", to_unit="630223:cz", reason="补助资金由财政局拨付")
    token = login(c, "cz_huzhu")
    _ok(c, cid, token, "accept")
    _ok(c, cid, token, "reply", text="已核实，补助已发放。")
    _ok(c, cid, token, "close", finding="不实", resolution="经核查，补助已按时发放到户。")
    yield c, v, number, cid


def test_very_dissatisfied_in_the_chat_asks_the_reason_reopens_and_puts_the_case_on_the_supervision_list(
    engine: Engine, closed_by_cz: tuple[TestClient, Villager, str, int]
) -> None:
    c, v, number, cid = closed_by_cz
    asked = v.say("非常不满意")
    assert "非常不满意" in asked and "不满意的原因" in asked
    assert "回访" in v.say("钱根本没到我手里")
    with make_sessionmaker(engine)() as s:
        case = s.get(Case, cid)
        assert case is not None and case.status == lifecycle.REOPENED and case.rating == 5
        loop = s.scalars(select(CaseRectification).where(CaseRectification.case_id == cid)).one()
        assert loop.rating == 5 and loop.reason == "钱根本没到我手里" and loop.closed_at is None
        assert case.resolve_due == loop.due_at and "国办发〔2019〕51号" in case.deadline_basis
        days = SHIPPED.add_working_days((loop.opened_at + timedelta(hours=8)).date(), 15)
        assert (loop.due_at + timedelta(hours=8)).date() == days  # 15 working days, Beijing dates
    login(c, "jw_huzhu")
    redo = _redo(c)
    assert number in redo and "钱根本没到我手里" in redo and "非常不满意" in redo and "待回访" in redo
    login(c, "jw_ledu")  # another county's commission sees nothing of it
    assert number not in _redo(c)


def test_return_visit_fix_appeal_and_ruling_through_the_admin_pages(
    engine: Engine, closed_by_cz: tuple[TestClient, Villager, str, int]
) -> None:
    c, v, number, cid = closed_by_cz
    v.say("4")
    v.say("补助少发了 500 元")
    token = login(c, "cz_huzhu")
    page = c.get(f"/admin/cases/{cid}").text
    assert 'id="rectification"' in page and "补助少发了 500 元" in page and "尚未回访" in page
    assert "请先登记回访" in page  # where 登记整改结果 would be
    assert "群众不满意后的整改尚未完成" not in page  # 办结 is not due yet: the case is reopened, not answered
    status, html = _post(c, cid, token, "rectify", outcome="已补发 500 元")
    assert status == 400 and "请先登记回访" in html
    status, html = _post(c, cid, token, "rule_appeal", decision="uphold", note="同意")
    assert status == 403 and "只有纪委监委可以裁定申诉" in html  # not a supervisor
    done = _ok(c, cid, token, "appeal_rating", kind="beyond_powers", reason="补助标准由省里定，本局无权调整")
    assert "已提交申诉" in _done(done)
    status, html = _post(c, cid, token, "appeal_rating", kind="malicious", reason="再申诉一次试试")
    assert status == 400 and "没有可以申诉的差评" in html
    token = login(c, "jw_ledu")
    assert c.post(f"/admin/cases/{cid}/action", data={"csrf": token, "action": "rule_appeal"}).status_code == 404
    token = login(c, "jw_huzhu")
    assert f"申诉待裁定：案件 {number}" in c.get("/admin/cases").text  # the supervising unit is told
    page = c.get(f"/admin/cases/{cid}").text
    assert re.findall(r'id="step-([a-z_]+)"', page)[0] == "rule_appeal" and "超出本单位职权" in page
    done = _ok(c, cid, token, "rule_appeal", decision="dismiss", note="少发属实，应当整改")
    assert "申诉不成立" in _done(done)
    token = login(c, "cz_huzhu")
    _ok(c, cid, token, "accept")
    status, html = _post(c, cid, token, "phone_rating", rating="4", note="")
    assert status == 400 and "请填写回访记录" in html
    done = _ok(c, cid, token, "phone_rating", rating="3", note="电话联系群众，说明将补发 500 元")
    assert "已登记回访" in _done(done)
    done = _ok(c, cid, token, "rectify", outcome="已补发 500 元，并核对全村发放名单")
    assert "整改结果" in _done(done)
    login(c, "jw_huzhu")
    assert number not in _redo(c)  # the loop has ended
    token = login(c, "cz_huzhu")
    _ok(c, cid, token, "reply", text="已补发 500 元。")
    _ok(c, cid, token, "close", finding="查实", resolution="已补发 500 元。")
    assert "感谢您的评价（满意）" in v.say("2")
    page = c.get(f"/admin/cases/{cid}").text
    for words in ("回访", "整改结果", "对差评申诉", "裁定申诉", "已补发 500 元，并核对全村发放名单", "申诉不成立"):
        assert words in page, words
    assert "rectified" not in page and "appeal_ruled" not in page and "staff:" not in page
    with make_sessionmaker(engine)() as s:
        case = s.get(Case, cid)
        assert case is not None and case.rating == 2 and case.status == lifecycle.CLOSED
        audited = set(s.scalars(select(AuditEntry.action).where(AuditEntry.case_id == cid)))
        events = [e.action for e in s.scalars(select(CaseEvent).where(CaseEvent.case_id == cid))]
    assert {"case_appeal_rating", "case_rule_appeal", "case_phone_rating", "case_rectify"} <= audited
    assert {"appeal", "appeal_ruled", "phone_followup", "rectified"} <= set(events)
    login(c, "jw_huzhu")
    audit = c.get("/admin/audit").text
    assert "登记整改结果" in audit and "对差评申诉" in audit and "case_rectify" not in audit


def test_a_supervisor_does_not_rule_on_its_own_units_appeal(engine: Engine, tmp_path: Path) -> None:
    c = _client(engine, tmp_path)
    v = Villager(Sender(c, safe=True), "o-own-appeal")
    v.scan(VILLAGE)
    number = re.search(NUMBER_RE, file_report(v)).group(1)  # type: ignore[union-attr]
    with make_sessionmaker(engine)() as s:
        cid = int(s.scalars(select(Case.id).where(Case.number == number)).one())
    token = login(c, "jw_huzhu")  # the county 纪委 leads this case itself
    _ok(c, cid, token, "accept")
    _ok(c, cid, token, "reply", text="已核实。")
    _ok(c, cid, token, "close", finding="不实", resolution="经核查，补助已发放。")
    v.say("5")
    v.say("乱说")
    _ok(c, cid, token, "appeal_rating", kind="malicious", reason="群众所说与核查事实不符，且辱骂工作人员")
    status, html = _post(c, cid, token, "rule_appeal", decision="uphold", note="同意")
    assert status == 400 and "须由其他纪委监委或市纪委监委裁定" in html
    token = login(c, "city")
    assert f"申诉待裁定：案件 {number}" in c.get("/admin/cases").text  # the commission's own supervisor is told
    assert "申诉成立" in _done(_ok(c, cid, token, "rule_appeal", decision="uphold", note="经查属恶意差评"))


# -- an upheld appeal and the statistics --------------------------------------------------------------------------


def _rated(sessions: sessionmaker[Session], key: str, rating: int) -> int:
    sub = submit_once(sessions, report(f"o-{key}"), key)
    with transaction(sessions) as s:
        case = s.get(Case, sub.case_id)
        assert case is not None
        now = utcnow()
        case_steps.accept(s, case=case, actor="staff:x", keys=KEYS, now=now)
        case_steps.public_reply(s, case=case, text="已核实。", actor="staff:x", keys=KEYS, now=now)
        case_steps.close(s, case=case, finding="不实", resolution="已核实。", actor="staff:x", keys=KEYS, now=now)
        case_steps.rate(s, case=case, rating=rating, reason="不认可", actor="villager", now=now, calendar=SHIPPED)
    return sub.case_id


def test_an_upheld_appeal_keeps_the_rating_marked_and_out_of_the_satisfaction_figure(engine: Engine) -> None:
    from tests.staff_support import load_org

    sessions = make_sessionmaker(engine)
    load_org(sessions)
    good, bad, other = _rated(sessions, "r-good", 1), _rated(sessions, "r-bad", 5), _rated(sessions, "r-other", 3)
    with sessions() as s:
        city = access.viewer_for(s, s.scalars(select(StaffUser).where(StaffUser.username == "city")).one())

    def figures() -> list[tuple[dict[int, int], float | None]]:
        with sessions() as s:
            out = []
            for rollup in (True, False):
                total = stats.compute(s, city, queue.parse({}), now=utcnow(), rollup=rollup).total
                out.append((total.ratings, total.satisfied_share))
            return out

    before = figures()
    assert before[0] == before[1] and before[0][0] == {1: 1, 2: 0, 3: 1, 4: 0, 5: 1}
    assert before[0][1] == pytest.approx((1 + 0.6) / 3)
    with transaction(sessions) as s:
        case = s.get(Case, bad)
        assert case is not None
        rectification.appeal(s, case=case, kind="malicious", reason="与事实不符的辱骂", actor="staff:x", now=utcnow())
        said = rectification.rule(s, case=case, uphold=True, note="属恶意差评", actor="staff:city", now=utcnow())
        assert "不计入满意率" in said
    after = figures()
    assert after[0] == after[1] and after[0][0] == {1: 1, 2: 0, 3: 1, 4: 0, 5: 0}
    assert after[0][1] == pytest.approx((1 + 0.6) / 2)
    with sessions() as s:
        case = s.get(Case, bad)
        assert case is not None and case.rating == 5 and case.rating_excluded  # kept, marked
        assert rectification.open_loop(s, case) is None  # the loop ends with the upheld appeal
        assert {good, other} == set(s.scalars(select(Case.id).where(Case.rating_excluded.is_(False))))


def test_the_reopen_reason_names_the_level_only_when_it_says_more_than_the_words_before_it(engine: Engine) -> None:
    from handlers.admin.desk_text import without_echo
    from tests.staff_support import load_org

    sessions = make_sessionmaker(engine)
    load_org(sessions)
    unhappy, very = _rated(sessions, "r-4", 4), _rated(sessions, "r-5", 5)
    with sessions() as s:
        reasons = {
            e.case_id: e.reason or ""
            for e in s.scalars(select(CaseEvent).where(CaseEvent.to_status == lifecycle.REOPENED))
        }
    assert reasons[unhappy] == "群众不满意，重新办理并督办：不认可"  # never 群众不满意（不满意）
    assert reasons[very] == "群众不满意（非常不满意），重新办理并督办：不认可"  # the level adds something: kept
    assert case_steps.reopen_reason(4, None) == "群众不满意，重新办理并督办"
    for written in reasons.values():
        assert without_echo(written) == written  # the history shows what is written now unchanged


# -- the H5 track page -----------------------------------------------------------------------------------------


def test_the_h5_page_offers_five_levels_and_asks_the_reason_of_a_dissatisfied_rating(
    engine: Engine, tmp_path: Path
) -> None:
    from tests.h5_support import csrf_of
    from tests.handlers.h5.test_h5_pages import BASE, confirm, number_and_code, preview

    c = h5_client(engine, tmp_path / "media")
    number, code = number_and_code(confirm(c, preview(c).text).text)
    with transaction(make_sessionmaker(engine)) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        case_steps.accept(s, case=case, actor="staff:x", keys=KEYS, now=utcnow())
        case_steps.public_reply(s, case=case, text="已核实。", actor="staff:x", keys=KEYS, now=utcnow())
        case_steps.close(
            s, case=case, finding="不实", resolution="补助已发放。", actor="staff:x", keys=KEYS, now=utcnow()
        )
    token = csrf_of(c.get(BASE + "/track").text)
    shown = c.post(BASE + "/track", data={"csrf": token, "number": number, "code": code}).text
    labels = re.findall(r'name="rating" value="(\d)" required> ([^<]+)</label>', shown)
    assert labels == [(str(n), label) for n, label in ratings.LABELS.items()]
    form = {"csrf": token, "number": number, "code": code}
    assert c.post(BASE + "/rate", data={**form, "rating": "6"}).status_code == 400
    no_reason = c.post(BASE + "/rate", data={**form, "rating": "5"})
    assert no_reason.status_code == 400 and "请说说不满意的原因" in no_reason.text
    with make_sessionmaker(engine)() as s:
        assert s.scalars(select(Case.rating).where(Case.number == number)).one() is None
    rated = c.post(BASE + "/rate", data={**form, "rating": "5", "reason": "补助根本没发到我家"})
    assert rated.status_code == 200 and "非常不满意" in rated.text and "回访" in rated.text
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.rating == 5 and case.status == lifecycle.REOPENED
        loop = s.scalars(select(CaseRectification).where(CaseRectification.case_id == case.id)).one()
        assert loop.reason == "补助根本没发到我家"


def test_a_second_dissatisfied_rating_supersedes_an_open_loop_and_the_new_deadline_is_supervised_afresh(
    engine: Engine,
) -> None:
    from storage.models.staff import CaseRouting
    from tests.staff_support import load_org

    sessions = make_sessionmaker(engine)
    load_org(sessions)
    cid = _rated(sessions, "r-twice", 4)
    with transaction(sessions) as s:
        case = s.get(Case, cid)
        routing = s.get(CaseRouting, cid)
        assert case is not None and routing is not None
        routing.overdue_at = utcnow()  # it had been supervised as overdue before
        now = utcnow()
        case_steps.public_reply(s, case=case, text="已重新核实。", actor="staff:x", keys=KEYS, now=now)
        case_steps.close(s, case=case, finding="不实", resolution="已核实。", actor="staff:x", keys=KEYS, now=now)
        assert case.rating is None and not case.rating_excluded
        case_steps.rate(s, case=case, rating=5, reason="还是没解决", actor="villager", now=now, calendar=SHIPPED)
        assert routing.overdue_at is None
    with sessions() as s:
        loops = list(s.scalars(select(CaseRectification).where(CaseRectification.case_id == cid)))
        assert [(row.rating, row.closed_at is None) for row in loops] == [(4, False), (5, True)]
