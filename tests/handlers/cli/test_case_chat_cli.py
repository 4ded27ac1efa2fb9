"""`qingfeng chat` files a report and tracks it from another account, in plain and safe mode."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from config.settings import get_settings
from handlers.cli.main import main
from tests.cases_support import VILLAGE

REPORT = ["3", "5", "村里新修的水渠一个月就裂了", "好了", "跳过", "2", "1"]


@pytest.fixture
def chat_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'chat.db'}"
    monkeypatch.setenv("QF_DATABASE_URL", url)
    monkeypatch.setenv("QF_MEDIA_DIR", str(tmp_path / "media"))
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


@pytest.mark.parametrize("safe", [False, True], ids=["plain", "safe"])
def test_chat_files_and_tracks_a_report(chat_db: str, safe: bool, capsys: pytest.CaptureFixture[str]) -> None:
    mode = ["--safe"] if safe else []
    argv = ["chat", "--village", VILLAGE, *mode]
    for text in REPORT:
        argv += ["--send", text]
    assert main(argv) == 0
    out = capsys.readouterr().out
    number, code = re.search(r"案件编号：(\S+)\s+查询码：(\d{6})", out).groups()  # type: ignore[union-attr]
    assert main(["chat", "--village", VILLAGE, *mode, "--send", f"{number} {code}"]) == 0
    tracked = capsys.readouterr().out
    assert f"编号 {number}（项目质量或进度问题）" in tracked and "状态：已转交办理单位" in tracked
