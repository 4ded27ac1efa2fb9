"""The maintainers' side of the knowledge base (issue #19 §3), on SQLite and PostgreSQL: refused
questions kept as text only, grouped with counts; an entry written in the browser, checked with kb
check's rules, approved by a second administrator, served after the reload; versions restored."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from bot import kb_feedback
from cases.staff.accounts import create_user
from knowledge.base import Answer
from knowledge.edits import parse_body
from knowledge.engine import SearchResult
from knowledge.schema import SchemaError
from storage.db import make_sessionmaker, transaction
from storage.migrate import alembic_config, upgrade
from storage.models import Base
from storage.models.kb import KbEntryVersion, KbHit, KbUnanswered
from storage.models.staff import AuditEntry
from storage.repos import hit_tally, kb_state
from storage.types import utcnow
from tests.cases.routing.test_cadre_routing import fresh_engine  # noqa: F401 - a fixture
from tests.cases_support import KEYS
from tests.handlers.admin.test_admin_pages import login
from tests.staff_support import PASSWORD, load_org
from tests.webhook_support import Sender, event_xml, make_client, text_xml

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

QUESTION = "给牦牛办户口咋弄"
VILLAGE_SCENE = "qrscene_630223106213"
TABLES = {"kb_unanswered", "kb_entry_versions", "kb_hits"}


def entry_form(answer_tail: str = "", animal: str = "牦牛", paper: str = "户口", **changed: Any) -> dict[str, Any]:
    """A new entry's fields as the form posts them (handlers/admin/kb_form.py); `changed` replaces fields."""
    fields: dict[str, Any] = {
        "title": "牦牛能不能办户口（登记）",
        "topic": ["agricultural-insurance", "", ""],
        "scope": "national",
        "replaces": "",
        "reviewed": "2026-12-06",
        "questions": "\r\n".join(
            ["牦牛能上户口不", "给牦牛办户口咋办", "牦牛要不要登记耳标", "牦牛打耳标找谁", "牦牛没耳标能投保吗"]
        ),
        "part": [
            "养牦牛的农牧户。",
            f"牦牛不办户口，但要按规定打耳标、建养殖档案，投保养殖保险时按耳标核对。{answer_tail}",
            "到乡镇畜牧兽医站给牦牛打耳标、登记。",
            "乡镇畜牧兽医站、县农业农村局。",
        ],
        "unverified": "",
        "source_name": ["《畜禽标识和养殖档案管理办法》", ""],
        "source_issuer": ["农业部", ""],
        "source_number": ["农业部令第67号", ""],
        "source_date": ["2006-06-26", ""],
        "source_checked": ["测试数据", ""],
        "source_verified": ["no", "no"],
        "figure_standard": [""],
        "figure_value": [""],
        "figure_year": [""],
        "figure_verified": ["no"],
    }
    fields.update(changed)

    def swap(value: Any) -> Any:
        if isinstance(value, list):
            return [swap(v) for v in value]
        return value.replace("牦牛", animal).replace("户口", paper) if isinstance(value, str) else value

    return {k: swap(v) for k, v in fields.items()}


def entry_id_of(sessions: sessionmaker[Session], title: str) -> str:
    with sessions() as s:
        return next(v.entry_id for v in s.scalars(select(KbEntryVersion)) if title in v.body)


@pytest.fixture
def site(engine: Engine) -> Iterator[tuple[TestClient, Sender, sessionmaker[Session]]]:
    c = make_client(engine, identity_key=KEYS.current, kb_poll_s=0.0)
    sessions = make_sessionmaker(engine)
    load_org(sessions)
    with transaction(sessions) as s:
        create_user(
            s, username="admin2", role="admin", unit_code="6302", display_name="admin2", password=PASSWORD, now=utcnow()
        )
    yield c, Sender(c), sessions


def chat(sender: Sender, openid: str, *texts: str) -> str:
    sender.reply_text(event_xml(openid, "subscribe", VILLAGE_SCENE))
    reply = ""
    for text in texts:
        reply = sender.reply_text(text_xml(openid, text))
    return reply


def post(c: TestClient, url: str, **data: Any) -> Any:
    return c.post(url, data=data, follow_redirects=False)


