"""The knowledge-base entry editor as a form (issue #19 §3, handlers/admin/kb_form.py): fields -> entry and
entry -> fields give back every entry under knowledge/entries unchanged, through the page as a browser
reads and posts it; problems are said in Chinese beside the form with everything typed kept and nothing
stored; the page shows no YAML, English key, id or code. On SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.datastructures import FormData, UploadFile

from cases.timeutil import local_date
from handlers.admin.kb_form import (
    EntryFields,
    SourceRow,
    from_entry,
    join_answer,
    new_id,
    read_posted,
    split_answer,
    to_data,
)
from knowledge.edits import parse_body
from knowledge.entry_yaml import entry_yaml
from knowledge.loader import ENTRIES_DIR, read_entries
from knowledge.schema import ID_RE, Entry
from storage.db import make_sessionmaker
from storage.models.kb import KbEntryVersion
from storage.models.staff import AuditEntry
from storage.types import utcnow
from tests.cases_support import KEYS
from tests.handlers.admin.test_admin_pages import login
from tests.knowledge.test_kb_maintenance import entry_form
from tests.staff_support import load_org
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ENTRIES = sorted((item.entry for item in read_entries(ENTRIES_DIR)[0]), key=lambda e: e.id)
YAML_WORDS = re.compile(
    r"\b(?:id|title|topics|scope|replaces|reviewed|questions|answer|sources|issuer|checked|verified|"
    r"unverified_figures|offers_report|overview|asks|figures|national|true|false|null|YAML)\b"
)


def by_id(entry_id: str) -> Entry:
    return next(e for e in ENTRIES if e.id == entry_id)


# -- fields <-> entry, without the page -----------------------------------------------------------------


def test_every_entry_round_trips_through_the_fields() -> None:
    assert len(ENTRIES) > 100
    for entry in ENTRIES:
        fields = from_entry(entry)
        data, problems = to_data(fields, entry.id)
        assert problems == [], entry.id
        assert parse_body(entry_yaml(data)) == entry, entry.id


def test_the_answer_is_split_into_its_four_parts_only_when_they_join_back_exactly() -> None:
    plain = "谁能享受：甲。\n标准：乙。\n怎么办：\n1. 丙。\n2. 丁。\n找谁：戊。"
    assert split_answer(plain) == ["甲。", "乙。", "\n1. 丙。\n2. 丁。", "戊。"]
    assert join_answer(["甲。", "乙。", "\n1. 丙。\n2. 丁。", "戊。"]) == plain
    # what a four-field form would change is edited whole instead
    for odd in (
        "先说一句。\n" + plain,  # text before the first part
        plain.replace("标准：", "标准:"),  # a half-width colon
        plain.replace("怎么办：", "要做的："),  # a part missing
        "标准：乙。\n谁能享受：甲。\n怎么办：丙。\n找谁：戊。",  # out of order
        plain.replace("乙。", "乙。  "),  # a trailing space the form would drop
    ):
        assert split_answer(odd) is None, odd
    entry = dataclasses.replace(ENTRIES[0], answer="先说一句。\n" + plain)
    fields = from_entry(entry)
    assert fields.parts is None and fields.whole == entry.answer
    assert parse_body(entry_yaml(to_data(fields, entry.id)[0])).answer == entry.answer


def test_a_posted_form_is_read_as_typed() -> None:
    form = FormData(
        [
            ("title", "标题"),
            ("topic", "dibao"),
            ("topic", ""),
            ("topic", "tekun"),
            ("questions", "一\r\n二\r\n\r\n三"),
            *[("part", p) for p in ("甲", "乙", "\r\n1. 丙", "丁")],
            *[("source_name", v) for v in ("《文件》", "")],
            *[("source_issuer", v) for v in ("国务院", "")],
            *[("source_number", v) for v in ("", "")],
            *[("source_date", v) for v in ("2020-01", "")],
            *[("source_checked", v) for v in ("网址", "")],
            *[("source_verified", v) for v in ("yes", "no")],
            ("overview", "1"),
            ("asks", "whom"),
            ("asks", "apply"),
        ]
    )
    fields = read_posted(form)
    assert fields.topics == ["dibao", "tekun"] and fields.questions == "一\n二\n\n三"
    assert fields.parts == ["甲", "乙", "\n1. 丙", "丁"] and fields.overview and not fields.offers_report
    assert fields.sources == [SourceRow("《文件》", "国务院", "", "2020-01", "网址", "yes")]  # the empty row dropped
    assert fields.figures == [] and fields.asks == ["whom", "apply"] and fields.entry_id == ""
    data, problems = to_data(fields, "dibao-x")
    assert problems == [] and data["questions"] == ["一", "二", "三"] and "number" not in data["sources"][0]
    assert data["answer"] == "谁能享受：甲\n标准：乙\n怎么办：\n1. 丙\n找谁：丁\n"


def test_what_the_form_itself_refuses() -> None:
    good = from_entry(by_id("dibao-apply"))
    assert to_data(good, "dibao-apply")[1] == []
    changes: list[tuple[dict[str, Any], str]] = [
        ({"parts": ["甲", " ", "丙", "丁"]}, "答复的“标准”一段不能空着。"),
        ({"parts": ["", "乙", "丙", "\n"]}, "答复的“谁能享受”一段不能空着。"),
        ({"topics": ["dibao", "tekun", "dibao"]}, "同一个主题选了两次，请去掉重复的。"),
    ]
    for change, said in changes:
        problems = to_data(dataclasses.replace(good, **change), "dibao-apply")[1]
        assert said in problems, change


def test_a_new_entry_gets_an_id_from_its_topic_county_and_title() -> None:
    fields = EntryFields(title="低保咋申请", topics=["dibao"])
    made = new_id(fields, set())
    assert ID_RE.match(made) and made.startswith("dibao-") and made == new_id(fields, set())
    assert new_id(dataclasses.replace(fields, title="低保被取消咋办"), set()) != made
    assert new_id(fields, {made}) == made + "-2" and new_id(fields, {made, made + "-2"}) == made + "-3"
    county = new_id(dataclasses.replace(fields, scope="630223"), set())
    assert county.startswith("dibao-630223-") and ID_RE.match(county)
    assert ID_RE.match(new_id(EntryFields(title="没选主题"), set()))


# -- the page ---------------------------------------------------------------------------------------------


class Page(HTMLParser):
    """What a browser posts from the entry form (the first newline after <textarea> is not the value),
    and the text a reader sees outside what was typed into the fields."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self.seen: list[str] = []
        self._area: tuple[str, list[str]] | None = None
        self._select: tuple[str, list[tuple[str, bool]]] | None = None
        self._option: list[str] | None = None
        self._in_form = False
        self._in_main = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self._in_main = self._in_main or tag == "main"
        if tag == "form" and a.get("id") == "kb-form":
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and a.get("name"):
            if a.get("type") != "checkbox" or "checked" in a:
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self._area = (a["name"], [])
        elif tag == "select":
            self._select = (a["name"], [])
        elif tag == "option" and self._select is not None:
            self._select[1].append((a.get("value", ""), "selected" in a))
            self._option = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self._in_main = False
        if tag == "form":
            self._in_form = False
        elif tag == "textarea" and self._area is not None:
            text = "".join(self._area[1])
            self.fields.append((self._area[0], text[1:] if text.startswith("\n") else text))
            self._area = None
        elif tag == "select" and self._select is not None:
            name, options = self._select
            chosen = [v for v, on in options if on] or [options[0][0]]
            self.fields.append((name, chosen[0]))
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._area is not None:
            self._area[1].append(data)
        elif self._in_main:
            self.seen.append(data)

    def posted(self) -> FormData:
        pairs: list[tuple[str, str | UploadFile]] = list(self.fields)
        return FormData(pairs)

    def text(self) -> str:
        return " ".join(" ".join(self.seen).split())


