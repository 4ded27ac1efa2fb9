"""`qingfeng setup` loads the invented demo projects in dev only, on both databases."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select

from config.settings import get_settings
from handlers.cli.main import main
from storage.db import make_sessionmaker
from storage.models.money import MoneyPerson
from storage.repos.projects import count_projects
from tests.db_url import url_of


@pytest.fixture
def database(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    monkeypatch.setenv("QF_DATABASE_URL", url_of(engine))
    get_settings.cache_clear()
    yield engine
    get_settings.cache_clear()


def demo_count(engine: Engine) -> int:
    with make_sessionmaker(engine)() as s:
        return count_projects(s, demo=True)


def test_setup_in_dev_loads_demo_projects_once(
    database: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QF_ENV", "dev")
    assert main(["setup"]) == 0
    assert "demo projects (invented, dev only): 16 new" in capsys.readouterr().out
    assert demo_count(database) == 16
    assert main(["setup"]) == 0
    assert "0 new, 0 updated" in capsys.readouterr().out
    assert demo_count(database) == 16


def test_setup_in_prod_loads_no_demo_projects(
    database: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QF_ENV", "prod")
    assert main(["setup"]) == 0
    assert "demo" not in capsys.readouterr().out
    assert demo_count(database) == 0


def test_setup_prints_where_serve_will_listen(
    database: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `make run PORT=8011` runs `setup --port 8011`: the printed URLs must be the ones served.
    monkeypatch.setenv("QF_ENV", "dev")
    monkeypatch.setenv("QF_PUBLIC_BASE_URL", "unset below; restored after the test")
    monkeypatch.delenv("QF_PUBLIC_BASE_URL")
    get_settings.cache_clear()
    try:
        assert main(["setup", "--host", "127.0.0.1", "--port", "8011"]) == 0
        # In dev, links and codes follow the port too, unless QF_PUBLIC_BASE_URL says otherwise.
        assert get_settings().public_base_url == "http://127.0.0.1:8011"
    finally:
        get_settings.cache_clear()
    out = capsys.readouterr().out
    assert "webhook http://127.0.0.1:8011/wechat" in out and "admin http://127.0.0.1:8011/admin" in out
    assert "start here http://127.0.0.1:8011/ " in out and "http://127.0.0.1:8011/dev/phone" in out
    assert "QF_PUBLIC_BASE_URL" not in out


def test_an_explicit_public_base_url_is_kept_in_dev(
    database: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QF_ENV", "dev")
    monkeypatch.setenv("QF_PUBLIC_BASE_URL", "https://qingfeng.haidong.example.cn")
    get_settings.cache_clear()
    try:
        assert main(["setup", "--port", "8011"]) == 0
    finally:
        get_settings.cache_clear()
    assert (
        "links and QR codes point to QF_PUBLIC_BASE_URL=https://qingfeng.haidong.example.cn" in capsys.readouterr().out
    )


def test_setup_in_dev_prints_a_synthetic_household_that_opens_my_household_payments(
    database: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QF_ENV", "dev")
    assert main(["setup"]) == 0
    out = capsys.readouterr().out
    found = re.search(r"synthetic, dev only\) in (\d{12}): .* as (\S+), ID last six (\S{6}), 家庭码 (\S{8})", out)
    assert found is not None, out
    village, name, last_six, code = found.groups()
    assert main(["setup"]) == 0  # loaded once: the same household again, the same code
    assert f"as {name}, ID last six {last_six}, 家庭码 {code}" in capsys.readouterr().out
    with make_sessionmaker(database)() as s:
        ids = s.scalars(select(MoneyPerson.household_id).where(MoneyPerson.village_code == village)).all()
    assert ids and all(i.startswith("SYN") for i in ids)  # labelled synthetic, as `qingfeng data demo` makes them
    sent = ["5", name, last_six, code]
    assert main(["chat", "--village", village, *(a for m in sent for a in ("--send", m))]) == 0
    shown = capsys.readouterr().out
    assert "关联成功" in shown and "您家近 24 个月的补贴" in shown
