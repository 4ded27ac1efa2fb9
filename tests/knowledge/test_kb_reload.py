"""A reload swaps the knowledge base in running processes, without a restart, through the shared version row."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from config.settings import get_settings
from handlers.cli.main import main
from knowledge.base import KnowledgeBase
from knowledge.holder import KnowledgeHolder
from knowledge.loader import ENTRIES_DIR
from storage.db import make_sessionmaker, transaction
from storage.repos import kb_state
from storage.types import utcnow
from tests.db_url import url_of
from tests.webhook_support import Sender, event_xml, make_client, text_xml

NEW_ID = "reload-marker"
NEW_QUESTION = "青稞酒节补贴咋申请"
NEW_ANSWER_MARK = "青稞酒节补贴由乡镇统一登记"


# ---- the holder on its own -------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def small_kb(title: str) -> KnowledgeBase:
    kb = KnowledgeBase.__new__(KnowledgeBase)
    kb.entries = {}
    kb.title = title  # type: ignore[attr-defined]
    return kb


def test_holder_swaps_only_when_the_version_moves() -> None:
    version = {"v": 1}
    loads: list[int] = []

    def load() -> KnowledgeBase:
        loads.append(version["v"])
        return small_kb(f"v{version['v']}")

    first = small_kb("v1")
    holder = KnowledgeHolder(first, version=1, load=load, read_version=lambda: version["v"], poll_every=5)
    assert holder.refresh() is False and loads == []
    version["v"] = 2
    assert holder.refresh() is True and holder.version == 2 and holder.get() is not first
    assert loads == [2]


def test_failed_build_keeps_the_old_one_and_is_not_retried_until_the_version_moves() -> None:
    version = {"v": 1}
    calls = {"n": 0}

    def load() -> KnowledgeBase:
        calls["n"] += 1
        if version["v"] == 2:
            raise ValueError("broken entry")
        return small_kb("ok")

    first = small_kb("v1")
    holder = KnowledgeHolder(first, version=1, load=load, read_version=lambda: version["v"])
    version["v"] = 2
    assert holder.refresh() is False and holder.get() is first and holder.version == 1
    assert holder.refresh() is False and calls["n"] == 1
    version["v"] = 3
    assert holder.refresh() is True and holder.version == 3


def test_get_never_waits_for_a_build_and_polls_at_most_every_interval() -> None:
    clock = FakeClock()
    release = threading.Event()
    reads = {"n": 0}

    def read() -> int:
        reads["n"] += 1
        return 2

    def slow_load() -> KnowledgeBase:
        release.wait(5)
        return small_kb("new")

    first = small_kb("old")
    holder = KnowledgeHolder(first, version=1, load=slow_load, read_version=read, poll_every=5, clock=clock)
    assert holder.get() is first and reads["n"] == 0  # not due yet
    clock.now = 5
    started = time.monotonic()
    assert holder.get() is first  # starts the background check, answers with the old index at once
    assert holder.get() is first
    assert time.monotonic() - started < 0.5
    release.set()
    deadline = time.monotonic() + 5
    while holder.version != 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert holder.version == 2 and holder.get() is not first and reads["n"] == 1


def test_unreadable_version_keeps_serving() -> None:
    def broken() -> int:
        raise ConnectionError("database down")

    first = small_kb("v1")
    holder = KnowledgeHolder(first, version=1, load=lambda: small_kb("x"), read_version=broken)
    assert holder.refresh() is False and holder.get() is first


# ---- two running apps on one database --------------------------------------------------------


def write_new_entry(directory: Path) -> None:
    data: dict[str, Any] = yaml.safe_load((directory / "dibao" / "dibao-apply.yaml").read_text(encoding="utf-8"))
    data["id"] = NEW_ID
    data["overview"] = False  # dibao-apply is the overview of its topic; a topic has one
    data["title"] = "青稞酒节补贴怎么申请"
    data["questions"] = [
        NEW_QUESTION,
        "青稞酒节的补贴找谁领",
        "俺想领青稞酒节补贴",
        "青稞酒节补贴有多少",
        "青稞酒节补贴啥时候发",
    ]
    data["answer"] = data["answer"].replace("谁能享受：", f"谁能享受：{NEW_ANSWER_MARK}。", 1)
    (directory / "dibao" / f"{NEW_ID}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def entries(tmp_path: Path) -> Path:
    directory = tmp_path / "entries"
    shutil.copytree(ENTRIES_DIR, directory)
    return directory


@pytest.fixture
def cli_env(engine: Engine, entries: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("QF_DATABASE_URL", url_of(engine))
    monkeypatch.setenv("QF_KB_DIR", str(entries))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def top_id(client: TestClient, question: str) -> str | None:
    hits = client.get("/api/kb/search", params={"q": question}).json()["hits"]
    return hits[0]["entry_id"] if hits else None


def wait_for(check: Any, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def test_reload_switches_answers_in_two_running_apps(
    engine: Engine, entries: Path, cli_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    apps = [make_client(engine, kb_dir=entries, kb_poll_s=0) for _ in range(2)]
    sender = Sender(apps[1])
    sender.reply_text(event_xml("o-r1", "subscribe", "qrscene_630223106213"))
    for app in apps:
        assert top_id(app, NEW_QUESTION) != NEW_ID
    assert NEW_ANSWER_MARK not in sender.reply_text(text_xml("o-r1", NEW_QUESTION))

    write_new_entry(entries)
    for app in apps:  # files alone change nothing: only a reload does
        assert top_id(app, NEW_QUESTION) != NEW_ID
    assert main(["kb", "reload"]) == 0
    assert "knowledge base version 1" in capsys.readouterr().out

    for app in apps:
        assert wait_for(lambda app=app: top_id(app, NEW_QUESTION) == NEW_ID)
        assert app.get("/api/kb/search", params={"q": "低保"}).json()["kb_version"] == 1
    assert wait_for(lambda: NEW_ANSWER_MARK in sender.reply_text(text_xml("o-r1", NEW_QUESTION)))


def test_reload_refuses_entries_that_fail_the_check(
    engine: Engine, entries: Path, cli_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    (entries / "dibao" / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    assert main(["kb", "reload"]) == 1
    assert "not reloaded" in capsys.readouterr().out
    with make_sessionmaker(engine)() as s:
        assert kb_state.get_version(s) == 0


def test_bump_counts_up_from_one(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as s:
        assert kb_state.bump(s, now=utcnow()) == 1
    with transaction(sessions) as s:
        assert kb_state.bump(s, now=utcnow()) == 2
    with sessions() as s:
        assert kb_state.get_version(s) == 2
