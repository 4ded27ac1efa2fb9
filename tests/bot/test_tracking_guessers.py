"""Tracking by number and query code locks the guesser, never the case; an unknown number answers like a
wrong code, after the same argon2 work; the chat limits how often a villager may look up. Both databases."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.intents import track as chat_track
from cases import numbers
from cases.reading import tracking
from storage.db import transaction
from storage.types import utcnow
from tests.cases_support import KEYS, VILLAGE, load_registry, report, submit_once
from tests.h5_support import csrf_of, h5_client
from tests.handlers.h5.test_h5_pages import BASE, confirm, number_and_code, preview
from tests.report_support import NUMBER_RE, Villager, file_report
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def unknown_like(number: str) -> str:
    """A well-formed number of the same county and year that no case has."""
    return number[:-6] + "999999"


def wrong_code(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def track(c: TestClient, number: str, code: str) -> Any:
    token = csrf_of(c.get(BASE + "/track").text)
    return c.post(BASE + "/track", data={"csrf": token, "number": number, "code": code})


def filed_case(engine: Engine, tmp_path: Path) -> tuple[TestClient, str, str]:
    c = h5_client(engine, tmp_path / "media")
    number, code = number_and_code(confirm(c, preview(c).text).text)
    return c, number, code


def normalised(html: str, number: str) -> str:
    return re.sub(r'name="csrf" value="[^"]+"', "", html).replace(number, "NUMBER")


def test_h5_answers_an_unknown_number_exactly_like_a_wrong_code(engine: Engine, tmp_path: Path) -> None:
    c, number, code = filed_case(engine, tmp_path)
    c.cookies.clear()
    existing = track(c, number, wrong_code(code))
    c.cookies.clear()  # a fresh device, so both pages count from the same number of misses
    unknown = track(c, unknown_like(number), wrong_code(code))
    assert existing.status_code == unknown.status_code == 400
    assert normalised(existing.text, number) == normalised(unknown.text, unknown_like(number))
    assert "编号或查询码不正确" in existing.text


def test_five_wrong_codes_lock_the_guessing_device_not_the_case(engine: Engine, tmp_path: Path) -> None:
    c, number, code = filed_case(engine, tmp_path)
    c.cookies.clear()  # the guesser's device
    answers = [track(c, number, wrong_code(code)) for _ in range(5)]
    assert "还可以再试 4 次" in answers[0].text and answers[4].status_code == 429
    assert track(c, number, code).status_code == 429  # the guesser stays locked even with the right code
    c.cookies.clear()  # the reporter's phone, same address
    seen = track(c, number, code)
    assert seen.status_code == 200 and number in seen.text


def test_unknown_numbers_count_as_misses_too(engine: Engine, tmp_path: Path) -> None:
    c, number, code = filed_case(engine, tmp_path)
    c.cookies.clear()
    for i in range(5):
        track(c, number[:-6] + f"99999{i}", "123456")
    assert track(c, number, code).status_code == 429


class CountingHasher:
    """numbers' argon2 hasher, counting verifications."""

    def __init__(self, real: Any) -> None:
        self.real, self.verified = real, 0

    def verify(self, code_hash: str, code: str) -> bool:
        self.verified += 1
        return bool(self.real.verify(code_hash, code))

    def hash(self, code: str) -> str:
        return str(self.real.hash(code))


def test_an_unknown_number_costs_one_argon2_verification_like_a_known_one(
    sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_registry(sessions)
    number = submit_once(sessions, report("o-timing"), "timing-1").number
    counting = CountingHasher(numbers._HASHER)
    monkeypatch.setattr(numbers, "_HASHER", counting)
    tracking_limits = tracking.Guesser((("test-timing", 1000),))

    def look_up(which: str) -> None:
        with transaction(sessions) as s:
            found = tracking.lookup(s, number=which, code="000000", now=utcnow(), guesser=tracking_limits)
        assert found.outcome == "wrong" and found.case is None

    look_up(unknown_like(number))  # warm: the dummy hash is made once
    before = counting.verified
    for _ in range(5):
        look_up(number)
        look_up(unknown_like(number))
    # One verification per lookup, known number or not: an unknown number no longer answers without one,
    # which made it ~10x faster and told a guesser which numbers exist. (Counted, not timed: tests check
    # behaviour, and wall time on a shared machine is noise.)
    assert counting.verified - before == 10


# -- the chat ---------------------------------------------------------------------------------------------


def villager(engine: Engine, openid: str) -> Villager:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), openid)
    v.scan(VILLAGE)
    return v


def test_chat_answers_unknown_like_wrong_and_locks_the_guesser_not_the_reporter(engine: Engine) -> None:
    reporter = villager(engine, "o-reporter")
    found = re.search(NUMBER_RE, file_report(reporter))
    assert found
    number, code = found.groups()
    guesser = villager(engine, "o-guesser")
    other = villager(engine, "o-other")
    on_real = guesser.say(f"{number} {wrong_code(code)}")
    on_unknown = other.say(f"{unknown_like(number)} {wrong_code(code)}")
    assert on_real == on_unknown and "编号或查询码不对" in on_real
    for _ in range(4):
        last = guesser.say(f"{number} {wrong_code(code)}")
    assert "锁定" in last and "锁定" in guesser.say(f"{number} {code}")
    assert "状态" in reporter.say(f"{number} {code}")  # the case is not locked for its reporter
    assert "状态" in other.say(f"{number} {code}")  # nor for anyone else with the code


def test_chat_limits_lookups_per_villager(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chat_track, "TRACKS_PER_HOUR", 3)
    reporter = villager(engine, "o-many")
    found = re.search(NUMBER_RE, file_report(reporter))
    assert found
    number, code = found.groups()
    for _ in range(3):
        assert "状态" in reporter.say(f"{number} {code}")
    refused = reporter.say(f"{number} {code}")
    assert "查询太频繁" in refused and "状态" not in refused
    assert "状态" in villager(engine, "o-neighbour").say(f"{number} {code}")  # another villager is not limited
