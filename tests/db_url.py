"""The URL a child command needs to reach the test database (PostgreSQL tests live in their own schema)."""

from __future__ import annotations

from sqlalchemy import Engine


def url_of(engine: Engine) -> str:
    url = engine.url.render_as_string(hide_password=False)
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            schema = conn.exec_driver_sql("SHOW search_path").scalar()
        url += f"{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    return url
