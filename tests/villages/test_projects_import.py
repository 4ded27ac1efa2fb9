"""Projects CSV: validation with line numbers, idempotent upsert on both databases, the CLI."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from config.settings import get_settings
from handlers.cli.main import main
from storage.db import transaction
from storage.models import Project
from storage.repos.projects import count_projects, list_projects
from storage.types import utcnow
from villages.places.importer import import_registry
from villages.places.registry import PACKAGED_REGISTRY
from villages.projects.load import DEMO_PROJECTS, import_projects
from villages.projects.parse import HEADER, HEADER_ZH, parse_projects

MINI_REGISTRY = Path(__file__).parents[1] / "fixtures" / "mini_registry.csv"
GOOD = [
    "630223106213,村内道路硬化工程,2024,中央财政衔接资金,860000.00,五十镇人民政府,已验收,2024-04-10,2024-09-28,1320",
    '630223106213,冷链保鲜库建设,2025,东西部协作资金,"680,000",土观村股份经济合作社,未开工,,,',
    "630223106201,盘绣车间设备,2024,东西部协作资金,26000元,班彦村股份经济合作社,已完工,2024/05/10,2024/08/20,75",
]


def csv_text(*rows: str, header: tuple[str, ...] = HEADER) -> bytes:
    return "\n".join([",".join(header), *rows]).encode("utf-8")


def test_good_rows_parse_with_money_and_dates() -> None:
    parsed = parse_projects(csv_text(*GOOD))
    assert parsed.bad == ()
    lines = [line for line, _ in parsed.rows]
    assert lines == [2, 3, 4]
    road, cold, _ = (row for _, row in parsed.rows)
    assert road.amount_yuan == Decimal("860000.00") and road.start_date == date(2024, 4, 10)
    assert cold.amount_yuan == Decimal("680000.00") and cold.start_date is None and cold.beneficiaries is None
    assert not road.is_demo


def test_chinese_header_comments_and_bom_are_accepted() -> None:
    data = "\ufeff# 注释行\n".encode() + csv_text(GOOD[0], header=HEADER_ZH)
    parsed = parse_projects(data)
    assert parsed.bad == () and [line for line, _ in parsed.rows] == [3]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("63022310621,道路,2024,衔接资金,1,镇政府,在建,,,", "village_code"),
        ("630223106213,,2024,衔接资金,1,镇政府,在建,,,", "name is empty"),
        ("630223106213,道路,24,衔接资金,1,镇政府,在建,,,", "year"),
        ("630223106213,道路,2024,衔接资金,一万,镇政府,在建,,,", "not a number"),
        ("630223106213,道路,2024,衔接资金,-5,镇政府,在建,,,", "between 0"),
        ("630223106213,道路,2024,衔接资金,1.234,镇政府,在建,,,", "2 decimals"),
        ("630223106213,道路,2024,衔接资金,NaN,镇政府,在建,,,", "between 0"),
        ("630223106213,道路,2024,衔接资金,1,,在建,,,", "implementing_unit is empty"),
        ("630223106213,道路,2024,衔接资金,1,镇政府,快好了,,,", "status"),
        ("630223106213,道路,2024,衔接资金,1,镇政府,在建,2024-13-01,,", "start_date"),
        ("630223106213,道路,2024,衔接资金,1,镇政府,已完工,2024-05-01,2024-04-01,", "before start_date"),
        ("630223106213,道路,2024,衔接资金,1,镇政府,在建,,,很多", "beneficiaries"),
        ("630223106213,道路,2024,衔接资金,1,镇政府,在建", "expected 10 columns"),
    ],
)
def test_bad_rows_are_reported_with_their_line_and_the_rest_kept(row: str, reason: str) -> None:
    parsed = parse_projects(csv_text(GOOD[0], row, GOOD[2]))
    assert [b.line for b in parsed.bad] == [3]
    assert reason in parsed.bad[0].reason
    assert [line for line, _ in parsed.rows] == [2, 4]


def test_duplicate_key_in_one_file_names_the_first_line() -> None:
    parsed = parse_projects(csv_text(GOOD[0], GOOD[1], GOOD[0].replace("860000.00", "1")))
    assert [(b.line, b.reason) for b in parsed.bad] == [(4, "same village, name and year as line 2")]


def test_wrong_header_gbk_and_empty_files_are_refused_whole() -> None:
    assert "wrong header" in parse_projects(b"a,b,c\n1,2,3").bad[0].reason
    assert "UTF-8" in parse_projects(csv_text(*GOOD).decode().encode("gbk")).bad[0].reason
    assert parse_projects(b"").bad[0].line == 1


@pytest.fixture
def registry(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    with transaction(sessions) as s:
        import_registry(s, path=MINI_REGISTRY)
    return sessions


def test_import_is_idempotent_and_updates_changed_rows(registry: sessionmaker[Session], tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(csv_text(*GOOD))
    with transaction(registry) as s:
        first = import_projects(s, path=path, now=utcnow())
    assert (first.counts.inserted, first.counts.updated, first.counts.unchanged) == (3, 0, 0) and first.ok
    with transaction(registry) as s:
        again = import_projects(s, path=path, now=utcnow())
    assert (again.counts.inserted, again.counts.updated, again.counts.unchanged) == (0, 0, 3)

    path.write_bytes(csv_text(GOOD[0].replace("已验收,", "已完工,"), *GOOD[1:]))
    with transaction(registry) as s:
        changed = import_projects(s, path=path, now=utcnow())
    assert (changed.counts.inserted, changed.counts.updated, changed.counts.unchanged) == (0, 1, 2)
    with registry() as s:
        assert count_projects(s) == 3
        tuguan = list_projects(s, village_code="630223106213")
    assert [p.name for p in tuguan] == ["冷链保鲜库建设", "村内道路硬化工程"]  # newest year first
    assert tuguan[1].status == "已完工" and tuguan[1].amount_yuan == Decimal("860000.00")


def test_unknown_village_is_a_bad_row_not_a_crash(registry: sessionmaker[Session], tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(csv_text(GOOD[0], GOOD[0].replace("630223106213", "630223106299"), "bad"))
    with transaction(registry) as s:
        report = import_projects(s, path=path, now=utcnow())
    assert report.counts.inserted == 1
    assert [(b.line, b.reason) for b in report.bad_rows] == [
        (3, "village_code 630223106299 is not in the registry"),
        (4, "expected 10 columns, found 1"),
    ]


def test_demo_file_is_marked_and_every_row_is_valid(registry: sessionmaker[Session]) -> None:
    assert "虚构" in DEMO_PROJECTS.read_text(encoding="utf-8").splitlines()[0]
    with transaction(registry) as s:
        report = import_projects(s, path=DEMO_PROJECTS, now=utcnow(), demo=True)
    assert report.ok and report.counts.inserted >= 10
    with registry() as s:
        assert count_projects(s, demo=False) == 0
        villages = set(s.scalars(select(Project.village_code)))
    assert "630223106213" in villages and len(villages) >= 3


@pytest.fixture
def cli_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("QF_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_cli_import_reports_bad_lines_and_exit_code(cli_database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["villages", "import", str(PACKAGED_REGISTRY)]) == 0
    path = cli_database / "p.csv"
    path.write_bytes(csv_text(GOOD[0], "630223106213,道路,2024,衔接资金,1,镇政府,快好了,,,"))
    capsys.readouterr()
    assert main(["projects", "import", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "projects: 1 inserted, 0 updated, 0 unchanged" in out
    assert "line 3: status '快好了'" in err
    assert main(["projects", "import", str(cli_database / "missing.csv")]) == 2
