"""我家补贴 in the chat: link once (name, last six ID digits, the household's code; five failures lock for
the day), see the household's payments of 24 months, answer each; 没收到 becomes a report (#21)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from cases import access
from cases.money import confirmations
from cases.money import household as hh
from cases.money.synthetic import fake_id
from cases.reading.scoreboard import this_month
from cases.timeutil import local_date
from handlers.cli.main import main
from storage.db import make_sessionmaker, transaction
from storage.models.cases import Case, CaseEvidence
from storage.models.money import MoneyHouseholdCode
from storage.types import utcnow
from tests.money_support import TUGUAN, load, payment, person, write_csv
from tests.webhook_support import Sender, event_xml, make_client, text_xml


def months_ago(n: int) -> str:
    today = local_date(utcnow())
    m = today.year * 12 + today.month - 1 - n
    return f"{m // 12}-{m % 12 + 1:02d}"


PEOPLE = [person(1, "H1", "张三明", "低保户"), person(2, "H1", "李梅", "低保户", rel="配偶"), person(3, "H2", "王五")]
PAYMENTS = [
    payment("Q1", "低保金", 1, "张三明", months_ago(1), amount="450.00"),
    payment("Q2", "高龄补贴", 2, "李梅", months_ago(2), amount="100.00"),
    payment("Q3", "低保金", 1, "张三明", months_ago(30)),  # older than 24 months: not shown
    payment("Q4", "高龄补贴", 3, "王五", months_ago(1)),  # another household
]


@pytest.fixture
def setup(engine: Engine, tmp_path: Path) -> tuple[Sender, sessionmaker[Session], dict[str, str]]:
    sender = Sender(make_client(engine))
    sessions = make_sessionmaker(engine)
    assert load(sessions, "households", write_csv(tmp_path / "h.csv", "households", PEOPLE)).ok
    assert load(sessions, "payments", write_csv(tmp_path / "p.csv", "payments", PAYMENTS)).ok
    with transaction(sessions) as s:
        cards = {c.household_id: c.code for c in hh.issue_codes(s, village_code=TUGUAN, now=utcnow())}
    return sender, sessions, cards


def link(sender: Sender, openid: str, name: str, n: int, code: str) -> str:
    assert "请回复您的姓名" in sender.reply_text(text_xml(openid, "我家补贴"))
    assert "后六位" in sender.reply_text(text_xml(openid, name))
    assert "家庭码" in sender.reply_text(text_xml(openid, fake_id(n)[-6:]))
    return sender.reply_text(text_xml(openid, code))


def test_link_see_answer_and_the_missing_payment_becomes_a_case(
    setup: tuple[Sender, sessionmaker[Session], dict[str, str]],
) -> None:
    sender, sessions, cards = setup
    shown = link(sender, "o-m1", "张三明", 1, cards["H1"].lower())
    assert "关联成功：张*明（户主）家" in shown and "共 2 笔" in shown
    assert "低保金 张*明 450.00 元" in shown and "高龄补贴 李* 100.00 元" in shown
    assert "王*" not in shown and months_ago(30) not in shown
    assert len(shown.encode()) <= 2048
    lines = [line for line in shown.splitlines() if line[:2] in ("1.", "2.")]
    missing = 1 if "低保金" in lines[0] else 2
    asked = sender.reply_text(text_xml("o-m1", f"{missing} 2"))
    # Nothing is filed before the villager has been told the record shows staff whose household it is.
    assert "能看出是您家" in asked and "回复 1 提交" in asked and "案件编号" not in asked
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 0
    reply = sender.reply_text(text_xml("o-m1", "1"))
    assert "已记下：没收到" in reply and "案件编号" in reply and "查询码" in reply
    number = reply.split("案件编号：")[1].splitlines()[0]
    with sessions() as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.category == "policy" and case.village_code == TUGUAN and "发放编号 Q1" in case.description
        notes = s.scalars(select(CaseEvidence.note).where(CaseEvidence.case_id == case.id)).all()
        assert any(n and "发放记录 Q1" in n and "**** ****" in n for n in notes)
    assert "收到了" in sender.reply_text(text_xml("o-m1", f"{3 - missing} 1"))
    # 0 at the confirmation files nothing and stays on the list.
    assert "能看出是您家" in sender.reply_text(text_xml("o-m1", f"{3 - missing} 2"))
    assert "没有提交" in sender.reply_text(text_xml("o-m1", "0"))
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 1
    posted = sender.reply_text(text_xml("o-m1", "公示"))
    assert f"低保金（{months_ago(1)}）：张*明 450.00元" in posted and "王*" not in posted and "高龄补贴" not in posted
    again = sender.reply_text(text_xml("o-m1", "我家补贴"))
    assert "（已答：没收到）" in again and "（已答：收到了）" in again
    with transaction(sessions) as s:
        county = access.Viewer(1, "u", access.Role.COUNTY_DISCIPLINE, "630223:jw", "单位", "630223")
        shares = confirmations.by_village(s, county, month=this_month(utcnow()))
        tuguan = next(v for v in shares.villages if v.code == TUGUAN)
        assert (tuguan.total - tuguan.unconfirmed, tuguan.total, tuguan.share_text) == (2, 3, "66.7%")


def test_five_failures_lock_for_the_day(setup: tuple[Sender, sessionmaker[Session], dict[str, str]]) -> None:
    sender, _, cards = setup
    for attempt in range(1, 6):
        reply = link(sender, "o-m2", "张三明", 1, "WRONGCOD")
        assert "不对" in reply and ((f"还能试 {5 - attempt} 次" in reply) if attempt < 5 else "明天" in reply)
    assert "明天再试" in link(sender, "o-m2", "张三明", 1, cards["H1"])
    assert "不对" in link(sender, "o-m3", "张三明", 2, cards["H1"])  # the spouse's digits under the head's name


def test_the_head_sees_who_is_linked_and_removes_one(
    setup: tuple[Sender, sessionmaker[Session], dict[str, str]],
) -> None:
    sender, _, cards = setup
    assert "关联成功：李*（配偶）家" in link(sender, "o-wife", "李梅", 2, cards["H1"])
    assert "关联成功" in link(sender, "o-head", "张三明", 1, cards["H1"])
    wife = sender.reply_text(text_xml("o-wife", "家人"))
    assert "1. 李*（配偶）" in wife and "2. 张*明（户主）" in wife and "解除您本人" in wife
    assert "只有户主" in sender.reply_text(text_xml("o-wife", "解除 2"))
    head = sender.reply_text(text_xml("o-head", "我家补贴"))
    assert "共 2 笔" in head
    assert "户主可回复" in sender.reply_text(text_xml("o-head", "家人"))
    assert "已解除" in sender.reply_text(text_xml("o-head", "解除 1"))
    assert "请回复您的姓名" in sender.reply_text(text_xml("o-wife", "我家补贴"))


def test_the_menu_key_opens_it(setup: tuple[Sender, sessionmaker[Session], dict[str, str]]) -> None:
    sender, _, _ = setup
    assert "请回复您的姓名" in sender.reply_text(event_xml("o-m4", "CLICK", "MENU_MONEY"))
    assert "已退出" in sender.reply_text(text_xml("o-m4", "取消"))


def test_codes_are_kept_sealed_and_reissued(
    setup: tuple[Sender, sessionmaker[Session], dict[str, str]],
) -> None:
    _, sessions, cards = setup
    with transaction(sessions) as s:
        stored = s.get(MoneyHouseholdCode, "H1")
        assert stored is not None and cards["H1"] not in stored.code_hash + stored.code_seal
        again = {c.household_id: c.code for c in hh.issue_codes(s, village_code=TUGUAN, now=utcnow())}
        assert again == cards
        fresh = {c.household_id: c.code for c in hh.issue_codes(s, village_code=TUGUAN, now=utcnow(), reissue="H1")}
        assert fresh["H2"] == cards["H2"] and fresh["H1"] != cards["H1"]
        with pytest.raises(hh.Refused):
            hh.issue_codes(s, village_code=TUGUAN, now=utcnow(), reissue="H9")


def test_cli_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from config.settings import get_settings
    from villages.places.registry import PACKAGED_REGISTRY

    monkeypatch.setenv("QF_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    get_settings.cache_clear()
    try:
        assert main(["villages", "import", str(PACKAGED_REGISTRY)]) == 0
        assert main(["data", "import", "households", str(write_csv(tmp_path / "h.csv", "households", PEOPLE))]) == 0
        capsys.readouterr()
        assert main(["data", "codes", "--village", TUGUAN]) == 0
        out = capsys.readouterr().out.splitlines()
        assert out[0] == "户编号,户主,家庭码" and out[1].startswith("H1,张*明,") and len(out) == 3
        assert main(["data", "codes", "--village", "630223106201"]) == 1
    finally:
        get_settings.cache_clear()


def test_every_step_names_a_way_out(setup: tuple[Sender, sessionmaker[Session], dict[str, str]]) -> None:
    sender, _, cards = setup
    for text in ("我家补贴", "张三明", fake_id(1)[-6:]):
        assert "取消" in sender.reply_text(text_xml("o-m5", text))
    shown = sender.reply_text(text_xml("o-m5", cards["H1"]))
    assert "“菜单”返回" in shown
    assert "请回复数字" in sender.reply_text(text_xml("o-m5", "菜单"))