def test_the_models_match_migration_0016(engine: Engine) -> None:
    def include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table in TABLES

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include})
        assert compare_metadata(context, Base.metadata) == []


def test_migration_0016_downgrades(fresh_engine: Engine) -> None:  # noqa: F811
    upgrade(fresh_engine)
    assert set(inspect(fresh_engine).get_table_names()) >= TABLES
    cfg = alembic_config()
    with fresh_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0015")
    assert not TABLES & set(inspect(fresh_engine).get_table_names())


def test_refused_and_none_fit_questions_are_kept_as_text_only(site: Any) -> None:
    _, sender, sessions = site
    assert "回答不了" in chat(sender, "o-gap-1", QUESTION + " 13912345678")
    choices = chat(sender, "o-gap-2", "低保咋申请 还有医保交不起咋办")
    assert "都不是" in choices
    sender.reply_text(text_xml("o-gap-2", "都不是"))
    with sessions() as s:
        rows = {r.reason: r for r in s.scalars(select(KbUnanswered))}
    assert set(rows) == {"refused", "none_fit"}
    assert rows["refused"].text == QUESTION + " …" and rows["refused"].county_code == "630223"
    assert {c.name for c in KbUnanswered.__table__.columns} == {"id", "text", "county_code", "reason", "created_at"}


def test_answers_are_counted_per_entry(site: Any) -> None:
    c, sender, sessions = site
    hit_tally.flush()  # the process writes its counts about once a second: what earlier tests left, now
    with sessions() as s:
        s.execute(delete(KbHit))
        s.commit()
    chat(sender, "o-hit-1", "雨露计划一年补多少钱")
    chat(sender, "o-hit-2", "雨露计划一年补多少钱")
    hit_tally.flush()
    with sessions() as s:
        hits = {h.entry_id: h.count for h in s.scalars(select(KbHit))}
    assert sum(hits.values()) == 2 and len(hits) == 1
    login(c, "admin")
    page = c.get("/admin/kb/gaps").text
    assert "雨露计划" in page and "各主题答了多少次" in page


def test_gap_answered_in_the_browser_reviewed_by_another_and_served(site: Any) -> None:
    c, sender, sessions = site
    chat(sender, "o-gap-3", QUESTION)
    token = login(c, "admin")
    gaps = c.get("/admin/kb/gaps").text
    assert QUESTION in gaps and "还没有答案" in gaps
    form = c.get("/admin/kb/entries/new", params={"q": QUESTION}).text
    assert QUESTION in form
    no_whom = entry_form()
    no_whom["part"] = [*no_whom["part"][:3], "  "]
    broken = post(c, "/admin/kb/entries", csrf=token, **no_whom)
    assert broken.status_code == 400 and "找谁" in broken.text and "不能空着" in broken.text
    assert "牦牛打耳标找谁" in broken.text and "到乡镇畜牧兽医站给牦牛打耳标" in broken.text  # nothing typed lost
    huge = entry_form(answer_tail="很长" * 12_000)
    assert post(c, "/admin/kb/entries", csrf=token, **huge).status_code == 413
    with sessions() as s:
        assert s.scalars(select(KbEntryVersion)).first() is None
    done = post(c, "/admin/kb/entries", csrf=token, note="牦牛户口", **entry_form())
    assert done.status_code == 303
    with sessions() as s:
        version = s.scalars(select(KbEntryVersion)).one()
        before = kb_state.get_version(s)
    assert version.status == "pending"
    assert post(c, f"/admin/kb/reviews/{version.id}/approve", csrf=token).status_code == 403
    token2 = login(c, "admin2")
    assert post(c, f"/admin/kb/reviews/{version.id}/approve", csrf=token2).status_code == 303
    with sessions() as s:
        assert s.get(KbEntryVersion, version.id).status == "live"
        assert kb_state.get_version(s) == before + 1
        actions = set(s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("kb_entry%"))))
    assert actions == {"kb_entry_submitted", "kb_entry_approved"}
    assert "牦牛能不能办户口" in wait_for_answer(sender, "o-gap-4", QUESTION)
    assert "已覆盖：牦牛能不能办户口" in c.get("/admin/kb/gaps").text


