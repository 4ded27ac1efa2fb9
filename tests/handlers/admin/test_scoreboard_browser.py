"""The unit scoreboard in headless Chromium (#20 §4), at 1280 and 390 px: a county 纪委监委 clerk picks the month
and a unit, reads the percentages, the flagged unit, the spike alert and the trends, and downloads the .xlsx
and the monthly PDF; at phone width nothing is wider than the screen. No script runs (the page needs none)
and the Content-Security-Policy refuses nothing. Screenshots: var/screenshots/scoreboard-desktop.png,
scoreboard-phone.png."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session, sessionmaker

from tests.browser_support import served_app, shot
from tests.cases.money.test_money_confirmations import seed_answers
from tests.cases.reading.test_scoreboard import hand_counted
from tests.handlers.admin.test_admin_manage_browser import Site, login

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def _seed(sessions: sessionmaker[Session]) -> None:
    hand_counted(sessions)
    with tempfile.TemporaryDirectory() as tmp:
        seed_answers(sessions, Path(tmp))  # payments answered in 互助's and 乐都's villages


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served_app(tmp_path_factory.mktemp("browser-scoreboard"), _seed) as srv:
        yield Site(srv.engine, srv.base, srv.runtime.sessions, srv.runtime.calendar)


def _download(page: Any, link: str) -> bytes:
    with page.expect_download() as info:
        page.click(f"text={link}")
    path = info.value.path()
    with open(path, "rb") as f:
        return f.read()


@pytest.mark.slow
def test_a_county_clerk_reads_the_scoreboard_and_downloads_it_at_desktop_and_phone_width(page: Any, site: Site) -> None:
    login(page, site, "jw_huzhu")
    page.click("nav >> text=单位考评")
    page.fill("input[name=month]", "2026-03")
    page.click("button:has-text('查看')")
    main = page.inner_text("main")
    assert "2026年3月" in main and "签收及时率" in main and "50.0%" in main and "排名靠后" in main
    assert "异常增多提示" in main and "近十二个月趋势" in main and "满意率 =" in main and "乐都" not in main
    assert page.locator(".trend svg").count() == 9 and page.locator("tr.flagged").count() == 1
    confirmed = page.inner_text("table.confirmed")
    assert "已确认占比" in confirmed and "土观村委会" in confirmed and "66.7%" in confirmed and "李家" not in confirmed
    shot(page, "scoreboard-desktop")
    book = load_workbook(io.BytesIO(_download(page, "导出 Excel")))
    assert book.sheetnames == ["2026-03 单位", "近十二个月", "口径"] and book["2026-03 单位"].freeze_panes == "B2"
    assert _download(page, "打印月报（PDF）").startswith(b"%PDF")

    page.select_option("select[name=unit]", label="互助土族自治县纪委监委")
    page.click("button:has-text('查看')")
    assert "互助土族自治县纪委监委 · 2026年3月" in page.inner_text("main")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site.base + "/admin/scoreboard?month=2026-03")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # cards and stacked charts
    row = page.locator("table.scoreboard tbody tr").first.bounding_box()
    assert row is not None and row["width"] <= 390
    shot(page, "scoreboard-phone")
