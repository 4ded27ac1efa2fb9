"""/admin/money's 群众核对 and /admin/scoreboard's 补贴发放确认 show one village's confirmed share from one
calculation (cases/money/confirmations.py) with one rounding: one answered payment of 221 is 0.5% on both
pages, never 0% on one of them. SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine

from cases.money.confirmations import percent
from cases.timeutil import local_date
from storage.db import make_sessionmaker, transaction
from storage.models.money import MoneyConfirmation
from storage.types import utcnow
from tests.handlers.admin.test_admin_pages import client, login
from tests.money_support import load, payment, person, write_csv

LAST_MONTH = (local_date(utcnow()).replace(day=1) - timedelta(days=1)).strftime("%Y-%m")


def _share_cell(page: str, village: str) -> str:
    row = re.search(rf"<td class=\"name\"[^>]*>{village}</td>.*?</tr>", page, re.S)
    assert row is not None, village
    return str(re.findall(r"<td[^>]*>([^<]*)</td>", row.group(0))[-1]).strip()


def test_one_answered_payment_of_221_reads_the_same_on_both_pages(engine: Engine, tmp_path: Path) -> None:
    sessions = make_sessionmaker(engine)
    c = client(engine)
    people = [person(n, f"H{n}", f"村民{n}") for n in range(1, 222)]
    paid = [payment(f"P{n}", "低保金", n, f"村民{n}", LAST_MONTH) for n in range(1, 222)]
    assert load(sessions, "households", write_csv(tmp_path / "h.csv", "households", people)).ok
    assert load(sessions, "payments", write_csv(tmp_path / "p.csv", "payments", paid)).ok
    with transaction(sessions) as s:
        s.add(MoneyConfirmation(payment_id="P1", holder="h-1", answer="received", at=utcnow()))
    login(c, "jw_huzhu")
    money = c.get("/admin/money").text
    board = c.get("/admin/scoreboard").text
    assert _share_cell(money, "土观村委会") == _share_cell(board, "土观村委会") == "0.5%"
    assert "0%</td>" not in money.split("群众核对", 1)[1]


def test_the_one_rounding_keeps_small_shares_and_whole_ones() -> None:
    assert (percent(1 / 221), percent(0.0), percent(1.0), percent(2 / 3), percent(None)) == (
        "0.5%",
        "0.0%",
        "100.0%",
        "66.7%",
        "—",
    )
