"""Helpers for the follow-the-money tests: synthetic registers written as CSV files (合成数据)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from cases.money.files import HEADERS
from cases.money.importer import ImportReport, import_file
from cases.money.synthetic import fake_account, fake_id
from storage.db import transaction
from storage.types import utcnow

TUGUAN = "630223106213"  # 互助县五十镇土观村 in tests/fixtures/mini_registry.csv
BANYAN = "630223106201"  # 互助县五十镇班彦村


def write_csv(path: Path, kind: str, rows: list[str], *, chinese: bool = False, bom: bool = False) -> Path:
    header = ",".join(h[1] if chinese else h[0] for h in HEADERS[kind])
    text = "\n".join([header, *rows]) + "\n"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def load(sessions: sessionmaker[Session], kind: str, path: Path) -> ImportReport:
    with transaction(sessions) as session:
        return import_file(session, kind=kind, path=path, now=utcnow())


def person(n: int, household: str, name: str, status: str = "一般户", village: str = TUGUAN, rel: str = "户主") -> str:
    return f"{household},{village},{fake_id(n)},{name},{rel},{status}"


def payment(pid: str, item: str, n: int, name: str, period: str, amount: str = "300.00", **kw: str) -> str:
    village = kw.get("village", TUGUAN)
    account = kw.get("account", fake_account(n))
    paid_on = kw.get("paid_on", period + "-15")
    return f"{pid},{item},{fake_id(n)},{name},{village},{period},{amount},{paid_on},{account}"
