"""Facts that stay true (issue #19 §4): figure years, review dates, and the corrected citations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from knowledge.check import check
from knowledge.loader import TOPICS_FILE, load_entries
from tests.knowledge.test_kb_check import entry, messages, run

PENSION = "城乡居民基础养老金全国最低标准"


def figure(value: str, year: int) -> dict[str, object]:
    return {"standard": PENSION, "value": value, "year": year, "verified": False}


def test_a_figure_older_than_the_knowledge_bases_newest_fails(tmp_path: Path) -> None:
    old = entry("a", figures=[figure("每人每月143元", 2025)])
    new = entry("b", figures=[figure("每人每月163元", 2026)])
    text = messages(run(tmp_path, old, new))
    assert "a.yaml" in text and "holds for 2025" in text and "'b' states the 2026 standard" in text
    assert "b.yaml" not in text


def test_a_figure_needs_its_year(tmp_path: Path) -> None:
    text = messages(run(tmp_path, entry("a", figures=[{"standard": PENSION, "value": "163元", "verified": True}])))
    assert "figures[0]: `year`" in text


def test_an_entry_not_reviewed_for_a_year_is_a_warning_not_a_problem(tmp_path: Path) -> None:
    run(tmp_path, entry("a", reviewed=dt.date(2025, 11, 1)), entry("b"))
    report = check(tmp_path, TOPICS_FILE, today=dt.date(2026, 12, 6))
    assert report.ok
    assert [w.path.name for w in report.warnings] == ["a.yaml"]


def test_the_packaged_figures_are_current() -> None:
    report = check()
    assert report.ok, "\n".join(map(str, report.problems))


def by_id() -> dict[str, str]:
    return {e.id: e.answer + "".join(f"{s.name}{s.number}{s.issuer}" for s in e.sources) for e in load_entries()}


def test_pension_minimum_is_the_2026_figure_with_its_report() -> None:
    text = by_id()["elderly-pension"]
    assert "163元" in text and "2026年国务院政府工作报告" in text
    assert "2025年为每人每月143元" not in text


def test_reporting_entries_count_from_receipt() -> None:
    for entry_id, text in by_id().items():
        if entry_id.startswith("how-to-report"):
            assert "受理后15个工作日" not in text, entry_id


def test_the_corrected_citations() -> None:
    texts = by_id()
    assert "农办机〔2024〕3号" in texts["farm-machinery-subsidy-apply"]
    assert "国办函〔2021〕51号" in texts["fund-rules-assets"]
    assert "5年期以上" in texts["microcredit-basics"]
