"""docs/operations.md's go-live checklist says how the first production administrator is made, with a
command that works as written: after `qingfeng setup` has loaded the places and units, the line it shows
creates an 系统管理员 of the city unit who can sign in (its password read from stdin, never an argument)."""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from cases.staff import accounts
from config.settings import get_settings
from handlers.cli.main import main
from storage.db import make_sessionmaker
from storage.models.staff import StaffUser, Unit
from storage.types import utcnow
from tests.db_url import url_of
from tests.staff_support import load_org

OPERATIONS = Path(__file__).resolve().parents[2] / "docs" / "operations.md"
FIRST_PASSWORD = "Haidong-first-admin-2026"


def checklist() -> str:
    text = OPERATIONS.read_text(encoding="utf-8")
    start = text.index("Go-live checklist:")
    end = text.index("\n## ", start)
    return text[start:end]


def documented_command() -> str:
    lines = [line.strip() for line in checklist().splitlines() if "qingfeng users create" in line]
    commands = [line for line in lines if "--role admin" in line]
    assert len(commands) == 1, f"the checklist shows no single command for the first administrator: {lines}"
    return commands[0]


def test_the_checklist_loads_the_units_before_it_makes_the_administrator() -> None:
    text = checklist()
    assert "`qingfeng setup`" in text and text.index("`qingfeng setup`") < text.index("qingfeng users create")
    line = documented_command()
    # the password comes on stdin, kept off the screen and the history; never as an argument
    assert re.search(r"read -rs\w* .*\|\s*qingfeng users create", line), line
    assert "--password" not in line


def test_the_documented_command_makes_an_administrator_who_can_sign_in(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sessions = make_sessionmaker(engine)
    load_org(sessions, users=False)  # what `qingfeng setup` loads: the registry, the units, the rules
    segment = documented_command().split("qingfeng ", 1)[1].split(";", 1)[0]
    argv = shlex.split(segment)
    monkeypatch.setenv("QF_DATABASE_URL", url_of(engine))
    monkeypatch.setattr("sys.stdin", io.StringIO(FIRST_PASSWORD + "\n"))
    get_settings.cache_clear()
    try:
        assert main(argv) == 0
    finally:
        get_settings.cache_clear()
    username = argv[argv.index("--username") + 1]
    assert f"user {username} (admin, " in capsys.readouterr().out
    with sessions() as s:
        user = s.scalars(select(StaffUser).where(StaffUser.username == username)).one()
        unit = s.get(Unit, user.unit_code)
        assert user.role == "admin" and user.active and not user.must_change_password
        assert unit is not None and unit.kind == "city" and unit.name == "海东市"
        assert user.display_name and not re.search(r"[A-Za-z]", user.display_name)  # the header shows it
    login = accounts.authenticate(sessions, username=username, password=FIRST_PASSWORD, now=utcnow(), run=accounts.here)
    assert login.user is not None
    wrong = accounts.authenticate(
        sessions, username=username, password="not-the-password", now=utcnow(), run=accounts.here
    )
    assert wrong.user is None
