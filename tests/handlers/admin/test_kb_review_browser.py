"""The knowledge-base review page in headless Chromium at desktop and phone width (issue #19 §3): a second
administrator sees a pending edit of an entry as what it changes (原来 / 改为, question variants added and
removed) and the whole version as plain Chinese fields; the visible text has no Latin letter and no
`key: value`, and the page fits the screen. Screenshots: var/screenshots/kb-review-fields-<width>.png."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from cases.staff.accounts import create_user
from handlers.admin.kb_form import from_entry, join_answer, split_answer, to_data
from knowledge.entry_yaml import entry_yaml
from knowledge.loader import ENTRIES_DIR, read_entries
from storage.db import transaction
from storage.repos import kb_maintenance
from storage.types import utcnow
from tests.browser_support import served_app, shot
from tests.handlers.admin.test_kb_maintenance_browser import fits, login
from tests.staff_support import PASSWORD, load_org

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

DIBAO = next(item.entry for item in read_entries(ENTRIES_DIR)[0] if item.entry.id == "dibao-apply")
PARTS = split_answer(DIBAO.answer) or []
NEW_TITLE = "低保咋申请、谁能吃"
NEW_QUESTION = "吃低保要跑几趟"
NEW_WHOM = "村委会、乡镇民政办。具体以当地公布为准"


def edited() -> str:
    """The dibao entry as an administrator changed it in the editor: title, one question swapped for
    another, the 找谁 part, the first source marked checked."""
    first, *rest = DIBAO.sources
    entry = dataclasses.replace(
        DIBAO,
        title=NEW_TITLE,
        questions=(*DIBAO.questions[1:], NEW_QUESTION),
        answer=join_answer([*PARTS[:3], NEW_WHOM]),
        sources=(dataclasses.replace(first, verified=True), *rest),
    )
    data, problems = to_data(from_entry(entry), entry.id)
    assert problems == []
    return entry_yaml(data)


def seed(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    with transaction(sessions) as s:
        create_user(
            s, username="admin2", role="admin", unit_code="6302", display_name="admin2", password=PASSWORD, now=utcnow()
        )
        # the author by a name as staff have one (the test organisation's "admin" is named in English)
        create_user(
            s,
            username="kb_author",
            role="admin",
            unit_code="6302",
            display_name="王芳",
            password=PASSWORD,
            now=utcnow(),
        )
        kb_maintenance.submit(
            s, entry_id=DIBAO.id, body=edited(), author="kb_author", now=utcnow(), note="标题改成群众的说法"
        )


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_app(tmp_path_factory.mktemp("browser-kb-review"), seed, kb_poll_s=0.0) as srv:
        yield srv.base


@pytest.mark.parametrize("width", [1280, 390])
def test_the_review_page_shows_the_change_in_plain_chinese_and_fits(browser: Any, base: str, width: int) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900}, is_mobile=width < 800)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        login(page, base, "admin2")
        page.goto(base + "/admin/kb/reviews")
        card = page.locator(".review", has_text=NEW_TITLE)
        changed = card.locator(".kb-changes").inner_text()
        assert "与群众现在看到的条目相比" in changed
        assert re.search(rf"原来：\s*{DIBAO.title}\s*改为：\s*{NEW_TITLE}", changed), changed
        assert re.search(rf"新增：\s*{NEW_QUESTION}\s*删去：\s*{DIBAO.questions[0]}", changed), changed
        assert f"改为：{NEW_WHOM}" in changed.replace("\n", "") and "核实情况：已核实" in changed
        assert "适用范围" not in changed and "最后审核日期" not in changed  # only what changed
        whole = card.locator(".kb-fields").inner_text()
        for label in ("标题", "主题", "适用范围", "群众常问的说法", "答复（谁能享受）", "依据文件", "最后审核日期"):
            assert label in whole, label
        assert "最低生活保障" in whole and "全国" in whole and "不替代" in whole
        shown = page.inner_text("main")
        assert not re.search(r"[A-Za-z]", shown), re.findall(r"[A-Za-z]+", shown)
        assert not re.search(r"\w+:\s", shown)
        assert card.locator("text=审核通过并生效").is_visible()
        shot(page, f"kb-review-fields-{width}")
        assert fits(page)
    finally:
        context.close()
