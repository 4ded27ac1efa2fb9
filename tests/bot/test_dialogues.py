"""Issue #18 §6: the dialogue corpus through the real webhook in safe mode on SQLite and PostgreSQL, with its
floors, and a walk through every state checking that each reply names a way on."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.dialogue_blind_a import blind_a
from tests.dialogue_blind_b import blind_b
from tests.dialogue_blind_c import blind_c
from tests.dialogue_blind_d import blind_d
from tests.dialogue_blind_f import blind_f
from tests.dialogue_blind_g import blind_g
from tests.dialogue_blind_h import blind_h
from tests.dialogue_blind_i import blind_i
from tests.dialogue_blind_j import blind_j
from tests.dialogue_blind_k import blind_k
from tests.dialogue_blind_l import blind_l
from tests.dialogue_blind_m import blind_m
from tests.dialogue_blind_n import blind_n
from tests.dialogue_blind_o import blind_o
from tests.dialogue_blind_p import blind_p
from tests.dialogue_blind_q import blind_q
from tests.dialogue_blind_r import blind_r
from tests.dialogue_corpus import Dialogue, corpus, fresh, unseen
from tests.dialogue_eval import GOAL_HELD_OUT, Result, figures, prepare, report, run, run_one
from tests.report_support import Villager, image_xml

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::sqlalchemy.exc.SAWarning")
WAYS_ON = ("菜单", "返回", "取消", "转人工", "退出", "请回复数字：\n1 政策咨询")
PROBES = ("？？", "9", "嗯啊", "😀😀", "asdf")


def held_out() -> list[Dialogue]:
    return [d for d in corpus() if d.held_out] + fresh() + unseen()


def _rate(results: list[Result], part: str) -> float:
    got, total = figures(results)[part]["all"]
    return got / total


@pytest.mark.slow  # several seconds: out of `make test-fast`, still in `make test`
@pytest.mark.parametrize("part", ["tuned", "held_out"])
def test_the_corpus_reaches_its_outcomes_and_never_traps(engine: Engine, part: str) -> None:
    # Blind sets A, B, C, D and F to P joined the tuned part once the chat was fixed against them.
    blinds = blind_a() + blind_b() + blind_c() + blind_d() + blind_f() + blind_g() + blind_h() + blind_i() + blind_j()
    blinds += blind_k() + blind_l() + blind_m() + blind_n() + blind_o() + blind_p() + blind_q() + blind_r()
    tuned = [d for d in corpus() if not d.held_out] + blinds
    dialogues = tuned if part == "tuned" else held_out()
    assert len(corpus()) + len(fresh()) + len(unseen()) >= 300
    results = run(engine, dialogues)
    assert all(r.can_leave for r in results), report(results)
    assert _rate(results, part) >= GOAL_HELD_OUT, report(results)


# Ways into each state the chat has (the turns that lead there), for the walk.
STATES: dict[str, list[str]] = {
    "idle": [],
    "ask": ["1"],
    "answered (choices)": ["扶贫贷款"],
    "projects list": ["2"],
    "project detail": ["2", "1"],
    "report category": ["3"],
    "report description": ["3", "1"],
    "report cadre": ["3", "1", "村会计把危房补助扣了三千块", "好了"],
    "report evidence": ["3", "4", "低保政策村里一直没落实到我家", "好了"],
    "report identity": ["3", "4", "低保政策村里一直没落实到我家", "好了", "跳过"],
    "report contact": ["3", "4", "低保政策村里一直没落实到我家", "好了", "跳过", "1"],
    "report confirm": ["3", "4", "低保政策村里一直没落实到我家", "好了", "跳过", "2"],
    "report edit": ["3", "4", "低保政策村里一直没落实到我家", "好了", "跳过", "2", "2"],
    "story offer": ["村支书把低保名额给他亲戚了"],
    "hardship offer": ["我家老人瘫痪在床 家里没了收入"],
    "hardship whose": ["3", "6"],
    "hardship story": ["3", "6", "1"],
    "hardship what": ["3", "6", "1", "家里日子实在过不下去了", "好了"],
    # The story tells the kinds of trouble (瘫痪, 没了收入): that step is not asked again.
    "hardship when": ["我家老人瘫痪在床 家里没了收入", "1", "1"],
    "hardship people": ["我家老人瘫痪在床 家里没了收入", "1", "1", "去年"],
    "hardship help": ["我家老人瘫痪在床 家里没了收入", "1", "1", "去年", "3"],
    "hardship phone": ["我家老人瘫痪在床 家里没了收入", "1", "1", "去年", "3", "看病"],
    "tracking": ["4"],
    "tracking, code awaited": ["630223-2026-000001"],
    "a person": ["转人工"],
    "choosing a village": ["切换村庄"],
}


@pytest.mark.slow  # several seconds: out of `make test-fast`, still in `make test`
def test_every_state_answers_anything_with_a_way_on(engine: Engine) -> None:
    sender, _case = prepare(engine)
    failures = []
    for i, (state, path) in enumerate(STATES.items()):
        for j, probe in enumerate((*PROBES, "image")):
            v = Villager(sender, f"o-walk-{i}-{j}")
            v.scan("630223106213")
            for text in path:
                v.say(text)
            reply = v.send(image_xml(v.openid, f"m-{i}-{j}")) if probe == "image" else v.say(probe)
            if reply != "success" and not any(w in reply for w in WAYS_ON):
                failures.append(f"{state} / {probe}: {reply[:80]}")
    assert not failures, "\n".join(failures)


def test_the_runner_counts_a_missed_outcome(engine: Engine) -> None:
    """The figure is not a tautology: a dialogue that does not reach its outcome counts as missed."""
    sender, case = prepare(engine)
    wrong = next(d for d in corpus() if d.outcome == "person")
    from dataclasses import replace

    missed = run_one(sender, engine, replace(wrong, outcome="report"), case, 0)
    assert not missed.reached and missed.can_leave
