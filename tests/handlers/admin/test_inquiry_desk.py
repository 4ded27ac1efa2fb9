"""The inquiry desk over HTTP (#20 §6), on SQLite and PostgreSQL: a unit sees only the questions routed to it,
one staff member claims one and the list shows who, a colleague may then neither claim nor answer it, and a
late one appears on the 督办清单 with Chinese labels; the audit log says 认领咨询."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from cases.handling.inquiries import file_inquiry
from cases.staff.accounts import create_user
from cases.workdays import SHIPPED
from storage.db import make_sessionmaker, transaction
from storage.models import Inquiry
from storage.types import utcnow
from tests.cases_support import VILLAGE
from tests.handlers.admin.test_admin_pages import client, login
from tests.staff_support import PASSWORD

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TOWN = "630223106000"  # 五十镇人民政府, the town of VILLAGE
MEDICAL, ROAD = "住院报销的医保比例是多少？", "俺村的路灯啥时候修？"


def _file(sessions: sessionmaker[Session], question: str, now: datetime) -> int:
    with transaction(sessions) as s:
        return file_inquiry(
            s, openid="o-asker", village_code=VILLAGE, question=question, candidates={}, now=now, calendar=SHIPPED
        ).id


def _staff(sessions: sessionmaker[Session]) -> None:
    with transaction(sessions) as s:
        for name, role, unit, shown in (
            ("yb_wang", "department", "630223:yb", "王医保"),
            ("yb_li", "department", "630223:yb", "李医保"),
            ("wushi", "town", TOWN, "五十镇张干事"),
        ):
            create_user(
                s, username=name, role=role, unit_code=unit, display_name=shown, password=PASSWORD, now=utcnow()
            )


def test_one_unit_sees_it_one_person_claims_it_and_late_ones_are_supervised(engine: Engine) -> None:
    c = client(engine)
    sessions = make_sessionmaker(engine)
    _staff(sessions)
    medical = _file(sessions, MEDICAL, utcnow())
    road = _file(sessions, ROAD, utcnow() - timedelta(days=30))

    token = login(c, "yb_wang")
    listing = c.get("/admin/inquiries").text
    assert MEDICAL in listing and ROAD not in listing and "未认领" in listing and "答复单位" in listing
    assert c.get(f"/admin/inquiries/{road}").status_code == 404  # routed to the town, not to the 医保局
    page = c.get(f"/admin/inquiries/{medical}").text
    assert "认领这条咨询" in page and "工作日" in page and "医保局" in page
    due_line = re.sub(r"<[^>]*>", "", page[page.index("答复期限") : page.index("</p>", page.index("答复期限"))])
    assert "本服务承诺" in due_line and "节假日依" in due_line, due_line
    assert not re.search(r"[（(][^）)]*[（(]", due_line), due_line  # no brackets inside brackets
    refused = c.post(f"/admin/inquiries/{medical}/claim", data={})
    assert refused.status_code == 403  # CSRF
    ok = c.post(f"/admin/inquiries/{medical}/claim", data={"csrf": token}, follow_redirects=False)
    assert ok.status_code == 303
    assert "王医保" in c.get("/admin/inquiries").text

    token = login(c, "yb_li")
    listing = c.get("/admin/inquiries").text
    assert "王医保" in listing and "staff:" not in listing
    page = c.get(f"/admin/inquiries/{medical}").text
    assert "已由王医保" in page and "发送答复" not in page
    again = c.post(f"/admin/inquiries/{medical}/claim", data={"csrf": token})
    assert again.status_code == 400 and "已由其他工作人员认领" in again.text
    answer = c.post(f"/admin/inquiries/{medical}/answer", data={"answer": "按政策报销七成。", "csrf": token})
    assert answer.status_code == 400 and "已由其他工作人员认领" in answer.text

    token = login(c, "yb_wang")
    done = c.post(
        f"/admin/inquiries/{medical}/answer", data={"answer": "按政策报销七成。", "csrf": token}, follow_redirects=False
    )
    assert done.status_code == 303

    login(c, "jw_huzhu")
    board = c.get("/admin/supervision").text
    assert "转人工咨询超期未答复" in board and ROAD in board and "已超期" in board and "五十镇" in board
    assert MEDICAL not in board
    assert "认领咨询" in c.get("/admin/audit").text
    with sessions() as s:
        row = s.get(Inquiry, medical)
        assert row is not None and row.claimed_by == "staff:yb_wang" and row.answered_by == "staff:yb_wang"
        assert s.scalar(select(Inquiry.claimed_by).where(Inquiry.id == road)) is None
