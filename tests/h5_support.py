"""Helpers for the H5 page tests: a client on the test database with projects and posters, forms, photos."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from storage.db import make_sessionmaker, transaction
from storage.repos.posters import NewPoster, add_posters
from storage.repos.projects import ProjectRow, upsert_projects
from storage.types import utcnow
from tests.cases_support import KEYS, VILLAGE
from tests.staff_support import load_org
from tests.webhook_support import make_client

WECHAT_URL = "http://weixin.qq.com/q/02h5-test-code"
UA_WECHAT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 MicroMessenger/8.0.47"
PROJECT = ProjectRow(
    village_code=VILLAGE,
    name="土观村巷道硬化工程",
    year=2025,
    fund_source="衔接资金",
    amount_yuan=Decimal("860000"),
    implementing_unit="五十镇人民政府",
    status="已完工",
    start_date=date(2025, 4, 1),
    completion_date=date(2025, 9, 30),
    beneficiaries=312,
)


def seed(sessions: sessionmaker[Session], *, users: bool = False) -> None:
    """The mini registry with its organisation, one project and two posters (a WeChat code and an H5 link)."""
    load_org(sessions, users=users)
    with transaction(sessions) as session:
        upsert_projects(session, rows=[PROJECT], now=utcnow())
        add_posters(
            session,
            rows=[
                NewPoster(VILLAGE, 1, VILLAGE, "wechat", WECHAT_URL),
                NewPoster(VILLAGE, 2, f"{VILLAGE}-2", "h5", f"http://127.0.0.1:8000/v/{VILLAGE}-2"),
                NewPoster("630223106213", 3, f"{VILLAGE}-3", "h5", f"http://127.0.0.1:8000/v/{VILLAGE}-3"),
            ],
            now=utcnow(),
        )


def h5_client(engine: Engine, media_dir: Path, *, users: bool = False, **overrides: object) -> TestClient:
    c = make_client(engine, identity_key=KEYS.current, media_dir=media_dir, **overrides)
    seed(make_sessionmaker(engine), users=users)
    return c


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, html[:500]
    return m.group(1)


def hidden(html: str) -> list[tuple[str, str]]:
    """Every hidden field of the confirm form, in order (repeated names kept)."""
    return re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)


def png_bytes(color: str = "red", size: int = 24) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (size, size), color).save(buf, format="PNG")
    return buf.getvalue()


def write_png(path: Path, color: str = "red") -> Path:
    path.write_bytes(png_bytes(color, 200))
    return path
