"""The scoreboard page shows the share of confirmed payments per village (#21 §4) within the viewer's scope,
in Chinese, as counts only: no holder, no answer code, no payment id."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Engine

from storage.db import make_sessionmaker
from tests.cases.money.test_money_confirmations import seed_answers
from tests.cases_support import KEYS
from tests.handlers.admin.test_admin_pages import login
from tests.staff_support import load_org
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _section(page: str) -> str:
    found = re.search(r"<h2[^>]*>补贴发放确认.*?</table>", page, flags=re.S)
    assert found, "no confirmation table on the page"
    return found.group(0)


def test_the_confirmation_table_per_village_in_each_scope(engine: Engine, tmp_path: Path) -> None:
    c = make_client(engine, identity_key=KEYS.current)
    sessions = make_sessionmaker(engine)
    load_org(sessions)
    seed_answers(sessions, tmp_path)
    login(c, "jw_huzhu")
    page = c.get("/admin/scoreboard?month=2026-03")
    assert page.status_code == 200
    table = _section(page.text)
    for label in ("村", "发放笔数", "收到了", "没收到", "金额不对", "未确认", "已确认占比"):
        assert f"<th>{label}</th>" in table
    assert "土观村委会" in table and "班彦村委会" in table and "李家村委会" not in table
    assert "66.7%" in table and "50.0%" in table and "60.0%" in table  # 土观 2 of 3, 班彦 1 of 2, all 3 of 5
    assert "只统计笔数" in page.text
    for hidden in ("wx:", "missing", "wrong_amount", "received", "T1", "630223106213"):
        assert hidden not in table
    login(c, "jw_ledu")
    ledu = _section(c.get("/admin/scoreboard?month=2026-03").text)
    assert "李家村委会" in ledu and "土观" not in ledu and "100.0%" in ledu
    login(c, "city")
    city = _section(c.get("/admin/scoreboard?month=2026-03&unit=630202").text)
    assert "李家村委会" in city and "土观" not in city


def test_villages_not_listed_are_counted_and_one_link_shows_them_all(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = make_client(engine, identity_key=KEYS.current)
    sessions = make_sessionmaker(engine)
    load_org(sessions)
    seed_answers(sessions, tmp_path)
    monkeypatch.setattr("cases.money.confirmations.LISTED", 1)
    login(c, "city")
    page = c.get("/admin/scoreboard?month=2026-03").text
    table = _section(page)
    # both villages with a 没收到 or 金额不对 are listed although the list holds one; 李家 (all received) is not
    assert "土观村委会" in table and "班彦村委会" in table and "李家村委会" not in table
    assert "另有 1 个村未列出" in page
    link = re.search(r'<a href="\?([^"]*confirmed=all[^"]*)">显示全部村</a>', page)
    assert link, "no link to every village"
    every = c.get("/admin/scoreboard?" + link.group(1).replace("&amp;", "&").split("#")[0]).text
    assert "李家村委会" in _section(every) and "未列出" not in every
