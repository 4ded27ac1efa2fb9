"""我家补贴's name step: a question about a household number (我不知道户主编号, 户号是啥) is told what is
asked now and where the household's code comes from, never taken as a name nor told only 姓名请写汉字 (a new
user's finding)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.intents.money import NAME_NOW
from cases.money import household as hh
from cases.money.synthetic import fake_id
from storage.db import make_sessionmaker, transaction
from storage.types import utcnow
from tests.cases.money.test_money_household import PAYMENTS, PEOPLE
from tests.money_support import TUGUAN, load, write_csv
from tests.webhook_support import Sender, make_client, text_xml


@pytest.fixture
def sender(engine: Engine, tmp_path: Path) -> tuple[Sender, dict[str, str]]:
    client = Sender(make_client(engine))  # first: it loads the villages the register names
    sessions = make_sessionmaker(engine)
    assert load(sessions, "households", write_csv(tmp_path / "h.csv", "households", PEOPLE)).ok
    assert load(sessions, "payments", write_csv(tmp_path / "p.csv", "payments", PAYMENTS)).ok
    with transaction(sessions) as s:
        cards = {c.household_id: c.code for c in hh.issue_codes(s, village_code=TUGUAN, now=utcnow())}
    return client, cards


@pytest.mark.parametrize("asked", ["我不知道户主编号", "户号是啥", "不知道编号", "家庭码是什么？"])
def test_a_number_asked_at_the_name_step_is_explained(sender: tuple[Sender, dict[str, str]], asked: str) -> None:
    client, cards = sender

    def say(text: str) -> str:
        return client.reply_text(text_xml(f"o-nn-{len(asked)}", text))

    say("我家补贴")
    reply = say(asked)
    assert reply == NAME_NOW
    assert "姓名" in reply and "家庭码" in reply and "补贴明白卡" in reply and "村委会" in reply and "取消" in reply
    assert "后六位" in say("张三明")  # still at the name step: the next message is the name
    say(fake_id(1)[-6:])
    assert "关联成功" in say(cards["H1"])  # nothing of the question was kept, and no try was spent on it


@pytest.mark.parametrize("name", ["张三明", "阿依古丽·买买提"])
def test_a_name_is_not_taken_for_a_question(sender: tuple[Sender, dict[str, str]], name: str) -> None:
    client, _ = sender
    client.reply_text(text_xml("o-nn-name", "我家补贴"))
    reply = client.reply_text(text_xml("o-nn-name", name))
    assert "后六位" in reply and "不用记户号" not in reply


def test_a_wrong_form_without_a_question_is_still_told_the_form(sender: tuple[Sender, dict[str, str]]) -> None:
    client, _ = sender
    client.reply_text(text_xml("o-nn-form", "我家补贴"))
    reply = client.reply_text(text_xml("o-nn-form", "张三明李四王五赵六"))
    assert "姓名请写汉字" in reply and "不用记户号" not in reply
