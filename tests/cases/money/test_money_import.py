"""`qingfeng data import`: the four kinds, both headers, CSV with or without a BOM and .xlsx, row-by-row
validation with line numbers, idempotence, and nothing but keyed hashes and masks stored (#21)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from openpyxl import Workbook
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from cases.money import ids
from cases.money.files import HEADERS, BadFile
from cases.money.synthetic import fake_account, fake_id
from config.settings import get_settings
from handlers.cli.main import main
from storage.migrate import alembic_config, upgrade
from storage.models import Base
from storage.models.money import MoneyDeath, MoneyPayment, MoneyPerson
from tests.cases.routing.test_cadre_routing import fresh_engine  # noqa: F401  (a fixture)
from tests.cases_support import load_registry
from tests.money_support import BANYAN, TUGUAN, load, payment, person, write_csv
from villages.places.registry import PACKAGED_REGISTRY


@pytest.fixture
def registry(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    load_registry(sessions)
    return sessions


def test_migration_0014_matches_the_models_and_downgrades(engine: Engine) -> None:
    def include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return str(table).startswith("money_")

    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"include_object": include}), Base.metadata)
    assert diff == []


def test_migration_0014_downgrades(fresh_engine: Engine) -> None:  # noqa: F811
    upgrade(fresh_engine)
    cfg = alembic_config()
    with fresh_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0013")
    assert not {t for t in inspect(fresh_engine).get_table_names() if t.startswith("money_")}
    upgrade(fresh_engine, "0014")
    assert "money_clues" in inspect(fresh_engine).get_table_names()


def test_check_digit_accepts_the_standard_example_and_refuses_a_typo() -> None:
    # The worked example of GB 11643-1999.
    assert ids.id_problem("11010519491231002X") is None
    assert ids.id_problem("110105194912310021") == "身份证号校验位不对，请核对是否抄错"
    assert ids.id_problem("110105194902300021") == "身份证号中的出生日期不存在"
    assert ids.id_problem("11010519491231002") is not None
    assert all(ids.id_problem(fake_id(n)) is None for n in (0, 1, 999, 123_456))


def test_masks() -> None:
    assert ids.mask_id("630223194912311234") == "630223********1234"
    assert ids.mask_account("6217000012345678") == "6217 **** **** 5678"
    assert [ids.mask_name(n) for n in ("张三明", "张三", "欧阳小明", "李")] == ["张*明", "张*", "欧**明", "李"]


def test_households_with_chinese_header_and_bom_then_again_changes_nothing(
    registry: sessionmaker[Session], tmp_path: Path
) -> None:
    rows = [person(1, "H1", "张三明", "低保户"), person(2, "H1", "李梅", "低保户", rel="配偶")]
    path = write_csv(tmp_path / "h.csv", "households", rows, chinese=True, bom=True)
    first = load(registry, "households", path)
    assert (first.new, first.updated, first.unchanged, first.bad) == (2, 0, 0, [])
    again = load(registry, "households", path)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    changed = write_csv(tmp_path / "h2.csv", "households", [rows[0], person(2, "H1", "李梅", "一般户", rel="配偶")])
    third = load(registry, "households", changed)
    assert (third.new, third.updated, third.unchanged) == (0, 1, 1)
    with registry() as s:
        stored = s.scalars(select(MoneyPerson).order_by(MoneyPerson.person_mask)).all()
    assert [(p.name_mask, p.status) for p in stored] == [("张*明", "低保户"), ("李*", "一般户")]
    assert stored[0].person_mask == ids.mask_id(fake_id(1))


def test_bad_rows_are_listed_by_line_and_good_rows_kept(registry: sessionmaker[Session], tmp_path: Path) -> None:
    bad_id = fake_id(3)[:-1] + ("0" if fake_id(3)[-1] != "0" else "1")
    rows = [
        payment("P1", "低保金", 1, "张三明", "2025-01"),
        payment("P2", "低保金", 1, "张三明", "2025-13"),
        f"P3,低保金,{bad_id},王五,{TUGUAN},2025-01,300,2025-01-15,{fake_account(3)}",
        payment("P4", "低保金", 1, "张三明", "2025-02", amount="12.345"),
        payment("P5", "不存在的补贴", 1, "张三明", "2025-02"),
        payment("P6", "低保金", 1, "张三明", "2025-02", village="630223999999"),
        payment("P1", "低保金", 1, "张三明", "2025-03"),
        payment("P7", "低保金", 1, "张三明", "2025-02", paid_on="2025-02-30"),
        payment("P8", "高龄补贴", 1, "张三明", "2025-02", account="12AB"),
    ]
    report = load(registry, "payments", write_csv(tmp_path / "p.csv", "payments", rows))
    assert report.new == 1 and not report.ok
    lines = {b.line: b.reason for b in report.bad}
    assert sorted(lines) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "所属期" in lines[3] and "校验位" in lines[4] and "两位小数" in lines[5]
    assert "项目清单" in lines[6] and "村名录" in lines[7] and "第 2 行重复" in lines[8]
    assert "日期不存在" in lines[9] and "账号" in lines[10]


def test_xlsx_first_sheet_with_english_header(registry: sessionmaker[Session], tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([h[0] for h in HEADERS["deaths"]])
    sheet.append([fake_id(7), "赵六", "2024-11-02"])
    book.create_sheet("备注").append(["不读这一页"])
    path = tmp_path / "deaths.xlsx"
    book.save(path)
    report = load(registry, "deaths", path)
    assert (report.new, report.bad) == (1, [])
    with registry() as s:
        death = s.scalars(select(MoneyDeath)).one()
    assert str(death.died_month) == "2024-11-01"


def test_cadres_with_and_without_relatives(registry: sessionmaker[Session], tmp_path: Path) -> None:
    rows = [
        f"{fake_id(10)},王书记,{TUGUAN},村党支部书记,{fake_id(11)},王小二,子女",
        f"{fake_id(10)},王书记,{TUGUAN},村党支部书记,{fake_id(12)},刘芳,配偶",
        f"{fake_id(20)},马主任,{BANYAN},村委会主任,,,",
        f"{fake_id(21)},马会计,{BANYAN},村会计,{fake_id(22)},,",
    ]
    report = load(registry, "cadres", write_csv(tmp_path / "c.csv", "cadres", rows))
    assert report.new == 3 and [b.line for b in report.bad] == [5]
    assert load(registry, "cadres", tmp_path / "c.csv").unchanged == 3


def test_no_plain_id_account_or_name_is_stored(engine: Engine, registry: sessionmaker[Session], tmp_path: Path) -> None:
    load(registry, "households", write_csv(tmp_path / "h.csv", "households", [person(1, "H1", "张三明")]))
    load(
        registry,
        "payments",
        write_csv(tmp_path / "p.csv", "payments", [payment("P1", "高龄补贴", 1, "张三明", "2025-01")]),
    )
    secrets = (fake_id(1), fake_id(1)[-8:-4] + fake_id(1)[-4:], fake_account(1), "张三明")
    with engine.connect() as conn:
        for model in (MoneyPerson, MoneyPayment):
            for row in conn.execute(select(model)).all():
                for value in row:
                    assert not any(s in str(value) for s in secrets), (model, value)
        assert conn.execute(text("select count(*) from money_payments")).scalar() == 1


def test_unreadable_files_import_nothing(tmp_path: Path) -> None:
    from cases.money.files import read_rows

    with pytest.raises(BadFile, match="表头缺少列"):
        read_rows("payments", write_csv(tmp_path / "d.csv", "deaths", []))
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("身份证号,姓名,死亡日期\n1,张三,2024-01-01\n".encode("gbk"))
    with pytest.raises(BadFile, match="UTF-8"):
        read_rows("deaths", gbk)
    with pytest.raises(BadFile, match="不支持"):
        read_rows("deaths", tmp_path / "x.pdf")


@pytest.fixture
def cli_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("QF_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_cli_counts_lines_and_exit_codes(cli_database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["villages", "import", str(PACKAGED_REGISTRY)]) == 0
    rows = [person(1, "H1", "张三明"), person(2, "H1", "李梅", status="特困")]
    path = write_csv(cli_database / "h.csv", "households", rows)
    capsys.readouterr()
    assert main(["data", "import", "households", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "households：新增 1，更新 0，未变 0，错误 1" in out
    assert "第 3 行：户类型应为" in err
    assert main(["data", "import", "households", str(path)]) == 1
    assert "新增 0，更新 0，未变 1，错误 1" in capsys.readouterr()[0]
    good = write_csv(cli_database / "g.csv", "households", rows[:1])
    assert main(["data", "import", "households", str(good)]) == 0
    assert main(["data", "import", "households", str(cli_database / "missing.csv")]) == 2
    assert main(["data", "import", "deaths", str(good)]) == 2
    assert "表头缺少列" in capsys.readouterr()[1]
