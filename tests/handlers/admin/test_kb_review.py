"""The knowledge-base review and version pages (issue #19 §3, handlers/admin/kb_review_text.py): a pending
version is shown as the editor's plain Chinese fields, and an edit of an existing entry as what it changes
against the entry villagers get now, field by field (原来 / 改为; question variants added and removed);
never its YAML, id, English keys or codes. CSRF, roles (never the author) and audit as before. On SQLite
and PostgreSQL."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases.staff.accounts import create_user
from handlers.admin.kb_form import join_answer, split_answer
from handlers.admin.kb_review import NOT_OWN
from handlers.admin.kb_review_text import (
    ANSWER,
    FIGURES,
    OFFERS,
    QUESTIONS,
    REPLACES,
    REVIEWED,
    SCOPE,
    SOURCES,
    TITLE,
    TOPICS,
    UNVERIFIED,
    Change,
    Names,
    changes,
    day,
    shown,
)
from knowledge.loader import ENTRIES_DIR, TOPICS_FILE, load_topics, read_entries
from knowledge.schema import Entry, Figure
from storage.db import make_sessionmaker, transaction
from storage.models.kb import KbEntryVersion
from storage.models.staff import AuditEntry
from storage.types import utcnow
from tests.cases_support import KEYS
from tests.handlers.admin.test_admin_pages import login
from tests.handlers.admin.test_kb_form import YAML_WORDS, Page, _multi
from tests.knowledge.test_kb_maintenance import entry_form
from tests.staff_support import PASSWORD, load_org
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ENTRIES = {item.entry.id: item.entry for item in read_entries(ENTRIES_DIR)[0]}
TOPIC_NAMES = load_topics(TOPICS_FILE)
NAMES = Names(TOPIC_NAMES, {"630223": "互助土族自治县"}, {e.id: e.title for e in ENTRIES.values()})
DIBAO = ENTRIES["dibao-apply"]
PENSION = ENTRIES["elderly-pension"]


def words(found: tuple[Change, ...]) -> str:
    return "\n".join("\n".join([c.label, *c.before, *c.after, *c.added, *c.removed, c.note]) for c in found)


def with_part(entry: Entry, index: int, text: str) -> Entry:
    parts = split_answer(entry.answer)
    assert parts is not None
    parts[index] = text
    return dataclasses.replace(entry, answer=join_answer(parts))


# -- the entry as fields ----------------------------------------------------------------------------------


def test_every_entry_is_shown_in_the_forms_words_never_its_id_keys_or_codes() -> None:
    for entry in ENTRIES.values():
        fields = shown(entry, NAMES)
        labels = [s.label for s in fields]
        assert labels[:5] == [TITLE, TOPICS, SCOPE, REPLACES, QUESTIONS] and labels[-1] == REVIEWED, entry.id
        text = "\n".join(line for s in fields for line in (s.label, *s.lines))
        assert entry.id not in text and not YAML_WORDS.search(text), entry.id
        assert not any(re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text) for code in TOPIC_NAMES), entry.id
        by = {s.label: s.lines for s in fields}
        assert by[TITLE] == (entry.title,) and by[QUESTIONS] == entry.questions
        assert by[TOPICS] == ("、".join(TOPIC_NAMES[t] for t in entry.topics),)
        assert (by[SCOPE] == ("全国",)) == (not entry.is_local)
        assert len(by[SOURCES]) == len(entry.sources) and len(by[FIGURES]) == len(entry.figures)
        assert by[REVIEWED] == (f"{entry.reviewed.year}年{entry.reviewed.month}月{entry.reviewed.day}日",)


def test_codes_are_said_in_words() -> None:
    by = {s.label: s.lines for s in shown(PENSION, NAMES)}
    assert by[TOPICS] == ("养老保险与高龄津贴",) and by[REPLACES] == ("不替代",)
    assert by[f"{ANSWER}（找谁）"][0].startswith("村社保协管员")
    assert by[FIGURES] == ("城乡居民基础养老金全国最低标准：每人每月163元（2026年的标准，未核实）",)
    assert "国发〔2014〕8号，2014年2月21日" in by[SOURCES][0] and by[SOURCES][0].endswith("核实情况：未核实")
    local = dataclasses.replace(DIBAO, scope="630223", replaces="dibao-apply")
    by = {s.label: s.lines for s in shown(local, NAMES)}
    assert by[SCOPE] == ("互助土族自治县",) and by[REPLACES] == ("低保谁能吃、咋申请",)
    unknown = dataclasses.replace(DIBAO, scope="639999", replaces="gone-entry", topics=("no-such-topic",))
    by = {s.label: s.lines for s in shown(unknown, NAMES)}
    assert by[SCOPE] == ("（未登记的地区）",) and by[REPLACES] == ("（已不在的条目）",)
    assert by[TOPICS] == ("（主题列表中没有的主题）",)


@pytest.mark.parametrize(
    ("typed", "said"),
    [("2026-01-31", "2026年1月31日"), ("2006-06-26", "2006年6月26日"), ("2026-01", "2026年1月"), ("2026年", "2026年")],
)
def test_dates_are_said_as_dates(typed: str, said: str) -> None:
    assert day(typed) == said


# -- what changed -----------------------------------------------------------------------------------------


def test_an_unchanged_entry_has_no_changes() -> None:
    for entry in ENTRIES.values():
        assert changes(entry, entry, NAMES) == (), entry.id


def test_a_changed_title_is_one_change_from_and_to() -> None:
    new = dataclasses.replace(DIBAO, title="低保咋申请、谁能吃")
    assert changes(DIBAO, new, NAMES) == (Change(TITLE, ("低保谁能吃、咋申请",), ("低保咋申请、谁能吃",)),)


def test_question_variants_added_and_removed_are_listed() -> None:
    gone = DIBAO.questions[2]
    new = dataclasses.replace(DIBAO, questions=(*DIBAO.questions[:2], *DIBAO.questions[3:], "吃低保要跑几趟"))
    assert changes(DIBAO, new, NAMES) == (Change(QUESTIONS, added=("吃低保要跑几趟",), removed=(gone,)),)
    more = dataclasses.replace(DIBAO, questions=("低保咋整", *DIBAO.questions, "低保找谁办"))
    assert changes(DIBAO, more, NAMES) == (Change(QUESTIONS, added=("低保咋整", "低保找谁办")),)
    moved = dataclasses.replace(DIBAO, questions=tuple(reversed(DIBAO.questions)))
    assert changes(DIBAO, moved, NAMES) == (Change(QUESTIONS, note="只调整了先后顺序"),)


def test_an_answer_part_changed_is_that_part_only() -> None:
    parts = split_answer(DIBAO.answer)
    assert parts is not None
    new = with_part(DIBAO, 1, "按县里公布的标准补差。")
    assert changes(DIBAO, new, NAMES) == (Change(f"{ANSWER}（标准）", (parts[1],), ("按县里公布的标准补差。",)),)
    both = with_part(with_part(DIBAO, 0, "家里人均收入低于标准的。"), 3, "村委会。")
    assert [c.label for c in changes(DIBAO, both, NAMES)] == [f"{ANSWER}（谁能享受）", f"{ANSWER}（找谁）"]
    whole = dataclasses.replace(DIBAO, answer="没有分段的答复。")
    labels = [c.label for c in changes(DIBAO, whole, NAMES)]
    assert labels == [f"{ANSWER}（{p}）" for p in ("谁能享受", "标准", "怎么办", "找谁")] + [f"{ANSWER}全文"]


def test_scope_replaced_entry_and_topics_change_in_words() -> None:
    new = dataclasses.replace(DIBAO, scope="630223", replaces="dibao-apply", topics=("dibao", "micro-corruption"))
    found = changes(DIBAO, new, NAMES)
    assert found == (
        Change(TOPICS, ("最低生活保障",), (f"最低生活保障、{TOPIC_NAMES['micro-corruption']}",)),
        Change(SCOPE, ("全国",), ("互助土族自治县",)),
        Change(REPLACES, ("不替代",), ("低保谁能吃、咋申请",)),
    )
    assert "630223" not in words(found) and "dibao" not in words(found)


def test_sources_and_figures_changed_in_place_added_and_removed() -> None:
    first, second = DIBAO.sources
    checked = dataclasses.replace(first, verified=True)
    new = dataclasses.replace(DIBAO, sources=(checked, second))
    (change,) = changes(DIBAO, new, NAMES)
    assert change.label == f"{SOURCES}（{first.name}）"
    assert change.before[0].endswith("核实情况：未核实") and change.after[0].endswith("核实情况：已核实")
    fewer = dataclasses.replace(DIBAO, sources=(second,))
    (change,) = changes(DIBAO, fewer, NAMES)
    assert change.label == SOURCES and not change.added and change.removed[0].startswith(first.name)
    figure = PENSION.figures[0]
    raised = dataclasses.replace(PENSION, figures=(dataclasses.replace(figure, value="每人每月183元", year=2027),))
    (change,) = changes(PENSION, raised, NAMES)
    assert change.label == f"{FIGURES}（{figure.standard}）"
    assert "每人每月163元（2026年" in change.before[0] and "每人每月183元（2027年" in change.after[0]
    added = Figure("青海省城乡居民基础养老金标准", "每人每月200元", 2026, True)
    (change,) = changes(PENSION, dataclasses.replace(PENSION, figures=(figure, added)), NAMES)
    assert change == Change(FIGURES, added=("青海省城乡居民基础养老金标准：每人每月200元（2026年的标准，已核实）",))


def test_two_sources_of_one_name_are_both_kept() -> None:
    first = DIBAO.sources[0]
    twice = dataclasses.replace(DIBAO, sources=(first, dataclasses.replace(first, issuer="民政厅")))
    (change,) = changes(DIBAO, twice, NAMES)
    assert change.label == SOURCES and len(change.added) == 1 and "民政厅" in change.added[0]
    assert changes(twice, twice, NAMES) == ()


def test_several_changes_come_in_the_forms_order() -> None:
    new = dataclasses.replace(
        with_part(DIBAO, 2, "向乡镇提出申请。"),
        title="低保咋申请",
        reviewed=DIBAO.reviewed.replace(year=DIBAO.reviewed.year + 1),
        offers_report=not DIBAO.offers_report,
        unverified_figures=(*DIBAO.unverified_figures, "审核30天"),
    )
    found = changes(DIBAO, new, NAMES)
    assert [c.label for c in found] == [TITLE, f"{ANSWER}（怎么办）", UNVERIFIED, OFFERS, REVIEWED]
    assert found[2].added == ("审核30天",) and set(found[3].before + found[3].after) == {"是", "否"}


# -- the pages --------------------------------------------------------------------------------------------


@pytest.fixture
def site(engine: Engine) -> Iterator[tuple[TestClient, sessionmaker[Session]]]:
    c = make_client(engine, identity_key=KEYS.current, kb_poll_s=0.0)
    sessions = make_sessionmaker(engine)
    load_org(sessions)
    with transaction(sessions) as s:
        create_user(
            s, username="admin2", role="admin", unit_code="6302", display_name="admin2", password=PASSWORD, now=utcnow()
        )
    yield c, sessions


def latest(sessions: sessionmaker[Session]) -> KbEntryVersion:
    with sessions() as s:
        version = s.scalars(select(KbEntryVersion).order_by(KbEntryVersion.id.desc())).first()
        assert version is not None
        return version


def seen(html: str) -> str:
    return Page(html).text().replace("： ", "：")  # the page's words, one space between elements


def clean(text: str, *ids: str) -> None:
    """What staff read: no YAML, key: value, English key, id or topic code."""
    assert not YAML_WORDS.search(text), YAML_WORDS.findall(text)
    assert not re.search(r"[A-Za-z_]+:\s", text)
    assert not any(i in text for i in ids)
    assert not any(re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text) for code in TOPIC_NAMES)


def edit_dibao(c: TestClient, token: str, **changed: Any) -> Any:
    """The dibao entry opened in the editor and posted with `changed` fields (values as the form posts)."""
    form = _multi(Page(c.get("/admin/kb/entries/edit", params={"id": "dibao-apply"}).text).fields)
    form.update({k: v if isinstance(v, list) else [v] for k, v in changed.items()})
    form["csrf"] = [token]
    return c.post("/admin/kb/entries", data=form, follow_redirects=False)


def test_a_new_entry_is_reviewed_as_its_fields(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin")
    assert c.post("/admin/kb/entries", data={"csrf": token, **entry_form()}, follow_redirects=False).status_code == 303
    version = latest(sessions)
    mine = c.get("/admin/kb/reviews").text
    assert "这是您写的，请另一位管理员审核。" in mine and f"/admin/kb/reviews/{version.id}/approve" not in mine
    login(c, "admin2")
    text = seen(c.get("/admin/kb/reviews").text)
    assert "新条目" in text and "改了这些" not in text
    for said in (
        "标题 牦牛能不能办户口（登记）",
        "主题 政策性农业保险",
        "适用范围 全国",
        "替代哪个全国条目 不替代",
        "牦牛没耳标能投保吗",
        "答复（找谁） 乡镇畜牧兽医站、县农业农村局。",
        "《畜禽标识和养殖档案管理办法》（农业部，农业部令第67号，2006年6月26日）",
        "核实情况：未核实",
        "最后审核日期 2026年12月6日",
    ):
        assert said in text, said
    clean(text, version.entry_id)


def test_an_edit_is_reviewed_as_what_it_changes_against_the_live_entry(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin")
    questions = [*DIBAO.questions[1:], "吃低保要跑几趟"]
    parts = split_answer(DIBAO.answer)
    assert parts is not None
    posted = edit_dibao(
        c,
        token,
        title="低保咋申请、谁能吃",
        questions="\r\n".join(questions),
        part=[*parts[:3], "村委会、乡镇民政办。具体以当地公布为准"],
    )
    assert posted.status_code == 303, posted.text
    login(c, "admin2")
    page = c.get("/admin/kb/reviews").text
    text = seen(page)
    changed = text.split("改了这些：")[1].split("这个版本的全部内容")[0]
    assert "标题 原来：低保谁能吃、咋申请 改为：低保咋申请、谁能吃" in changed
    assert f"群众常问的说法 新增：吃低保要跑几趟 删去：{DIBAO.questions[0]}" in changed
    assert f"答复（找谁） 原来：{parts[3]} 改为：村委会、乡镇民政办。具体以当地公布为准" in changed
    for same in ("主题", "适用范围", "依据文件", "最后审核日期", "答复（标准）"):
        assert same not in changed, same  # only what changed
    assert "适用范围 全国" in text.split("这个版本的全部内容")[1]  # and the whole version below it
    clean(text, "dibao-apply")
    version = latest(sessions)
    assert c.post(f"/admin/kb/reviews/{version.id}/approve", data={}, follow_redirects=False).status_code == 403
    token2 = login(c, "admin2")
    done = c.post(f"/admin/kb/reviews/{version.id}/approve", data={"csrf": token2}, follow_redirects=False)
    assert done.status_code == 303
    with sessions() as s:
        assert s.get(KbEntryVersion, version.id).status == "live"
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("kb_entry%"))))
    assert actions == ["kb_entry_submitted", "kb_entry_approved"]


def test_approve_and_reject_both_refuse_ones_own_change_and_a_version_no_longer_pending(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin")
    assert c.post("/admin/kb/entries", data={"csrf": token, **entry_form()}, follow_redirects=False).status_code == 303
    version = latest(sessions)
    for verb in ("approve", "reject"):  # the author may do neither
        refused = c.post(f"/admin/kb/reviews/{version.id}/{verb}", data={"csrf": token}, follow_redirects=False)
        assert refused.status_code == 403 and NOT_OWN in refused.text, verb
    with sessions() as s:
        assert s.get(KbEntryVersion, version.id).status == "pending"  # nothing changed
    token2 = login(c, "admin2")
    done = c.post(f"/admin/kb/reviews/{version.id}/reject", data={"csrf": token2}, follow_redirects=False)
    assert done.status_code == 303
    for verb in ("approve", "reject"):  # no longer pending, or no such version
        for which in (version.id, version.id + 1000):
            gone = c.post(f"/admin/kb/reviews/{which}/{verb}", data={"csrf": token2}, follow_redirects=False)
            assert gone.status_code == 404 and "没有这个待审核的版本。" in gone.text, (verb, which)
    with sessions() as s:
        assert s.get(KbEntryVersion, version.id).status == "rejected"
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("kb_entry%"))))
    assert actions == ["kb_entry_submitted", "kb_entry_rejected"]


def test_an_unchanged_save_says_nothing_changed_and_a_restore_shows_the_way_back(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin")
    assert edit_dibao(c, token).status_code == 303
    first = latest(sessions)
    token2 = login(c, "admin2")
    assert "与群众现在看到的条目相比，内容没有变化。" in seen(c.get("/admin/kb/reviews").text)
    c.post(f"/admin/kb/reviews/{first.id}/approve", data={"csrf": token2}, follow_redirects=False)
    assert edit_dibao(c, token2, title="低保咋申请").status_code == 303
    second = latest(sessions)
    token = login(c, "admin")
    c.post(f"/admin/kb/reviews/{second.id}/approve", data={"csrf": token}, follow_redirects=False)
    history = seen(c.get("/admin/kb/entries/dibao-apply/versions").text)
    assert "与上一个版本相比，改了这些：标题 原来：低保谁能吃、咋申请 改为：低保咋申请" in history
    assert "与上一个版本相比，内容没有变化。" not in history  # the oldest has nothing before it to compare
    assert history.count("这个版本的全部内容") == 2 and "标题 低保咋申请 主题 最低生活保障" in history
    clean(history, "dibao-apply")
    restored = c.post(f"/admin/kb/versions/{first.id}/restore", data={"csrf": token}, follow_redirects=False)
    assert restored.status_code == 303
    token2 = login(c, "admin2")
    review = seen(c.get("/admin/kb/reviews").text)
    assert "标题 原来：低保咋申请 改为：低保谁能吃、咋申请" in review and "恢复第" in review
    clean(review, "dibao-apply")
    with sessions() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("kb_entry%"))))
    assert actions.count("kb_entry_restore_requested") == 1


def test_a_version_that_cannot_be_read_is_said_so_without_its_text(site: Any) -> None:
    c, sessions = site
    with transaction(sessions) as s:
        s.add(
            KbEntryVersion(
                entry_id="dibao-apply",
                body="id: dibao-apply\ntitle: [broken\n",
                status="pending",
                author="admin",
                created_at=utcnow(),
            )
        )
    login(c, "admin2")
    text = seen(c.get("/admin/kb/reviews").text)
    assert "这个版本的内容无法读取，请技术人员检查。" in text and "broken" not in text
