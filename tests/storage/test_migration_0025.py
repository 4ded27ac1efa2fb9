"""Migration 0025 (staff_users.must_change_password) on SQLite and PostgreSQL: accounts that exist before the
upgrade are false, so nobody signed in is locked out; a downgrade removes the column and keeps the accounts;
the models match."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from storage.migrate import alembic_config, upgrade
from storage.models.base import Base
from storage.types import utcnow
from tests.cases.routing.test_cadre_routing import fresh_engine  # noqa: F401  (a fixture: an empty database of its own)


def _columns(engine: Engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("staff_users")}


def test_migration_0025_adds_the_flag_false_for_existing_accounts_and_downgrades(
    fresh_engine: Engine,  # noqa: F811
) -> None:
    upgrade(fresh_engine, "0024")
    with fresh_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO staff_users (username, display_name, password_hash, role, unit_code, active,"
                " failed_logins, session_epoch, created_at) VALUES ('old_hand', '老员工', 'x', 'admin', '6302',"
                " :yes, 0, 0, :now)"
            ),
            {"yes": True, "now": utcnow()},
        )
    upgrade(fresh_engine, "0025")
    assert "must_change_password" in _columns(fresh_engine)
    with fresh_engine.connect() as conn:
        flag = conn.execute(text("SELECT must_change_password FROM staff_users WHERE username = 'old_hand'"))
        assert flag.scalar_one() in (False, 0)
    cfg = alembic_config()
    with fresh_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0024")
    assert "must_change_password" not in _columns(fresh_engine)
    with fresh_engine.connect() as conn:
        assert conn.execute(text("SELECT username FROM staff_users")).scalars().all() == ["old_hand"]
    upgrade(fresh_engine, "0025")
    assert "must_change_password" in _columns(fresh_engine)


def test_the_models_match_migration_0025(engine: Engine) -> None:
    def include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table == "staff_users"

    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts={"include_object": include}), Base.metadata) == []
