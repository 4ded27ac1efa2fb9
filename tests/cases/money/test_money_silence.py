"""A village where money flows and nobody speaks is flagged on the scan analytics page, for the county's
commission and the city only; a report, a question or a scan there clears the flag (#21)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from cases.money.silence import silent_villages
from cases.staff.accounts import create_user
from storage.db import make_sessionmaker, transaction
from storage.types import utcnow
from tests.cases.money.test_money_household import months_ago
from tests.cases_support import report as a_report
from tests.cases_support import submit_once
from tests.handlers.admin.test_admin_pages import client, login
from tests.money_support import BANYAN, TUGUAN, load, payment, person, write_csv
from tests.staff_support import PASSWORD, town_of


def seed(sessions: sessionmaker[Session], root: Path) -> None:
    people = [person(1, "S1", "张大户"), person(2, "S2", "马大户", village=BANYAN)]
    paid = [
        payment(f"S{n}-{m}", "产业奖补", n, name, months_ago(m), amount="9000.00", village=village)
        for n, name, village in ((1, "张大户", TUGUAN), (2, "马大户", BANYAN))
        for m in (0, 1, 2)
    ]
    paid.append(payment("S-old", "产业奖补", 1, "张大户", months_ago(8), amount="90000.00"))
    assert load(sessions, "households", write_csv(root / "h.csv", "households", people)).ok
    assert load(sessions, "payments", write_csv(root / "p.csv", "payments", paid)).ok


def test_silent_villages_are_flagged_until_someone_speaks(engine: Engine, tmp_path: Path) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    seed(sessions, tmp_path)
    with sessions() as s:
        assert [v.code for v in silent_villages(s, prefix="630223", now=utcnow())] == [BANYAN, TUGUAN]
        assert silent_villages(s, prefix="630202", now=utcnow()) == []
    submit_once(sessions, a_report("o-speaks", village_code=TUGUAN, cadre_level="village"), "silence-1")
    with sessions() as s:
        flagged = silent_villages(s, prefix="630223", now=utcnow())
    assert [(v.code, v.fen, v.payments) for v in flagged] == [(BANYAN, 2_700_000, 3)]
    login(c, "jw_huzhu")
    page = c.get("/admin/scans").text
    assert "有钱发放、却没人说话的村（1 个）" in page and "27000.00" in page
    with transaction(sessions) as s:
        town = town_of(s, BANYAN)
        create_user(
            s, username="wushi2", role="town", unit_code=town, display_name="五十镇", password=PASSWORD, now=utcnow()
        )
    login(c, "wushi2")
    assert "没人说话" not in c.get("/admin/scans").text
