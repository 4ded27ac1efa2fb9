"""A villager who lost the case number or query code is told where they were given, that nothing else finds
a case, and the ways on (a new user's finding: 不记得编号了 got 这个问题我回答不了)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine

from bot.reading.normal_form import normalise
from bot.reading.track_and_money import lost_number
from tests.report_support import NUMBER_RE, bound_villager, file_report


@pytest.mark.parametrize("said", ["不记得编号了", "编号忘了", "查询码找不到了", "案件编号弄丢了", "那个查询码俺记不住"])
def test_a_lost_number_or_code_is_read(said: str) -> None:
    assert lost_number(normalise(said))


@pytest.mark.parametrize(
    "said",
    ["户号忘了", "身份证号码忘了", "我忘了交材料", "查询码是几位", "编号是哪个", "不知道户主编号", "家庭码找不到了"],
)
def test_other_messages_are_not(said: str) -> None:
    assert not lost_number(normalise(said))


@pytest.mark.parametrize("said", ["不记得编号了", "编号忘了", "查询码找不到了"])
def test_after_asking_to_track_it_says_where_they_were_given(engine: Engine, said: str) -> None:
    v = bound_villager(engine, f"o-lost-{len(said)}-{said[0]}")
    assert "您还没有反映过问题" in v.say("我想查一下我去年报的那个事")
    reply = v.say(said)
    assert "回答不了" not in reply
    assert "往上翻" in reply and "回执页" in reply  # where they were given: this chat, the H5 receipt
    assert "谁也没法替您查" in reply  # nothing else finds a case, so nothing is promised
    assert "转人工" in reply and "反映问题" in reply


def test_at_the_menu_too(engine: Engine) -> None:
    v = bound_villager(engine, "o-lost-menu")
    reply = v.say("不记得编号了")
    assert "往上翻" in reply and "回答不了" not in reply


def test_a_code_lost_after_sending_the_number(engine: Engine) -> None:
    v = bound_villager(engine, "o-lost-code")
    assert "查询码" in v.say("630223-2026-000001")
    reply = v.say("查询码忘了")
    assert "往上翻" in reply and "请发送编号" not in reply


def test_asking_what_the_number_looks_like_is_still_answered_as_before(engine: Engine) -> None:
    v = bound_villager(engine, "o-lost-looks")
    v.say("查进度")
    reply = v.say("编号是哪个")
    assert "分三段" in reply and "往上翻" not in reply


def test_ones_own_case_is_listed_without_the_code(engine: Engine) -> None:
    v = bound_villager(engine, "o-lost-own")
    filed = file_report(v, anonymous=False)
    found = re.search(NUMBER_RE, filed)
    assert found
    number, code = found.groups()
    v.say("菜单")
    reply = v.say("查询码忘了")
    assert number in reply and code not in reply
    assert "不用查询码" in reply and "往上翻" in reply
    assert "电话" not in reply  # a real-name reporter is not promised a lookup by phone
