"""No identity trail (#15): after villagers report through the chat, no table holds their openid or
their query code in a readable form; only the identity key opens what was sealed."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.types import JSON, LargeBinary, String, Text

from storage.db import make_sessionmaker
from storage.models_cases import Case
from tests.cases_support import KEYS, VILLAGE
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
                c["name"] for c in schema.get_columns(table) if isinstance(c["type"], String | Text | JSON | LargeBinary)
            ]
            if not columns:
                continue
            quoted = ", ".join(f'"{c}"' for c in columns)
            for row in conn.execute(text(f'SELECT {quoted} FROM "{table}"')):  # noqa: S608 - names from the schema
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
