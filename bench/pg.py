"""A throw-away PostgreSQL schema for a bench run, in the database at QF_TEST_POSTGRES_URL."""

from __future__ import annotations

import os
from urllib.parse import quote

from sqlalchemy import text

from storage.db import make_engine, normalise_url

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def base_url() -> str:
    return normalise_url(os.environ.get("QF_TEST_POSTGRES_URL", DEFAULT_URL))


def fresh_schema(schema: str) -> str:
    """Drop and create `schema`; the URL whose connections use it (raises if PostgreSQL is not there)."""
    admin(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE', f'CREATE SCHEMA "{schema}"')
    url = base_url()
    return f"{url}{'&' if '?' in url else '?'}options={quote(f'-csearch_path={schema}')}"


def drop_schema(schema: str) -> None:
    admin(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def admin(*statements: str) -> None:
    """Run `statements` in one transaction on the server's default schema."""
    engine = make_engine(base_url(), pool_size=1)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()
