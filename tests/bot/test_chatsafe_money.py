"""我家补贴 (#21): a linking answer of the wrong form is asked again without spending one of the day's five
tries; a wrong try at "序号 答案" stays on the household screen, and 公示 says what to do next."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from cases.money import household as hh
from cases.money.synthetic import fake_id
from storage.db import make_sessionmaker, transaction
from storage.types import utcnow
from tests.cases.money.test_money_household import PAYMENTS, PEOPLE
from tests.money_support import TUGUAN, load, write_csv
from tests.webhook_support import Sender, make_client, text_xml

Setup = tuple[Sender, sessionmaker[Session], dict[str, str]]


@pytest.fixture
def setup(engine: Engine, tmp_path: Path) -> Setup:
    sender = Sender(make_client(engine))
    sessions = make_sessionmaker(engine)
    assert load(sessions, "households", write_csv(tmp_path / "h.csv", "households", PEOPLE)).ok
    assert load(sessions, "payments", write_csv(tmp_path / "p.csv", "payments", PAYMENTS)).ok
    with transaction(sessions) as s:
        cards = {c.household_id: c.code for c in hh.issue_codes(s, village_code=TUGUAN, now=utcnow())}
    return sender, sessions, cards


def test_a_wrong_form_is_asked_again_without_spending_a_try(setup: Setup) -> None:
    sender, _, cards = setup

    def say(text: str) -> str:
        return sender.reply_text(text_xml("o-cs-m1", text))

    say("我家补贴")
    for wrong in ("wj8ckumk", "张", "张三明李四王五赵六", "123"):
        assert "姓名请写汉字" in say(wrong)
    assert "后六位" in say("张三明")
    for wrong in ("家人", "12345", "1234567", "12345Y"):
        assert "6 个数字" in say(wrong)
    assert "家庭码" in say(fake_id(1)[-6:])
    assert "8 位字母和数字" in say("家人")
    refused = say("WRONGCOD")
    assert "今天还能试 4 次" in refused  # the form checks cost nothing; only the real try did
    say("张三明")
    say(fake_id(1)[-6:].lower())
    assert "关联成功" in say(" ".join(cards["H1"].lower()))


def test_a_name_with_a_middle_dot_has_the_right_form(setup: Setup) -> None:
    sender, _, _ = setup
    sender.reply_text(text_xml("o-cs-m2", "我家补贴"))
    assert "后六位" in sender.reply_text(text_xml("o-cs-m2", "阿依古丽·买买提"))


def test_a_wrong_answer_try_stays_on_the_household_screen(setup: Setup) -> None:
    sender, _, cards = setup

    def say(text: str) -> str:
        return sender.reply_text(text_xml("o-cs-m3", text))

    say("我家补贴")
    say("张三明")
    say(fake_id(1)[-6:])
    assert "关联成功" in say(cards["H1"])
    wrong = say("1 5")
    assert "没看懂这条核对" in wrong and "序号 答案" in wrong
    posted = say("公示")
    assert "本村公示名单" in posted and "序号 答案" in posted and "菜单" in posted
    assert "已记下：收到了" in say("1 1")
    assert "已记下：收到了" in say("2 收到了")


def test_after_a_wrong_link_try_a_screen_word_is_not_taken_as_a_name(setup: Setup) -> None:
    sender, _, _ = setup

    def say(text: str) -> str:
        return sender.reply_text(text_xml("o-cs-m4", text))

    say("我家补贴")
    say("张三明")
    say(fake_id(1)[-6:])
    assert "今天还能试 4 次" in say("WRONGCOD")
    assert "关联您的家庭后才能看" in say("公示")
    assert "姓名请写汉字" in say("1 1")
    assert "后六位" in say("张三明")
