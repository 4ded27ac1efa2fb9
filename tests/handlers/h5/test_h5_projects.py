"""The H5 page's projects (项目公开): each project's funds by source, units, acceptance, and 对这个项目有疑问,
which opens the report form with the project named and the 项目 category chosen."""

from __future__ import annotations

import html as htmllib
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from storage.db import make_sessionmaker, transaction
from storage.repos.projects import upsert_projects
from storage.types import utcnow
from tests.cases_support import VILLAGE
from tests.h5_support import PROJECT, h5_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
BASE = f"/v/{VILLAGE}"


@pytest.fixture
def client(engine: Engine, tmp_path: Path) -> TestClient:
    c = h5_client(engine, tmp_path / "media")
    canal = replace(
        PROJECT,
        name="灌溉渠道维修",
        year=2024,
        fund_source="中央衔接资金60万元；县级配套26万元",
        implementing_unit="互助县水利局；承包：示例水利公司",
        status="已验收",
    )
    with transaction(make_sessionmaker(engine)) as s:
        upsert_projects(s, rows=[canal], now=utcnow())
    return c


def test_each_project_shows_funds_by_source_units_acceptance_and_a_way_to_report(client: TestClient) -> None:
    page = htmllib.unescape(client.get(BASE).text)
    assert "共 2 个项目" in page
    assert "资金：86万元，来源 2 项：" in page and "中央衔接资金 60万元" in page and "县级配套 26万元" in page
    assert "实施单位：互助县水利局" in page and "承包单位：示例水利公司" in page and "验收：已验收" in page
    assert "承包单位：未公开" in page and "验收：已完工，待验收" in page  # the other project publishes none
    assert f'href="{BASE}/report?project=2"' in page and page.count("对这个项目有疑问？反映") == 2
    assert "；承包：" not in page  # the stored cell is never shown raw


def test_the_report_link_names_the_project_and_picks_its_category(client: TestClient) -> None:
    form = htmllib.unescape(client.get(BASE + "/report?project=2").text)
    assert ">对2024年的项目“灌溉渠道维修”有疑问：</textarea>" in form
    assert '<option value="project" selected>' in form


@pytest.mark.parametrize("project", ["9", "0", "x", "²", "1" * 30])
def test_a_project_number_that_is_not_on_the_list_opens_a_blank_form(client: TestClient, project: str) -> None:
    form = client.get(BASE + "/report", params={"project": project})
    assert form.status_code == 200 and "有疑问：" not in htmllib.unescape(form.text)
