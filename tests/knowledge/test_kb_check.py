"""`kb check` detects each kind of problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from knowledge.check import CheckReport, check
from knowledge.loader import TOPICS_FILE

ANSWER = "谁能享受：脱贫户。\n标准：每年3000元。\n怎么办：向学校申请。\n找谁：县乡村振兴局。"


def entry(entry_id: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": entry_id,
        "title": f"{entry_id}的标题",
        "topics": ["yulu-plan"],
        "scope": "national",
        "replaces": None,
        "reviewed": "2026-11-22",
        "offers_report": False,
        "questions": [f"{entry_id}问题{i}" for i in range(5)],
        "answer": ANSWER,
        "sources": [
            {"name": "《通知》", "issuer": "教育部", "date": "2021-03", "checked": "读了原文", "verified": True}
        ],
        "unverified_figures": [],
    }
    data.update(changes)
    return data


def run(tmp_path: Path, *entries: dict[str, Any]) -> CheckReport:
    for data in entries:
        folder = tmp_path / data["topics"][0]
        folder.mkdir(exist_ok=True)
        text = yaml.safe_dump(data, allow_unicode=True).replace("'2026-11-22'", "2026-11-22")
        (folder / f"{data['id']}.yaml").write_text(text, encoding="utf-8")
    return check(tmp_path, TOPICS_FILE)


def messages(report: CheckReport) -> str:
    return "\n".join(str(p) for p in report.problems)


def test_clean_entries_pass(tmp_path: Path) -> None:
    report = run(tmp_path, entry("a"), entry("b"))
    assert report.ok, messages(report)
    assert report.entries == 2


def test_schema_problems_name_the_file(tmp_path: Path) -> None:
    report = run(tmp_path, entry("a", questions=["只有一个"], scope="青海"))
    text = messages(report)
    assert "a.yaml" in text and "questions" in text and "scope" in text


def test_invalid_yaml_is_reported(tmp_path: Path) -> None:
    (tmp_path / "yulu-plan").mkdir()
    (tmp_path / "yulu-plan" / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    assert "bad.yaml: invalid YAML" in messages(check(tmp_path, TOPICS_FILE))


def test_unknown_topic(tmp_path: Path) -> None:
    assert "unknown topics: weather" in messages(run(tmp_path, entry("a", topics=["yulu-plan", "weather"])))


def test_missing_sources(tmp_path: Path) -> None:
    assert "sources" in messages(run(tmp_path, entry("a", sources=[])))


def test_repeated_question_across_entries(tmp_path: Path) -> None:
    shared = ["雨露计划咋申请", *[f"b问题{i}" for i in range(4)]]
    report = run(
        tmp_path,
        entry("a", questions=["雨露计划咋申请？", *[f"a问题{i}" for i in range(4)]]),
        entry("b", questions=shared),
    )
    assert "雨露计划咋申请" in messages(report)


def test_repeated_question_allowed_for_a_replaces_pair(tmp_path: Path) -> None:
    local = entry("a-630223", scope="630223", replaces="a", questions=entry("a")["questions"])
    report = run(tmp_path, entry("a"), local)
    assert report.ok, messages(report)


NATIONAL_QUESTIONS = ["在哪举报村干部", "举报电话是多少", "能匿名举报不", "写信举报寄到哪", "网上能举报吗 哪个网站"]


def test_local_entry_shadowing_a_national_one_by_accident_is_refused(tmp_path: Path) -> None:
    national = entry("a", questions=NATIONAL_QUESTIONS)
    twin = entry("a-630223", scope="630223", questions=[q + "呢" for q in NATIONAL_QUESTIONS])
    text = messages(run(tmp_path, national, twin))
    assert "a-630223.yaml" in text and "national entry 'a'" in text and "replaces: a" in text


def test_local_entry_that_says_it_replaces_or_asks_its_own_questions_passes(tmp_path: Path) -> None:
    national = entry("a", questions=NATIONAL_QUESTIONS)
    meant = entry("a-630223", scope="630223", replaces="a", questions=[q + "呢" for q in NATIONAL_QUESTIONS])
    own = entry(
        "a-630202",
        scope="630202",
        questions=[f"乐都区{q}" for q in ("纪委电话", "在哪举报", "信访室在哪", "反映问题", "纪委地址")],
    )
    report = run(tmp_path, national, meant, own)
    assert report.ok, messages(report)


def test_replaces_unknown_entry(tmp_path: Path) -> None:
    assert "replaces unknown entry" in messages(run(tmp_path, entry("a", scope="630223", replaces="nope")))


def test_answer_too_long(tmp_path: Path) -> None:
    long_answer = ANSWER + "说明" * 260
    assert "characters (at most 500)" in messages(run(tmp_path, entry("a", answer=long_answer)))


def test_answer_that_does_not_fit_one_message(tmp_path: Path) -> None:
    answer = ANSWER + "很长" * 220  # < 500 characters, but with long related questions > 2048 bytes
    long_titles = [entry(f"t{i}", title="很长的标题" * 30) for i in range(4)]
    report = run(tmp_path, entry("a", answer=answer), *long_titles)
    assert "it must fit in one message" in messages(report)


def test_missing_labelled_part(tmp_path: Path) -> None:
    answer = "谁能享受：脱贫户。\n标准：每年3000元。\n找谁：县乡村振兴局。"
    assert "four parts" in messages(run(tmp_path, entry("a", answer=answer)))


def test_unverified_figures_are_listed_and_need_the_caveat(tmp_path: Path) -> None:
    report = run(tmp_path, entry("a", unverified_figures=["每年3000元"]))
    assert "具体以当地公布为准" in messages(report)
    assert [(u.entry_id, u.figure) for u in report.unverified] == [("a", "每年3000元")]
    fixed = run(tmp_path, entry("a", unverified_figures=["每年3000元"], answer=ANSWER + "具体以当地公布为准"))
    assert fixed.ok, messages(fixed)
    assert len(fixed.unverified) == 1


def test_id_must_match_file_name(tmp_path: Path) -> None:
    folder = tmp_path / "yulu-plan"
    folder.mkdir()
    text = yaml.safe_dump(entry("a"), allow_unicode=True).replace("'2026-11-22'", "2026-11-22")
    (folder / "other.yaml").write_text(text, encoding="utf-8")
    assert "differs from the file name" in messages(check(tmp_path, TOPICS_FILE))


def test_one_overview_per_topic(tmp_path: Path) -> None:
    report = run(tmp_path, entry("yulu-a", overview=True), entry("yulu-b", overview=True), entry("yulu-c"))
    assert any("a second overview of 'yulu-plan'" in str(p) for p in report.problems)
    (tmp_path / "one").mkdir()
    assert run(tmp_path / "one", entry("yulu-a", overview=True), entry("yulu-b")).ok
