"""我家补贴 on the H5 page: link with the household code, see the payments, answer; 没收到 becomes a report
with its number and query code; wrong input is a 400/403/404, never a 500 (#21)."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from cases.money import household as hh
from cases.money.synthetic import fake_id
from storage.db import make_sessionmaker, transaction
from storage.models.cases import Case
from storage.types import utcnow
from tests.cases.money.test_money_household import PAYMENTS, PEOPLE
from tests.h5_support import h5_client
from tests.money_support import TUGUAN, load, write_csv

PAGE = f"/v/{TUGUAN}/money"


def csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m is not None
    return m.group(1)


def setup(engine: Engine, tmp_path: Path) -> tuple[TestClient, dict[str, str]]:
    c = h5_client(engine, tmp_path / "media")
    sessions = make_sessionmaker(engine)
    assert load(sessions, "households", write_csv(tmp_path / "h.csv", "households", PEOPLE)).ok
    assert load(sessions, "payments", write_csv(tmp_path / "p.csv", "payments", PAYMENTS)).ok
    with transaction(sessions) as s:
        return c, {card.household_id: card.code for card in hh.issue_codes(s, village_code=TUGUAN, now=utcnow())}


def test_link_answer_and_the_missing_payment_becomes_a_report(engine: Engine, tmp_path: Path) -> None:
    c, codes = setup(engine, tmp_path)
    first = c.get(PAGE)
    assert first.status_code == 200 and "关联我家" in first.text
    token = csrf(c.get(PAGE).text)
    form = {"csrf": token, "name": "李梅", "digits": fake_id(2)[-6:], "code": "WRONG123"}
    wrong = c.post(PAGE + "/link", data=form)
    assert wrong.status_code == 400 and "还能试 4 次" in wrong.text
    linked = c.post(PAGE + "/link", data={**form, "code": codes["H1"]}, follow_redirects=False)
    assert linked.status_code == 303
    page = c.get(linked.headers["location"]).text
    assert "关联成功" in page and "共 2 笔" in page and "450.00 元" in page and "王*" not in page
    assert "户主可以解除" in page  # the spouse is not the head
    assert "本村公示名单" in page and "张*明 450.00元" in page
    assert "能看出是您家" in page  # told before a tap files a report
    done = c.post(PAGE + "/answer", data={"csrf": token, "payment": "Q2", "answer": "wrong_amount"})
    assert done.status_code == 200 and "已收到您的反映" in done.text
    number = re.search(r'id="case-number">([^<]+)<', done.text)
    assert number is not None
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case).where(Case.number == number.group(1))).one()
        assert (case.channel, case.category) == ("h5", "policy") and "金额不对" in case.description
    got = c.post(PAGE + "/answer", data={"csrf": token, "payment": "Q1", "answer": "received"}, follow_redirects=False)
    assert got.status_code == 303
    assert "（已答：收到了）" in c.get(PAGE).text


def test_bad_input_is_refused_plainly(engine: Engine, tmp_path: Path) -> None:
    c, codes = setup(engine, tmp_path)
    c.get(PAGE)
    token = csrf(c.get(PAGE).text)
    assert c.post(PAGE + "/answer", data={"csrf": token, "payment": "Q1", "answer": "missing"}).status_code == 404
    form = {"csrf": token, "name": "张三明", "digits": fake_id(1)[-6:], "code": codes["H1"]}
    assert c.post(PAGE + "/link", data=form, follow_redirects=False).status_code == 303
    assert c.post(PAGE + "/answer", data={"csrf": token, "payment": "Q4", "answer": "missing"}).status_code == 404
    assert c.post(PAGE + "/answer", data={"csrf": token, "payment": "Q1", "answer": "maybe"}).status_code == 400
    assert c.post(PAGE + "/unlink", data={"csrf": token, "link": "x"}).status_code == 400
    assert c.post(PAGE + "/unlink", data={"csrf": token, "link": "999999"}).status_code == 403
    assert c.post(PAGE + "/link", data={**form, "csrf": "forged"}).status_code == 403
    other = TestClient(c.app)
    other.get(PAGE)
    other_token = csrf(other.get(PAGE).text)
    for _ in range(5):
        other.post(PAGE + "/link", data={**form, "csrf": other_token, "code": "WRONG123"})
    locked = other.post(PAGE + "/link", data={**form, "csrf": other_token})
    assert locked.status_code == 429 and "明天" in locked.text
