"""The two composite cells of a project row: several fund sources with their amounts, and the contractor after
the implementing unit (villages/projects/fields.py), as the import checks them and the chat reads them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from villages.projects.fields import BadCell, FundPart, acceptance, fund_parts, read_fund_parts, units
from villages.projects.parse import HEADER, parse_projects

TOTAL = Decimal("860000.00")


def test_a_single_source_is_the_whole_amount() -> None:
    assert fund_parts("以工代赈资金", TOTAL) == (FundPart("以工代赈资金", TOTAL),)
    assert fund_parts("以工代赈资金86万元", TOTAL) == (FundPart("以工代赈资金", TOTAL),)


@pytest.mark.parametrize(
    "cell",
    [
        "中央衔接资金60万元；县级配套26万元",
        "中央衔接资金 600000；县级配套 260000元",
        "中央衔接资金:600,000元;县级配套：26万",
        "中央衔接资金59.5万元；县级配套26.5万元",
    ],
)
def test_several_sources_are_read_in_yuan_or_wan_and_must_add_up(cell: str) -> None:
    parts = fund_parts(cell, TOTAL)
    assert [p.source for p in parts] == ["中央衔接资金", "县级配套"]
    assert sum((p.amount_yuan or Decimal(0) for p in parts), Decimal(0)) == TOTAL


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("中央衔接资金60万元；县级配套20万元", "add up to 800000.00"),
        ("中央衔接资金60万元；县级配套", "needs a source and its amount"),
        ("60万元；26万元", "needs a source and its amount"),
        ("；", "empty"),
    ],
)
def test_sources_that_do_not_add_up_or_lack_an_amount_are_refused(cell: str, reason: str) -> None:
    with pytest.raises(BadCell, match=reason):
        fund_parts(cell, TOTAL)
    assert read_fund_parts(cell, TOTAL) == (FundPart(cell, TOTAL),)  # shown as written, never an error


def test_the_contractor_follows_the_unit_and_is_optional() -> None:
    assert units("五十镇人民政府；承包：某某路桥公司").contractor == "某某路桥公司"
    assert units("五十镇人民政府;承包单位: 某某路桥公司") == units("五十镇人民政府；承包：某某路桥公司")
    plain = units("五十镇人民政府")
    assert plain.implementer == "五十镇人民政府" and plain.contractor is None


def test_acceptance_is_read_from_the_status() -> None:
    assert acceptance("已验收") == "已验收"
    assert acceptance("已完工") == "已完工，待验收"
    assert acceptance("在建") == acceptance("未开工") == "完工后验收"
    assert acceptance("已终止") == "未验收（项目已终止）"


def test_the_import_reports_a_bad_composite_cell_with_its_line() -> None:
    rows = [
        "630223106213,道路,2024,中央衔接资金60万元；县级配套26万元,860000,镇政府；承包：某公司,已验收,,,",
        "630223106213,水渠,2024,中央衔接资金60万元；县级配套20万元,860000,镇政府,在建,,,",
        "630223106213,广场,2024,衔接资金,860000,镇政府；施工队老王,在建,,,",
    ]
    parsed = parse_projects("\n".join([",".join(HEADER), *rows]).encode())
    assert [line for line, _ in parsed.rows] == [2]
    assert [(b.line, "add up" in b.reason or "承包" in b.reason) for b in parsed.bad] == [(3, True), (4, True)]
