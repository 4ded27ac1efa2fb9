"""Issue #18's leftovers in the chat, through the real webhook on both databases: 补充材料 to a case found by
number and query code."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from storage.models.cases import Case, CaseEvent, CaseEvidence
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import NUMBER_RE, Villager, file_report
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def villager(engine: Engine, openid: str) -> Villager:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), openid)
    v.scan(VILLAGE)
    return v


def filed(engine: Engine, openid: str) -> tuple[str, str]:
    found = re.search(NUMBER_RE, file_report(villager(engine, openid)))
    assert found
    return found.group(1), found.group(2)


def conversations_text(engine: Engine) -> str:
    with engine.connect() as c:
        return " ".join(f"{state} {data}" for state, data in c.execute(text("SELECT state, data FROM conversations")))


def test_supplement_after_number_and_code_adds_to_that_case_and_names_nobody(engine: Engine) -> None:
    number, code = filed(engine, "o-anonymous-reporter-1")
    helper = villager(engine, "o-neighbour-with-the-code")
    shown = helper.say(f"{number} {code}")
    assert "补充材料" in shown
    assert number not in conversations_text(engine)  # the case looked up is kept sealed, not in clear
    asked = helper.say("补充材料")
    assert number in asked and "没有正在办理" not in asked
    assert number not in conversations_text(engine)
    assert "已补充" in helper.say("他亲戚家有两套房，还有一辆小车")
    assert number in helper.say("好了")
    with Session(engine) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        notes = [
            e.note
            for e in s.scalars(select(CaseEvidence).where(CaseEvidence.case_id == case.id, CaseEvidence.supplement))
        ]
        actors = {e.actor for e in s.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id))}
    assert notes == ["他亲戚家有两套房，还有一辆小车"]
    assert not any("o-neighbour" in a for a in actors)  # the event says "villager", never who


def test_supplement_without_a_fresh_lookup_still_means_only_ones_own_cases(engine: Engine) -> None:
    number, code = filed(engine, "o-anonymous-reporter-2")
    other = villager(engine, "o-passer-by")
    other.say(f"{number} {code}")
    other.say("菜单")  # the found case is forgotten once the villager moves on
    assert "没有正在办理" in other.say("补充材料")
