"""Issue #18's leftovers in the chat, through the real webhook on both databases: 补充材料 to a case found by
number and query code; a safety question after menu 1; a scan while a rating waits; 金额不对 asks how much
arrived; 举报怎么样了 is tracking."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from bot import safety
from bot.understand import classify
from bot.yuan_said import yuan_said
from cases.handling import case_steps
from cases.money import household as hh
from cases.money.synthetic import fake_id
from storage.db import make_sessionmaker, transaction
from storage.models.cases import Case, CaseEvent, CaseEvidence
from storage.types import utcnow
from tests.cases.money.test_money_household import PAYMENTS, PEOPLE
from tests.cases_support import KEYS, VILLAGE
from tests.money_support import TUGUAN, load, write_csv
from tests.report_support import NUMBER_RE, Villager, file_report
from tests.webhook_support import Sender, event_xml, make_client, text_xml

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def villager(engine: Engine, openid: str) -> Villager:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), openid)
    v.scan(VILLAGE)
    return v


_later = itertools.count(int(time.time()) + 10)


def rescan(v: Villager) -> str:
    """Another scan of the village QR, at a time of its own (a scan in the same second is a WeChat retry)."""
    return v.send(event_xml(v.openid, "SCAN", VILLAGE, create_time=next(_later)))


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


@pytest.mark.parametrize("question", ["能不能匿名", "会不会被知道", "我说的事保密吗"])
def test_a_safety_question_after_menu_1_gets_the_safety_answer(engine: Engine, question: str) -> None:
    v = villager(engine, "o-worried")
    at_top = v.say(question)
    v.say("1")  # 政策咨询: free text is searched as a policy question...
    after_menu = v.say(question)
    assert safety.ANSWER in after_menu and after_menu == at_top  # ...but this one is answered as at the top
    assert "请回复数字" not in v.say("低保怎么申请")  # and the next question is searched as usual


def closed_case(engine: Engine, v: Villager) -> str:
    """A case the villager filed, answered and closed by staff: the chat now waits for the rating."""
    found = re.search(NUMBER_RE, file_report(v))
    assert found
    with transaction(make_sessionmaker(engine)) as s:
        case = s.scalars(select(Case).where(Case.number == found.group(1))).one()
        now = utcnow()
        case_steps.accept(s, case=case, actor="staff:x", keys=KEYS, now=now)
        case_steps.public_reply(s, case=case, text="已核实。", actor="staff:x", keys=KEYS, now=now)
        case_steps.close(s, case=case, finding="不实", resolution="已核实。", actor="staff:x", keys=KEYS, now=now)
    return found.group(1)


def test_a_scan_while_a_rating_waits_offers_the_rating_again(engine: Engine) -> None:
    v = villager(engine, "o-rescans")
    number = closed_case(engine, v)
    welcome = rescan(v)
    assert number in welcome and case_steps.RATING_PROMPT in welcome and "1 政策咨询" not in welcome
    assert "感谢您的评价" in v.say("2")  # the digit rates the case, not menu item 2
    with Session(engine) as s:
        assert s.scalars(select(Case.rating).where(Case.number == number)).one() == 2
    assert "1 政策咨询" in rescan(v)  # once rated, a scan is the plain welcome again


def test_a_scan_with_nothing_to_rate_is_the_plain_welcome(engine: Engine) -> None:
    v = villager(engine, "o-plain-scan")
    file_report(v)
    welcome = rescan(v)
    assert "1 政策咨询" in welcome and case_steps.RATING_PROMPT not in welcome


# -- 我家补贴: 金额不对 asks how much arrived ----------------------------------------------------------------


@pytest.fixture
def household(engine: Engine, tmp_path: Path) -> Callable[[str], str]:
    """A villager linked to household H1 on 我家补贴's payment list; returns their `say`."""
    sender = Sender(make_client(engine))
    sessions = make_sessionmaker(engine)
    assert load(sessions, "households", write_csv(tmp_path / "h.csv", "households", PEOPLE)).ok
    assert load(sessions, "payments", write_csv(tmp_path / "p.csv", "payments", PAYMENTS)).ok
    with transaction(sessions) as s:
        cards = {c.household_id: c.code for c in hh.issue_codes(s, village_code=TUGUAN, now=utcnow())}

    def say(text: str) -> str:
        return sender.reply_text(text_xml("o-amount", text))

    say("我家补贴")
    say("张三明")
    say(fake_id(1)[-6:])
    assert "关联成功" in say(cards["H1"])
    return say


def descriptions(engine: Engine) -> list[str]:
    with Session(engine) as s:
        return list(s.scalars(select(Case.description)))


@pytest.mark.parametrize(("said", "arrived"), [("只到了150", "150"), ("１２０元", "120"), ("到手一百五", "150")])
def test_wrong_amount_asks_how_much_arrived_and_the_report_tells_it(
    engine: Engine, household: Callable[[str], str], said: str, arrived: str
) -> None:
    asked = household("2 3")
    assert "实际到手多少元" in asked and "案件编号" not in asked and descriptions(engine) == []
    assert "多少元" in household("没细看")  # no amount and no 不清楚: asked again, nothing filed
    confirm = household(said)
    assert f"实际到手 {arrived} 元" in confirm and "能看出是您家" in confirm and descriptions(engine) == []
    filed = household("1")
    assert "金额不对" in filed and "案件编号" in filed
    assert [f"实际到手 {arrived} 元" in d for d in descriptions(engine)] == [True]
    assert "已记下：收到了" in household("1 1")  # back on the payment list


def test_wrong_amount_not_known_is_filed_without_an_amount(engine: Engine, household: Callable[[str], str]) -> None:
    household("1 金额不对")
    assert "回复 1 提交" in household("记不清了")
    assert "案件编号" in household("提交")
    (description,) = descriptions(engine)
    assert "金额不对" in description and "实际到手" not in description


def test_cancel_while_asked_files_nothing(engine: Engine, household: Callable[[str], str]) -> None:
    household("2 3")
    household("取消")
    assert descriptions(engine) == []


@pytest.mark.parametrize(
    ("said", "amount"),
    [("两千三", "2300"), ("一百零五", "105"), ("五块", "5"), ("1,200块", "1200"), ("99.50", "99.5"), ("一半", None)],
)
def test_an_amount_is_read_as_villagers_type_it(said: str, amount: str | None) -> None:
    assert yuan_said(said) == amount


# -- asking what came of a report ----------------------------------------------------------------------------


@pytest.mark.parametrize("asked", ["举报怎么样了", "我反映的事咋样了", "上回说的那个事有回音没", "投诉有结果了吗"])
def test_asking_what_came_of_a_report_is_tracking_also_after_menu_1(engine: Engine, asked: str) -> None:
    assert classify(asked).name == "track"
    v = villager(engine, "o-waiting")
    number, _ = re.search(NUMBER_RE, file_report(v)).groups()  # type: ignore[union-attr]
    assert number in v.say(asked)
    v.say("1")
    assert number in v.say(asked)


@pytest.mark.parametrize("said", ["举报了会怎么样", "我要举报村长贪钱不知道后来怎么样了", "怎么举报"])
def test_a_question_about_reporting_or_a_story_is_not_tracking(said: str) -> None:
    assert classify(said).name != "track"


def test_the_menu_words_leave_the_question_for_a_person(engine: Engine, household: Callable[[str], str]) -> None:
    """转人工 then 我家补贴: the household screen, not a question handed to staff."""
    household("菜单")
    assert "我转给工作人员" in household("能不能找个真人跟我说")
    shown = household("我家补贴")
    assert "您家近 24 个月的补贴" in shown and "已转给" not in shown