@pytest.fixture
def site(engine: Engine) -> Iterator[tuple[TestClient, sessionmaker[Session]]]:
    c = make_client(engine, identity_key=KEYS.current, kb_poll_s=0.0)
    sessions = make_sessionmaker(engine)
    load_org(sessions)
    yield c, sessions


def versions(sessions: sessionmaker[Session]) -> list[KbEntryVersion]:
    with sessions() as s:
        return list(s.scalars(select(KbEntryVersion).order_by(KbEntryVersion.id)))


def test_every_entry_opened_in_the_form_and_saved_unchanged_is_the_same_entry(site: Any) -> None:
    c, sessions = site
    login(c, "admin")
    for entry in ENTRIES:
        page = c.get("/admin/kb/entries/edit", params={"id": entry.id})
        assert page.status_code == 200, entry.id
        form = Page(page.text)
        fields = read_posted(form.posted())
        assert fields.entry_id == entry.id
        data, problems = to_data(fields, fields.entry_id)
        assert problems == [] and parse_body(entry_yaml(data)) == entry, entry.id
        assert f"修改条目“{entry.title}”" in page.text
    words = Page(c.get("/admin/kb/entries/edit", params={"id": "elderly-pension"}).text).text()
    assert "哪一年的标准" in words and "已核实" in words and "未核实" in words
    assert not YAML_WORDS.search(words) and "城乡居民基础养老金" not in words.split("答复里的标准数字")[0]
    extra = c.get(
        "/admin/kb/entries/edit", params=[("id", "dibao-apply"), ("q", "低保钱啥时候到账"), ("q", "低保咋申请")]
    )
    asked = read_posted(Page(extra.text).posted()).questions.split("\n")
    assert asked[0] == "低保钱啥时候到账" and asked.count("低保咋申请") == 1  # added first, never twice
    assert asked[1:] == list(by_id("dibao-apply").questions)
    assert versions(sessions) == []  # opening stores nothing


