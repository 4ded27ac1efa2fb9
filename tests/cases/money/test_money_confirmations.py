"""The share of confirmed payments per village on the scoreboard (#21 §4), on SQLite and PostgreSQL: each
payment line counted once (a complaint outweighs a thanks from another holder), the 24 months up to the
board's month, and each viewer's scope: the city every village, a county its own, a town its villages."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from cases import access
from cases.money.confirmations import by_village
from storage.db import transaction
from storage.models.money import MoneyConfirmation
from storage.types import utcnow
from tests.cases_support import load_registry
from tests.money_support import BANYAN, load, payment, person, write_csv

LEDU = "630202002202"  # 乐都区岗沟街道李家村


def _viewer(role: access.Role, unit: str, county: str | None) -> access.Viewer:
    return access.Viewer(1, "u", role, unit, "单位", county)


@pytest.fixture
def answered(sessions: sessionmaker[Session], tmp_path: Path) -> sessionmaker[Session]:
    load_registry(sessions)
    seed_answers(sessions, tmp_path)
    return sessions


def seed_answers(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    """Payments in 土观 and 班彦 (互助, 五十镇) and 李家 (乐都), some answered; the registry loaded."""
    people = [person(1, "H1", "张三明"), person(2, "H2", "李四", village=BANYAN), person(3, "H3", "王五", village=LEDU)]
    assert load(sessions, "households", write_csv(tmp_path / "h.csv", "households", people)).ok
    rows = [
        payment("T1", "高龄补贴", 1, "张三明", "2026-01"),
        payment("T2", "高龄补贴", 1, "张三明", "2026-02"),
        payment("T3", "高龄补贴", 1, "张三明", "2026-03"),
        payment("T4", "高龄补贴", 1, "张三明", "2026-04"),
        payment("T0", "高龄补贴", 1, "张三明", "2024-03"),  # 25 months before 2026-03: outside
        payment("B1", "高龄补贴", 2, "李四", "2026-02", village=BANYAN),
        payment("B2", "高龄补贴", 2, "李四", "2026-03", village=BANYAN),
        payment("L1", "高龄补贴", 3, "王五", "2026-03", village=LEDU),
    ]
    assert load(sessions, "payments", write_csv(tmp_path / "p.csv", "payments", rows)).ok
    answers = [
        ("T1", "wx:a", "received"),
        ("T1", "wx:b", "missing"),  # two holders disagree: counted once, as 没收到
        ("T2", "wx:a", "received"),
        ("T0", "wx:a", "missing"),
        ("T4", "wx:a", "missing"),  # after the board's month
        ("B1", "wx:c", "wrong_amount"),
        ("L1", "wx:d", "received"),
    ]
    with transaction(sessions) as s:
        s.add_all(MoneyConfirmation(payment_id=p, holder=h, answer=a, at=utcnow()) for p, h, a in answers)


def _table(session: Session, viewer: access.Viewer, choice: str = "") -> dict[str, tuple[int, ...]]:
    shares = by_village(session, viewer, month="2026-03", choice=choice)
    rows = [shares.total, *shares.villages]
    return {v.name: (v.total, v.received, v.missing, v.wrong_amount, v.unconfirmed) for v in rows}


def test_each_payment_counts_once_within_the_window_and_the_scope(answered: sessionmaker[Session]) -> None:
    with answered() as s:
        county = _table(s, _viewer(access.Role.COUNTY_DISCIPLINE, "630223:jw", "630223"))
        assert county == {"合计": (5, 1, 1, 1, 2), "土观村委会": (3, 1, 1, 0, 1), "班彦村委会": (2, 0, 0, 1, 1)}
        shares = by_village(s, _viewer(access.Role.COUNTY_DISCIPLINE, "630223:jw", "630223"), month="2026-03")
        assert [v.name for v in shares.villages] == ["班彦村委会", "土观村委会"]  # the lowest share first
        assert shares.villages[1].share == pytest.approx(2 / 3) and shares.more == 0
        city = _table(s, _viewer(access.Role.CITY, "6302:jw", None))
        assert city["合计"] == (6, 2, 1, 1, 2) and city["李家村委会"] == (1, 1, 0, 0, 0)
        assert _table(s, _viewer(access.Role.CITY, "6302:jw", None), "630202")["合计"] == (1, 1, 0, 0, 0)
        town = _table(s, _viewer(access.Role.TOWN, "630223106000", "630223"))
        assert set(town) == {"合计", "土观村委会", "班彦村委会"}
        assert _table(s, _viewer(access.Role.TOWN, "630202002000", "630202")) == {
            "合计": (1, 1, 0, 0, 0),
            "李家村委会": (1, 1, 0, 0, 0),
        }
        # a county's clerk cannot widen the scope by picking another county
        assert "李家村委会" not in _table(s, _viewer(access.Role.COUNTY_DISCIPLINE, "630223:jw", "630223"), "630202")
        assert _table(s, _viewer(access.Role.ADMIN, "admin", None)) == {"合计": (0, 0, 0, 0, 0)}


def test_villages_with_a_complaint_come_first_and_are_always_listed(
    answered: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """李家 has nobody answering (share 0) but no complaint: it comes after 班彦 and 土观, which have a 没收到 or
    a 金额不对 to act on, and those two are listed even when the list is shorter; `every` lists them all."""
    with transaction(answered) as s:
        s.query(MoneyConfirmation).filter(MoneyConfirmation.payment_id == "L1").delete()
    monkeypatch.setattr("cases.money.confirmations.LISTED", 1)
    city = _viewer(access.Role.CITY, "6302:jw", None)
    with answered() as s:
        shares = by_village(s, city, month="2026-03")
        assert [v.name for v in shares.villages] == ["班彦村委会", "土观村委会"] and shares.more == 1
        assert [v.complaints for v in shares.villages] == [1, 1]
        every = by_village(s, city, month="2026-03", every=True)
        assert [v.name for v in every.villages] == ["班彦村委会", "土观村委会", "李家村委会"] and every.more == 0
        assert every.villages[2].share == 0.0
