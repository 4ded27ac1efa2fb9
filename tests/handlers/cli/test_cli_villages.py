"""`qingfeng villages import|find` against a fresh SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from config.settings import get_settings
from handlers.cli.main import main
from villages.places.registry import HEADER


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("QF_DATABASE_URL", f"sqlite:///{path}")
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


def test_import_default_file_on_fresh_database(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["villages", "import"]) == 0
    out = capsys.readouterr().out
    assert "counties: 6 inserted, 0 updated, 0 unchanged" in out
    assert "towns: 98 inserted, 0 updated, 0 unchanged" in out
    assert "villages: 1665 inserted, 0 updated, 0 unchanged" in out

    assert main(["villages", "import"]) == 0
    assert "villages: 0 inserted, 0 updated, 1665 unchanged" in capsys.readouterr().out


def test_import_with_bad_rows_exits_1_after_importing_the_good(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "\n".join(
            [
                ",".join(HEADER),
                "630223000000,互助土族自治县,630223106000,五十镇,630223106213,土观村委会,",
                "630223000000,互助土族自治县,630223106000,五十镇,630223106201,,",
            ]
        ),
        encoding="utf-8",
    )
    assert main(["villages", "import", str(csv)]) == 1
    captured = capsys.readouterr()
    assert "villages: 1 inserted" in captured.out
    assert "line 3: village_name is empty" in captured.err

    assert main(["villages", "find", "土观"]) == 0
    assert capsys.readouterr().out.splitlines() == ["630223106213\t互助土族自治县\t五十镇\t土观村委会"]


def test_import_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["villages", "import", str(tmp_path / "nope.csv")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_find(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["villages", "import"]) == 0
    capsys.readouterr()

    assert main(["villages", "find", "互助", "土观"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "630223106213\t互助土族自治县\t五十镇\t土观村委会"
    assert len(lines) <= 5

    assert main(["villages", "find", "李家村", "--limit", "6"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6
    assert all(line.endswith("\t李家村委会") for line in lines)
    assert len({line.split("\t")[2] for line in lines}) == 6  # six different towns

    assert main(["villages", "find", "xyz"]) == 1
    assert "no match" in capsys.readouterr().err


def test_find_before_any_import(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["villages", "find", "土观"]) == 1
    assert "villages import" in capsys.readouterr().err
