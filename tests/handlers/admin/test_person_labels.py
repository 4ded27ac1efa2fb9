"""Staff people on the desk pages (timeline, drafts, inquiries) are named with their unit, and an account
named after its own unit (a demo or shared one) shows that unit once, never
互助县纪委监委（演示）（互助土族自治县纪委监委）."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from cases.staff.accounts import create_user
from handlers.admin.desk_text import actor_names
from storage.db import make_sessionmaker, transaction
from storage.types import utcnow
from tests.staff_support import PASSWORD, load_org

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
UNIT = "互助土族自治县纪委监委"


def test_a_unit_named_account_is_labelled_with_its_unit_once_and_a_person_with_name_and_unit(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    load_org(sessions, users=False)
    accounts = {
        "demo_jw": "互助县纪委监委（演示）",
        "named_jw": "李明",
        "bare_jw": UNIT,
    }
    with transaction(sessions) as s:
        for username, display in accounts.items():
            create_user(
                s,
                username=username,
                role="county_discipline",
                unit_code="630223:jw",
                display_name=display,
                password=PASSWORD,
                now=utcnow(),
            )
    with transaction(sessions) as s:
        names = actor_names(s, [f"staff:{u}" for u in accounts] + ["staff:nobody", "villager"])
    assert names["staff:demo_jw"] == f"{UNIT}（演示）"
    assert names["staff:bare_jw"] == UNIT
    assert names["staff:named_jw"] == f"李明（{UNIT}）"  # a person keeps name and unit
    assert names["staff:nobody"] == "工作人员" and names["villager"] == "群众"
    for label in names.values():
        assert label.count("纪委监委") <= 1 and "（演示）（" not in label, label
