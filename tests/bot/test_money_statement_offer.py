"""A statement about the village's money is offered as a report only when it tells a wrong (挪用, 到现在路还是
土路, 给干部发奖金, 从来没见过 说是保密). One that only says where the money went (村里今年的项目资金都用在修路上了)
asks nothing and tells no wrong: it gets the village's projects, with the usual offer to report. On SQLite and
PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot.intents.projects import MONEY_LEAD
from storage.db import make_sessionmaker, transaction
from storage.types import utcnow
from tests.report_support import Villager, bound_villager
from villages.projects.load import load_demo_projects

OFFERED = "听起来您要反映问题"


def _villager(engine: Engine, openid: str) -> Villager:
    v = bound_villager(engine, openid)  # its client seeds the villages the demo projects belong to
    with transaction(make_sessionmaker(engine)) as s:
        load_demo_projects(s, now=utcnow())
    return v


@pytest.mark.parametrize(
    "text",
    [
        "村里今年的项目资金都用在修路上了",
        "村里的项目资金今年都花在修水渠上了",
        "今年村上的集体收入都拿来修了文化广场",
    ],
)
def test_a_neutral_statement_about_the_money_gets_the_projects_and_the_offer(engine: Engine, text: str) -> None:
    reply = _villager(engine, f"o-money-flat-{len(text)}").say(text)
    assert OFFERED not in reply, reply
    assert "项目公开" in reply and MONEY_LEAD in reply and "「反映」" in reply, reply


@pytest.mark.parametrize(
    "text",
    [
        "村里修路的钱被村长挪用了",
        "咱村的修路资金去年就到位了 到现在路还是土路",
        "村上的分红钱用在给干部发奖金上了",
        "社里的集体收入明细从来没见过 说是保密",
    ],
)
def test_a_statement_telling_a_wrong_about_the_money_is_offered_as_a_report(engine: Engine, text: str) -> None:
    v = _villager(engine, f"o-money-wrong-{len(text)}")
    reply = v.say(text)
    assert OFFERED in reply and MONEY_LEAD not in reply, reply
    started = v.say("1")
    assert "反映内容" in started or "问题类别" in started, started
