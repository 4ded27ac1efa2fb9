"""Safety (issue #18): a story that names a cadre doing wrong is never offered the hardship path, which is
never anonymous, needs a phone and goes to the town; it is offered as a report, anonymous if wished."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from bot import report_prompts as p
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import Villager
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

STORIES = [
    "村会计把俺爹的残疾补贴领走了 俺爹看病都没钱",
    "驻村第一书计天天不来 俺家老人病了也没人管",
    "社长把给病人的临时救助分给他亲戚了 俺家娃住院一分没有",
]


def test_misconduct_with_hardship_words_gets_the_report_offer_never_the_hardship_one(engine: Engine) -> None:
    client = Sender(make_client(engine, identity_key=KEYS.current), safe=True)
    for i, story in enumerate(STORIES):
        v = Villager(client, f"o-safe{i}")
        v.scan(VILLAGE)
        offer = v.say(story)
        assert p.HARDSHIP_OFFER not in offer and "困难" not in offer.splitlines()[0], (story, offer)
        assert "回复 1 开始反映" in offer and "可以匿名" in offer, (story, offer)
