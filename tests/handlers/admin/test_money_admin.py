"""补贴比对 for staff: the run button, each rule's clues and precision, masked persons, an audit row per
view, and a town never seeing a clue about its villages' cadres (#21)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases.handling import case_steps
from cases.money.synthetic import fake_id
from cases.staff.accounts import create_user
from handlers.admin import money
from handlers.admin.money import UNKNOWN_RULE
from handlers.admin.village_text import UNKNOWN_VILLAGE
from storage.db import make_sessionmaker, transaction
from storage.models import Village
from storage.models.cases import Case
from storage.models.money import MoneyClue
from storage.models.staff import AuditEntry
from storage.types import utcnow
from tests.cases.money.test_money_checks import CADRES, DEATHS, PAYMENTS, PEOPLE
from tests.cases_support import KEYS
from tests.handlers.admin.test_admin_pages import client, login
from tests.money_support import load, write_csv
from tests.staff_support import PASSWORD, town_of


def seed_money(sessions: sessionmaker[Session], root: Path) -> None:
    for kind, rows in (("households", PEOPLE), ("payments", PAYMENTS), ("deaths", DEATHS), ("cadres", CADRES)):
        assert load(sessions, kind, write_csv(root / f"{kind}.csv", kind, rows)).ok


def test_run_list_precision_and_scope(engine: Engine, tmp_path: Path) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    seed_money(sessions, tmp_path)
    token = login(c, "jw_huzhu")
    ran = c.post("/admin/money/run", data={"csrf": token}, follow_redirects=False)
    assert ran.status_code == 303 and ran.headers["location"] == "/admin/money?done=7"
    page = c.get("/admin/money").text
    for name in ("死亡后仍发放", "重复发放", "身份不符", "多户共用一个账号", "村干部本人或亲属享受自由裁量类补贴"):
        assert name in page
    assert fake_id(4) not in page and f"{fake_id(4)[:6]}********{fake_id(4)[-4:]}" in page
    assert "新增 7 条" in page  # the run is listed
    with transaction(sessions) as s:
        twice = s.scalars(select(MoneyClue).where(MoneyClue.rule == "paid_twice")).one()
        dead = s.scalars(select(MoneyClue).where(MoneyClue.rule == "paid_after_death")).one()
        for clue, finding in ((twice, "查实"), (dead, "不实")):
            case = s.get(Case, clue.case_id)
            assert case is not None
            case_steps.accept(s, case=case, actor="staff:t", keys=KEYS, now=utcnow())
            case_steps.public_reply(s, case=case, text="已核实", actor="staff:t", keys=KEYS, now=utcnow())
            case_steps.close(s, case=case, finding=finding, resolution="核实", actor="staff:t", keys=KEYS, now=utcnow())
    page = c.get("/admin/money").text
    row = re.search(r"<td class=\"name\">重复发放</td>.*?</tr>", page, re.S)
    assert row is not None and "100%" in row.group(0)
    row = re.search(r"<td class=\"name\">死亡后仍发放</td>.*?</tr>", page, re.S)
    assert row is not None and "0%" in row.group(0)
    with sessions() as s:
        shared = s.scalars(select(MoneyClue).where(MoneyClue.rule == "shared_account")).one()
    detail = c.get(f"/admin/money/clues/{shared.id}")
    assert detail.status_code == 200 and "P10" in detail.text and "P11" in detail.text
    assert "9999 **** **** 0002" in detail.text and fake_id(2) not in detail.text and "李梅" not in detail.text
    assert c.get("/admin/money/clues/x").status_code == 404
    with sessions() as s:
        viewed = s.scalars(select(AuditEntry).where(AuditEntry.action == "view_money_payments")).one()
        assert viewed.case_id == shared.case_id and viewed.detail["payments"] == 2
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "view_money")).first() is not None
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "money_run")).one().detail["new"] == 7


def test_a_town_sees_no_clue_about_its_cadres_and_cannot_run(engine: Engine, tmp_path: Path) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    seed_money(sessions, tmp_path)
    login(c, "jw_huzhu")
    token = login(c, "jw_huzhu")
    c.post("/admin/money/run", data={"csrf": token})
    with transaction(sessions) as s:
        town = town_of(s, "630223106201")
        create_user(
            s, username="wushi", role="town", unit_code=town, display_name="五十镇", password=PASSWORD, now=utcnow()
        )
        cadre_cases = [cl.case_id for cl in s.scalars(select(MoneyClue).where(MoneyClue.rule == "cadre_relative"))]
    token = login(c, "wushi")
    page = c.get("/admin/money").text
    assert "补贴比对" in page
    for case_id in cadre_cases:
        assert f'/admin/cases/{case_id}"' not in page
    assert c.post("/admin/money/run", data={"csrf": token}).status_code == 403
    with sessions() as s:
        hidden = s.scalars(select(MoneyClue.id).where(MoneyClue.rule == "cadre_relative")).first()
    assert c.get(f"/admin/money/clues/{hidden}").status_code == 404


def _shown(html: str) -> str:
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"<[^>]*>", " ", main)


def test_a_village_or_rule_the_page_cannot_name_reads_as_a_plain_note_never_a_code(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    seed_money(sessions, tmp_path)
    token = login(c, "jw_huzhu")
    c.post("/admin/money/run", data={"csrf": token})
    with sessions() as s:
        shared = s.scalars(select(MoneyClue).where(MoneyClue.rule == "shared_account")).one()
        codes = set(s.scalars(select(MoneyClue.village_code)))
        named = {s.get(Village, code).name for code in codes}  # type: ignore[union-attr]
    page, detail = c.get("/admin/money").text, c.get(f"/admin/money/clues/{shared.id}").text
    for html in (page, detail):  # the registry names them: their names, no note
        assert any(name in _shown(html) for name in named) and UNKNOWN_VILLAGE not in html
    monkeypatch.setattr(money, "_village_names", lambda *args: {})  # as if the registry lacked them
    with transaction(sessions) as s:
        s.get(MoneyClue, shared.id).rule = "retired_rule"  # type: ignore[union-attr]
    page, detail = c.get("/admin/money").text, c.get(f"/admin/money/clues/{shared.id}").text
    for html in (page, detail):
        shown = _shown(html)
        assert UNKNOWN_VILLAGE in shown and UNKNOWN_RULE in shown
        assert not re.search(r"\d{12}", shown) and "retired_rule" not in shown
        assert not any(name in shown for name in named)
