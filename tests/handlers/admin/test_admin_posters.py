"""Poster downloads in the admin page: per village (PDF, PNG, SVG) and per town (PDF), scoped by county."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import Engine

from storage.db import make_sessionmaker, transaction
from storage.repos.posters import NewPoster, add_posters, list_posters
from storage.types import utcnow
from tests.cases_support import VILLAGE
from tests.h5_support import h5_client
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