def test_versions_are_kept_and_restored_through_review(site: Any) -> None:
    c, _, sessions = site
    token = login(c, "admin")
    post(c, "/admin/kb/entries", csrf=token, **entry_form())
    token2 = login(c, "admin2")
    first = latest(sessions)
    entry_id = entry_id_of(sessions, "牦牛能不能办户口")
    post(c, f"/admin/kb/reviews/{first}/approve", csrf=token2)
    second_form = entry_form(answer_tail="第二版。")
    edit = c.get("/admin/kb/entries/edit", params={"id": entry_id}).text
    assert 'name="entry" value="' + entry_id + '"' in edit and "修改条目“牦牛能不能办户口（登记）”" in edit
    post(c, "/admin/kb/entries", csrf=token2, entry=entry_id, **second_form)
    token = login(c, "admin")
    second = latest(sessions)
    post(c, f"/admin/kb/reviews/{second}/approve", csrf=token)
    assert latest_entry_id(sessions) == entry_id  # the same entry, not a new one
    page = c.get(f"/admin/kb/entries/{entry_id}/versions").text
    assert "已被新版本替换" in page and "已生效" in page
    assert "<h1>“牦牛能不能办户口（登记）”的版本</h1>" in page  # the entry by its title, never its id
    assert "改为：" in page and "牦牛不办户口" in page and "title:" not in page  # fields and changes, never YAML
    assert post(c, f"/admin/kb/versions/{first}/restore", csrf=token).status_code == 303
    third = latest(sessions)
    assert post(c, f"/admin/kb/reviews/{third}/approve", csrf=token).status_code == 403  # own restore
    token2 = login(c, "admin2")
    post(c, f"/admin/kb/reviews/{third}/approve", csrf=token2)
    with sessions() as s:
        statuses = {v.id: v.status for v in s.scalars(select(KbEntryVersion))}
    assert statuses == {first: "retired", second: "retired", third: "live"}


def test_the_form_checks_against_the_served_entries(site: Any) -> None:
    c, _, _ = site
    token = login(c, "admin")
    shadow = entry_form()
    shadow["questions"] = shadow["questions"].replace("牦牛能上户口不", "低保咋申请")
    page = post(c, "/admin/kb/entries", csrf=token, **shadow)
    assert page.status_code == 400 and "低保咋申请" in page.text and "低保谁能吃、咋申请" in page.text


def latest(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return max(s.scalars(select(KbEntryVersion.id)))


def latest_entry_id(sessions: sessionmaker[Session]) -> str:
    with sessions() as s:
        return s.scalars(select(KbEntryVersion.entry_id).order_by(KbEntryVersion.id.desc())).first() or ""


def wait_for_answer(sender: Sender, openid: str, question: str) -> str:
    """The served index is swapped in the background once the version moved (QF_KB_POLL_S=0 here)."""
    reply = ""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        reply = chat(sender, openid, "菜单", question)
        if "依据：" in reply:
            return reply
        time.sleep(0.2)
    return reply


@pytest.mark.parametrize("value", ["2026-13-45", "9" * 5000])
def test_a_value_yaml_cannot_build_is_a_problem_not_an_error(value: str) -> None:
    with pytest.raises(SchemaError) as err:
        parse_body(f"id: x\nreviewed: {value}\n")
    assert "无法识别" in err.value.problems[0]


def test_a_refused_question_naming_a_cadre_is_not_kept_for_the_maintainers(sessions: sessionmaker[Session]) -> None:
    # The maintainers' page is the administrator's, who sees no case content: an accusation is not a gap.
    refused = Answer(kind="out_of_scope", result=SearchResult(hits=(), confident=False, out_of_scope=True))
    with transaction(sessions) as s:
        for question in ("五十镇的书记把救济款扣了咋办", "村会计收好处费找谁", "牦牛能上户口不"):
            kb_feedback.note(s, question, refused, county_code="630223", now=utcnow())
    with sessions() as s:
        assert [r.text for r in s.scalars(select(KbUnanswered))] == ["牦牛能上户口不"]
