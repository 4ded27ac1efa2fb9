"""Poster downloads in the admin page: per village (PDF, PNG, SVG) and per town (PDF), scoped by county."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from storage.db import make_sessionmaker, transaction
from storage.repos.posters import NewPoster, add_posters, list_posters
from storage.types import utcnow
from tests.cases_support import VILLAGE
from tests.h5_support import csrf_of, h5_client
from tests.handlers.h5.test_h5_analytics import login
from tests.qr_support import read_qr_codes

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CONTENT = f"https://qingfeng.example.org/v/{VILLAGE}"


@pytest.fixture
def client(engine: Engine, tmp_path: Path):  # type: ignore[no-untyped-def]
    c = h5_client(engine, tmp_path / "media", users=True)
    with transaction(make_sessionmaker(engine)) as s:
        add_posters(
            s,
            rows=[
                NewPoster(VILLAGE, 1, VILLAGE, "h5", CONTENT),
                NewPoster(VILLAGE, 2, f"{VILLAGE}-2", "h5", CONTENT + "-2"),
            ],
            now=utcnow(),
        )
    return c


def test_village_list_offers_downloads_per_village_and_town(client) -> None:  # type: ignore[no-untyped-def]
    login(client, "jw_huzhu")
    page = client.get("/admin/villages")
    assert page.status_code == 200
    assert "土观村委会" in page.text and f"/admin/posters/village/{VILLAGE}.pdf" in page.text
    assert f"/admin/posters/town/{VILLAGE[:9]}000.pdf" in page.text
    assert "尚未生成" in page.text  # the town's other villages have no poster rows yet


def test_village_and_town_pdfs_reprint_the_stored_codes(client, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    with make_sessionmaker(engine)() as s:
        printable = [r for r in list_posters(s, village_codes=[VILLAGE]) if r.content]
    login(client, "jw_huzhu")
    for url in (f"/admin/posters/village/{VILLAGE}.pdf", f"/admin/posters/town/{VILLAGE[:9]}000.pdf"):
        response = client.get(url)
        assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
        reader = PdfReader(io.BytesIO(response.content))
        assert len(reader.pages) == len(printable) >= 2  # only 土观 has posters in its town here
        assert "土观村委会" in reader.pages[0].extract_text()


def test_png_and_svg_hold_the_posters_content(client, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    with make_sessionmaker(engine)() as s:
        stored = {r.scene: r.content for r in list_posters(s, village_codes=[VILLAGE])}
    login(client, "jw_huzhu")
    png = client.get(f"/admin/posters/{VILLAGE}-2.png")
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    decoded = read_qr_codes(Image.open(io.BytesIO(png.content)))
    assert [d.text for d in decoded] == [stored[f"{VILLAGE}-2"]]
    svg = client.get(f"/admin/posters/{VILLAGE}.svg")
    assert svg.status_code == 200 and svg.text.lstrip().startswith("<")


def test_another_countys_staff_cannot_download(client) -> None:  # type: ignore[no-untyped-def]
    login(client, "jw_ledu")
    assert client.get(f"/admin/posters/village/{VILLAGE}.pdf").status_code == 404
    assert client.get(f"/admin/posters/{VILLAGE}.png").status_code == 404
    assert "土观村委会" not in client.get("/admin/villages").text


def test_downloads_need_a_login(client) -> None:  # type: ignore[no-untyped-def]
    client.cookies.clear()
    response = client.get(f"/admin/posters/village/{VILLAGE}.pdf", follow_redirects=False)
    assert response.status_code in (302, 303, 401, 403)


# -- creating posters from the page, search, paging and scope (#20 §7) ---------------------------------

TOWN = VILLAGE[:9] + "000"  # 五十镇
DANMA = "630223107000"  # a second town of the county, with enough villages for two pages


def add_danma(engine: Engine, villages: int = 60) -> None:
    seed_danma(make_sessionmaker(engine), villages)


def seed_danma(sessions: sessionmaker[Session], villages: int = 60) -> None:
    """A town of `villages` villages in 互助, and a town account for 五十镇 (wushi_town)."""
    from cases import org
    from cases.staff.accounts import create_user
    from storage.repos.villages import TownRow, VillageRow, upsert_towns, upsert_villages
    from tests.staff_support import PASSWORD

    with transaction(sessions) as s:
        upsert_towns(s, rows=[TownRow(DANMA, "630223000000", "丹麻镇")])
        rows = [
            VillageRow(f"630223107{n:03d}", DANMA, "630223000000", f"丹麻{n:02d}村委会", "220", True)
            for n in range(1, villages + 1)
        ]
        upsert_villages(s, rows=rows)
        org.seed_from_registry(s)
        create_user(
            s,
            username="wushi_town",
            role="town",
            unit_code=TOWN,
            display_name="五十镇",
            password=PASSWORD,
            now=utcnow(),
        )


def csrf(client) -> str:  # type: ignore[no-untyped-def]
    return csrf_of(client.get("/admin/villages").text)


def create(client, level: str, code: str, **extra: str):  # type: ignore[no-untyped-def]
    data = {"csrf": csrf(client), "level": level, "code": code, **extra}
    return client.post("/admin/posters/create", data=data, follow_redirects=False)


def test_a_clerk_creates_a_towns_posters_and_downloads_them(client, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    add_danma(engine)
    login(client, "jw_huzhu")
    missing = client.get(f"/admin/posters/town/{DANMA}.pdf")
    assert missing.status_code == 200 and "丹麻镇还没有海报" in missing.text
    assert 'action="/admin/posters/create"' in missing.text and f'value="{DANMA}"' in missing.text
    refused = create(client, "town", DANMA)  # the test settings' base URL is a loopback address
    assert refused.status_code == 409 and "本机或内网地址" in refused.text
    done = create(client, "town", DANMA, allow_local="1", per_village="2")
    assert done.status_code == 303 and done.headers["location"].startswith("/admin/villages")
    page = client.get(done.headers["location"])
    assert "已为丹麻镇生成 120 张海报" in page.text
    pdf = client.get(f"/admin/posters/town/{DANMA}.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(pdf.content)).pages) == 120
    again = create(client, "town", DANMA, allow_local="1", per_village="2")
    assert "都已生成" in client.get(again.headers["location"]).text  # a reprint: nothing new, codes unchanged
    with make_sessionmaker(engine)() as s:
        rows = list_posters(s, village_codes=[f"630223107{n:03d}" for n in range(1, 61)])
    assert len(rows) == 120 and all(r.kind == "h5" and r.content and "/v/630223107" in r.content for r in rows)
    audit = client.get("/admin/audit").text
    assert "生成海报" in audit and "丹麻镇" in audit and "新生成：120" in audit and "下载海报" in audit


def test_a_public_base_url_needs_no_box_and_a_county_prints_whole(engine: Engine, tmp_path: Path) -> None:
    c = h5_client(engine, tmp_path / "media", users=True, public_base_url="https://qingfeng.example.org")
    login(c, "jw_huzhu")
    page = c.get("/admin/villages")
    assert "仅供测试" not in page.text and "不能用" not in page.text
    assert create(c, "county", "630223").status_code == 303
    with make_sessionmaker(engine)() as s:
        rows = list_posters(s, village_codes=["630223106201"])
    assert [r.content for r in rows] == ["https://qingfeng.example.org/v/630223106201"]
    pdf = c.get("/admin/posters/county/630223.pdf")
    assert (
        pdf.status_code == 200 and len(PdfReader(io.BytesIO(pdf.content)).pages) == 4
    )  # 土观's three stored, 班彦's new one


def test_creating_needs_the_csrf_token(client) -> None:  # type: ignore[no-untyped-def]
    login(client, "jw_huzhu")
    data = {"level": "town", "code": TOWN, "allow_local": "1"}
    assert client.post("/admin/posters/create", data=data).status_code == 403


def test_search_and_paging(client, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    add_danma(engine)
    login(client, "jw_huzhu")
    first = client.get("/admin/villages")
    assert first.text.count("丹麻") >= 50 and "第 1 / 2 页" in first.text and "下一页" in first.text
    second = client.get("/admin/villages?county=630223&page=2")
    assert "第 2 / 2 页" in second.text and "丹麻60村委会" in second.text and "丹麻01村委会" not in second.text
    found = client.get("/admin/villages?county=630223&q=土观")
    assert "土观村委会" in found.text and "丹麻" not in found.text and "第 1 / 2 页" not in found.text
    by_code = client.get("/admin/villages?county=630223&q=630223107")
    assert "丹麻镇" in by_code.text and "五十镇" not in by_code.text and "第 1 / 2 页" in by_code.text
    by_town = client.get("/admin/villages?county=630223&q=五十")
    assert "班彦村委会" in by_town.text and "丹麻" not in by_town.text


def test_a_town_account_sees_and_prints_only_its_town(client, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    add_danma(engine)
    login(client, "wushi_town")
    page = client.get("/admin/villages")
    assert page.status_code == 200 and "土观村委会" in page.text and "班彦村委会" in page.text
    assert "丹麻" not in page.text and "全县" not in page.text
    assert client.get(f"/admin/posters/town/{TOWN}.pdf").status_code == 200
    assert client.get(f"/admin/posters/town/{DANMA}.pdf").status_code == 404
    assert client.get("/admin/posters/county/630223.pdf").status_code == 404
    assert client.get("/admin/posters/village/630223107001.pdf").status_code == 404
    assert create(client, "town", DANMA, allow_local="1").status_code == 404
    assert create(client, "county", "630223", allow_local="1").status_code == 404
    assert create(client, "village", "630223106201", allow_local="1").status_code == 303


def test_another_county_cannot_create_here(client) -> None:  # type: ignore[no-untyped-def]
    login(client, "jw_ledu")
    assert create(client, "town", TOWN, allow_local="1").status_code == 404
    assert client.get(f"/admin/posters/town/{TOWN}.pdf").status_code == 404
