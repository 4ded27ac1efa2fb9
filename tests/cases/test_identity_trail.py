"""No identity trail (#15): after villagers report through the chat, no table holds their openid or
their query code in a readable form; only the identity key opens what was sealed."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.types import JSON, LargeBinary, String, Text

from config.privacy import keyed_hash, user_key
from storage.db import make_engine, make_sessionmaker
from storage.migrate import alembic_config, upgrade
from storage.models import OutboxMessage, ProcessedMessage
from storage.models.cases import Case
from storage.repos import outbox, users
from storage.types import utcnow
from tests.cases_support import KEYS, VILLAGE
from tests.conftest import pg_engine_for, postgres_base_url
from tests.report_support import NUMBER_RE, Villager, file_report, location_xml
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ANONYMOUS = "oTrail-anonymous-7f3c2a9e1b"
NAMED = "oTrail-realname-9d1e4b6c0a"


def _readable(value: Any) -> str:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def text_cells(engine: Engine) -> list[tuple[str, str, str]]:
    """(table, column, value) of every text, JSON or binary column of every table in the live schema."""
    cells = []
    with engine.connect() as conn:
        schema = inspect(conn)
        for table in schema.get_table_names():
            columns = [
                c["name"]
                for c in schema.get_columns(table)
                if isinstance(c["type"], String | Text | JSON | LargeBinary)
            ]
            if not columns:
                continue
            quoted = ", ".join(f'"{c}"' for c in columns)
            for row in conn.execute(text(f'SELECT {quoted} FROM "{table}"')):
                cells += [(table, c, _readable(v)) for c, v in zip(columns, row, strict=True) if v is not None]
    return cells


def test_no_table_holds_a_reporters_openid_or_query_code(engine: Engine) -> None:
    codes, numbers = [], []
    for openid, anonymous in ((ANONYMOUS, True), (NAMED, False)):
        v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), openid)
        v.scan(VILLAGE)
        v.send(location_xml(openid, 36.84, 101.95, "土观村村委会"))
        final = file_report(v, anonymous=anonymous)
        number, code = re.search(NUMBER_RE, final).groups()  # type: ignore[union-attr]
        assert number in v.say(f"查询 {number} {code}")  # the villager still finds their case
        codes.append(code)
        numbers.append(number)
    with make_sessionmaker(engine)() as s:
        assert len(s.scalars(select(Case)).all()) == 2
    cells = text_cells(engine)
    tables = {table for table, _, _ in cells}
    assert {"processed_messages", "wechat_users", "conversations", "cases"} <= tables
    # The scan sees what is stored in plain: the case numbers are.
    assert all(any(number in value for _, _, value in cells) for number in numbers)
    found = [
        (table, column)
        for table, column, value in cells
        for secret in (ANONYMOUS, NAMED, *codes)
        if re.search(rf"(?<![0-9A-Za-z]){re.escape(secret)}(?![0-9A-Za-z])", value, re.IGNORECASE)
    ]
    assert found == []


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def bare_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database of its own, to migrate step by step."""
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'migrate.db'}")
        yield eng
        eng.dispose()
        return
    url, schema = postgres_base_url(), f"qf_mig_{uuid.uuid4().hex[:8]}"
    admin = make_engine(url, pool_size=1)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng = pg_engine_for(url, schema)
    try:
        yield eng
    finally:
        eng.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _downgrade(engine: Engine, revision: str) -> None:
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        conn.commit()


def test_migration_0009_rekeys_and_seals_existing_rows_and_downgrades(bare_engine: Engine) -> None:
    upgrade(bare_engine, "0008")
    now = utcnow()
    with bare_engine.begin() as conn:
        conn.execute(
            text("INSERT INTO wechat_users (openid, first_seen, last_seen, subscribed) VALUES (:o, :t, :t, :y)"),
            {"o": ANONYMOUS, "t": now, "y": True},
        )
        conn.execute(
            text("INSERT INTO conversations (openid, state, data, updated_at) VALUES (:o, 'idle', '{}', :t)"),
            {"o": ANONYMOUS, "t": now},
        )
        conn.execute(
            text(
                "INSERT INTO outbox (key, kind, openid, payload, status, attempts, next_attempt_at, created_at) "
                "VALUES ('reply:m:1', 'kefu_text', :o, :p, 'held', 0, :t, :t)"
            ),
            {"o": ANONYMOUS, "p": json.dumps({"text": "查询码：123456"}, ensure_ascii=False), "t": now},
        )
        conn.execute(
            text(
                "INSERT INTO processed_messages (key, openid, received_at, reply) "
                "VALUES ('m:1', :o, :t, '查询码：123456')"
            ),
            {"o": ANONYMOUS, "t": now},
        )
    upgrade(bare_engine)
    assert ANONYMOUS not in " ".join(value for _, _, value in text_cells(bare_engine))
    sessions = make_sessionmaker(bare_engine)
    with sessions() as s:
        assert users.get_user(s, openid=ANONYMOUS) is not None  # the villager's row is found by the openid
        (row,) = s.scalars(select(OutboxMessage)).all()
        assert (outbox.recipient(row), outbox.text_of(row)) == (ANONYMOUS, "查询码：123456")
        assert row.user_key == user_key(ANONYMOUS) and row.key == "reply:" + keyed_hash("ledger", ANONYMOUS, "m:1")
        assert s.scalars(select(ProcessedMessage)).all() == []  # dropped: retries come within seconds
    _downgrade(bare_engine, "0008")
    with bare_engine.connect() as conn:
        restored = conn.execute(text("SELECT openid, payload FROM outbox")).one()
    assert restored[0] == ANONYMOUS and "123456" in _readable(restored[1])
