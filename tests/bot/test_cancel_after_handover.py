"""取消 (退出, 算了) just after a question was handed to staff (转人工) does not take it back: the reply says the
question is still with staff and will be answered here, with the menu; never 已退出. Where nothing was handed
over, 取消 still says 已退出. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from storage.db import make_sessionmaker
from storage.models import Inquiry
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import Villager
from tests.staff_support import load_org
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

QUESTION = "住院报销的医保比例是多少？"


@pytest.mark.parametrize("word", ["取消", "退出", "算了"])
def test_cancel_after_a_handover_says_the_question_stays_with_staff(engine: Engine, word: str) -> None:
    sessions = make_sessionmaker(engine)
    load_org(sessions, users=False)
    asker = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), f"o-cancel-{word}")
    asker.scan(VILLAGE)
    asker.say("人工")
    assert "已转给" in asker.say(QUESTION)
    reply = asker.say(word)
    assert "已退出" not in reply, reply
    assert "已经转给工作人员" in reply and "答复" in reply and "我的咨询" in reply, reply
    assert "1 政策咨询" in reply  # the menu follows
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Inquiry)) == 1  # still there for staff to answer
    again = asker.say(word)  # a second 取消 has nothing handed over just before it
    assert "已退出" in again and "已经转给工作人员" not in again, again


def test_cancel_with_nothing_handed_over_still_leaves(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    load_org(sessions, users=False)
    villager = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), "o-cancel-plain")
    villager.scan(VILLAGE)
    villager.say("人工")  # asked for a person but sent no question yet
    reply = villager.say("取消")
    assert "已退出" in reply and "已经转给工作人员" not in reply, reply
    villager.say("低保怎么申请")  # an answer, then 取消: nothing was handed over
    reply = villager.say("取消")
    assert "已经转给工作人员" not in reply, reply
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Inquiry)) == 0
