"""找谁 by county (issue #19 §5): a data file per Haidong county names the offices villagers go to; a
phone number or an address only with its published source (else 未收录电话); kb check validates the
files; the 找谁 answer and the 办理 reply name the villager's county's offices."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine

from knowledge.base import KnowledgeBase, format_how_to, format_reply
from knowledge.check import check
from knowledge.offices import KINDS, NO_PHONE, OFFICES_DIR, check_offices, load_offices, parse_county
from tests.cases_support import VILLAGE
from tests.h5_support import h5_client
from tests.webhook_support import Sender, event_xml, make_client, text_xml

HAIDONG = ("630202", "630203", "630222", "630223", "630224", "630225")
SOURCE = {"name": "《某县政务服务事项清单》", "date": "2026-03-01", "url": "https://example.gov.cn/list"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load_default()


def county_file(tmp_path: Path, offices: list[dict[str, Any]], code: str = "630202") -> Path:
    path = tmp_path / f"{code}.yaml"
    data = {"county": code, "name": "海东市乐都区", "offices": offices}
    text = yaml.safe_dump(data, allow_unicode=True).replace("'2026-03-01'", "2026-03-01")
    path.write_text(text, encoding="utf-8")
    return path


def every_kind(**changes: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"kind": kind, "name": f"乐都区{kind}"} | changes.get(kind, {}) for kind in KINDS]


def test_each_haidong_county_has_its_offices_and_no_number_without_a_source() -> None:
    assert check_offices(OFFICES_DIR) == []
    counties = load_offices(OFFICES_DIR)
    assert set(HAIDONG) <= set(counties)
    for code in HAIDONG:
        offices = counties[code].offices
        assert {o.kind for o in offices} == set(KINDS), code
        for office in offices:
            if office.phone or office.address:
                assert office.source is not None and (office.source.url or office.source.number), office
            else:
                assert NO_PHONE in office.line()


def test_a_phone_without_its_source_is_refused(tmp_path: Path) -> None:
    path = county_file(tmp_path, every_kind(**{"civil-affairs": {"phone": "0972-1234567"}}))
    county, problems = parse_county(path)
    assert county is None and any("published source" in p for p in problems)


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"civil-affairs": {"phone": "民政局电话", "source": SOURCE}}, "not a phone number"),
        ({"civil-affairs": {"phone": "0972-1234567", "source": SOURCE | {"url": ""}}}, "document number or an http"),
        ({"civil-affairs": {"phone": "0972-1234567", "source": {"name": "清单", "url": SOURCE["url"]}}}, "《》"),
        ({"civil-affairs": {"source": SOURCE}}, "without a phone or an address"),
        ({"civil-affairs": {"kind": "police"}}, "not one of"),
        ({"civil-affairs": {"fax": "1"}}, "unknown fields"),
        ({"civil-affairs": {"name": " "}}, "needs a name"),
    ],
)
def test_kb_check_names_each_broken_office(tmp_path: Path, changes: dict[str, Any], says: str) -> None:
    county_file(tmp_path, every_kind(**changes))
    problems = check_offices(tmp_path)
    assert problems and any(says in p.message for p in problems), problems


def test_a_missing_kind_and_a_wrong_county_code_are_refused(tmp_path: Path) -> None:
    county_file(tmp_path, every_kind()[1:])
    county_file(tmp_path, every_kind(), code="630203").write_text(
        (tmp_path / "630203.yaml").read_text(encoding="utf-8").replace("'630203'", "'630299'"), encoding="utf-8"
    )
    messages = [p.message for p in check_offices(tmp_path)]
    assert any("no office of kind agriculture" in m for m in messages)
    assert any("6-digit name '630203'" in m for m in messages)


def test_a_published_number_is_shown_with_the_office(tmp_path: Path) -> None:
    county_file(tmp_path, every_kind(**{"civil-affairs": {"phone": "0972-1234567", "source": SOURCE}}))
    county = load_offices(tmp_path)["630202"]
    assert [o.kind for o in county.named_in("村委会、乡镇民政办、县民政局。")] == ["civil-affairs"]
    line = county.named_in("县民政局")[0].line()
    assert "0972-1234567" in line and NO_PHONE not in line


def test_kb_check_fails_on_a_broken_county_file(tmp_path: Path) -> None:
    offices = tmp_path / "offices"
    offices.mkdir()
    county_file(offices, every_kind(**{"hotline": {"phone": "12345"}}))
    report = check(offices_dir=offices)
    assert not report.ok and any("published source" in p.message for p in report.problems)
    assert check().ok  # the packaged files pass


def test_how_to_names_the_county_offices_the_entry_sends_villagers_to(kb: KnowledgeBase) -> None:
    entry = kb.entries["dibao-apply"]
    plain = format_how_to(entry)
    local = format_how_to(entry, "630223")
    assert "互助县民政局（未收录电话）" in local and "互助县" not in plain
    assert "医疗保障局" not in local  # only the offices the entry's 找谁 names
    assert format_how_to(entry, "110101") == plain  # a county without a file: nothing added


def test_the_whom_to_ask_answer_carries_the_county_line(kb: KnowledgeBase) -> None:
    asked_whom = kb.ask("养老金的事找谁", county_code="630225")
    assert asked_whom.kind == "answer"
    reply = format_reply(asked_whom)
    assert reply.splitlines()[1].startswith("找谁：")
    assert "循化县人力资源和社会保障局（未收录电话）" in reply
    asked_how_much = kb.ask("雨露计划一年补多少钱", county_code="630225")
    assert "循化县" not in format_reply(asked_how_much)


@pytest.fixture
def sender(engine: Engine) -> Sender:
    return Sender(make_client(engine))


def test_the_chat_names_the_villagers_county_offices_on_banli(sender: Sender) -> None:
    openid = "o-offices-1"
    sender.reply_text(event_xml(openid, "subscribe", "qrscene_630223106213"))  # 互助县
    sender.reply_text(text_xml(openid, "雨露计划一年补多少钱"))
    how = sender.reply_text(text_xml(openid, "办理"))
    assert "找谁：" in how and "互助县农业农村局（乡村振兴局）（未收录电话）" in how
    assert "12345政务服务便民热线（电话12345）" in how


def test_the_h5_page_names_the_county_offices_when_asked_whom(engine: Engine, tmp_path: Path) -> None:
    client = h5_client(engine, tmp_path / "media")  # VILLAGE is in 互助县
    page = client.get(f"/v/{VILLAGE}/search", params={"q": "养老金的事找谁"}).text
    assert "互助县人力资源和社会保障局（未收录电话）" in page
