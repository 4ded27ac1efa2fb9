"""University students' aid (student-aid-university): asks about grants, scholarships and aid on entering
find it (a new user's finding: 孩子上大学有啥补助没 got a pick list with 驻村第一书记 second), while loans,
high school aid and 雨露计划 keep their own entries."""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase

VILLAGE = "630223106213"


def _top(question: str) -> str | None:
    top = KnowledgeBase.load_default().search(question, county_code=VILLAGE).top
    return top.entry_id if top else None


@pytest.mark.parametrize("question", ["孩子上大学有啥补助没", "考上大学了有啥资助", "念大学的娃能领啥补助"])
def test_university_aid_is_answered(question: str) -> None:
    assert _top(question) == "student-aid-university"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("娃考上大学了学费交不起 能贷多少款", "student-loan-basics"),
        ("助学贷款毕业了咋还", "student-loan-repay"),
        ("娃上高中能领助学金不", "high-school-aid-grant"),
        ("雨露计划读高职给多少", "yulu-plan-basics"),
    ],
)
def test_other_student_aid_keeps_its_entry(question: str, expected: str) -> None:
    assert _top(question) == expected
