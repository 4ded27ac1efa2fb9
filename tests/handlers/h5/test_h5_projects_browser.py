"""The H5 page's projects in headless Chromium at phone (390 px) and desktop (1280 px) width: a project's funds by
source, contractor and acceptance fit the screen, and 对这个项目有疑问 opens the report form with the project
named and its category chosen. Screenshots: var/screenshots/h5-project-*.png."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from storage.db import transaction
from storage.repos.projects import upsert_projects
from storage.types import utcnow
from tests.browser_support import csp_refusals, served_app, shot
from tests.cases_support import VILLAGE
from tests.h5_support import PROJECT, seed

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::DeprecationWarning")]
CANAL = replace(
    PROJECT,
    name="灌溉渠道维修",
    year=2024,
    fund_source="中央衔接资金60万元；县级配套26万元",
    implementing_unit="互助县水利局；承包：示例水利建设有限公司",
    status="已验收",
)


def seed_with_canal(sessions: sessionmaker[Session]) -> None:
    seed(sessions)
    with transaction(sessions) as s:
        upsert_projects(s, rows=[CANAL], now=utcnow())


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("h5-projects-browser")
    with served_app(tmp, seed_with_canal, media_dir=tmp / "media") as srv:
        yield srv.base


@pytest.mark.parametrize(("width", "label"), [(390, "phone"), (1280, "desktop")])
def test_a_projects_details_and_its_report_link(browser: Any, base: str, width: int, label: str) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900}, is_mobile=width < 600)
    page = context.new_page()
    page.set_default_timeout(10_000)
    refused = csp_refusals(page)
    page.goto(f"{base}/v/{VILLAGE}")
    canal = page.locator("#project-2")
    text = canal.inner_text()
    assert "灌溉渠道维修" in text and "来源 2 项" in text and "中央衔接资金 60万元" in text
    assert "承包单位：示例水利建设有限公司" in text and "验收：已验收" in text
    assert "承包单位：未公开" in page.inner_text("#project-1")
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    shot(page, f"h5-project-{label}")
    canal.get_by_text("对这个项目有疑问？反映").click()
    page.wait_for_url(re.compile(r"/report\?project=2$"))
    assert page.input_value("#description") == "对2024年的项目“灌溉渠道维修”有疑问："
    assert page.input_value("#category") == "project"
    shot(page, f"h5-project-report-{label}")
    context.close()
    assert not refused, f"the Content-Security-Policy refused: {refused}"
