"""Defects a new-user review found on the villager's side, through the real webhook (safe mode)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from config.privacy import user_key
from storage.db import make_sessionmaker
from storage.models.cases import ReportDraft
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import Villager
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def villager(engine: Engine, openid: str) -> Villager:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), openid)
    v.scan(VILLAGE)
    return v


def test_a_report_offered_while_a_hardship_draft_waits_starts_cleanly(engine: Engine) -> None:
    v = villager(engine, "o-review2")
    v.say("３")
    assert "谁家" in v.say("６")
    v.say("转人工")
    v.say("5")
    v.say("取消")
    offered = v.say("村支书的亲戚叫王某某，去年评上了低保，他家有车有楼房")
    assert "反映" in offered
    started = v.say("好了")  # SAWarning (a row deleted twice) would be an error here
    assert "记" in started
    with make_sessionmaker(engine)() as s:
        draft = s.scalars(select(ReportDraft).where(ReportDraft.user_key == user_key("o-review2"))).one()
        assert "村支书的亲戚" in "".join(draft.data.get("parts", []))