def test_saving_an_entry_unchanged_stores_the_same_entry_for_review(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin")
    # a figure, what it answers, a county's entry
    for n, entry_id in enumerate(["elderly-pension", "dangerous-housing-apply", "how-to-report-630223"], 1):
        form = Page(c.get("/admin/kb/entries/edit", params={"id": entry_id}).text)
        assert dict(form.fields)["csrf"] == token
        done = c.post("/admin/kb/entries", data=_multi(form.fields), follow_redirects=False)
        assert done.status_code == 303, done.text
        stored = versions(sessions)
        version = stored[-1]
        assert len(stored) == n and version.entry_id == entry_id
        assert version.status == "pending" and version.author == "admin"
        assert parse_body(version.body) == by_id(entry_id)
    with sessions() as s:
        audited = s.scalars(select(AuditEntry).where(AuditEntry.action == "kb_entry_submitted")).all()
    assert len(audited) == 3


def _multi(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    return out


def test_a_new_entry_form_shows_no_yaml_english_or_codes(site: Any) -> None:
    c, _ = site
    login(c, "admin")
    page = c.get("/admin/kb/entries/new", params={"q": "牦牛能上户口不"})
    words = Page(page.text).text()
    for label in ("标题", "主题", "适用范围", "群众常问的说法", "谁能享受", "标准", "怎么办", "找谁", "依据文件"):
        assert label in words
    for label in ("文号", "发文日期", "核实情况", "最后审核日期", "替代哪个全国条目", "最低生活保障", "互助土族自治县"):
        assert label in words
    assert not re.search(r"[A-Za-z]{2,}", words), re.findall(r"[A-Za-z]{2,}", words)
    assert not re.search(r"\b6302\d\d\b", words) and "dibao" not in words
    fields = read_posted(Page(page.text).posted())
    assert fields.questions == "牦牛能上户口不" and fields.reviewed == local_date(utcnow()).isoformat()


PROBLEMS: list[tuple[dict[str, Any], str]] = [
    ({"questions": "牦牛能上户口不\n牦牛打耳标找谁"}, "“群众常问的说法”至少要有 5 种，现在只有 2 种。"),
    (
        {
            "source_name": ["", ""],
            "source_issuer": ["", ""],
            "source_number": ["", ""],
            "source_date": ["", ""],
            "source_checked": ["", ""],
        },
        "缺少“依据文件”",
    ),
    ({"source_date": ["2006年6月", ""]}, "第 1 个依据文件：“发文日期”应为日期"),
    ({"replaces": "dibao-apply"}, "只有地方条目才能填“替代哪个全国条目”。"),
    ({"unverified": "按耳标核对"}, "结尾须写“具体以当地公布为准”"),
    ({"reviewed": ""}, "“最后审核日期”应为日期"),
    ({"topic": ["", "", ""]}, "主题应有 1 到 3 个。"),
    ({"title": "  "}, "“标题”不能为空。"),
    (
        {
            "figure_standard": ["城乡居民基础养老金全国最低标准"],
            "figure_value": ["每人每月100元"],
            "figure_year": ["2020"],
        },
        "请更新数字",
    ),
    (
        {"figure_standard": ["某标准"], "figure_value": ["1元"], "figure_year": ["今年"]},
        "“哪一年的标准”应为该数字适用的年份",
    ),
]


def test_a_problem_is_said_in_chinese_with_everything_typed_kept_and_nothing_stored(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin")
    for change, said in PROBLEMS:
        fields = entry_form(**change)
        sent = {"csrf": token, "note": "给审核人的话", **fields}
        page = c.post("/admin/kb/entries", data=sent, follow_redirects=False)
        assert page.status_code == 400, change
        read = Page(page.text)
        alert = read.text().split("填写的内容都还在）：", 1)[1].split("填好后", 1)[0]
        assert said in alert, alert
        assert not re.search(r"[A-Za-z]{2,}|`", alert), alert
        again = read_posted(read.posted())
        assert again == read_posted(FormData([(k, v) for k, vs in fields.items() for v in _list(vs)]))
        assert dict(read.fields)["note"] == "给审核人的话"
    assert versions(sessions) == []


def _list(value: Any) -> list[str]:
    return value if isinstance(value, list) else [value]


def test_a_complete_entry_is_stored_and_a_second_admin_approves_it(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin")
    done = c.post("/admin/kb/entries", data={"csrf": token, **entry_form()}, follow_redirects=False)
    assert done.status_code == 303
    (version,) = versions(sessions)
    entry = parse_body(version.body)
    assert ID_RE.match(entry.id) and entry.id.startswith("agricultural-insurance-") and entry.title in version.body
    assert entry.answer.startswith("谁能享受：养牦牛的农牧户。\n标准：") and len(entry.questions) == 5


def test_one_more_source_row_is_added_without_checking_or_storing(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin")
    fields = entry_form(title="<b>牦牛</b>")
    page = c.post("/admin/kb/entries", data={"csrf": token, "more": "source", **fields}, follow_redirects=False)
    assert page.status_code == 200 and "没有保存" not in page.text
    assert 'value="&lt;b&gt;牦牛&lt;/b&gt;"' in page.text and "<b>牦牛" not in page.text  # autoescaped
    assert page.text.count('name="source_name"') == 3  # the typed one, the added one, the spare one
    assert versions(sessions) == []


def test_a_county_entry_replaces_a_national_one_chosen_by_title(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin")
    page = c.get("/admin/kb/entries/new").text
    assert ">低保谁能吃、咋申请</option>" in page and ">互助土族自治县</option>" in page
    fields = entry_form(scope="630223", replaces="dibao-apply", topic=["dibao", "", ""])
    fields["questions"] = "\n".join(
        ["互助县低保咋申请", "互助低保标准多少", "互助县吃低保找谁", "互助低保要啥材料", "互助低保多久批"]
    )
    done = c.post("/admin/kb/entries", data={"csrf": token, **fields}, follow_redirects=False)
    assert done.status_code == 303, done.text
    entry = parse_body(versions(sessions)[0].body)
    assert entry.scope == "630223" and entry.replaces == "dibao-apply" and entry.id.startswith("dibao-630223-")


def test_csrf_and_roles_as_before(site: Any) -> None:
    c, sessions = site
    token = login(c, "admin")
    assert c.post("/admin/kb/entries", data={"csrf": "x", **entry_form()}, follow_redirects=False).status_code == 403
    assert c.post("/admin/kb/entries", data=entry_form(), follow_redirects=False).status_code == 403
    assert token
    county_token = login(c, "jw_huzhu")
    assert c.get("/admin/kb/entries/new").status_code == 403
    refused = c.post("/admin/kb/entries", data={"csrf": county_token, **entry_form()}, follow_redirects=False)
    assert refused.status_code == 403
    assert versions(sessions) == []
