"""Scan analytics in the admin pages: scans (webhook and H5) and reports per county, town and village,
posters quiet for N days and posters never scanned, scoped to the viewer's county."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from cases.timeutil import local_date
from handlers.admin.village_text import UNKNOWN_VILLAGE, village_name
from storage.db import make_sessionmaker, transaction
from storage.models import Village
from storage.repos.posters import NewPoster, add_posters
from storage.repos.scans import count_scan
from storage.types import utcnow
from tests.cases_support import VILLAGE
from tests.h5_support import h5_client
from tests.handlers.h5.test_h5_pages import confirm, preview
from tests.staff_support import PASSWORD
from tests.webhook_support import Sender, event_xml

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def login(c, username: str) -> None:  # type: ignore[no-untyped-def]
    c.cookies.clear()
    page = c.get("/admin/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    c.post("/admin/login", data={"csrf": token, "username": username, "password": PASSWORD})


def cells(html: str, name: str) -> list[str]:
    """The cells of the first table row whose first cell contains `name`."""
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        tds = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        if tds and name in tds[0]:
            return tds
    raise AssertionError(f"no row for {name}")


def test_analytics_page_shows_scans_reports_and_quiet_and_never_scanned_posters(engine: Engine, tmp_path: Path) -> None:
    c = h5_client(engine, tmp_path / "media", users=True)
    sessions = make_sessionmaker(engine)
    old = utcnow() - timedelta(days=60)
    with transaction(sessions) as s:
        add_posters(s, rows=[NewPoster(VILLAGE, 4, f"{VILLAGE}-4", "h5", "x")], now=utcnow())
        count_scan(s, scene=f"{VILLAGE}-3", day=local_date(old), channel="scan", now=old)
    c.get(f"/v/{VILLAGE}")
    c.get(f"/v/{VILLAGE}")  # a reload: the same device counts once a day
    c.cookies.clear()  # another device
    c.get(f"/v/{VILLAGE}")
    c.get(f"/v/{VILLAGE}-2")
    Sender(c).reply_text(event_xml("o-analytics", "SCAN", f"{VILLAGE}-2"))
    assert "已收到您的反映" in confirm(c, preview(c).text).text
    login(c, "jw_huzhu")
    page = c.get("/admin/scans", params={"days": "30"})
    assert page.status_code == 200 and "扫码统计" in page.text
    assert "不保存微信身份或网络地址" in page.text and "openid" not in page.text
    # columns: name, scans total, subscribe, scan, h5, reports total, h5 reports
    assert cells(page.text, "互助土族自治县")[1:] == ["4", "0", "1", "3", "1", "1"]
    assert cells(page.text, "五十镇")[1:] == ["4", "0", "1", "3", "1", "1"]
    assert cells(page.text, "土观村委会")[1:] == ["4", "0", "1", "3", "1", "1"]
    quiet = page.text.split('id="quiet"')[1].split('id="never"')[0]
    never = page.text.split('id="never"')[1]
    assert f"{VILLAGE}-3" in quiet and f"{VILLAGE}-2" not in quiet
    assert f"{VILLAGE}-4" in never and f"{VILLAGE}-3" not in never and f"{VILLAGE}-2" not in never
    assert "（1 张）" in page.text.split('id="never"')[1][:80]
    wider = c.get("/admin/scans", params={"days": "90"})
    assert cells(wider.text, "互助土族自治县")[1] == "5"
    assert f"{VILLAGE}-3" not in wider.text.split('id="quiet"')[1].split('id="never"')[0]
    login(c, "jw_ledu")
    other = c.get("/admin/scans")
    assert other.status_code == 200 and VILLAGE not in other.text and "土观村委会" not in other.text


def test_a_posters_unit_is_named_never_coded_and_an_unnamed_one_reads_as_a_note(engine: Engine, tmp_path: Path) -> None:
    c = h5_client(engine, tmp_path / "media", users=True)
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as s:
        park = s.scalars(select(Village).where(Village.code.like("630223%"), Village.code != VILLAGE)).first()
        assert park is not None
        park.is_village = False  # an industrial-park unit: left out of the village rows, still named
        add_posters(s, rows=[NewPoster(park.code, 1, f"{park.code}-1", "h5", "x")], now=utcnow())
        code, name = park.code, park.name
    login(c, "jw_huzhu")
    never = c.get("/admin/scans").text.split('id="never"')[1]
    row = cells(never, name)
    assert re.sub(r"<[^>]*>", "", row[0]).endswith(name) and code not in row[0] and UNKNOWN_VILLAGE not in never
    assert village_name({code: name}, code) == name
    for names in ({}, {code: "  "}):  # missing from the registry, or its name left blank
        assert village_name(names, code) == UNKNOWN_VILLAGE and village_name(names, None) == UNKNOWN_VILLAGE
