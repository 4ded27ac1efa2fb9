"""Open311 GeoReport v2 over raw HTTP: every path, both formats, the specification's errors, keys and scope."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from cases.handling import case_steps, triage
from cases.identity import unseal
from cases.interop import api_keys, case_hooks
from storage.db import make_sessionmaker, transaction
from storage.models import Village
from storage.models.cases import Case, CaseEvidence
from storage.models.staff import AuditEntry
from storage.types import utcnow
from tests.cases_support import KEYS, VILLAGE
from tests.h5_support import h5_client
from tests.staff_support import PASSWORD, reveal_with_approval

BASE = "/open311/v2"
OTHER_COUNTY_VILLAGE = "630202002202"  # 乐都区
TOWN = "630223106000"  # 五十镇, VILLAGE's town


@dataclass
class World:
    http: TestClient
    sessions: sessionmaker[Session]
    keys: dict[str, str]  # unit code -> key

    def post(self, key: str, token: str | None = None, fmt: str = "json", **fields: str) -> Any:
        headers = {"Idempotency-Key": token} if token else {}
        return self.http.post(f"{BASE}/requests.{fmt}", data={"api_key": key, **fields}, headers=headers)

    def get(self, path: str, key: str | None = None, **params: str) -> Any:
        return self.http.get(f"{BASE}/{path}", params={**({"api_key": key} if key else {}), **params})


@pytest.fixture
def world(engine: Engine, tmp_path: Path) -> Iterator[World]:
    http = h5_client(engine, tmp_path)
    sessions = make_sessionmaker(engine)
    keys: dict[str, str] = {}
    with transaction(sessions) as session:
        for unit in ("630223", "630223:jw", TOWN):
            _, keys[unit] = api_keys.create(
                session, name=f"sys-{unit}", unit_code=unit, rate_per_hour=1000, now=utcnow()
            )
    with http:
        yield World(http, sessions, keys)


FUNDS = {
    "service_code": "funds",
    "address_id": VILLAGE,
    "description": "村里把危房改造补助截留了 3000 元",
    "attribute[cadre_level]": "village",
}


def errors_of(reply: Any) -> list[dict[str, Any]]:
    body = reply.json()
    assert isinstance(body, list) and body, body
    assert set(body[0]) == {"code", "description"}, body
    return body


def test_discovery_and_service_list_in_both_formats(world: World) -> None:
    discovery = world.get("discovery.json").json()
    assert discovery["endpoints"][0]["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert discovery["endpoints"][0]["url"].endswith("/open311/v2")
    assert {"changeset", "contact", "key_service"} <= set(discovery)
    root = ET.fromstring(world.get("discovery.xml").content)
    assert [f.text for f in root.iter("format")] == ["text/xml", "application/json"]

    listed = world.get("services.json")
    assert listed.headers["content-type"] == "application/json; charset=utf-8"
    codes = [s["service_code"] for s in listed.json()]
    assert "funds" in codes and "poverty_risk" in codes
    first = listed.json()[0]
    assert set(first) == {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"}
    xml = world.get("services.xml")
    assert xml.headers["content-type"] == "text/xml; charset=utf-8"
    assert xml.text.startswith('<?xml version="1.0" encoding="utf-8"?>')
    assert [e.text for e in ET.fromstring(xml.content).iter("service_code")] == codes


def test_a_repeated_or_overlong_jurisdiction_gets_the_specifications_400_on_the_keyless_calls(world: World) -> None:
    for path in ("services.json", "services/funds.json"):
        twice = world.http.get(f"{BASE}/{path}", params=[("jurisdiction_id", "630223"), ("jurisdiction_id", "630224")])
        assert twice.status_code == 400, path
        assert "jurisdiction_id 只能出现一次" in twice.json()[0]["description"]
        assert world.get(path, jurisdiction_id="6" * 5000).status_code == 400


def test_service_definition_asks_who_is_reported_for_cadre_categories(world: World) -> None:
    funds = world.get("services/funds.json").json()
    attribute = funds["attributes"][0]
    assert (funds["service_code"], attribute["code"], attribute["required"]) == ("funds", "cadre_level", True)
    assert [v["key"] for v in attribute["values"]] == ["village", "town", "county", "unknown"]
    assert world.get("services/poverty_risk.json").json()["attributes"][0]["required"] is False
    root = ET.fromstring(world.get("services/funds.xml").content)
    assert root.tag == "service_definition" and root.findtext("attributes/attribute/code") == "cadre_level"
    missing = world.get("services/nope.json")
    assert missing.status_code == 404 and errors_of(missing)[0]["code"] == 404
    as_xml = world.get("services/nope.xml")
    assert as_xml.status_code == 404 and ET.fromstring(as_xml.content).findtext("error/code") == "404"
    assert world.get("services.csv").status_code == 404
    assert world.get("services.json", jurisdiction_id="999999").status_code == 404
    assert world.get("services.json", jurisdiction_id="630223").status_code == 200


def test_post_files_once_per_idempotency_key_and_the_token_finds_it(world: World) -> None:
    key = world.keys["630223:jw"]
    first = world.post(key, "retry-me-0001", **FUNDS)
    assert first.status_code == 200, first.text
    (answer,) = first.json()
    assert set(answer) == {"service_request_id", "service_notice", "account_id"} and "token" not in answer
    again = world.post(key, "retry-me-0001", **FUNDS)
    assert again.json()[0]["service_request_id"] == answer["service_request_id"]
    with world.sessions() as session:
        cases = session.scalars(select(Case)).all()
        assert [(c.number, c.channel, c.status) for c in cases] == [(answer["service_request_id"], "open311", "routed")]
    token = world.get("tokens/retry-me-0001.json", key).json()
    assert token == [{"service_request_id": answer["service_request_id"], "token": "retry-me-0001"}]
    assert world.get("tokens/retry-me-0001.json", world.keys["630223"]).status_code == 404  # another key's
    assert world.get("tokens/unknown-token.xml", key).status_code == 404
    as_xml = world.post(key, "retry-me-0002", "xml", **FUNDS)
    assert ET.fromstring(as_xml.content).findtext("request/service_request_id", "").startswith("630223-")


def test_reporter_fields_are_sealed_like_a_real_name_report_and_never_read_back(world: World) -> None:
    key = world.keys["630223:jw"]
    named = world.post(
        key, "named-00001", **FUNDS, first_name="三", last_name="张", phone="13800001111", email="z@x.cn"
    )
    anonymous = world.post(key, "anon-000001", **FUNDS)
    with world.sessions() as session:
        real = session.scalar(select(Case).where(Case.number == named.json()[0]["service_request_id"]))
        anon = session.scalar(select(Case).where(Case.number == anonymous.json()[0]["service_request_id"]))
        assert real is not None and anon is not None
        assert real.anonymous is False and real.identity_seal is not None
        assert unseal(real.identity_seal, keys=KEYS) == {
            "openid": None,
            "name": "张三",
            "phone": "13800001111",
            "email": "z@x.cn",
        }
        assert (real.reporter_tag, real.contact_seal) == (None, None)
        assert anon.anonymous is True and anon.identity_seal is None
    read = world.get(f"requests/{real.number}.json", key)
    listed = world.get("requests.xml", key)
    for text in (read.text, listed.text):
        assert "张三" not in text and "13800001111" not in text and "z@x.cn" not in text
    assert read.json()[0]["description"] == FUNDS["description"]
    bad_phone = world.post(key, "named-00002", **FUNDS, first_name="三", phone="12345")
    assert bad_phone.status_code == 400 and "手机号" in errors_of(bad_phone)[0]["description"]


@pytest.mark.parametrize(
    ("change", "status", "words"),
    [
        ({"service_code": "nope"}, 404, "类别"),
        ({"service_code": ""}, 400, "service_code"),
        ({"description": ""}, 400, "description"),
        ({"description": "长" * 4001}, 400, "4000"),
        ({"address_id": "110101001001"}, 400, "名录"),
        ({"address_id": ""}, 400, "位置"),
        ({"address_id": "", "address_string": "不存在的地方"}, 400, "address_string"),
        ({"address_id": "", "lat": "36.8"}, 400, "lat"),
        ({"address_id": "", "lat": "x", "long": "y"}, 400, "数字"),
        ({"address_id": "", "lat": "39.9", "long": "116.4"}, 400, "附近"),
        ({"address_id": OTHER_COUNTY_VILLAGE}, 403, "辖区"),
        ({"attribute[cadre_level]": ""}, 400, "cadre_level"),
        ({"attribute[cadre_level]": "mayor"}, 400, "cadre_level"),
        ({"attribute[colour]": "red"}, 400, "attribute"),
        ({"media_url": "javascript:alert(1)"}, 400, "media_url"),
        ({"jurisdiction_id": "630202"}, 403, "jurisdiction_id"),
        ({"jurisdiction_id": "999999"}, 404, "jurisdiction_id"),
    ],
)
def test_post_errors_are_the_specifications(world: World, change: dict[str, str], status: int, words: str) -> None:
    reply = world.post(world.keys["630223:jw"], **{**FUNDS, **change})
    assert reply.status_code == status, reply.text
    assert words in errors_of(reply)[0]["description"]
    with world.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 0


def test_keys_missing_wrong_or_revoked_get_403(world: World) -> None:
    assert world.post("", **FUNDS).status_code == 403
    assert world.post("qf311_wrong", **FUNDS).status_code == 403
    assert world.get("requests.json").status_code == 403
    assert world.get("requests.json", "qf311_令牌").status_code == 403
    with transaction(world.sessions) as session:
        (row,) = [r for r in api_keys.listing(session) if r.unit_code == "630223"]
        api_keys.revoke(session, client_id=row.id, now=utcnow())
    reply = world.get("requests.json", world.keys["630223"])
    assert reply.status_code == 403 and errors_of(reply)[0]["code"] == 403
    ok = world.http.get(f"{BASE}/requests.json", auth=("api", world.keys["630223:jw"]))
    assert ok.status_code == 200  # HTTP Basic, for clients that cannot add api_key to every call


def test_address_string_and_lat_long_find_the_village(world: World) -> None:
    key = world.keys["630223:jw"]
    by_name = world.post(key, **{**FUNDS, "address_id": "", "address_string": "五十镇土观村"})
    assert by_name.status_code == 200, by_name.text
    with transaction(world.sessions) as session:
        village = session.get(Village, VILLAGE)
        assert village is not None
        village.lat, village.lng, village.datum = 36.84, 102.05, "wgs84"
    by_point = world.post(key, **{**FUNDS, "address_id": "", "lat": "36.845", "long": "102.051"})
    assert by_point.status_code == 200, by_point.text
    number = by_point.json()[0]["service_request_id"]
    with world.sessions() as session:
        case = session.scalar(select(Case).where(Case.number == number))
        assert case is not None and (case.village_code, case.location_source, case.lat) == (VILLAGE, "api", 36.845)
    shown = world.get(f"requests/{number}.json", key).json()[0]
    # The village's position, not the point sent: it may be where the reporter lives.
    assert (shown["lat"], shown["long"], shown["address_id"]) == (36.84, 102.05, VILLAGE)


def test_get_requests_filters_by_id_category_status_and_a_window_of_at_most_90_days(world: World) -> None:
    key = world.keys["630223:jw"]
    funds = world.post(key, **FUNDS).json()[0]["service_request_id"]
    risk = world.post(key, service_code="poverty_risk", address_id=VILLAGE, description="家里老人重病，收入没了")
    risk_number = risk.json()[0]["service_request_id"]

    def numbers(**params: str) -> list[str]:
        reply = world.get("requests.json", key, **params)
        assert reply.status_code == 200, reply.text
        return [r["service_request_id"] for r in reply.json()]

    assert sorted(numbers()) == sorted([funds, risk_number])
    assert numbers(service_code="funds") == [funds]
    assert sorted(numbers(service_code="funds,poverty_risk")) == sorted([funds, risk_number])
    assert numbers(status="closed") == []
    assert len(numbers(status="open")) == 2
    assert numbers(service_request_id=risk_number, service_code="funds") == [risk_number]  # ids override
    now = utcnow()
    assert numbers(start_date=(now + timedelta(days=1)).isoformat()) == []
    window = {"start_date": (now - timedelta(days=89)).isoformat(), "end_date": (now + timedelta(days=1)).isoformat()}
    assert len(numbers(**window)) == 2
    too_long = world.get("requests.json", key, start_date="2026-01-01T00:00:00Z", end_date="2026-06-01T00:00:00Z")
    assert too_long.status_code == 400 and "90" in errors_of(too_long)[0]["description"]
    for bad in ({"start_date": "yesterday"}, {"end_date": "2026-01-01"}, {"status": "pending"}, {"service_code": "x"}):
        assert world.get("requests.json", key, **bad).status_code == 400, bad
    assert world.get("requests.json", key, service_request_id="DROP TABLE").status_code == 400
    one = world.get(f"requests/{funds}.xml", key)
    request = ET.fromstring(one.content).find("request")
    assert request is not None and request.findtext("service_request_id") == funds
    assert request.findtext("agency_responsible") == "互助土族自治县纪委监委"
    assert world.get("requests/630223-2026-999999.json", key).status_code == 404


def test_a_case_about_town_cadres_is_never_shown_to_the_towns_system(world: World) -> None:
    town_key = world.keys[TOWN]
    filed = world.post(town_key, "town-report-1", **{**FUNDS, "attribute[cadre_level]": "town"})
    assert filed.status_code == 200, filed.text
    number = filed.json()[0]["service_request_id"]
    assert world.get(f"requests/{number}.json", town_key).status_code == 404
    assert world.get("requests.json", town_key).json() == []
    assert world.get("tokens/town-report-1.json", town_key).status_code == 200  # its own number, nothing more
    county = world.get(f"requests/{number}.json", world.keys["630223:jw"]).json()[0]
    assert county["description"] == FUNDS["description"]


def test_an_anonymous_description_stays_with_units_that_may_see_the_case(world: World) -> None:
    hotline = world.keys["630223"]  # the county government's 12345 hotline: it leads no case here
    filed = world.post(hotline, service_code="poverty_risk", address_id=VILLAGE, description="家里老人重病，收入没了")
    number = filed.json()[0]["service_request_id"]
    mine = world.get(f"requests/{number}.json", hotline).json()[0]
    assert mine["description"] is None and mine["status"] == "open"
    assert mine["agency_responsible"] == "互助土族自治县农业农村局（乡村振兴局）"
    assert world.get(f"requests/{number}.json", world.keys["630223:jw"]).json()[0]["description"]


def test_status_notes_are_the_public_reply_and_never_an_internal_note(world: World) -> None:
    key = world.keys["630223:jw"]
    number = world.post(key, **FUNDS).json()[0]["service_request_id"]
    with transaction(world.sessions) as session:
        case = case_steps.get_case(session, number=number)
        triage.note(session, case=case, text="内部备注：先查账本", actor="staff:jw", now=utcnow())
        case_steps.accept(session, case=case, actor="staff:jw", keys=KEYS, now=utcnow())
        case_steps.public_reply(session, case=case, text="已派人核查", actor="staff:jw", keys=KEYS, now=utcnow())
    shown = world.get(f"requests/{number}.json", key)
    assert shown.json()[0]["status_notes"] == "已派人核查"
    assert "内部备注" not in shown.text


def test_media_url_is_kept_as_a_link_for_staff(world: World) -> None:
    key = world.keys["630223:jw"]
    reply = world.post(key, **FUNDS, media_url="https://example.org/p/1.jpg")
    with world.sessions() as session:
        notes = session.scalars(select(CaseEvidence.note)).all()
    assert reply.status_code == 200 and notes == ["来自sys-630223:jw的材料链接：https://example.org/p/1.jpg"]


def test_each_key_has_an_hourly_limit_and_every_use_is_audited(world: World) -> None:
    with transaction(world.sessions) as session:
        _, key = api_keys.create(session, name="grid-app", unit_code="630223:jw", rate_per_hour=2, now=utcnow())
    assert world.post(key, **FUNDS).status_code == 200
    assert world.get("requests.json", key).status_code == 200
    limited = world.get("requests.json", key)
    assert limited.status_code == 429 and errors_of(limited)[0]["code"] == 429
    with world.sessions() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.username == "api:grid-app")).all()
    assert [r.action for r in rows] == ["api_file", "api_read"]
    assert rows[0].case_id is not None and rows[0].county_code == "630223"


def test_api_keys_are_stored_hashed(world: World) -> None:
    with world.sessions() as session:
        rows = api_keys.listing(session)
    stored = " ".join(f"{r.key_hash} {r.key_hint}" for r in rows)
    assert rows and all(key not in stored for key in world.keys.values())
    assert all(r.key_hash == api_keys.hash_key(world.keys[r.unit_code]) for r in rows)


JUNK = ("", "0", "-1", "9" * 30, "abc", "x" * 300, "\x00", "../etc/passwd", "中文", "%ff%fe", "1,2,,3", "'; --")


def test_junk_with_a_valid_key_gets_400_403_404_or_429_never_a_5xx(world: World) -> None:
    """The anonymous sweep (test_no_500) stops at the key; with one, junk reaches parsing and SQL."""
    key = world.keys["630223:jw"]
    seen: set[int] = set()
    for junk in JUNK:
        segment = quote(junk, safe="")
        for path in (
            f"services/{segment}.json",
            f"requests/{segment}.json",
            f"tokens/{segment}.xml",
            f"requests.{segment}",
        ):
            seen.add(world.get(path, key).status_code)
        for name in ("service_request_id", "service_code", "start_date", "end_date", "status", "jurisdiction_id"):
            seen.add(world.get("requests.json", key, **{name: junk}).status_code)
        for name in ("service_code", "description", "lat", "long", "address_string", "address_id", "phone"):
            seen.add(world.post(key, **{**FUNDS, "address_id": "", "lat": "1", "long": "1", name: junk}).status_code)
            seen.add(world.post(key, **{**FUNDS, name: junk}).status_code)
        seen.add(world.post(key, junk if len(junk) >= 8 else None, **{**FUNDS, f"attribute[{junk}]": junk}).status_code)
    raw = world.http.post(f"{BASE}/requests.json", content=b"\xff\xfe{", headers={"content-type": "application/json"})
    seen.add(raw.status_code)
    assert {200, 400, 404} <= seen <= {200, 400, 403, 404, 429}, seen


def test_the_administrator_issues_and_revokes_keys_and_manages_subscribers_on_the_admin_pages(
    engine: Engine, tmp_path: Path
) -> None:
    http = h5_client(engine, tmp_path, users=True)
    sessions = make_sessionmaker(engine)
    with http:
        token = admin_login(http, "admin")
        page = http.get("/admin/open311")
        assert page.status_code == 200 and "对接系统" in page.text
        made = http.post(
            "/admin/open311/keys", data={"csrf": token, "name": "网格平台", "unit": "630223:jw", "rate": "5"}
        )
        key = re.search(r'<code id="shown-secret"[^>]*>([^<]+)</code>', made.text)
        assert made.status_code == 200 and key is not None
        assert http.get(f"{BASE}/requests.json", params={"api_key": key.group(1)}).status_code == 200
        assert key.group(1) not in http.get("/admin/open311").text  # shown once only
        bad = http.post("/admin/open311/keys", data={"csrf": token, "name": "", "unit": "nope", "rate": "5"})
        assert bad.status_code == 400 and "单位" in bad.text
        with sessions() as session:
            (row,) = api_keys.listing(session)
        http.post("/admin/open311/keys/revoke", data={"csrf": token, "id": str(row.id)})
        assert http.get(f"{BASE}/requests.json", params={"api_key": key.group(1)}).status_code == 403
        added = http.post(
            "/admin/open311/subscribers", data={"csrf": token, "unit": "630223:jw", "url": "https://grid.example/h"}
        )
        assert added.status_code == 200 and re.search(r'<code id="shown-secret"[^>]*>[^<]{40,}</code>', added.text)
        refused = http.post("/admin/open311/subscribers", data={"csrf": token, "unit": "630223:jw", "url": "ftp://x"})
        assert refused.status_code == 400
        with sessions() as session:
            (sub,) = case_hooks.listing(session)
        http.post("/admin/open311/subscribers/remove", data={"csrf": token, "id": str(sub.id)})
        listing = http.get("/admin/open311").text
        assert "已停止" in listing
        shown = re.sub(r"<[^>]*>", "", listing)  # what the administrator reads: unit names, not codes
        assert "630223:" not in shown and shown.count("纪委监委") >= 2, shown
        assert admin_login(http, "jw_huzhu") and http.get("/admin/open311").status_code == 403
    with sessions() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.username == "admin")).all()
    assert {"api_key_create", "api_key_revoke", "subscriber_add", "subscriber_remove"} <= set(actions)


def admin_login(http: TestClient, username: str) -> str:
    http.cookies.clear()
    login_page = http.get("/admin/login")
    token = re.search(r'name="csrf" value="([^"]+)"', login_page.text)
    assert token is not None
    http.post("/admin/login", data={"csrf": token.group(1), "username": username, "password": PASSWORD})
    page = http.get("/admin/open311" if username == "admin" else "/admin/cases")
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


def test_a_permitted_reveal_shows_the_email_an_open311_reporter_gave(engine: Engine, tmp_path: Path) -> None:
    http = h5_client(engine, tmp_path, users=True)
    with transaction(make_sessionmaker(engine)) as session:
        _, key = api_keys.create(session, name="hotline", unit_code="630223:jw", rate_per_hour=100, now=utcnow())
    with http:
        fields = {**FUNDS, "api_key": key, "first_name": "三", "last_name": "张", "email": "z@x.cn"}
        number = http.post(f"{BASE}/requests.json", data=fields).json()[0]["service_request_id"]
        with make_sessionmaker(engine)() as session:
            case_id = session.scalar(select(Case.id).where(Case.number == number))
        assert case_id is not None
        shown = reveal_with_approval(http, case_id, "jw_huzhu", "需要当面核实情况")
    assert shown.status_code == 200 and "张三，（未留电话），z@x.cn" in shown.text
