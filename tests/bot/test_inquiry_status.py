"""The villager reads the answer to a 转人工 question by asking (我的咨询, 查询进度), not only by a push that may
fail (#20 §6), on SQLite and PostgreSQL; nobody else's questions show, and the question went to one unit."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from cases.handling.inquiries import answer_inquiry, file_inquiry
from cases.workdays import SHIPPED
from storage.db import make_sessionmaker, transaction
from storage.models import Inquiry
from storage.repos import inquiries
from storage.types import utcnow
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import Villager
from tests.staff_support import load_org
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

QUESTION = "住院报销的医保比例是多少？"
ANSWER = "县域内住院按政策报销七成，脱贫户再提高五个百分点。"


def test_the_villager_reads_the_answer_by_asking(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    load_org(sessions, users=False)
    sender = Sender(make_client(engine, identity_key=KEYS.current), safe=True)
    asker, other = Villager(sender, "o-asks"), Villager(sender, "o-other")
    asker.scan(VILLAGE)
    other.scan(VILLAGE)
    assert "工作人员" in asker.say("人工")
    handed = asker.say(QUESTION)
    assert "已转给" in handed and "我的咨询" in handed

    waiting = asker.say("我的咨询")
    assert QUESTION in waiting and "工作人员正在办理" in waiting and "前答复" in waiting
    assert QUESTION not in other.say("我的咨询")

    with transaction(sessions) as s:
        (row,) = s.scalars(select(Inquiry)).all()
        assert inquiries.asker(row) == "o-asks" and row.unit_code == "630223:yb"
        answer_inquiry(s, inquiry=row, text=ANSWER, actor="staff:yb_wang")

    answered = asker.say("我的咨询")
    assert QUESTION in answered and f"答复：{ANSWER}" in answered and "staff:" not in answered
    tracked = asker.say("查询进度")
    assert ANSWER in tracked and "您还没有反映过问题" in tracked
    assert ANSWER not in other.say("查询进度")


def test_long_answers_keep_the_reply_within_one_message(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    load_org(sessions, users=False)
    sender = Sender(make_client(engine, identity_key=KEYS.current), safe=True)
    asker = Villager(sender, "o-long")
    asker.scan(VILLAGE)
    with transaction(sessions) as s:
        for n in range(4):
            row = file_inquiry(
                s,
                openid="o-long",
                village_code=VILLAGE,
                question=f"第{n}个问题：" + "医保" * 60,
                candidates={},
                now=utcnow(),
                calendar=SHIPPED,
            )
            answer_inquiry(s, inquiry=row, text=f"第{n}个答复" + "报" * 494, actor="staff:yb_wang")
    mine = asker.say("我的咨询")
    assert "第3个答复" + "报" * 494 in mine and "第0个" not in mine  # the newest in full, three at most
    assert "第1个答复" not in mine and "已答复" in mine  # older ones by their state
    assert len(mine.encode()) <= 2048
    tracked = asker.say("查询进度")
    assert "第3个答复" in tracked and "我的咨询" in tracked and len(tracked.encode()) <= 2048
